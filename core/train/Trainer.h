// Trains one MIL model on one split: AdamW, warm-up + cosine schedule, best-by-validation,
// atomic checkpoints every epoch, resume after a kill, cancellation.
#pragma once

#include "Dataset.h"
#include "Metrics.h"

#include <QJsonObject>
#include <QStringList>
#include <atomic>
#include <functional>

namespace tessera::core {

// The values TrainConfig::precision accepts.
inline const QStringList kPrecisions{QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")};

struct TrainConfig {
    QString model = QStringLiteral("srmil"); // srmil | abmil | transmil
    int epochs = 40;
    double learningRate = 5e-4;
    double weightDecay = 1e-5;
    int warmupEpochs = 1;
    double gradientClip = 5.0;
    bool classWeights = true; // inverse class frequency in the loss
    int patience = 0;         // epochs without a better validation score before stopping; 0 = off
    double selectAfter = 0.0; // best-by-validation only after this fraction of the epochs
    std::uint64_t seed = 1;
    QString device = QStringLiteral("auto");
    int threads = 0; // LibTorch intra-op threads; 0 = all cores
    // Training steps' arithmetic: auto (bf16 mixed precision on CUDA, fp32 on CPU), fp32 or bf16
    // (autocast: products in bfloat16, softmax/norms/losses and the weights in float32).
    QString precision = QStringLiteral("auto"); // one of kPrecisions
    // SR-MIL
    double wGen = 1.0;
    double wCe = 1.0;
    double maskRate = 0.7;
    int hidden = 64;
    int heads = 4;

    QJsonObject toJson() const;
    static TrainConfig fromJson(const QJsonObject& json);
};

struct EpochReport {
    int epoch = 0; // 1-based
    int epochs = 0;
    double trainLoss = 0;
    QJsonObject terms; // mean of each loss term
    ClassificationMetrics validation;
    double validationLoss = 0;
    double learningRate = 0;
    double seconds = 0;
    bool best = false;
    QJsonObject toJson() const;
};

struct TrainResult {
    int epochsRun = 0;
    int bestEpoch = 0;
    bool resumed = false;
    bool cancelled = false;
    bool stoppedEarly = false;
    ClassificationMetrics bestValidation;
    ClassificationMetrics test; // of the best model; samples 0 without a test part
};

// Run folder: config.json, checkpoint.pt (last epoch, with optimizer and RNG state),
// best.pt (weights of the best epoch), metrics.csv, result.json.
class Trainer {
public:
    Trainer(TrainConfig config, const MilDataset& data, QString runDir);
    // Resumes from runDir/checkpoint.pt when it exists and was made with the same config.
    // Throws Error for unusable inputs, a checkpoint from another config, or a full disk.
    TrainResult run(const std::function<void(const EpochReport&)>& onEpoch = {},
                    const std::atomic<bool>* cancel = nullptr);

private:
    TrainConfig m_config;
    const MilDataset& m_data;
    QString m_runDir;
};

} // namespace tessera::core
