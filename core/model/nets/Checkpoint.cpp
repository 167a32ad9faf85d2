#include "Checkpoint.h"

#include "Autocast.h"
#include "RngState.h"

#include <torch/csrc/autograd/engine.h>
#include <torch/torch.h>

namespace tessera::core::nets {

namespace {

// Keeps the function alive inside an autograd context (which stores IValues only).
struct FunctionHolder : torch::CustomClassHolder {
    explicit FunctionHolder(CheckpointedFunction f) : function(std::move(f)) {}
    CheckpointedFunction function;
};

class Checkpointed : public torch::autograd::Function<Checkpointed> {
public:
    static torch::autograd::variable_list forward(torch::autograd::AutogradContext* ctx,
                                                  at::TensorList inputList, CheckpointedFunction fn)
    {
        // The last input is the anchor (see checkpointed()); fn does not see it.
        const torch::autograd::variable_list inputs(inputList.begin(), inputList.end() - 1);
        ctx->saved_data["rng"] = cpuRngState();
        ctx->saved_data["autocast"] = AutocastState::current().encoded();
        std::vector<int64_t> needsGrad;
        for (const auto& input : inputs)
            needsGrad.push_back(input.defined() && input.requires_grad());
        ctx->saved_data["needs_grad"] = needsGrad;
        ctx->saved_data["function"] = c10::IValue::make_capsule(c10::make_intrusive<FunctionHolder>(fn));
        ctx->save_for_backward(inputList.vec());
        torch::NoGradGuard noGrad;
        return fn(inputs);
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto holder =
            c10::static_intrusive_pointer_cast<FunctionHolder>(ctx->saved_data["function"].toCapsule());
        const std::vector<int64_t> needsGrad = ctx->saved_data["needs_grad"].toIntVector();
        torch::autograd::variable_list inputs = ctx->get_saved_variables();
        inputs.pop_back(); // the anchor
        for (std::size_t i = 0; i < inputs.size(); ++i)
            if (inputs[i].defined())
                inputs[i] = inputs[i].detach().requires_grad_(needsGrad[i] != 0);

        // Replay the forward pass with the dropout masks it drew and the precision it ran in (the
        // backward pass runs outside any autocast scope), then put both back.
        const torch::Tensor now = cpuRngState();
        const AutocastState autocastNow = AutocastState::current();
        setCpuRngState(ctx->saved_data["rng"].toTensor());
        AutocastState::decoded(ctx->saved_data["autocast"].toIntVector()).apply();
        torch::autograd::variable_list outputs;
        {
            torch::AutoGradMode enable(true);
            AutocastCacheScope cache;
            outputs = holder->function(inputs);
        }
        autocastNow.apply();
        setCpuRngState(now);
        torch::autograd::edge_list roots;
        torch::autograd::variable_list rootGrads;
        for (std::size_t i = 0; i < outputs.size(); ++i)
            if (outputs[i].requires_grad() && grads[i].defined()) {
                roots.push_back(torch::autograd::impl::gradient_edge(outputs[i]));
                rootGrads.push_back(grads[i]);
            }
        // The backward pass starts from the outputs' functions, not the outputs: let go of them,
        // so that their memory (100 MiB per [100k, 256] output) is free while it runs, unless a
        // function kept an output for its own gradient.
        outputs.clear();
        // Accumulates into the parameters and the inputs' .grad, as the original graph would have.
        if (!roots.empty())
            torch::autograd::Engine::get_default_engine().execute(roots, rootGrads, /*keep_graph=*/false,
                                                                  /*create_graph=*/false,
                                                                  /*accumulate_grad=*/true);
        torch::autograd::variable_list inputGrads;
        for (std::size_t i = 0; i < inputs.size(); ++i)
            inputGrads.push_back(needsGrad[i] != 0 ? inputs[i].grad() : torch::Tensor());
        inputGrads.push_back(torch::Tensor()); // the anchor
        inputGrads.push_back(torch::Tensor()); // fn
        return inputGrads;
    }
};

} // namespace

std::vector<at::Tensor> checkpointed(CheckpointedFunction fn, const std::vector<at::Tensor>& inputs)
{
    // The anchor requires gradients so that the node joins the graph even when no input does
    // (fn's parameters still need theirs). A TensorList (not a vector) is what autograd treats
    // as a list of differentiable inputs.
    std::vector<at::Tensor> anchored = inputs;
    anchored.push_back(torch::empty({0}).requires_grad_(true));
    return Checkpointed::apply(at::TensorList(anchored), std::move(fn));
}

} // namespace tessera::core::nets
