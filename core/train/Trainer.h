// Trains one MIL model on one split: AdamW, warm-up + cosine schedule, best-by-validation,
// atomic checkpoints every epoch, resume after a kill, cancellation, progress events.
#pragma once

#include "Dataset.h"
#include "jobs/ProgressEvent.h"
#include "model/TrainSettings.h"
#include "run/Metrics.h"
#include "run/RunFolder.h"

#include <QJsonObject>
#include <QStringList>
#include <atomic>

namespace tessera::core {

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
