// The files of one training run and their formats, in one place: config.json (what was trained
// on what), checkpoint.pt and best.pt (written by the trainer), metrics.csv (one row per epoch,
// every loss term), result.json (final validation and test metrics under stable names) and
// job.jsonl (the progress events of the job that made it).
#pragma once

#include "Metrics.h"
#include "model/ModelSpec.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <map>
#include <optional>
#include <vector>

namespace tessera::core {

// What a run's network takes and gives: read from config.json by inference.
struct RunDescription {
    ModelSpec model;
    int featureDimension = 0;
    QStringList classNames;
    QString extractor; // of the training features; empty for runs that predate it
    int patchSize = 0; // patch geometry of the training features (0 = unknown)
    double magnification = 0;
    QString parentRun; // fine-tuned from this run's best weights; empty if trained afresh
};

// One row of metrics.csv.
struct EpochRecord {
    int epoch = 0;
    double learningRate = 0;
    double trainLoss = 0;
    double validationLoss = 0;
    double validationAuc = 0;
    double validationAccuracy = 0;
    double validationBalancedAccuracy = 0;
    double validationF1 = 0;
    double seconds = 0;
    std::map<QString, double> terms; // each loss term's mean: "ce_masked", "ce_full", "sce", "ce"
};

// result.json.
struct RunResult {
    static constexpr int kSchemaVersion = 1;
    int bestEpoch = 0;
    int epochsRun = 0;
    bool stoppedEarly = false;
    ClassificationMetrics validation;          // of the best epoch's weights
    std::optional<ClassificationMetrics> test; // absent without test slides
    double seconds = 0;                        // training wall time, summed over resumed parts
    // The trust reference's summary (trust/TrustReference: threshold, temperature, ECE before and
    // after on validation, slide counts); empty for runs made before it was kept.
    QJsonObject trust;
    // How the run calls a slide positive (compare/RunComparison.h: rule and threshold); empty for
    // runs made before it was kept.
    QJsonObject decision;
    // A run chosen among candidates (train --w-gen auto): each candidate's setting, best epoch,
    // validation and test metrics, and whether it was kept; empty for a single training.
    QJsonArray candidates;

    QJsonObject toJson() const;
    static RunResult fromJson(const QJsonObject& json);
};

class RunFolder {
public:
    // The project database's file name (a project folder holds it; runs live in its runs/).
    static constexpr const char* kProjectDatabaseFile = "project.sqlite";

    explicit RunFolder(const QString& dir);

    const QString& path() const { return m_dir; }
    QString name() const; // the folder's name
    QString configPath() const;
    QString checkpointPath() const;
    QString bestWeightsPath() const;
    QString metricsPath() const;
    QString resultPath() const;
    // best.pt is replaced in two steps so that it always holds the epoch the checkpoint records as
    // best, even when a resumed epoch does not repeat bitwise (several threads, a GPU): the new
    // weights are written to pendingBestWeightsPath(epoch) before the checkpoint, and
    // commitBestWeights(epoch) moves them over best.pt after it.
    QString pendingBestWeightsPath(int epoch) const;
    void commitBestWeights(int epoch) const; // stamps best.pt with the current time; Error on failure
    QString logPath() const;
    // trust.h5: what inference judges new slides by (trust/TrustReference.h); absent in runs made
    // before it was kept.
    QString trustPath() const;
    // evaluation.csv: the best weights' probabilities on each validation and test slide
    // (run/RunEvaluation.h); absent in runs made before it was kept.
    QString evaluationPath() const;

    // A k-fold cross-validation folder (tessera-cli train --folds: fold_0 … fold_{k−1}) is used
    // whole as an ensemble: its finished folds, in fold order (absolute paths). Empty for a run
    // folder (one with config.json) and for folders holding no finished fold.
    static QStringList ensembleMembers(const QString& dir);

    bool hasConfig() const;
    bool hasCheckpoint() const;
    bool hasBestWeights() const;
    bool isFinished() const; // result.json exists

    // The project the run belongs to: the nearest folder above it holding a project database
    // (runs/<name>/ or runs/<name>/fold_i/), else — for runs made before projects — its parent.
    QString projectFolder() const;

    // On (re)starting from a checkpoint after `checkpointEpoch` (0: none) whose best epoch is
    // `bestEpoch`: commits that epoch's pending weights (killed between the checkpoint and the
    // commit) and removes the pending weights of any epoch the checkpoint does not hold (killed or
    // failed before it).
    void settleBestWeights(int checkpointEpoch, int bestEpoch) const;

    // Creates the folder; throws Error when it cannot.
    void create() const;

    // Throws Error naming the file when it is missing or not a JSON object.
    QJsonObject readConfig() const;
    void writeConfig(const QJsonObject& config) const; // atomic
    // Throws Error when config.json lacks the feature dimension or two class names.
    RunDescription readDescription() const;

    // Rows are read by column name, so files with more or fewer columns still read. Empty when
    // the file is absent; throws Error naming the file and line for a malformed row.
    std::vector<EpochRecord> readMetrics() const;
    void writeMetrics(const std::vector<EpochRecord>& rows) const; // atomic

    std::optional<RunResult> readResult() const;     // nullopt when absent; Error when malformed
    void writeResult(const RunResult& result) const; // atomic

private:
    QString file(const char* name) const;
    QString m_dir;
};

} // namespace tessera::core
