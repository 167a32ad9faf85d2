// What a project has made: feature sets (which extractor, which slides), training runs (their
// configuration, status, process, every epoch's metrics, results, parent run) and predictions.
// Written by the CLI commands given --project — on a workstation or a cluster node alike — and
// read by the GUI.
#pragma once

#include "infer/Predictor.h"
#include "run/RunFolder.h"

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>
#include <optional>
#include <vector>

namespace tessera::core {

class Project;

namespace RunStatus {
inline const QString kQueued = QStringLiteral("queued");
inline const QString kRunning = QStringLiteral("running");
inline const QString kFinished = QStringLiteral("finished");
inline const QString kFailed = QStringLiteral("failed");
inline const QString kCancelled = QStringLiteral("cancelled");
} // namespace RunStatus

struct FeatureSetRecord {
    qint64 id = 0;
    QString name;   // the folder relative to the project: "features"
    QString folder; // absolute
    QString extractor;
    int patchSize = 0;
    double magnification = 0;
    int slides = 0;
};

struct RunRecord {
    qint64 id = 0;
    QString name;   // its folder's path inside the project's runs/ ("srmil-1", "cv/fold_0")
    QString folder; // absolute
    QString model;
    QJsonObject config;
    QString status;
    qint64 pid = 0;
    QString device;
    QDateTime created, started, finished;
    QString parentName; // fine-tuned from; empty if trained afresh
    QString featureSet;
    QString split;
    QString message; // why it failed or stopped
    int bestEpoch = 0;
    int epochsDone = 0;
    double validationAuc = 0; // NaN when undefined
    double testAuc = 0;       // NaN without a test part
    double seconds = 0;
    QStringList command;             // tessera-cli's arguments, to resume it
    std::optional<RunResult> result; // a finished run's result.json
};

// A prediction stored for one slide: which run made it, and where its results lie.
struct PredictionRecord {
    qint64 run = 0;
    QString runName, model;
    QString file; // absolute: the results (.h5)
    QString predicted;
    QDateTime created;
    double validationAuc = 0; // the run's, as RunRecord holds it
    OodVerdict ood;           // not judged when the run had no trust reference
};

// What a run starting (or resuming) says about itself.
struct RunStart {
    QString folder;
    QString model;
    QJsonObject config;
    QString device;
    QString parentFolder;
    QString featureSet;
    QString split;
    QStringList command;
    qint64 pid = 0;
};

class RunRegistry {
public:
    explicit RunRegistry(Project& project);

    // A feature set by folder (created or updated), and one slide's features in it (the slide is
    // added to the project when it is not there yet).
    qint64 recordFeatureSet(const QString& folder, const QString& extractor, int patchSize,
                            double magnification);
    void recordSlideFeatures(qint64 featureSet, const QString& slidePath, const QString& file, int patches,
                             int dimension);
    std::vector<FeatureSetRecord> featureSets() const;
    std::optional<FeatureSetRecord> featureSet(const QString& name) const;

    // A run starting or resuming (found by its folder): status running with this process.
    qint64 startRun(const RunStart& start);
    void recordEpoch(qint64 run, const EpochRecord& epoch);
    void finishRun(qint64 run, const RunResult& result);
    void stopRun(qint64 run, const QString& message, bool cancelled);
    std::vector<RunRecord> list() const;
    std::optional<RunRecord> find(const QString& nameOrFolder) const;
    std::vector<EpochRecord> epochs(qint64 run) const;
    void remove(qint64 run); // its row, epochs and predictions; not its folder
    // The id of the run in `folder`, registering a run made elsewhere (a cluster node, another
    // project) from its folder's files: config, metrics and result. A k-fold folder registers as
    // one ensemble run (split "ensemble of k folds", config "ensemble": its folds) with its
    // folds' mean validation and test AUCs. Error if it is neither.
    qint64 ensureRegistered(const QString& folder);
    // Registers the k-fold folder as an ensemble run, or brings its row up to date with the folds
    // finished now. Error when it holds no finished fold.
    qint64 recordEnsemble(const QString& folder);

    // Runs the database says are running whose process is gone: marked failed, with the reason
    // their job log gives (or that none was given: killed, out of memory, crashed). Returns how many.
    int reconcile();

    // The prediction's class probabilities and its out-of-distribution verdict.
    void recordPrediction(qint64 run, const QString& slidePath, const QString& file,
                          const Prediction& prediction);

    // The predictions stored for a slide (by path or key), the latest first. Empty for a slide the
    // project does not have.
    std::vector<PredictionRecord> predictionsFor(const QString& slidePathOrKey) const;

    // The name a run folder is listed under: its path inside runs/, else its stored path.
    QString nameOf(const QString& folder) const;

private:
    qint64 slideIdFor(const QString& slidePath);
    Project& m_project;
};

// The reason a job log gives (from byte `offset` on: the current attempt) for how its job ended:
// the last failed event's message, or a sentence saying it ended without one.
QString endingReason(const QString& logPath, qint64 offset = 0);

} // namespace tessera::core
