// Activation checkpointing for GAT layers: run a layer without keeping its activations and
// recompute them in the backward pass (memory for time). Internal to torch TUs.
#pragma once

#include "GatLayer.h"

namespace tessera::core::nets {

// Above this many nodes SR-MIL checkpoints its GAT layers during training on CPU: a 100k-patch
// bag then keeps one layer's activations at a time instead of all eight layers'.
inline constexpr int64_t kCheckpointAboveNodes = 20000;

// layer(x, edges) with only x kept for the backward pass. Dropout draws the same masks in the
// recomputation (the CPU generator's state is restored around it). CPU only; `x` must require
// gradients (else the layer's parameters would get none).
torch::Tensor checkpointedGat(GatLayerImpl& layer, const torch::Tensor& x, const EdgeIndex& edges);

} // namespace tessera::core::nets
