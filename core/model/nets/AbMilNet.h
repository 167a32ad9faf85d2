// Gated-attention MIL (Ilse, Tomczak & Welling, 2018): the classic baseline.
#pragma once

#include "MilNet.h"

#include <torch/nn/modules/container/sequential.h>
#include <torch/nn/modules/linear.h>

namespace tessera::core::nets {

struct AbMilOptions {
    int64_t inputDim = 128;
    int64_t classes = 2;
    int64_t hidden = 256;
    int64_t attentionHidden = 128;
    double dropout = 0.25;
};

class AbMilNet : public MilNet {
public:
    explicit AbMilNet(const AbMilOptions& options);
    StepLosses trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights) override;
    torch::Tensor logits(const BagTensors& bag) override;
    torch::Tensor attention(const BagTensors& bag) override;
    std::vector<torch::Tensor> encoderParameters() override;

protected:
    LogitsAndWeights logitsWithAttentionWeights(const BagTensors& bag) override;

private:
    std::pair<torch::Tensor, torch::Tensor> forward(const BagTensors& bag); // logits, attention
    torch::nn::Sequential m_embed{nullptr};
    torch::nn::Linear m_attentionV{nullptr}, m_attentionU{nullptr}, m_attentionW{nullptr};
    torch::nn::Linear m_classifier{nullptr};
};

} // namespace tessera::core::nets
