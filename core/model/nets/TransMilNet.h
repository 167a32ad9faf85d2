// TransMIL-style baseline (Shao et al., 2021): two transformer layers with a class token and a
// positional encoding by depthwise convolutions over the real patch grid (PPEG).
#pragma once

#include "MilNet.h"

#include <torch/nn/modules/activation.h>
#include <torch/nn/modules/conv.h>
#include <torch/nn/modules/linear.h>
#include <torch/nn/modules/normalization.h>

namespace tessera::core::nets {

struct TransMilOptions {
    int64_t inputDim = 128;
    int64_t classes = 2;
    int64_t hidden = 256;
    int64_t heads = 8;
    double dropout = 0.1;
};

// Differences from the paper: full softmax attention instead of Nyström (exact, but O(N²)
// memory: fine up to a few thousand patches), and the PPEG runs on the patches' true grid
// positions instead of a square re-arrangement of the sequence.
class TransMilNet : public MilNet {
public:
    explicit TransMilNet(const TransMilOptions& options);
    StepLosses trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights) override;
    torch::Tensor logits(const BagTensors& bag) override;
    torch::Tensor attention(const BagTensors& bag) override;
    std::vector<torch::Tensor> encoderParameters() override;

private:
    std::pair<torch::Tensor, torch::Tensor> forward(const BagTensors& bag); // logits, class-token attention
    torch::Tensor positionalEncoding(const torch::Tensor& tokens, const BagTensors& bag);

    TransMilOptions m_options;
    torch::nn::Linear m_embed{nullptr};
    torch::nn::LayerNorm m_norm1{nullptr}, m_norm2{nullptr}, m_normOut{nullptr};
    torch::nn::MultiheadAttention m_attention1{nullptr}, m_attention2{nullptr};
    torch::nn::Conv2d m_conv7{nullptr}, m_conv5{nullptr}, m_conv3{nullptr};
    torch::nn::Linear m_classifier{nullptr};
    torch::Tensor m_classToken;
};

} // namespace tessera::core::nets
