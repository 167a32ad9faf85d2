#include "EdgeAggregation.h"

#include "EdgeAttention.h"

#include <ATen/Parallel.h>
#include <torch/torch.h>

#include <atomic>

namespace tessera::core::nets {

EdgeIndex EdgeIndex::make(const at::Tensor& source, const at::Tensor& target, int64_t nodes)
{
    EdgeIndex e;
    e.source = source.contiguous();
    e.target = target.contiguous();
    e.nodes = nodes;
    const auto group = [nodes](const at::Tensor& key, at::Tensor& order, at::Tensor& offsets) {
        order = std::get<1>(torch::sort(key, /*stable=*/true, /*dim=*/0, /*descending=*/false)).contiguous();
        offsets = torch::cat({torch::zeros({1}, key.options()), torch::bincount(key, {}, nodes).cumsum(0)})
                      .contiguous();
    };
    group(e.target, e.byTarget, e.targetOffsets);
    group(e.source, e.bySource, e.sourceOffsets);
    return e;
}

std::vector<at::Tensor> EdgeIndex::tensors() const
{
    return {source, target, byTarget, targetOffsets, bySource, sourceOffsets};
}

EdgeIndex EdgeIndex::fromTensors(const std::vector<at::Tensor>& t, int64_t nodes)
{
    EdgeIndex e;
    e.source = t.at(0);
    e.target = t.at(1);
    e.byTarget = t.at(2);
    e.targetOffsets = t.at(3);
    e.bySource = t.at(4);
    e.sourceOffsets = t.at(5);
    e.nodes = nodes;
    return e;
}

at::Tensor toAccumulationType(const at::Tensor& t)
{
    const at::ScalarType type = t.scalar_type();
    return type == at::kBFloat16 || type == at::kHalf ? t.to(at::kFloat) : t;
}

at::Tensor aggregateEdgesByIndexAdd(const at::Tensor& values, const at::Tensor& weights,
                                    const EdgeIndex& edges)
{
    const at::Tensor messages = values.index_select(0, edges.source) * weights.unsqueeze(-1); // [E, H, F]
    return torch::zeros({edges.nodes, values.size(1), values.size(2)}, values.options())
        .index_add(0, edges.target, messages);
}

namespace {

// out[i] = Σ_{k ∈ [offsets[i], offsets[i+1])} w[order[k]] · v[gather[order[k]]], per head.
// Rows are independent, so nodes run in parallel with no atomics.
template <typename T>
void gatherSum(const at::Tensor& v, const at::Tensor& w, const at::Tensor& gather, const at::Tensor& order,
               const at::Tensor& offsets, at::Tensor& out)
{
    const int64_t heads = v.size(1), features = v.size(2), rows = out.size(0);
    const T* vp = v.data_ptr<T>();
    const T* wp = w.data_ptr<T>();
    const int64_t* gp = gather.data_ptr<int64_t>();
    const int64_t* op = order.data_ptr<int64_t>();
    const int64_t* off = offsets.data_ptr<int64_t>();
    T* outp = out.data_ptr<T>();
    at::parallel_for(0, rows, 64, [&](int64_t begin, int64_t end) {
        for (int64_t i = begin; i < end; ++i) {
            T* row = outp + i * heads * features;
            for (int64_t k = off[i]; k < off[i + 1]; ++k) {
                const int64_t e = op[k];
                const T* from = vp + gp[e] * heads * features;
                for (int64_t h = 0; h < heads; ++h) {
                    const T weight = wp[e * heads + h];
                    const T* src = from + h * features;
                    T* dst = row + h * features;
                    for (int64_t f = 0; f < features; ++f)
                        dst[f] += weight * src[f];
                }
            }
        }
    });
}

// grad_w[e, h] = <v[source[e], h, :], g[target[e], h, :]>
template <typename T>
void edgeDots(const at::Tensor& v, const at::Tensor& g, const at::Tensor& source, const at::Tensor& target,
              at::Tensor& out)
{
    const int64_t heads = v.size(1), features = v.size(2);
    const T* vp = v.data_ptr<T>();
    const T* gp = g.data_ptr<T>();
    const int64_t* sp = source.data_ptr<int64_t>();
    const int64_t* tp = target.data_ptr<int64_t>();
    T* outp = out.data_ptr<T>();
    at::parallel_for(0, source.size(0), 1024, [&](int64_t begin, int64_t end) {
        for (int64_t e = begin; e < end; ++e)
            for (int64_t h = 0; h < heads; ++h) {
                const T* a = vp + (sp[e] * heads + h) * features;
                const T* b = gp + (tp[e] * heads + h) * features;
                T sum = 0;
                for (int64_t f = 0; f < features; ++f)
                    sum += a[f] * b[f];
                outp[e * heads + h] = sum;
            }
    });
}

at::Tensor fusedSum(const at::Tensor& v, const at::Tensor& w, const at::Tensor& gather,
                    const at::Tensor& order, const at::Tensor& offsets, int64_t rows)
{
    at::Tensor out = torch::zeros({rows, v.size(1), v.size(2)}, v.options());
    AT_DISPATCH_FLOATING_TYPES(v.scalar_type(), "gatherSum",
                               [&] { gatherSum<scalar_t>(v, w, gather, order, offsets, out); });
    return out;
}

class FusedAggregation : public torch::autograd::Function<FusedAggregation> {
public:
    static at::Tensor forward(torch::autograd::AutogradContext* ctx, const at::Tensor& values,
                              const at::Tensor& weights, const EdgeIndex& edges)
    {
        const at::Tensor v = values.contiguous(), w = weights.contiguous();
        ctx->save_for_backward({v, w});
        // Index tensors are shared, not copied: saving them costs nothing and keeps them alive.
        ctx->saved_data["edges"] = edges.tensors();
        ctx->saved_data["nodes"] = edges.nodes;
        return fusedSum(v, w, edges.source, edges.byTarget, edges.targetOffsets, edges.nodes);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const at::Tensor& v = saved[0];
        const at::Tensor& w = saved[1];
        const EdgeIndex edges = EdgeIndex::fromTensors(ctx->saved_data["edges"].toTensorVector(),
                                                       ctx->saved_data["nodes"].toInt());
        const at::Tensor g = grads[0].contiguous();
        // d/dv: the same sum run backwards — over edges grouped by source, gathering targets.
        const at::Tensor gradValues =
            fusedSum(g, w, edges.target, edges.bySource, edges.sourceOffsets, v.size(0));
        at::Tensor gradWeights = torch::empty_like(w);
        AT_DISPATCH_FLOATING_TYPES(v.scalar_type(), "edgeDots", [&] {
            edgeDots<scalar_t>(v, g, edges.source, edges.target, gradWeights);
        });
        return {gradValues, gradWeights, at::Tensor()};
    }
};

} // namespace

namespace {
std::atomic<bool> g_fused{true};
} // namespace

void setFusedEdgeAggregation(bool enabled)
{
    g_fused = enabled;
}

bool fusedEdgeKernels()
{
    return g_fused;
}

at::Tensor aggregateEdges(const at::Tensor& values, const at::Tensor& weights, const EdgeIndex& edges)
{
    if (!values.is_cpu() || !g_fused)
        return aggregateEdgesByIndexAdd(values, weights, edges);
    return FusedAggregation::apply(values, weights, edges);
}

} // namespace tessera::core::nets
