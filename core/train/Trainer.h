// Trains one MIL model on one split: AdamW, warm-up + cosine schedule, best-by-validation,
// atomic checkpoints every epoch, resume after a kill, cancellation, progress events.
#pragma once

#include "Dataset.h"
#include "jobs/ProgressEvent.h"
#include "model/ModelSpec.h"
#include "run/Metrics.h"
#include "run/RunFolder.h"

#include <QJsonObject>
#include <QStringList>
#include <atomic>

namespace tessera::core {

// The values TrainConfig::precision accepts.
inline const QStringList kPrecisions{QStringLiteral("auto"), QStringLiteral("fp32"), QStringLiteral("bf16")};

// The defaults are SR-MIL's as published (wwyi1828/SRMIL): 100 epochs, AdamW 5e-4 / 1e-5, a cosine
// over all epochs without warm-up, no gradient clipping, no class weights, the best epoch chosen
// after 60 % of them, w_gen 1.8. defaultsFor() gives each model its own.
struct TrainConfig {
    ModelSpec model;
    int epochs = 100;
    double learningRate = 5e-4;
    double weightDecay = 1e-5;
    int warmupEpochs = 0;
    double gradientClip = 0.0; // max gradient norm; 0 = none
    bool classWeights = false; // inverse class frequency, per slide
    int patience = 0;          // epochs without a better validation score before stopping; 0 = off
    double selectAfter = 0.6;  // best-by-validation among epochs whose 0-based index exceeds this fraction
    std::uint64_t seed = 1;
    // Slides whose gradients are averaged into one optimizer step (1: a step per slide, as
    // published). Across processes each step's slides are dealt to the ranks; keep this number
    // and a run resumes with any number of processes that is not larger than it.
    int slidesPerStep = 1;
    QString device = QStringLiteral("auto");
    int threads = 0; // LibTorch intra-op threads; 0 = all cores
    // Training steps' arithmetic: auto (bf16 mixed precision on CUDA, fp32 on CPU), fp32 or bf16
    // (autocast: products in bfloat16, softmax/norms/losses and the weights in float32).
    QString precision = QStringLiteral("auto"); // one of kPrecisions
    // Fine-tuning: start from this run's best weights (a run folder) instead of a random init. The
    // parent must be the same model on features of the same dimension with the same classes.
    QString initFrom;

    // What is wrong with the values, per setting (keys as in config.json: epochs, lr, w_gen …),
    // in words a dialog can show next to the field; empty when all is well.
    std::vector<FieldProblem> problems() const;
    QJsonObject toJson() const;
    static TrainConfig fromJson(const QJsonObject& json);
    // The defaults for `model` (a name of modelCatalogue()): SR-MIL's published schedule above;
    // for the baselines CLAM's learning rate (2e-4), 50 epochs, gradient clipping at 5 and
    // selection from the first epoch.
    static TrainConfig defaultsFor(const QString& model);
};

struct EpochReport {
    int epoch = 0; // 1-based
    int epochs = 0;
    double trainLoss = 0;
    std::map<QString, double> terms; // mean of each loss term
    ClassificationMetrics validation;
    double validationLoss = 0;
    double learningRate = 0;
    double seconds = 0;
    double etaSeconds = -1;
    bool best = false;

    ProgressEvent toEvent() const; // an Epoch event of job "train"
    EpochRecord toRecord() const;  // a row of metrics.csv
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

// Writes a RunFolder: config.json, checkpoint.pt (last epoch, with optimizer and RNG state),
// best.pt (weights of the best epoch), metrics.csv, result.json.
class ProcessGroup;

class Trainer {
public:
    Trainer(TrainConfig config, const MilDataset& data, QString runDir);
    // Trains as one rank of a data-parallel group: this rank takes its share of each step's
    // slides, gradients are summed over the group; only rank 0 writes the run folder and reports.
    void setProcessGroup(ProcessGroup* group) { m_group = group; }
    // Resumes from the run's checkpoint when it exists and was made with the same config.
    // Reports started, one epoch event per epoch and finished through `progress`. Throws Error
    // for unusable inputs, a checkpoint from another config, or a full disk.
    TrainResult run(const ProgressSink& progress = {}, const std::atomic<bool>* cancel = nullptr);

private:
    // The run to fine-tune from, after checking it fits this run; FieldError ("init_from") if not.
    RunFolder checkedParent() const;

    TrainConfig m_config;
    const MilDataset& m_data;
    RunFolder m_folder;
    ProcessGroup* m_group = nullptr;
};

} // namespace tessera::core
