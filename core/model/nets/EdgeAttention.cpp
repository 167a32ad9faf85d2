#include "EdgeAttention.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <cmath>
#include <limits>

namespace tessera::core::nets {

namespace {
// The largest score into each node, per head: a constant shift for the softmax.
torch::Tensor maximaPerTarget(const torch::Tensor& scores, const EdgeIndex& edges)
{
    const int64_t heads = scores.size(1);
    if (!scores.is_cpu()) {
        const auto index = edges.target.unsqueeze(1).expand_as(scores);
        return torch::full({edges.nodes, heads}, -std::numeric_limits<float>::infinity(), scores.options())
            .scatter_reduce(0, index, scores, "amax", /*include_self=*/true);
    }
    // CPU: one pass over each node's incoming edges (CSR), no scatter.
    const torch::Tensor s = scores.contiguous().to(torch::kFloat64);
    torch::Tensor maxima =
        torch::full({edges.nodes, heads}, -std::numeric_limits<double>::infinity(), s.options());
    const double* sp = s.data_ptr<double>();
    double* mp = maxima.data_ptr<double>();
    const int64_t* order = edges.byTarget.data_ptr<int64_t>();
    const int64_t* offsets = edges.targetOffsets.data_ptr<int64_t>();
    at::parallel_for(0, edges.nodes, 256, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i)
            for (int64_t k = offsets[i]; k < offsets[i + 1]; ++k)
                for (int64_t h = 0; h < heads; ++h)
                    mp[i * heads + h] = std::max(mp[i * heads + h], sp[order[k] * heads + h]);
    });
    return maxima.to(scores.scalar_type());
}
} // namespace

torch::Tensor edgeSoftmax(const torch::Tensor& scores, const EdgeIndex& edges)
{
    // The max per target is a constant shift: no gradient needs to flow through it.
    const torch::Tensor maxima = maximaPerTarget(scores.detach(), edges);
    const torch::Tensor e = (scores - maxima.index_select(0, edges.target)).exp();
    const torch::Tensor sums =
        torch::zeros({edges.nodes, scores.size(1)}, scores.options()).index_add(0, edges.target, e);
    return e / sums.index_select(0, edges.target).clamp_min(1e-16);
}

at::Tensor edgeAttentionReference(const at::Tensor& scoreSource, const at::Tensor& scoreTarget,
                                  const EdgeIndex& edges, double slope)
{
    const at::Tensor scores = torch::leaky_relu(
        scoreSource.index_select(0, edges.source) + scoreTarget.index_select(0, edges.target), slope);
    return edgeSoftmax(scores, edges);
}

namespace {

// Per target node (rows in parallel, no atomics): the scores of its incoming edges, their
// maximum, exponentials and sum, written as normalized weights. Scores are recomputed in each
// pass rather than stored.
void fusedSoftmax(const float* source, const float* target, const int64_t* sourceOf, const int64_t* order,
                  const int64_t* offsets, int64_t nodes, int64_t heads, float slope, float* alpha)
{
    at::parallel_for(0, nodes, 256, [&](int64_t begin, int64_t end) {
        std::vector<double> maxima(std::size_t(heads), 0.0), sums(std::size_t(heads), 0.0);
        for (int64_t t = begin; t < end; ++t) {
            const auto score = [&](int64_t e, int64_t h) {
                const float s = source[sourceOf[e] * heads + h] + target[t * heads + h];
                return s > 0 ? s : slope * s;
            };
            std::fill(maxima.begin(), maxima.end(), -std::numeric_limits<double>::infinity());
            std::fill(sums.begin(), sums.end(), 0.0);
            for (int64_t k = offsets[t]; k < offsets[t + 1]; ++k)
                for (int64_t h = 0; h < heads; ++h)
                    maxima[h] = std::max(maxima[h], double(score(order[k], h)));
            for (int64_t k = offsets[t]; k < offsets[t + 1]; ++k)
                for (int64_t h = 0; h < heads; ++h) {
                    const double value = std::exp(double(score(order[k], h)) - maxima[h]);
                    alpha[order[k] * heads + h] = float(value);
                    sums[h] += value;
                }
            for (int64_t k = offsets[t]; k < offsets[t + 1]; ++k)
                for (int64_t h = 0; h < heads; ++h)
                    alpha[order[k] * heads + h] =
                        float(alpha[order[k] * heads + h] / std::max(sums[h], 1e-16));
        }
    });
}

class FusedEdgeAttention : public torch::autograd::Function<FusedEdgeAttention> {
public:
    static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& scoreSource,
                              const at::Tensor& scoreTarget, const EdgeIndex& edges, double slope)
    {
        const at::Tensor source = scoreSource.contiguous(), target = scoreTarget.contiguous();
        const int64_t heads = source.size(1);
        at::Tensor alpha = torch::empty({edges.edges(), heads}, source.options());
        fusedSoftmax(source.data_ptr<float>(), target.data_ptr<float>(), edges.source.data_ptr<int64_t>(),
                     edges.byTarget.data_ptr<int64_t>(), edges.targetOffsets.data_ptr<int64_t>(), edges.nodes,
                     heads, float(slope), alpha.data_ptr<float>());
        ctx->save_for_backward({source, target, alpha});
        ctx->saved_data["edges"] = edges.tensors();
        ctx->saved_data["nodes"] = edges.nodes;
        ctx->saved_data["slope"] = slope;
        return alpha;
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const at::Tensor &source = saved[0], &target = saved[1], &alpha = saved[2];
        const EdgeIndex edges = EdgeIndex::fromTensors(ctx->saved_data["edges"].toTensorVector(),
                                                       ctx->saved_data["nodes"].toInt());
        const auto slope = float(ctx->saved_data["slope"].toDouble());
        const at::Tensor g = grads[0].contiguous();
        const int64_t heads = alpha.size(1);
        // Per target: softmax backward α(g − Σ αg), then LeakyReLU's slope at the recomputed score.
        at::Tensor gradScores = torch::empty_like(alpha); // d loss / d pre-activation score, per edge
        at::Tensor gradTarget = torch::zeros_like(target);
        const float *sp = source.data_ptr<float>(), *tp = target.data_ptr<float>(),
                    *ap = alpha.data_ptr<float>(), *gp = g.data_ptr<float>();
        float *gsp = gradScores.data_ptr<float>(), *gtp = gradTarget.data_ptr<float>();
        const int64_t *sourceOf = edges.source.data_ptr<int64_t>(),
                      *order = edges.byTarget.data_ptr<int64_t>(),
                      *offsets = edges.targetOffsets.data_ptr<int64_t>();
        at::parallel_for(0, edges.nodes, 256, [&](int64_t begin, int64_t end) {
            std::vector<double> dots(static_cast<std::size_t>(heads), 0.0);
            for (int64_t t = begin; t < end; ++t) {
                std::fill(dots.begin(), dots.end(), 0.0);
                for (int64_t k = offsets[t]; k < offsets[t + 1]; ++k)
                    for (int64_t h = 0; h < heads; ++h)
                        dots[h] += double(ap[order[k] * heads + h]) * gp[order[k] * heads + h];
                for (int64_t k = offsets[t]; k < offsets[t + 1]; ++k) {
                    const int64_t e = order[k];
                    for (int64_t h = 0; h < heads; ++h) {
                        const float score = sp[sourceOf[e] * heads + h] + tp[t * heads + h];
                        const float value = float(ap[e * heads + h] * (gp[e * heads + h] - dots[h])) *
                                            (score > 0 ? 1.f : slope);
                        gsp[e * heads + h] = value;
                        gtp[t * heads + h] += value;
                    }
                }
            }
        });
        // Each edge's gradient also reaches its source's score; summed over edges by source.
        at::Tensor gradSource = torch::zeros_like(source);
        float* gsrc = gradSource.data_ptr<float>();
        const int64_t *bySource = edges.bySource.data_ptr<int64_t>(),
                      *sourceOffsets = edges.sourceOffsets.data_ptr<int64_t>();
        at::parallel_for(0, edges.nodes, 256, [&](int64_t begin, int64_t end) {
            for (int64_t s = begin; s < end; ++s)
                for (int64_t k = sourceOffsets[s]; k < sourceOffsets[s + 1]; ++k)
                    for (int64_t h = 0; h < heads; ++h)
                        gsrc[s * heads + h] += gsp[bySource[k] * heads + h];
        });
        return {gradSource, gradTarget, at::Tensor(), at::Tensor()};
    }
};

} // namespace

at::Tensor edgeAttention(const at::Tensor& scoreSource, const at::Tensor& scoreTarget, const EdgeIndex& edges,
                         double slope)
{
    if (!scoreSource.is_cpu() || scoreSource.scalar_type() != at::kFloat || !fusedEdgeKernels())
        return edgeAttentionReference(scoreSource, scoreTarget, edges, slope);
    return FusedEdgeAttention::apply(scoreSource, scoreTarget, edges, slope);
}

} // namespace tessera::core::nets
