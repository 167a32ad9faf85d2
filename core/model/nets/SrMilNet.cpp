#include "SrMilNet.h"

#include "model/SpatialGraph.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <utility>

namespace tessera::core::nets {

namespace F = torch::nn::functional;

SrMilNet::SrMilNet(const SrMilOptions& o) : m_options(o)
{
    const int64_t wide = o.heads * o.hidden;
    const double gain = 1.414; // the reference's gain for its input projection and encoder-to-decoder
    m_inputProjection = register_module("input_projection", torch::nn::Linear(o.inputDim, o.inputDim));
    torch::nn::init::xavier_uniform_(m_inputProjection->weight, gain);
    torch::nn::init::zeros_(m_inputProjection->bias);
    const double fd = o.featureDropout, ad = o.attentionDropout;
    m_encoder1 = register_module(
        "encoder1", GatLayer(GatOptions{o.inputDim, o.hidden, o.heads, fd, ad, true, true, true}));
    m_encoder2 =
        register_module("encoder2", GatLayer(GatOptions{wide, o.hidden, o.heads, fd, ad, true, true, true}));
    m_encoderToDecoder = register_module("encoder_to_decoder",
                                         torch::nn::Linear(torch::nn::LinearOptions(wide, wide).bias(false)));
    torch::nn::init::xavier_normal_(m_encoderToDecoder->weight, gain);
    m_decoder1 =
        register_module("decoder1", GatLayer(GatOptions{wide, o.hidden, o.heads, fd, ad, true, true, true}));
    m_decoder2 =
        register_module("decoder2", GatLayer(GatOptions{wide, o.inputDim, 1, fd, ad, true, false, false}));
    m_classifier = register_module("classifier",
                                   torch::nn::Sequential(torch::nn::Linear(o.hidden, 128), torch::nn::ReLU(),
                                                         torch::nn::Dropout(o.classifierDropout),
                                                         torch::nn::Linear(128, o.classes)));
    // Tokens as the reference's: N(0, 0.01).
    m_maskToken = register_parameter("mask_token", torch::randn({1, o.inputDim}) * 0.01);
    m_decoderToken = register_parameter("decoder_token", torch::randn({1, wide}) * 0.01);
    m_supernode = register_parameter("supernode", torch::randn({1, o.inputDim}) * 0.01);
}

bool SrMilNet::checkpoints(int64_t nodes, const torch::Tensor& on) const
{
    // The recomputation replays the CPU generator only.
    return isLarge(nodes) && torch::GradMode::is_enabled() && on.is_cpu();
}

std::vector<torch::Tensor> SrMilNet::overRowChunks(int64_t rows, bool checkpoint,
                                                   const std::function<RowChunk(int64_t, int64_t)>& chunk)
{
    const int64_t step = isLarge(rows) ? std::max<int64_t>(1, m_rowChunk) : std::max<int64_t>(1, rows);
    std::vector<std::vector<torch::Tensor>> parts;
    for (int64_t begin = 0; begin < rows; begin += step) {
        const int64_t end = std::min(rows, begin + step);
        const auto [inputs, fn] = chunk(begin, end);
        const std::vector<torch::Tensor> part = checkpointedIf(checkpoint, fn, inputs);
        if (end - begin == rows)
            return part;
        parts.push_back(part);
    }
    // Concatenated: copying chunks into slices of one tensor would hold the whole output once
    // less, but autograd's in-place slice copies clone the full gradient per chunk.
    std::vector<torch::Tensor> outputs;
    for (std::size_t k = 0; k < parts.front().size(); ++k) {
        std::vector<torch::Tensor> pieces;
        for (auto& part : parts)
            pieces.push_back(std::exchange(part[k], {}));
        outputs.push_back(torch::cat(pieces));
    }
    return outputs;
}

GatProjection SrMilNet::encoderInput(const BagTensors& bag, const torch::Tensor& masked, bool supernode)
{
    const int64_t n = bag.patches, rows = n + (supernode ? 1 : 0);
    const auto outputs =
        overRowChunks(rows, checkpoints(rows, bag.features), [&](int64_t begin, int64_t end) {
            const int64_t patchEnd = std::min(end, n);
            std::vector<torch::Tensor> inputs{bag.features.slice(0, begin, patchEnd)};
            if (masked.defined())
                inputs.push_back(masked.slice(0, begin, patchEnd));
            const bool withSupernode = end > n;
            CheckpointedFunction fn = [this, withSupernode](const std::vector<torch::Tensor>& in) {
                torch::Tensor x = in[0];
                if (in.size() > 1) // masked rows become the learnable mask token
                    x = torch::where(in[1].unsqueeze(1), m_maskToken, x);
                if (withSupernode) // its edges: BagTensors::withSupernode
                    x = torch::cat({x, m_supernode});
                const GatProjection p = m_encoder1->project(m_inputProjection(x));
                return std::vector<torch::Tensor>{p.values, p.residual};
            };
            return RowChunk{inputs, fn};
        });
    return {outputs[0], outputs[1]};
}

torch::Tensor SrMilNet::gat(GatLayer& layer, const torch::Tensor& x, const EdgeIndex& edges,
                            torch::Tensor* attention)
{
    if (attention)
        return layer(x, edges, attention);
    // The closure holds the layer and the edges: it runs again in the backward pass.
    return checkpointedIf(checkpoints(edges.nodes, x),
                          [layer, edges](const std::vector<torch::Tensor>& in) mutable {
                              return std::vector{layer(in[0], edges)};
                          },
                          {x})[0];
}

torch::Tensor SrMilNet::firstLayer(const GatProjection& input, const EdgeIndex& edges)
{
    return checkpointedIf(checkpoints(edges.nodes, input.values),
                          [layer = m_encoder1, edges](const std::vector<torch::Tensor>& in) mutable {
                              return std::vector{layer->propagate({in[0], in[1]}, edges)};
                          },
                          {input.values, input.residual})[0];
}

torch::Tensor SrMilNet::encodePatches(const BagTensors& bag, const torch::Tensor& masked)
{
    CheckpointedFunction pass = [this, bag](const std::vector<torch::Tensor>& in) {
        const torch::Tensor h = firstLayer(encoderInput(bag, in[0], false), bag.graph);
        return std::vector{gat(m_encoder2, h, bag.graph)};
    };
    // Checkpointed whole, the pass keeps only its [N, hidden] result while the decoder trains.
    return checkpointedIf(checkpoints(bag.patches, bag.features), pass, {masked})[0];
}

torch::Tensor SrMilNet::slideEmbedding(const BagTensors& bag, const torch::Tensor& masked,
                                       torch::Tensor* attention)
{
    CheckpointedFunction pass = [this, bag, attention](const std::vector<torch::Tensor>& in) {
        const GatProjection input = encoderInput(bag, in.empty() ? torch::Tensor() : in[0], true);
        const torch::Tensor h = firstLayer(input, bag.withSupernode);
        return std::vector{m_encoder2->forwardRow(h, bag.withSupernode, bag.patches, attention)};
    };
    const auto inputs = masked.defined() ? std::vector{masked} : std::vector<torch::Tensor>{};
    // The pass ends in one row: checkpointed whole, it keeps nothing of the bag's size.
    return checkpointedIf(!attention && checkpoints(bag.patches + 1, bag.features), pass, inputs)[0];
}

torch::Tensor SrMilNet::classify(const torch::Tensor& supernodeEmbedding)
{
    // The supernode's concatenated heads, averaged: the slide's representation.
    const torch::Tensor pooled = supernodeEmbedding.view({m_options.heads, m_options.hidden}).mean(0);
    return m_classifier->forward<torch::Tensor>(pooled);
}

torch::Tensor SrMilNet::reconstructionCosines(const BagTensors& bag, const torch::Tensor& masked)
{
    const int64_t n = bag.patches;
    const torch::Tensor flags =
        torch::zeros({n}, masked.options().dtype(torch::kBool)).index_fill_(0, masked, true);
    const int64_t rows = masked.size(0);
    const bool widening = m_options.inputDim > m_options.heads * m_options.hidden;
    // From the encoder's output to the decoder's last layer, on the masked rows only. When the
    // last layer widens (D > heads · hidden), it aggregates in the narrower space and widens only
    // the masked rows, chunk by chunk below (no [N, D] tensor exists). Checkpointed whole on
    // large bags: it keeps only its input and its [M, ·] output.
    CheckpointedFunction decode = [this, bag, masked, widening](const std::vector<torch::Tensor>& in) {
        torch::Tensor h = m_encoderToDecoder(in[0]);
        // Re-mask: the decoder must rebuild masked nodes from their neighbours alone.
        h = h.index_put({masked}, m_decoderToken.to(h.scalar_type()).expand({masked.size(0), h.size(1)}));
        h = gat(m_decoder1, h, bag.graph);
        return std::vector{
            (widening ? m_decoder2->aggregateInputs(h, bag.graph) : gat(m_decoder2, h, bag.graph))
                .index_select(0, masked)};
    };
    const torch::Tensor decoded =
        checkpointedIf(checkpoints(n, bag.features), decode, {encodePatches(bag, flags)})[0];
    // The rows' cosines in row chunks, so that no [M, D] tensor lives beyond one chunk.
    return overRowChunks(rows, checkpoints(rows, bag.features), [&](int64_t begin, int64_t end) {
        const std::vector<torch::Tensor> inputs{masked.slice(0, begin, end), decoded.slice(0, begin, end)};
        CheckpointedFunction fn = [this, features = bag.features,
                                   widening](const std::vector<torch::Tensor>& in) {
            const torch::Tensor rebuilt = widening ? m_decoder2->projectAggregated(in[1]) : in[1];
            const torch::Tensor original = features.index_select(0, in[0]);
            const auto unit = F::NormalizeFuncOptions().dim(-1);
            return std::vector{(F::normalize(rebuilt, unit) * F::normalize(original, unit)).sum(-1)};
        };
        return RowChunk{inputs, fn};
    })[0];
}

torch::Tensor SrMilNet::reconstructionLoss(const BagTensors& bag, const torch::Tensor& masked)
{
    return (1 - reconstructionCosines(bag, masked)).pow(m_options.sceAlpha).mean();
}

int64_t SrMilNet::maskCount(int64_t n) const
{
    return std::max<int64_t>(1, int64_t(m_options.maskRate * double(n)));
}

StepLosses SrMilNet::trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights)
{
    const torch::Tensor masked =
        torch::randperm(bag.patches, bag.graph.source.options()).slice(0, 0, maskCount(bag.patches));
    return stepWithMask(bag, label, classWeights, masked);
}

StepLosses SrMilNet::stepWithMask(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights,
                                  const torch::Tensor& masked)
{
    const int64_t n = bag.patches;
    const torch::Tensor flags =
        torch::zeros({n}, masked.options().dtype(torch::kBool)).index_fill_(0, masked, true);
    const auto ce = [&](const torch::Tensor& logits) {
        return slideCrossEntropy(logits, label, classWeights);
    };

    // Label-guided: supernode of the masked graph (CE_m) and of the full graph (CE_f).
    const torch::Tensor logitsMasked = classify(slideEmbedding(bag, flags));
    const torch::Tensor logitsFull = classify(slideEmbedding(bag, {}));
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
    return classify(slideEmbedding(bag, {}));
}

torch::Tensor SrMilNet::attention(const BagTensors& bag)
{
    torch::Tensor alpha;
    slideEmbedding(bag, {}, &alpha);
    // The supernode attends to the patches only (no self-loop): each head's weights sum to 1.
    return alpha.slice(0, 0, bag.patches).mean(1);
}

MilNet::LogitsAndWeights SrMilNet::logitsWithAttentionWeights(const BagTensors& bag)
{
    torch::Tensor alpha;
    const torch::Tensor logits = classify(slideEmbedding(bag, {}, &alpha));
    return {logits, alpha};
}

torch::Tensor SrMilNet::patchProbabilities(const BagTensors& bag, int64_t positive)
{
    const torch::Tensor h = firstLayer(encoderInput(bag, {}, true), bag.withSupernode);
    const torch::Tensor rows = gat(m_encoder2, h, bag.withSupernode).slice(0, 0, bag.patches);
    const torch::Tensor pooled = rows.view({bag.patches, m_options.heads, m_options.hidden}).mean(1);
    return torch::softmax(m_classifier->forward<torch::Tensor>(pooled), 1).select(1, positive);
}

torch::Tensor SrMilNet::consistency(const BagTensors& bag)
{
    return consistency(bag, m_options.consistencyMaskRate, m_options.consistencyRounds);
}

torch::Tensor SrMilNet::consistency(const BagTensors& bag, double maskRate, int rounds)
{
    // Round k masks the window [k·n/R, k·n/R + m) of a shuffled cyclic order: every patch is
    // masked in about m·R/n rounds, and scored by how well its neighbours predict it.
    const int64_t n = bag.patches;
    const int64_t r = std::max<int64_t>(1, std::min<int64_t>(rounds, n));
    // At least the gap between two windows' starts, so that every patch is masked at least once.
    const int64_t masked =
        std::clamp<int64_t>(std::max<int64_t>(std::llround(maskRate * double(n)), (n + r - 1) / r), 1, n);
    const torch::Tensor order = torch::randperm(n, bag.graph.source.options());
    const torch::Tensor cyclic = torch::cat({order, order});
    torch::Tensor sums = torch::zeros({n}, bag.features.options());
    torch::Tensor counts = torch::zeros({n}, bag.features.options());
    for (int64_t k = 0; k < r; ++k) {
        const int64_t begin = k * n / r;
        const torch::Tensor ids = cyclic.slice(0, begin, begin + masked);
        sums.index_add_(0, ids, reconstructionCosines(bag, ids).to(sums.scalar_type()));
        counts.index_add_(0, ids, torch::ones({masked}, counts.options()));
    }
    return sums / counts;
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
