// Activation checkpointing: run a piece of the network without keeping its activations and
// recompute them in the backward pass (memory for time). Internal to torch TUs.
#pragma once

#include <ATen/Tensor.h>

#include <functional>
#include <vector>

namespace tessera::core::nets {

// Above this many nodes SR-MIL trains a bag the memory-lean way on CPU: GAT layers and the
// D-wide input and output stages are checkpointed, the D-wide stages also in row chunks. A
// 100k-patch bag then keeps one layer's activations at a time instead of all of them.
inline constexpr int64_t kCheckpointAboveNodes = 20000;

using CheckpointedFunction = std::function<std::vector<at::Tensor>(const std::vector<at::Tensor>&)>;

// fn(inputs) with only `inputs` kept for the backward pass, which runs fn again. With backward()
// (not autograd::grad(), which would leave fn's parameters out), the parameters that fn uses get
// their gradients as in a plain call; so do the inputs that require them. Dropout
// draws the same masks in the recomputation (the CPU generator's state is restored around it).
// CPU only. Undefined inputs are allowed (passed through as undefined).
std::vector<at::Tensor> checkpointed(CheckpointedFunction fn, const std::vector<at::Tensor>& inputs);

// checkpointed(fn, inputs) when `checkpoint`, else plainly fn(inputs).
inline std::vector<at::Tensor> checkpointedIf(bool checkpoint, CheckpointedFunction fn,
                                              const std::vector<at::Tensor>& inputs)
{
    return checkpoint ? checkpointed(std::move(fn), inputs) : fn(inputs);
}

} // namespace tessera::core::nets
