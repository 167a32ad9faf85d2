#include "SrMilNet.h"

#include "model/SpatialGraph.h"

#include <torch/torch.h>

namespace tessera::core::nets {

namespace F = torch::nn::functional;

SrMilNet::SrMilNet(const SrMilOptions& o) : m_options(o)
{
    const int64_t wide = o.heads * o.hidden;
    m_inputProjection = register_module("input_projection", torch::nn::Linear(o.inputDim, o.inputDim));
    m_encoder1 =
        register_module("encoder1", GatLayer(GatOptions{o.inputDim, o.hidden, o.heads, o.featureDropout,
                                                        o.attentionDropout, true, true}));
    m_encoder2 = register_module("encoder2", GatLayer(GatOptions{wide, o.hidden, o.heads, o.featureDropout,
                                                                 o.attentionDropout, false, true}));
    m_encoderToDecoder = register_module(
        "encoder_to_decoder", torch::nn::Linear(torch::nn::LinearOptions(o.hidden, o.hidden).bias(false)));
    m_decoder1 = register_module(
        "decoder1",
        GatLayer(GatOptions{o.hidden, o.hidden, o.heads, o.featureDropout, o.attentionDropout, true, true}));
    m_decoder2 =
        register_module("decoder2", GatLayer(GatOptions{wide, o.inputDim, 1, 0.0, 0.0, false, false}));
    m_classifier = register_module("classifier",
                                   torch::nn::Sequential(torch::nn::Linear(o.hidden, 128), torch::nn::ReLU(),
                                                         torch::nn::Dropout(o.classifierDropout),
                                                         torch::nn::Linear(128, o.classes)));
    m_maskToken = register_parameter("mask_token", torch::zeros({1, o.inputDim}));
    m_decoderToken = register_parameter("decoder_token", torch::zeros({1, o.hidden}));
    m_supernode = register_parameter("supernode", torch::randn({1, o.inputDim}) * 0.02);
}

torch::Tensor SrMilNet::gat(GatLayer& layer, const torch::Tensor& x, const EdgeIndex& edges,
                            torch::Tensor* attention)
{
    // Very large bags trade recomputation for memory (see Checkpoint.h).
    if (is_training() && !attention && x.is_cpu() && x.requires_grad() && edges.nodes > m_checkpointAbove)
        return checkpointedGat(*layer, x, edges);
    return layer(x, edges, attention);
}

torch::Tensor SrMilNet::encode(const torch::Tensor& x, const EdgeIndex& edges, torch::Tensor* attention)
{
    const torch::Tensor h = gat(m_encoder1, m_inputProjection(x), edges);
    return gat(m_encoder2, h, edges, attention);
}

torch::Tensor SrMilNet::withSupernode(const torch::Tensor& x)
{
    return torch::cat({x, m_supernode}); // its edges: BagTensors::withSupernode
}

torch::Tensor SrMilNet::maskFeatures(const torch::Tensor& x, const torch::Tensor& masked)
{
    // Masked rows become the learnable mask token (index_put keeps the graph differentiable).
    return x.index_put({masked}, m_maskToken.expand({masked.size(0), x.size(1)}));
}

torch::Tensor SrMilNet::classify(const torch::Tensor& supernodeEmbedding)
{
    return m_classifier->forward<torch::Tensor>(supernodeEmbedding);
}

torch::Tensor SrMilNet::reconstruct(const BagTensors& bag, const torch::Tensor& masked)
{
    const torch::Tensor xMasked = maskFeatures(bag.features, masked);
    torch::Tensor h = m_encoderToDecoder(encode(xMasked, bag.graph));
    // Re-mask: the decoder must rebuild masked nodes from their neighbours alone.
    h = h.index_put({masked}, m_decoderToken.expand({masked.size(0), h.size(1)}));
    return gat(m_decoder2, gat(m_decoder1, h, bag.graph), bag.graph);
}

torch::Tensor SrMilNet::reconstructionLoss(const BagTensors& bag, const torch::Tensor& masked)
{
    const torch::Tensor rebuilt = reconstruct(bag, masked).index_select(0, masked);
    const torch::Tensor original = bag.features.index_select(0, masked);
    const torch::Tensor cosine = (F::normalize(rebuilt, F::NormalizeFuncOptions().dim(-1)) *
                                  F::normalize(original, F::NormalizeFuncOptions().dim(-1)))
                                     .sum(-1);
    return (1 - cosine).pow(m_options.sceAlpha).mean();
}

StepLosses SrMilNet::trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights)
{
    const int64_t n = bag.patches;
    const auto masks = std::max<int64_t>(1, int64_t(std::llround(m_options.maskRate * double(n))));
    const torch::Tensor masked = torch::randperm(n, bag.graph.source.options()).slice(0, 0, masks);
    const auto ce = [&](const torch::Tensor& logits) {
        return slideCrossEntropy(logits, label, classWeights);
    };

    // Label-guided: supernode of the masked graph (CE_m) and of the full graph (CE_f).
    const torch::Tensor logitsMasked =
        classify(encode(withSupernode(maskFeatures(bag.features, masked)), bag.withSupernode)[n]);
    const torch::Tensor logitsFull = classify(encode(withSupernode(bag.features), bag.withSupernode)[n]);
    const torch::Tensor ceMasked = ce(logitsMasked);
    const torch::Tensor ceFull = ce(logitsFull);
    // Label-independent: rebuild masked patches from their spatial neighbours (no supernode).
    const torch::Tensor sce = reconstructionLoss(bag, masked);

    const double wGen = m_options.wGen, wCe = m_options.wCe;
    StepLosses losses;
    losses.total = (2 - wGen) * ((2 - wCe) * ceMasked + wCe * ceFull) + wGen * sce;
    losses.terms = {{"ce_masked", ceMasked.detach()}, {"ce_full", ceFull.detach()}, {"sce", sce.detach()}};
    losses.logits = logitsFull.detach();
    return losses;
}

torch::Tensor SrMilNet::logits(const BagTensors& bag)
{
    return classify(encode(withSupernode(bag.features), bag.withSupernode)[bag.patches]);
}

torch::Tensor SrMilNet::attention(const BagTensors& bag)
{
    torch::Tensor alpha;
    encode(withSupernode(bag.features), bag.withSupernode, &alpha);
    // Edges patch → supernode follow the patch graph's edges, in patch order.
    // Renormalized over the patches (the supernode's self-loop takes the rest).
    const int64_t first = bag.graph.edges();
    const torch::Tensor onPatches = alpha.slice(0, first, first + bag.patches).mean(1);
    return onPatches / onPatches.sum().clamp_min(1e-12);
}

torch::Tensor SrMilNet::consistency(const BagTensors& bag)
{
    // Mask every patch once, in rounds, and score how well its neighbours predict it.
    const int64_t n = bag.patches;
    const torch::Tensor order = torch::randperm(n, bag.graph.source.options());
    torch::Tensor scores = torch::zeros({n}, bag.features.options());
    const int64_t rounds = std::max<int64_t>(1, std::min<int64_t>(m_options.consistencyRounds, n));
    for (int64_t r = 0; r < rounds; ++r) {
        const torch::Tensor masked = order.slice(0, r * n / rounds, (r + 1) * n / rounds);
        if (masked.size(0) == 0)
            continue;
        const torch::Tensor rebuilt = reconstruct(bag, masked).index_select(0, masked);
        const torch::Tensor cosine = F::cosine_similarity(rebuilt, bag.features.index_select(0, masked),
                                                          F::CosineSimilarityFuncOptions().dim(-1));
        scores.index_put_({masked}, cosine);
    }
    return scores;
}

std::vector<torch::Tensor> SrMilNet::encoderParameters()
{
    std::vector<torch::Tensor> parameters = m_inputProjection->parameters();
    for (const auto& p : m_encoder1->parameters())
        parameters.push_back(p);
    for (const auto& p : m_encoder2->parameters())
        parameters.push_back(p);
    return parameters;
}

} // namespace tessera::core::nets
