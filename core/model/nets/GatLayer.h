// Sparse graph-attention layer (GAT) over an edge list; internal to torch translation units.
#pragma once

#include "EdgeAggregation.h"

#include <torch/nn/module.h>
#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/dropout.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace tessera::core::nets {

// As the SR-MIL authors' GATConv (DGL-style): output = act(norm(Σ α W drop(x) + bias + res)),
// with res = R drop(x) only where the layer changes the width (no identity residual).
struct GatOptions {
    int64_t in = 64;
    int64_t out = 64; // per head
    int64_t heads = 4;
    double featureDropout = 0.11;
    double attentionDropout = 0.15;
    bool concatHeads = true; // else heads are averaged
    bool residual = true;    // a residual projection where in ≠ the output width
    bool activate = true;    // LayerNorm, then PReLU
};

// What a layer computes for each node on its own, before message passing.
struct GatProjection {
    torch::Tensor values;   // [N, heads, out]: projected (after feature dropout)
    torch::Tensor residual; // [N, outputSize()], or undefined for a layer without residual
};

// Softmax runs over each node's incoming edges; the weighted neighbour sum is fused
// (aggregateEdges), so memory is O(E · heads) plus O(N · heads · out), never O(N²).
class GatLayerImpl : public torch::nn::Module {
public:
    explicit GatLayerImpl(const GatOptions& options);

    // x [N, in]. Returns [N, heads·out] (concat) or [N, out] (mean). `attention` receives the
    // per-edge weights [E, heads] (in the edges' order) when not null.
    torch::Tensor forward(const torch::Tensor& x, const EdgeIndex& edges, torch::Tensor* attention = nullptr);

    // forward() in two steps: the per-node part (row-local, so it can run in row chunks) and the
    // message passing.
    GatProjection project(const torch::Tensor& x);
    torch::Tensor propagate(const GatProjection& projection, const EdgeIndex& edges,
                            torch::Tensor* attention = nullptr);

    // For a one-head layer without activation or residual whose output is wider than its input:
    // the same result as forward(x) in two steps that never hold [N, out]. aggregateInputs() sums
    // the (dropped-out) inputs with the attention weights in input space ([N, in]); then
    // projectAggregated(aggregated[rows]) = forward(x)[rows], for any rows.
    torch::Tensor aggregateInputs(const torch::Tensor& x, const EdgeIndex& edges);

    // forward(x)[row] alone, in O(N · (in + heads)) without per-edge tensors beyond the row's own
    // edges (for a supernode, whose edges come from every node). `attention` receives [N, heads]:
    // the row's attention on each source node (0 where there is no edge).
    torch::Tensor forwardRow(const torch::Tensor& x, const EdgeIndex& edges, int64_t row,
                             torch::Tensor* attention = nullptr);
    torch::Tensor projectAggregated(const torch::Tensor& aggregated);

    int64_t outputSize() const
    {
        return m_options.concatHeads ? m_options.out * m_options.heads : m_options.out;
    }

private:
    // Wᵀa for the source and target attention vectors: [in, heads] each, so that x·(Wᵀa) gives
    // a node's scores without its projection z = W x.
    struct InputSpaceScores {
        torch::Tensor source, target;
    };
    InputSpaceScores inputSpaceScores() const;
    torch::Tensor activate(const torch::Tensor& x); // LayerNorm, then PReLU
    // Dropout keeping byte masks (LeanOps.h): of the layer's input, and of the attention weights.
    torch::Tensor featureDropout(const torch::Tensor& x);
    torch::Tensor attentionDropout(const torch::Tensor& alpha);
    // The heads combined (concatenated or averaged), the bias and the residual added, activated.
    torch::Tensor finish(torch::Tensor perHead, const torch::Tensor& residual);
    torch::Tensor attentionWeights(const torch::Tensor& scoreSource, const torch::Tensor& scoreTarget,
                                   const EdgeIndex& edges);

    GatOptions m_options;
    torch::nn::Linear m_fc{nullptr};
    torch::nn::Linear m_residual{nullptr};
    torch::Tensor m_attnSource, m_attnTarget, m_bias;
    torch::nn::PReLU m_activation{nullptr};
    torch::nn::LayerNorm m_norm{nullptr};
};
TORCH_MODULE(GatLayer);

} // namespace tessera::core::nets
