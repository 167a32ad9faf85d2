#include "LeanOps.h"

#include <torch/torch.h>

namespace tessera::core::nets {

namespace {

class LeanDropout : public torch::autograd::Function<LeanDropout> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x, double p)
    {
        const torch::Tensor keep = torch::empty(x.sizes(), x.options().dtype(torch::kBool)).bernoulli_(1 - p);
        ctx->save_for_backward({keep});
        ctx->saved_data["scale"] = 1.0 / (1.0 - p);
        return x.mul(keep).mul_(1.0 / (1.0 - p));
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const torch::Tensor keep = ctx->get_saved_variables()[0];
        return {grads[0].mul(keep).mul_(ctx->saved_data["scale"].toDouble()), torch::Tensor()};
    }
};

class LayerNormPrelu : public torch::autograd::Function<LayerNormPrelu> {
public:
    static torch::Tensor forward(torch::autograd::AutogradContext* ctx, const torch::Tensor& x,
                                 const torch::Tensor& weight, const torch::Tensor& bias,
                                 const torch::Tensor& prelu, double eps)
    {
        const int64_t width = x.size(-1);
        auto [normalised, mean, rstd] = at::native_layer_norm(x, {width}, weight, bias, eps);
        ctx->save_for_backward({x, mean, rstd, weight, bias, prelu});
        // In place: the normalised values are recomputed in the backward pass.
        return normalised.copy_(torch::prelu(normalised, prelu));
    }

    static torch::autograd::variable_list backward(torch::autograd::AutogradContext* ctx,
                                                   torch::autograd::variable_list grads)
    {
        const auto saved = ctx->get_saved_variables();
        const torch::Tensor &x = saved[0], &mean = saved[1], &rstd = saved[2], &weight = saved[3],
                            &bias = saved[4], &prelu = saved[5];
        const torch::Tensor& grad = grads[0];
        const int64_t width = x.size(-1);
        // y = LN(x) again, from the kept statistics; then its buffer is reused twice (each of
        // these is as large as x: no more temporaries than needed).
        torch::Tensor y = (x - mean).mul_(rstd).mul_(weight).add_(bias);
        const torch::Tensor positive = y > 0;
        // PReLU: ∂/∂a = Σ grad · y where y ≤ 0; dy = grad where y > 0, grad · a elsewhere (as LibTorch).
        y.mul_(grad).masked_fill_(positive, 0);
        const torch::Tensor gradPrelu = prelu.numel() == 1
                                            ? y.sum().reshape(prelu.sizes())
                                            : y.reshape({-1, width}).sum(0).reshape(prelu.sizes());
        const torch::Tensor gradY =
            prelu.numel() == 1 ? y.fill_(prelu.reshape({})) : y.copy_(prelu.expand_as(y));
        gradY.masked_fill_(positive, 1).mul_(grad);
        auto [gradX, gradWeight, gradBias] =
            at::native_layer_norm_backward(gradY, x, {width}, mean, rstd, weight, bias, {true, true, true});
        return {gradX, gradWeight, gradBias, gradPrelu, torch::Tensor()};
    }
};

} // namespace

torch::Tensor leanDropout(const torch::Tensor& x, double p, bool training)
{
    if (!training || p <= 0)
        return x;
    return LeanDropout::apply(x, p);
}

torch::Tensor layerNormPrelu(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                             const torch::Tensor& prelu, double eps)
{
    return LayerNormPrelu::apply(x, weight, bias, prelu, eps);
}

} // namespace tessera::core::nets
