// Two operations of the GAT layer written as autograd functions that keep less for the backward
// pass than LibTorch's own, with the same values and gradients (tst_srmil compares them). On a
// 100k-patch bag each kept [N, 256] tensor is 100 MiB, and every layer kept three more than it
// needs. Internal to torch translation units.
#pragma once

#include <torch/types.h>

namespace tessera::core::nets {

// Dropout that keeps its mask as bytes (LibTorch's keeps a float mask: 4× the memory). Draws
// the same Bernoulli(1 − p) keep-mask; scales kept values by 1 / (1 − p). Identity when not
// training or p = 0.
torch::Tensor leanDropout(const torch::Tensor& x, double p, bool training);

// PReLU(LayerNorm(x)) over the last dimension, keeping only x and the normalisation statistics:
// the normalised values are recomputed in the backward pass instead of being kept. `prelu` has
// one slope, or one per channel.
torch::Tensor layerNormPrelu(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                             const torch::Tensor& prelu, double eps);

} // namespace tessera::core::nets
