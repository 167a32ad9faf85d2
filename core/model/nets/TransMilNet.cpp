#include "TransMilNet.h"

#include <torch/torch.h>

namespace tessera::core::nets {

namespace {
torch::nn::Conv2d depthwise(int64_t channels, int64_t kernel)
{
    return torch::nn::Conv2d(
        torch::nn::Conv2dOptions(channels, channels, kernel).padding(kernel / 2).groups(channels));
}
} // namespace

TransMilNet::TransMilNet(const TransMilOptions& o) : m_options(o)
{
    m_embed = register_module("embed", torch::nn::Linear(o.inputDim, o.hidden));
    m_classToken = register_parameter("class_token", torch::randn({1, o.hidden}) * 0.02);
    m_norm1 = register_module("norm1", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.hidden})));
    m_norm2 = register_module("norm2", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.hidden})));
    m_normOut = register_module("norm_out", torch::nn::LayerNorm(torch::nn::LayerNormOptions({o.hidden})));
    m_attention1 = register_module(
        "attention1", torch::nn::MultiheadAttention(
                          torch::nn::MultiheadAttentionOptions(o.hidden, o.heads).dropout(o.dropout)));
    m_attention2 = register_module(
        "attention2", torch::nn::MultiheadAttention(
                          torch::nn::MultiheadAttentionOptions(o.hidden, o.heads).dropout(o.dropout)));
    m_conv7 = register_module("ppeg7", depthwise(o.hidden, 7));
    m_conv5 = register_module("ppeg5", depthwise(o.hidden, 5));
    m_conv3 = register_module("ppeg3", depthwise(o.hidden, 3));
    m_classifier = register_module("classifier", torch::nn::Linear(o.hidden, o.classes));
}

torch::Tensor TransMilNet::positionalEncoding(const torch::Tensor& tokens, const BagTensors& bag)
{
    // Place tokens on their grid cells (from the graph's coordinates), convolve, read back.
    const torch::Tensor& grid = bag.grid; // [N, 2] integer grid positions
    const torch::Tensor origin = std::get<0>(grid.min(0));
    const torch::Tensor cells = grid - origin;
    const int64_t width = cells.select(1, 0).max().item<int64_t>() + 1;
    const int64_t height = cells.select(1, 1).max().item<int64_t>() + 1;
    const torch::Tensor flat = cells.select(1, 1) * width + cells.select(1, 0);
    torch::Tensor map = torch::zeros({width * height, tokens.size(1)}, tokens.options())
                            .index_copy(0, flat, tokens)
                            .t()
                            .reshape({1, tokens.size(1), height, width});
    map = map + m_conv7(map) + m_conv5(map) + m_conv3(map);
    return map.reshape({tokens.size(1), width * height}).t().index_select(0, flat);
}

std::pair<torch::Tensor, torch::Tensor> TransMilNet::forward(const BagTensors& bag)
{
    torch::Tensor tokens = torch::relu(m_embed(bag.features));         // [N, C]
    torch::Tensor x = torch::cat({m_classToken, tokens}).unsqueeze(1); // [N+1, 1, C]
    {
        const torch::Tensor h = m_norm1(x);
        x = x + std::get<0>(m_attention1(h, h, h));
    }
    // Positional conditioning of the patch tokens (the class token passes through).
    x = torch::cat({x.slice(0, 0, 1), positionalEncoding(x.slice(0, 1).squeeze(1), bag).unsqueeze(1)});
    const torch::Tensor h = m_norm2(x);
    const auto [out, weights] = m_attention2(h, h, h); // weights [1, N+1, N+1], averaged over heads
    x = x + out;
    const torch::Tensor cls = m_normOut(x[0][0]);
    torch::Tensor attention = weights[0][0].slice(0, 1);
    attention = attention / attention.sum().clamp_min(1e-12);
    return {m_classifier(cls), attention};
}

StepLosses TransMilNet::trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights)
{
    const torch::Tensor logits = forward(bag).first;
    const torch::Tensor ce = slideCrossEntropy(logits, label, classWeights);
    return {ce, {{"ce", ce.detach()}}, logits.detach()};
}

torch::Tensor TransMilNet::logits(const BagTensors& bag)
{
    return forward(bag).first;
}
torch::Tensor TransMilNet::attention(const BagTensors& bag)
{
    return forward(bag).second;
}

std::vector<torch::Tensor> TransMilNet::encoderParameters()
{
    std::vector<torch::Tensor> p = m_embed->parameters();
    for (const auto& t : m_attention1->parameters())
        p.push_back(t);
    return p;
}

} // namespace tessera::core::nets
