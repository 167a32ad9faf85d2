#include "Checkpoint.h"

#include "RngState.h"

#include <torch/torch.h>

namespace tessera::core::nets {

namespace {

class CheckpointedGat : public torch::autograd::Function<CheckpointedGat> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 GatLayerImpl* layer, const EdgeIndex& edges)
    {
        ctx->saved_data["rng"] = cpuRngState();
        ctx->saved_data["layer"] = reinterpret_cast<int64_t>(layer); // the net outlives its graph
        ctx->saved_data["edges"] = edges.tensors();
        ctx->saved_data["nodes"] = edges.nodes;
        ctx->save_for_backward({x});
        torch::NoGradGuard noGrad;
        return layer->forward(x, edges);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const EdgeIndex edges = EdgeIndex::fromTensors(ctx->saved_data["edges"].toTensorVector(),
                                                       ctx->saved_data["nodes"].toInt());
        auto* layer = reinterpret_cast<GatLayerImpl*>(ctx->saved_data["layer"].toInt());
        const torch::Tensor x = ctx->get_saved_variables()[0].detach().requires_grad_(true);

        // Replay the forward pass with the dropout masks it drew, then put the generator back.
        const torch::Tensor now = cpuRngState();
        setCpuRngState(ctx->saved_data["rng"].toTensor());
        torch::Tensor out;
        {
            torch::AutoGradMode enable(true);
            out = layer->forward(x, edges);
        }
        setCpuRngState(now);
        // Accumulates into the layer's parameters and x.grad, as the original graph would have.
        torch::autograd::backward({out}, {grads[0]});
        return {x.grad(), torch::Tensor(), torch::Tensor()};
    }
};

} // namespace

torch::Tensor checkpointedGat(GatLayerImpl& layer, const torch::Tensor& x, const EdgeIndex& edges)
{
    return CheckpointedGat::apply(x, &layer, edges);
}

} // namespace tessera::core::nets
