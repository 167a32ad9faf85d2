#include "AbMilNet.h"

#include <torch/torch.h>

namespace tessera::core::nets {

AbMilNet::AbMilNet(const AbMilOptions& o)
{
    m_embed =
        register_module("embed", torch::nn::Sequential(torch::nn::Linear(o.inputDim, o.hidden),
                                                       torch::nn::ReLU(), torch::nn::Dropout(o.dropout)));
    m_attentionV = register_module("attention_v", torch::nn::Linear(o.hidden, o.attentionHidden));
    m_attentionU = register_module("attention_u", torch::nn::Linear(o.hidden, o.attentionHidden));
    m_attentionW = register_module("attention_w", torch::nn::Linear(o.attentionHidden, 1));
    m_classifier = register_module("classifier", torch::nn::Linear(o.hidden, o.classes));
}

std::pair<torch::Tensor, torch::Tensor> AbMilNet::forward(const BagTensors& bag)
{
    const torch::Tensor h = m_embed->forward<torch::Tensor>(bag.features);                     // [N, hidden]
    const torch::Tensor gate = torch::tanh(m_attentionV(h)) * torch::sigmoid(m_attentionU(h)); // [N, a]
    const torch::Tensor a = torch::softmax(m_attentionW(gate).squeeze(1), 0);                  // [N]
    return {m_classifier((a.unsqueeze(1) * h).sum(0)), a};
}

StepLosses AbMilNet::trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights)
{
    const torch::Tensor logits = forward(bag).first;
    const torch::Tensor ce = slideCrossEntropy(logits, label, classWeights);
    return {ce, {{"ce", ce.detach()}}, logits.detach()};
}

torch::Tensor AbMilNet::logits(const BagTensors& bag)
{
    return forward(bag).first;
}
torch::Tensor AbMilNet::attention(const BagTensors& bag)
{
    return forward(bag).second;
}

MilNet::LogitsAndWeights AbMilNet::logitsWithAttentionWeights(const BagTensors& bag)
{
    const auto [logits, a] = forward(bag);
    return {logits, a};
}

std::vector<torch::Tensor> AbMilNet::encoderParameters()
{
    return m_embed->parameters();
}

} // namespace tessera::core::nets
