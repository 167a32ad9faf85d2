#include "MilNet.h"

#include "model/SpatialGraph.h"

#include <torch/torch.h>

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

torch::Tensor MilNet::patchEvidence(const BagTensors& bag, int64_t positive)
{
    const torch::AutoGradMode recordGradients(true); // callers infer under NoGradGuard
    LogitsAndWeights pass = logitsWithAttentionWeights(bag);
    if (!pass.weights.defined())
        return {};
    const torch::Tensor margin = pass.logits[positive] - pass.logits.mean();
    // A whole backward pass, not autograd::grad(margin, weights): with Debian's LibTorch 1.13 that
    // throws "dependency not found for AccumulateGrad" on SR-MIL's graph (ABMIL's works). The
    // parameters' gradients are put back as they were.
    std::vector<torch::Tensor> gradients;
    for (torch::Tensor& p : parameters())
        gradients.push_back(p.grad());
    pass.weights.retain_grad();
    margin.backward();
    const torch::Tensor slope = pass.weights.grad();
    std::size_t i = 0;
    for (torch::Tensor& p : parameters())
        p.mutable_grad() = gradients[i++];
    torch::Tensor evidence = (pass.weights * slope).detach();
    if (evidence.dim() == 2)
        evidence = evidence.sum(1);
    return evidence.slice(0, 0, bag.patches);
}

} // namespace tessera::core::nets
