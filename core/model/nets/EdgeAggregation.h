// Attention-weighted neighbour sums over a sparse graph without materializing per-edge
// messages: memory O(E · heads) instead of O(E · heads · features). Internal to torch TUs.
#pragma once

#include <ATen/Tensor.h>

#include <vector>

namespace tessera::core::nets {

// A graph's edges with the two CSR orders that aggregation and its gradient need, built once.
struct EdgeIndex {
    at::Tensor source, target;          // [E] int64
    at::Tensor byTarget, targetOffsets; // edge ids grouped by target; offsets [N + 1]
    at::Tensor bySource, sourceOffsets; // edge ids grouped by source (for the backward pass)
    int64_t nodes = 0;

    static EdgeIndex make(const at::Tensor& source, const at::Tensor& target, int64_t nodes);
    // The six index tensors, for keeping an index in an autograd context; fromTensors() undoes it.
    std::vector<at::Tensor> tensors() const;
    static EdgeIndex fromTensors(const std::vector<at::Tensor>& tensors, int64_t nodes);
    int64_t edges() const { return source.size(0); }
};

// `t` in float32 when it holds a reduced-precision type (bf16/fp16 from autocast), else as is:
// the edge softmax and sums run in float32 at least, and their fused CPU kernels take float.
at::Tensor toAccumulationType(const at::Tensor& t);

// out[i, h, :] = Σ over edges e into i of weights[e, h] · values[source[e], h, :].
// values [N, H, F], weights [E, H]; differentiable in both. CPU runs a fused kernel (with its
// own backward); other devices use index_add (which does materialize the messages).
at::Tensor aggregateEdges(const at::Tensor& values, const at::Tensor& weights, const EdgeIndex& edges);

// Benchmarks compare the two formulations in one build: false makes aggregateEdges() and
// edgeAttention() (EdgeAttention.h) use their unfused references (index_add and per-edge ops)
// everywhere. Default true.
void setFusedEdgeAggregation(bool enabled);

// The reference formulation with per-edge messages and index_add (tests, non-CPU devices).
at::Tensor aggregateEdgesByIndexAdd(const at::Tensor& values, const at::Tensor& weights,
                                    const EdgeIndex& edges);

} // namespace tessera::core::nets
