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

// The two loops below are most of an SR-MIL epoch outside the matrix products. GCC compiles them
// once per vector width and picks the widest the CPU has when the library loads. This file is
// built with contraction to FMA off (core/CMakeLists.txt), so every width gives the same bits.
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define TESSERA_VECTOR_WIDTHS __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define TESSERA_VECTOR_WIDTHS
#endif

// Where a sum over edges reads: values [N, H, F], weights [E, H], the node each edge gathers
// from, the edges in row order and each row's first edge in that order.
template <typename T> struct EdgeRows {
    const T* values;
    const T* weights;
    const int64_t* gather;
    const int64_t* order;
    const int64_t* offsets;
    int64_t heads;
    int64_t features;
};

// out[i] = Σ_{k ∈ [offsets[i], offsets[i+1])} w[order[k]] · v[gather[order[k]]], per head, for
// rows [begin, end). Each element keeps its order of additions (bit-identical to the plain loop).
template <typename T>
[[gnu::always_inline]] inline void sumRowsInline(T* out, const EdgeRows<T>& r, int64_t begin, int64_t end)
{
    const int64_t width = r.heads * r.features;
    for (int64_t i = begin; i < end; ++i) {
        T* row = out + i * width;
        for (int64_t k = r.offsets[i]; k < r.offsets[i + 1]; ++k) {
            const int64_t e = r.order[k];
            const T* from = r.values + r.gather[e] * width;
            for (int64_t h = 0; h < r.heads; ++h) {
                const T weight = r.weights[e * r.heads + h];
                T* __restrict dst = row + h * r.features;
                const T* __restrict src = from + h * r.features;
                for (int64_t f = 0; f < r.features; ++f)
                    dst[f] += weight * src[f];
            }
        }
    }
}

TESSERA_VECTOR_WIDTHS void sumRows(float* out, const EdgeRows<float>& r, int64_t begin, int64_t end)
{
    sumRowsInline(out, r, begin, end);
}

void sumRows(double* out, const EdgeRows<double>& r, int64_t begin, int64_t end)
{
    sumRowsInline(out, r, begin, end);
}

// Rows are independent, so nodes run in parallel with no atomics.
template <typename T>
void gatherSum(const at::Tensor& v, const at::Tensor& w, const at::Tensor& gather, const at::Tensor& order,
               const at::Tensor& offsets, at::Tensor& out)
{
    const EdgeRows<T> rows{v.data_ptr<T>(),
                           w.data_ptr<T>(),
                           gather.data_ptr<int64_t>(),
                           order.data_ptr<int64_t>(),
                           offsets.data_ptr<int64_t>(),
                           v.size(1),
                           v.size(2)};
    T* outp = out.data_ptr<T>();
    at::parallel_for(0, out.size(0), 64,
                     [&](int64_t begin, int64_t end) { sumRows(outp, rows, begin, end); });
}

// Σ a[f] · b[f] in 16 fixed lanes added up at the end: vectorizable at any width, and the same
// result at every width and thread count.
template <typename T>
[[gnu::always_inline]] inline T laneDot(const T* __restrict a, const T* __restrict b, int64_t n)
{
    constexpr int kLanes = 16;
    T lane[kLanes] = {};
    int64_t f = 0;
    for (; f + kLanes <= n; f += kLanes)
        for (int j = 0; j < kLanes; ++j)
            lane[j] += a[f + j] * b[f + j];
    T sum = 0;
    for (int j = 0; j < kLanes; ++j)
        sum += lane[j];
    for (; f < n; ++f)
        sum += a[f] * b[f];
    return sum;
}

// grad_w[e, h] = <v[source[e], h, :], g[target[e], h, :]> for edges [begin, end).
template <typename T> struct EdgePairs {
    const T* values;
    const T* grads;
    const int64_t* source;
    const int64_t* target;
    int64_t heads;
    int64_t features;
};

template <typename T>
[[gnu::always_inline]] inline void dotsInline(T* out, const EdgePairs<T>& p, int64_t begin, int64_t end)
{
    for (int64_t e = begin; e < end; ++e)
        for (int64_t h = 0; h < p.heads; ++h)
            out[e * p.heads + h] = laneDot(p.values + (p.source[e] * p.heads + h) * p.features,
                                           p.grads + (p.target[e] * p.heads + h) * p.features, p.features);
}

TESSERA_VECTOR_WIDTHS void dots(float* out, const EdgePairs<float>& p, int64_t begin, int64_t end)
{
    dotsInline(out, p, begin, end);
}

void dots(double* out, const EdgePairs<double>& p, int64_t begin, int64_t end)
{
    dotsInline(out, p, begin, end);
}

template <typename T>
void edgeDots(const at::Tensor& v, const at::Tensor& g, const at::Tensor& source, const at::Tensor& target,
              at::Tensor& out)
{
    const EdgePairs<T> pairs{
        v.data_ptr<T>(), g.data_ptr<T>(), source.data_ptr<int64_t>(), target.data_ptr<int64_t>(),
        v.size(1),       v.size(2)};
    T* outp = out.data_ptr<T>();
    at::parallel_for(0, source.size(0), 1024,
                     [&](int64_t begin, int64_t end) { dots(outp, pairs, begin, end); });
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
