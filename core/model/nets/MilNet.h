// The common shape of Tessera's MIL networks (SR-MIL, ABMIL, …); internal to torch units.
#pragma once

#include "EdgeAggregation.h"

#include <torch/nn/module.h>

#include <map>
#include <optional>
#include <string>

namespace tessera::core {
struct SpatialGraph;
}

namespace tessera::core::nets {

// One slide on the device: features [N, D], patch graph edges (no supernode) [E].
struct BagTensors {
    torch::Tensor features;
    EdgeIndex graph;         // the spatial patch graph
    EdgeIndex withSupernode; // plus a supernode (index N) joined both ways to every patch, no self-loop
    torch::Tensor grid;      // [N, 2] integer grid positions (x, y), for grid-aware models
    int64_t patches = 0;

    static BagTensors make(const float* features, int64_t n, int64_t d, const SpatialGraph& graph,
                           const torch::Device& device);
    // As make(), but on CPU the features tensor uses `features` in place instead of a copy: the
    // memory must outlive the BagTensors and stay unchanged (the trainer borrows its dataset's).
    static BagTensors borrowing(const float* features, int64_t n, int64_t d, const SpatialGraph& graph,
                                const torch::Device& device);

private:
    static BagTensors withFeatures(const torch::Tensor& features, const SpatialGraph& graph);
};

struct StepLosses {
    torch::Tensor total;                        // what backward() is called on
    std::map<std::string, torch::Tensor> terms; // each loss term, for logging
    torch::Tensor logits;                       // [C] of the label-guided prediction
};

// Cross entropy of one slide's logits [C] against its label, times the label's class weight
// when `classWeights` [C] is given (so that over an epoch each class weighs as the weights say).
torch::Tensor slideCrossEntropy(const torch::Tensor& logits, int64_t label,
                                const torch::Tensor& classWeights);

// A slide's reconstruction error from its consistency map [N]: 1 − mean consistency; nullopt for
// an undefined map (models without reconstruction). The trust reference and inference agree on it.
std::optional<double> reconstructionError(const torch::Tensor& consistency);

class MilNet : public torch::nn::Module {
public:
    // Loss for one slide with its label; `classWeights` [C] (may be undefined).
    virtual StepLosses trainingStep(const BagTensors& bag, int64_t label,
                                    const torch::Tensor& classWeights) = 0;
    // Slide logits [C] in the current (train/eval) mode.
    virtual torch::Tensor logits(const BagTensors& bag) = 0;
    // Per-patch attention [N] (sums to 1).
    virtual torch::Tensor attention(const BagTensors& bag) = 0;
    // Per-patch reconstruction consistency [N] in [-1, 1]; undefined where the model has none.
    virtual torch::Tensor consistency(const BagTensors&) { return {}; }
    // The annotation loss, in the current mode: −log of the share of the slide's attention on
    // `evidence` (indices of the patches annotated with the slide's class) plus −log of the share
    // off `counter` (patches annotated with another class); either may be undefined (none). Every
    // model has an attention map (ABMIL's gated attention, TransMIL's class token's, SR-MIL's
    // supernode's).
    virtual torch::Tensor evidenceLoss(const BagTensors& bag, const torch::Tensor& evidence,
                                       const torch::Tensor& counter = {});
    // The parameters shared by every objective (for tests and diagnostics).
    virtual std::vector<torch::Tensor> encoderParameters() = 0;
    // Signed per-patch evidence for class `positive` [N]: w_i (g_i − mean_j g_j) summed over
    // heads, w the attention weights and g the derivative of the class's centred logit (its logit
    // minus the mean logit) with respect to them. The patch's share of how far the centred logit
    // moves from what even attention (1/N on every patch) would give: exactly so where the logits
    // are linear in the weights (ABMIL), to first order elsewhere. > 0: looking here pushes the
    // slide toward the class. Attention says where the model looks; it is not signed, and a
    // model may separate the classes by looking away from the tumour (docs/BENCHMARKS.md).
    // Undefined where the model's attention weights are not on its path to the logits
    // (TransMIL's head-averaged map). In eval mode only; the parameters' gradients are left as they were, so
    // not while another thread trains or asks the same network.
    torch::Tensor patchEvidence(const BagTensors& bag, int64_t positive);

protected:
    struct LogitsAndWeights {
        torch::Tensor logits;  // [C]
        torch::Tensor weights; // [N(+extra rows), heads] or [N]: the softmax weights the logits use,
                               // each head's summing to 1 over the patches
    };
    // One pass whose attention weights the logits depend on; default: none (no evidence).
    virtual LogitsAndWeights logitsWithAttentionWeights(const BagTensors&) { return {}; }
};

} // namespace tessera::core::nets
