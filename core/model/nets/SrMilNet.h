// Spatially regularized MIL (arXiv 2602.19487): a GAT encoder shared by a supernode classifier
// and a GraphMAE-style masked feature reconstruction from spatial neighbours.
#pragma once

#include "Checkpoint.h"
#include "GatLayer.h"
#include "MilNet.h"

#include <torch/nn/modules/container/sequential.h>

namespace tessera::core::nets {

struct SrMilOptions {
    int64_t inputDim = 128;
    int64_t classes = 2;
    int64_t hidden = 64;
    int64_t heads = 4;
    double featureDropout = 0.1;
    double attentionDropout = 0.15;
    double classifierDropout = 0.25;
    double maskRate = 0.7;
    double sceAlpha = 1.0;
    double wGen = 1.0; // the paper's default is 1.8; see ARCHITECTURE.md
    double wCe = 1.0;
    int consistencyRounds = 4;
};

class SrMilNet : public MilNet {
public:
    explicit SrMilNet(const SrMilOptions& options);

    StepLosses trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights) override;
    torch::Tensor logits(const BagTensors& bag) override;
    torch::Tensor attention(const BagTensors& bag) override;
    torch::Tensor consistency(const BagTensors& bag) override;
    std::vector<torch::Tensor> encoderParameters() override;

    // The label-independent term alone (scaled cosine error of masked nodes) for `masked` [M].
    torch::Tensor reconstructionLoss(const BagTensors& bag, const torch::Tensor& masked);
    const SrMilOptions& options() const { return m_options; }
    // Graphs with more nodes than this checkpoint their GAT layers in training (CPU); tests
    // lower it to compare both paths on small graphs.
    void setCheckpointAbove(int64_t nodes) { m_checkpointAbove = nodes; }

private:
    // Encodes x [N(+1), D] on the given edges; the last layer's attention into `attention`.
    torch::Tensor encode(const torch::Tensor& x, const EdgeIndex& edges, torch::Tensor* attention = nullptr);
    torch::Tensor gat(GatLayer& layer, const torch::Tensor& x, const EdgeIndex& edges,
                      torch::Tensor* attention = nullptr);
    // Patch features with the supernode's embedding appended as row N.
    torch::Tensor withSupernode(const torch::Tensor& x);
    torch::Tensor maskFeatures(const torch::Tensor& x, const torch::Tensor& masked);
    torch::Tensor reconstruct(const BagTensors& bag, const torch::Tensor& masked);
    torch::Tensor classify(const torch::Tensor& supernodeEmbedding);

    SrMilOptions m_options;
    int64_t m_checkpointAbove = kCheckpointAboveNodes;
    torch::nn::Linear m_inputProjection{nullptr};
    GatLayer m_encoder1{nullptr}, m_encoder2{nullptr};
    GatLayer m_decoder1{nullptr}, m_decoder2{nullptr};
    torch::nn::Linear m_encoderToDecoder{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
    torch::Tensor m_maskToken, m_decoderToken, m_supernode;
};

} // namespace tessera::core::nets
