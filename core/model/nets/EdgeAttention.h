// GAT attention weights over a sparse graph: the softmax over each node's incoming edges of
// LeakyReLU(source score + target score). Internal to torch TUs.
#pragma once

#include "EdgeAggregation.h"

namespace tessera::core::nets {

// alpha[e, h] for scoreSource, scoreTarget [N, H]: [E, H], differentiable in both scores. CPU
// runs one fused kernel that keeps only the scores and the result for its backward (memory
// O(N · H) + one [E, H] tensor instead of seven); elsewhere, or with setFusedEdgeAggregation(false),
// the unfused reference below.
at::Tensor edgeAttention(const at::Tensor& scoreSource, const at::Tensor& scoreTarget, const EdgeIndex& edges,
                         double slope = 0.2);

// The reference: per-edge scores with LeakyReLU, then edgeSoftmax.
at::Tensor edgeAttentionReference(const at::Tensor& scoreSource, const at::Tensor& scoreTarget,
                                  const EdgeIndex& edges, double slope = 0.2);

// Softmax of `scores` [E, H] over the edges that share a target (numerically stable).
at::Tensor edgeSoftmax(const at::Tensor& scores, const EdgeIndex& edges);

// Whether setFusedEdgeAggregation() left the fused CPU kernels on.
bool fusedEdgeKernels();

} // namespace tessera::core::nets
