#include "GatLayer.h"

#include "EdgeAttention.h"
#include "LeanOps.h"

#include <torch/torch.h>

namespace tessera::core::nets {

GatLayerImpl::GatLayerImpl(const GatOptions& options) : m_options(options)
{
    // Initialised as the reference: Xavier-normal with the ReLU gain for the projection, the
    // attention vectors and the residual; a zero output bias.
    const double gain = std::sqrt(2.0);
    m_fc = register_module(
        "fc",
        torch::nn::Linear(torch::nn::LinearOptions(options.in, options.heads * options.out).bias(false)));
    torch::nn::init::xavier_normal_(m_fc->weight, gain);
    m_attnSource = register_parameter("attn_source", torch::empty({1, options.heads, options.out}));
    m_attnTarget = register_parameter("attn_target", torch::empty({1, options.heads, options.out}));
    torch::nn::init::xavier_normal_(m_attnSource, gain);
    torch::nn::init::xavier_normal_(m_attnTarget, gain);
    m_bias = register_parameter("bias", torch::zeros({options.heads * options.out}));
    if (options.residual && options.in != options.heads * options.out) {
        m_residual = register_module(
            "residual",
            torch::nn::Linear(torch::nn::LinearOptions(options.in, options.heads * options.out).bias(false)));
        torch::nn::init::xavier_normal_(m_residual->weight, gain);
    }
    if (options.activate) {
        m_norm = register_module("norm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({outputSize()})));
        m_activation = register_module("activation", torch::nn::PReLU());
    }
}

torch::Tensor GatLayerImpl::forward(const torch::Tensor& x, const EdgeIndex& edges, torch::Tensor* attention)
{
    return propagate(project(x), edges, attention);
}

GatProjection GatLayerImpl::project(const torch::Tensor& x)
{
    // One dropout mask serves the projection and the residual, as in the reference.
    const torch::Tensor dropped = featureDropout(x);
    return {m_fc(dropped).view({x.size(0), m_options.heads, m_options.out}),
            m_residual ? m_residual(dropped) : torch::Tensor()};
}

torch::Tensor GatLayerImpl::finish(torch::Tensor perHead, const torch::Tensor& residual)
{
    // perHead [..., H, F] is fresh and kept by nothing: the bias and residual go in in place.
    const int64_t h = m_options.heads, f = m_options.out;
    const auto leading = perHead.sizes().slice(0, perHead.dim() - 2).vec();
    perHead.add_(m_bias.view({h, f}));
    torch::Tensor out;
    if (m_options.concatHeads) {
        std::vector<int64_t> shape = leading;
        shape.push_back(h * f);
        out = perHead.reshape(shape);
        if (residual.defined())
            out.add_(residual);
    } else {
        if (residual.defined()) {
            std::vector<int64_t> shape = leading;
            shape.insert(shape.end(), {h, f});
            perHead.add_(residual.view(shape));
        }
        out = perHead.mean(-2);
    }
    return m_options.activate ? activate(out) : out;
}

torch::Tensor GatLayerImpl::attentionWeights(const torch::Tensor& scoreSource,
                                             const torch::Tensor& scoreTarget, const EdgeIndex& edges)
{
    // In float32 at least, under autocast too: a softmax over bf16 scores loses the small weights.
    return edgeAttention(toAccumulationType(scoreSource), toAccumulationType(scoreTarget), edges,
                         0.2); // [E, H]
}

torch::Tensor GatLayerImpl::propagate(const GatProjection& projection, const EdgeIndex& edges,
                                      torch::Tensor* attention)
{
    const torch::Tensor& z = projection.values; // [N, H, F]
    const int64_t n = z.size(0), h = m_options.heads, f = m_options.out;
    // Per-head dot products z_h · a_h as one product with a block-diagonal [H·F, H] matrix (no
    // [N, H, F] temporary).
    const auto perHead = [&](const torch::Tensor& a) {
        std::vector<torch::Tensor> blocks;
        for (const torch::Tensor& column : a.view({h, f}).unbind(0))
            blocks.push_back(column.unsqueeze(1));
        return z.reshape({n, h * f}).matmul(torch::block_diag(blocks));
    };
    const torch::Tensor alpha = attentionWeights(perHead(m_attnSource), perHead(m_attnTarget), edges);
    if (attention)
        *attention = alpha;
    return finish(aggregateEdges(toAccumulationType(z), attentionDropout(alpha), edges), projection.residual);
}

GatLayerImpl::InputSpaceScores GatLayerImpl::inputSpaceScores() const
{
    // The scores z·a with z = W x are x·(Wᵀa): per head, a vector in input space.
    const int64_t h = m_options.heads, f = m_options.out;
    const torch::Tensor weight = m_fc->weight.view({h, f, m_options.in});
    return {torch::einsum("hfi,hf->ih", {weight, m_attnSource.view({h, f})}),
            torch::einsum("hfi,hf->ih", {weight, m_attnTarget.view({h, f})})};
}

torch::Tensor GatLayerImpl::aggregateInputs(const torch::Tensor& x, const EdgeIndex& edges)
{
    TORCH_CHECK(m_options.heads == 1 && !m_options.activate && !m_residual,
                "aggregateInputs: one head, no activation, no residual");
    const torch::Tensor dropped = featureDropout(x);
    const InputSpaceScores toScores = inputSpaceScores();
    const torch::Tensor alpha =
        attentionWeights(dropped.matmul(toScores.source), dropped.matmul(toScores.target), edges);
    return aggregateEdges(toAccumulationType(dropped).unsqueeze(1), attentionDropout(alpha), edges)
        .squeeze(1);
}

torch::Tensor GatLayerImpl::forwardRow(const torch::Tensor& x, const EdgeIndex& edges, int64_t row,
                                       torch::Tensor* attention)
{
    const int64_t h = m_options.heads, f = m_options.out, in = m_options.in;
    const torch::Tensor dropped = featureDropout(x);
    const torch::Tensor weight = m_fc->weight.view({h, f, in});
    const InputSpaceScores toScores = inputSpaceScores();
    const int64_t first = edges.targetOffsets[row].item<int64_t>(),
                  last = edges.targetOffsets[row + 1].item<int64_t>();
    const torch::Tensor sources = edges.source.index_select(0, edges.byTarget.slice(0, first, last));
    const torch::Tensor scores = torch::leaky_relu(
        dropped.matmul(toScores.source).index_select(0, sources) + dropped[row].matmul(toScores.target), 0.2);
    const torch::Tensor alpha = torch::softmax(toAccumulationType(scores), 0); // [k, H] over the row's edges
    // Dense [N, H] weights: the weighted sum of the row's sources is then one matrix product.
    const torch::Tensor weights = torch::zeros({x.size(0), h}, alpha.options()).index_add(0, sources, alpha);
    if (attention)
        *attention = weights;
    const torch::Tensor summed = attentionDropout(weights).t().matmul(dropped); // [H, in]
    torch::Tensor perHead = torch::einsum("hfi,hi->hf", {weight, summed});      // Σ α W x = W Σ α x
    return finish(toAccumulationType(perHead), m_residual ? m_residual(dropped[row]) : torch::Tensor());
}

torch::Tensor GatLayerImpl::featureDropout(const torch::Tensor& x)
{
    return leanDropout(x, m_options.featureDropout, is_training());
}

torch::Tensor GatLayerImpl::attentionDropout(const torch::Tensor& alpha)
{
    return leanDropout(alpha, m_options.attentionDropout, is_training());
}

torch::Tensor GatLayerImpl::activate(const torch::Tensor& x)
{
    // In float32 at least: LibTorch's CPU layer norm takes no bf16 input with float32 weights.
    return layerNormPrelu(toAccumulationType(x), m_norm->weight, m_norm->bias, m_activation->weight,
                          m_norm->options.eps());
}

torch::Tensor GatLayerImpl::projectAggregated(const torch::Tensor& aggregated)
{
    // Σ α W x = W Σ α x: one head, so concatenating and averaging heads are the same.
    return m_fc(aggregated) + m_bias;
}

} // namespace tessera::core::nets
