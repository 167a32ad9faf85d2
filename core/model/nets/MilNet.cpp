#include "MilNet.h"

#include "model/SpatialGraph.h"

#include <torch/torch.h>

#include <utility>

namespace tessera::core::nets {

namespace F = torch::nn::functional;

BagTensors BagTensors::make(const float* features, int64_t n, int64_t d, const SpatialGraph& graph,
                            const torch::Device& device)
{
    return withFeatures(
        torch::from_blob(const_cast<float*>(features), {n, d}, torch::kFloat32).clone().to(device), graph);
}

BagTensors BagTensors::borrowing(const float* features, int64_t n, int64_t d, const SpatialGraph& graph,
                                 const torch::Device& device)
{
    // Read only: nothing writes into a bag's features (masking and the rest build new tensors).
    const torch::Tensor host = torch::from_blob(const_cast<float*>(features), {n, d}, torch::kFloat32);
    return withFeatures(device.is_cpu() ? host : host.to(device), graph);
}

BagTensors BagTensors::withFeatures(const torch::Tensor& features, const SpatialGraph& graph)
{
    const int64_t n = features.size(0);
    const torch::Device device = features.device();
    BagTensors bag;
    bag.patches = n;
    bag.features = features;
    const torch::Tensor source = torch::tensor(graph.source, torch::kInt64).to(device);
    const torch::Tensor target = torch::tensor(graph.target, torch::kInt64).to(device);
    bag.graph = EdgeIndex::make(source, target, n);
    // Edge order: the patch graph, patch → supernode, supernode → patch. No supernode self-loop,
    // as the reference: the slide's embedding is a pool over its patches alone.
    const auto longs = source.options();
    const torch::Tensor patches = torch::arange(n, longs);
    const torch::Tensor super = torch::full({n}, n, longs);
    bag.withSupernode =
        EdgeIndex::make(torch::cat({source, patches, super}), torch::cat({target, super, patches}), n + 1);
    std::vector<int64_t> grid(std::size_t(n) * 2);
    for (std::size_t i = 0; i < grid.size(); ++i)
        grid[i] = graph.gridPositions[i];
    bag.grid = torch::tensor(grid, torch::kInt64).view({n, 2}).to(device);
    return bag;
}

std::optional<double> reconstructionError(const torch::Tensor& consistency)
{
    if (!consistency.defined())
        return std::nullopt;
    return 1.0 - consistency.to(torch::kCPU, torch::kFloat64).mean().item<double>();
}

torch::Tensor slideCrossEntropy(const torch::Tensor& logits, int64_t label, const torch::Tensor& classWeights)
{
    const auto target =
        torch::full({1}, label, torch::TensorOptions().dtype(torch::kInt64).device(logits.device()));
    const torch::Tensor loss = F::cross_entropy(logits.unsqueeze(0), target);
    // Weighted per slide: with one slide per step, cross_entropy's own weighted mean would divide
    // the weight out again (w·ℓ / w = ℓ), and weights would do nothing.
    return classWeights.defined() ? loss * classWeights[label].to(loss.scalar_type()) : loss;
}

torch::Tensor MilNet::evidenceLoss(const BagTensors& bag, const torch::Tensor& evidence,
                                   const torch::Tensor& counter)
{
    const torch::Tensor a = attention(bag);
    torch::Tensor loss = torch::zeros({}, a.options());
    if (evidence.defined())
        loss = loss - torch::log(a.index_select(0, evidence).sum().clamp_min(1e-12));
    if (counter.defined())
        loss = loss - torch::log((1 - a.index_select(0, counter).sum()).clamp_min(1e-12));
    return loss;
}

namespace {

// Takes the parameters' gradients out for a backward pass whose parameter gradients are not
// wanted, and puts the originals back when it ends, also when it throws (backward would otherwise
// add into gradients that already exist, in place).
class SetAsideGradients {
public:
    explicit SetAsideGradients(std::vector<torch::Tensor> parameters) : m_parameters(std::move(parameters))
    {
        for (torch::Tensor& p : m_parameters)
            m_saved.push_back(std::exchange(p.mutable_grad(), torch::Tensor()));
    }
    ~SetAsideGradients()
    {
        for (std::size_t i = 0; i < m_parameters.size(); ++i)
            m_parameters[i].mutable_grad() = std::move(m_saved[i]);
    }
    SetAsideGradients(const SetAsideGradients&) = delete;
    SetAsideGradients& operator=(const SetAsideGradients&) = delete;

private:
    std::vector<torch::Tensor> m_parameters, m_saved;
};

} // namespace

torch::Tensor MilNet::patchEvidence(const BagTensors& bag, int64_t positive)
{
    TORCH_CHECK(!is_training(), "patchEvidence needs the network in eval mode");
    const SetAsideGradients setAside(parameters());
    const torch::AutoGradMode recordGradients(true); // callers infer under NoGradGuard
    LogitsAndWeights pass = logitsWithAttentionWeights(bag);
    if (!pass.weights.defined())
        return {};
    const torch::Tensor centredLogit = pass.logits[positive] - pass.logits.mean();
    // A whole backward pass, not autograd::grad(centredLogit, weights): with Debian's LibTorch
    // 1.13 that throws "dependency not found for AccumulateGrad" on SR-MIL's graph (ABMIL's works).
    pass.weights.retain_grad();
    centredLogit.backward();
    const torch::Tensor slope = pass.weights.grad();
    TORCH_CHECK(slope.defined(), "the attention weights are not on the path to the logits");
    torch::Tensor weights = pass.weights.detach().slice(0, 0, bag.patches);
    torch::Tensor perWeight = slope.slice(0, 0, bag.patches);
    if (weights.dim() == 1) {
        weights = weights.unsqueeze(1);
        perWeight = perWeight.unsqueeze(1);
    }
    // Against even attention: w_i (g_i − mean_j g_j). The weights sum to 1, so a constant added
    // to every g_i is a bias: the bare w_i g_i came out negative on every tumour patch of the
    // demo run, whose attention finds them all (docs/BENCHMARKS.md). Centred on the attention-
    // weighted mean instead (the slope in the patch's softmax score), the patches the model looks
    // at split into for and against; against the even share, the sum is what looking where the
    // model looks adds to the logit.
    return (weights * (perWeight - perWeight.mean(0, true))).sum(1);
}

} // namespace tessera::core::nets
