// Spatially regularized MIL (arXiv 2602.19487): a GAT encoder shared by a supernode classifier
// and a GraphMAE-style masked feature reconstruction from spatial neighbours.
#pragma once

#include "Checkpoint.h"
#include "GatLayer.h"
#include "MilNet.h"

#include <torch/nn/modules/container/sequential.h>

namespace tessera::core::nets {

// The published architecture (wwyi1828/SRMIL, checked against it by tst_fidelity): a Linear(D, D)
// input projection; encoder GAT layers D → heads×hidden → heads×hidden (heads concatenated,
// LayerNorm then PReLU; a residual projection in the first layer only, where the width changes);
// the supernode's row of the encoder output, heads averaged, into Linear(hidden, 128) → ReLU →
// Dropout → Linear(128, C); and for the reconstruction a Linear(heads×hidden, heads×hidden) into a
// decoder GAT heads×hidden → heads×hidden → D (one head, no norm, no residual in the last layer).
struct SrMilOptions {
    int64_t inputDim = 128;
    int64_t classes = 2;
    int64_t hidden = 64; // per head
    int64_t heads = 4;
    double featureDropout = 0.11;
    double attentionDropout = 0.15;
    double classifierDropout = 0.059;
    double maskRate = 0.7;
    double sceAlpha = 1.0;
    double wGen = 1.8; // the paper's
    double wCe = 1.0;
    // The consistency map masks this fraction of the patches per round (at least 1 / rounds), in
    // rounds over a shuffled cyclic order: every patch is masked in about rate × rounds of them.
    double consistencyMaskRate = 0.25;
    int consistencyRounds = 4;
};

class SrMilNet : public MilNet {
public:
    explicit SrMilNet(const SrMilOptions& options);

    StepLosses trainingStep(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights) override;
    torch::Tensor logits(const BagTensors& bag) override;
    torch::Tensor attention(const BagTensors& bag) override;
    torch::Tensor consistency(const BagTensors& bag) override;
    // The same with another mask rate and number of rounds (the benchmark compares them): each
    // patch's mean cosine over the rounds in which it was masked.
    torch::Tensor consistency(const BagTensors& bag, double maskRate, int rounds);
    // The slide classifier applied to each patch's encoder output (heads averaged, as for the
    // supernode): a per-patch probability of class `positive`, another reading of where the
    // model sees the class than the supernode's attention (bench_mil --quality compares them).
    torch::Tensor patchProbabilities(const BagTensors& bag, int64_t positive);
    std::vector<torch::Tensor> encoderParameters() override;

    // The label-independent term alone (scaled cosine error of masked nodes) for `masked` [M].
    torch::Tensor reconstructionLoss(const BagTensors& bag, const torch::Tensor& masked);
    // trainingStep() with the masked patches given (ids [M]) instead of drawn: for the fidelity
    // test against the reference, which must mask the same nodes.
    StepLosses stepWithMask(const BagTensors& bag, int64_t label, const torch::Tensor& classWeights,
                            const torch::Tensor& masked);
    // How many of n patches a training step masks: ⌊maskRate · n⌋ as the reference, at least 1.
    int64_t maskCount(int64_t n) const;
    const SrMilOptions& options() const { return m_options; }
    // Graphs with more nodes than this are trained the memory-lean way (checkpoints, row chunks of
    // `rows`; see Checkpoint.h); tests lower both to compare the paths on small graphs.
    void setCheckpointAbove(int64_t nodes, int64_t rows = kRowChunk)
    {
        m_checkpointAbove = nodes;
        m_rowChunk = rows;
    }

protected:
    // The supernode's logits and its last layer's attention on every node [N + 1, heads].
    LogitsAndWeights logitsWithAttentionWeights(const BagTensors& bag) override;

private:
    // Rows of D-wide data handled at a time in large bags (≈ 32 MiB at D = 1024).
    static constexpr int64_t kRowChunk = 8192;

    // The first encoder layer's per-node part for the patches (rows flagged in `masked` [N] bool
    // replaced by the mask token; undefined = none) and, if `supernode`, the supernode as row N.
    // The D-wide input never exists as a whole beyond one row chunk in large bags.
    GatProjection encoderInput(const BagTensors& bag, const torch::Tensor& masked, bool supernode);
    // The first encoder layer's message passing (checkpointed in large bags).
    torch::Tensor firstLayer(const GatProjection& input, const EdgeIndex& edges);
    // The encoder's output [N, hidden] on the patch graph (`masked` as in encoderInput).
    torch::Tensor encodePatches(const BagTensors& bag, const torch::Tensor& masked);
    // The supernode's embedding [hidden] for the patches (`masked` as in encoderInput); the last
    // layer's attention on each patch [N, heads] into `attention`. Only the supernode's row of the
    // last layer is computed; large bags checkpoint the whole pass.
    torch::Tensor slideEmbedding(const BagTensors& bag, const torch::Tensor& masked,
                                 torch::Tensor* attention = nullptr);
    torch::Tensor gat(GatLayer& layer, const torch::Tensor& x, const EdgeIndex& edges,
                      torch::Tensor* attention = nullptr);
    // cos(rebuilt, original) [M] for the `masked` patches [M] (ids), rebuilt from their neighbours.
    torch::Tensor reconstructionCosines(const BagTensors& bag, const torch::Tensor& masked);
    torch::Tensor classify(const torch::Tensor& supernodeEmbedding);
    // Memory-lean path: checkpoints (when gradients are recorded) and row chunks.
    bool isLarge(int64_t nodes) const { return nodes > m_checkpointAbove; }
    bool checkpoints(int64_t nodes, const torch::Tensor& on) const;
    // A row chunk's inputs and the function of them that computes its rows.
    using RowChunk = std::pair<std::vector<torch::Tensor>, CheckpointedFunction>;
    // Runs chunk(begin, end) over rows [0, rows) in row chunks (one chunk unless large), each
    // checkpointed when `checkpoint`; the outputs are written by row.
    std::vector<torch::Tensor> overRowChunks(int64_t rows, bool checkpoint,
                                             const std::function<RowChunk(int64_t, int64_t)>& chunk);

    SrMilOptions m_options;
    int64_t m_checkpointAbove = kCheckpointAboveNodes;
    int64_t m_rowChunk = kRowChunk;
    torch::nn::Linear m_inputProjection{nullptr};
    GatLayer m_encoder1{nullptr}, m_encoder2{nullptr};
    GatLayer m_decoder1{nullptr}, m_decoder2{nullptr};
    torch::nn::Linear m_encoderToDecoder{nullptr};
    torch::nn::Sequential m_classifier{nullptr};
    torch::Tensor m_maskToken, m_decoderToken, m_supernode;
};

} // namespace tessera::core::nets
