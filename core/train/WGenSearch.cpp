#include "WGenSearch.h"

#include "ModelSelection.h"
#include "ProcessGroup.h"
#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <limits>

namespace tessera::core {

namespace {

const QString kJob = QStringLiteral("train");

// Copies `from` over `to` through a temporary, or removes `to` when `from` does not exist (a
// candidate that kept no trust reference must not leave another's in the run).
void copyOver(const QString& from, const QString& to)
{
    if (!QFile::exists(from)) {
        QFile::remove(to);
        return;
    }
    AtomicFile target(to);
    if (!QFile::copy(from, target.temporaryPath()))
        throw Error(QStringLiteral("Cannot copy %1 to %2 (disk full?)").arg(from, target.temporaryPath()));
    target.commit();
}

} // namespace

WGenSearch::WGenSearch(TrainConfig config, const MilDataset& data, QString runDir)
    : m_config(std::move(config)), m_data(data), m_runDir(std::move(runDir))
{
}

QString WGenSearch::candidateFolder(const QString& runDir, double wGen)
{
    return QDir(runDir).filePath(QStringLiteral("w_gen-") + shortestNumber(wGen));
}

TrainResult WGenSearch::run(const ProgressSink& progress, const std::atomic<bool>* cancel)
{
    const bool primary = !m_group || m_group->rank() == 0;
    const int count = int(kWGenCandidates.size());
    const int epochs = m_config.epochs;
    QJsonArray weights;
    for (const double w : kWGenCandidates)
        weights.append(w);
    if (primary)
        RunFolder(m_runDir).create();

    QJsonArray candidates;
    TrainResult kept;
    int keptIndex = -1;
    double keptScore = -std::numeric_limits<double>::infinity();
    for (int k = 0; k < count; ++k) {
        const double wGen = kWGenCandidates[std::size_t(k)];
        TrainConfig config = m_config;
        config.wGenAuto = false;
        config.model.wGen = wGen;
        const QString folder = candidateFolder(m_runDir, wGen);
        const int offset = k * epochs;
        const auto forward = [&](const ProgressEvent& e) {
            if (!progress)
                return;
            ProgressEvent out = e;
            switch (e.kind) {
            case EventKind::Started:
                if (k > 0)
                    return;
                out.details[QStringLiteral("run")] = m_runDir;
                out.details[QStringLiteral("epochs")] = count * epochs;
                out.details[QStringLiteral("w_gen_candidates")] = weights;
                // The candidates' own folders hold their metrics, not the run's.
                out.details[QStringLiteral("resumed_after_epoch")] = 0;
                break;
            case EventKind::Epoch:
                out.epoch += offset;
                out.epochs = count * epochs;
                if (out.etaSeconds >= 0)
                    out.etaSeconds += e.seconds * double((count - k - 1) * epochs);
                out.details[QStringLiteral("w_gen")] = wGen;
                break;
            case EventKind::Progress:
                out.done += offset;
                out.total = qint64(count) * epochs;
                break;
            case EventKind::Finished:
                return; // the search finishes once, below
            case EventKind::Failed:
                out.details[QStringLiteral("run")] = m_runDir;
                break;
            case EventKind::Message:
                break;
            }
            progress(out);
        };
        if (progress)
            progress(ProgressEvent::note(kJob,
                                         QStringLiteral("w_gen %1: candidate %2 of %3, in %4")
                                             .arg(shortestNumber(wGen))
                                             .arg(k + 1)
                                             .arg(count)
                                             .arg(folder),
                                         QStringLiteral("info"), {{QStringLiteral("w_gen"), wGen}}));
        Trainer trainer(config, m_data, folder);
        trainer.setProcessGroup(m_group);
        const TrainResult r = trainer.run(forward, cancel);
        if (r.cancelled)
            return r;
        if (!primary)
            continue;
        const double score = ModelSelection::score(r.bestValidation);
        QJsonObject candidate{
            {QStringLiteral("w_gen"), wGen},
            {QStringLiteral("run"), QDir(m_runDir).relativeFilePath(folder)},
            {QStringLiteral("best_epoch"), r.bestEpoch},
            {QStringLiteral("val"), r.bestValidation.toJson()},
            {QStringLiteral("test"), r.test.samples ? QJsonValue(r.test.toJson()) : QJsonValue()}};
        candidates.append(candidate);
        if (score > keptScore) { // ties keep the earlier candidate
            keptScore = score;
            keptIndex = k;
            kept = r;
        }
    }
    if (!primary)
        return kept;

    for (int k = 0; k < candidates.size(); ++k) {
        QJsonObject c = candidates[k].toObject();
        c[QStringLiteral("kept")] = k == keptIndex;
        candidates[k] = c;
    }
    const RunFolder winner(candidateFolder(m_runDir, kWGenCandidates[std::size_t(keptIndex)]));
    RunResult summary = winner.readResult().value_or(RunResult{});
    summary.candidates = candidates;
    publish(winner);
    const RunFolder run(m_runDir);
    run.writeResult(summary);
    if (progress) {
        QJsonObject finished = summary.toJson();
        finished[QStringLiteral("run")] = m_runDir;
        progress(ProgressEvent::finished(kJob, finished));
    }
    return kept;
}

void WGenSearch::publish(const RunFolder& winner) const
{
    const RunFolder run(m_runDir);
    // Until its result.json is written last, the run folder is not finished: a kill in between
    // leaves a run that reruns the search (every candidate already trained) and publishes again.
    QFile::remove(run.resultPath());
    QJsonObject config = winner.readConfig();
    config[QStringLiteral("w_gen_auto")] = true;
    run.writeConfig(config);
    copyOver(winner.bestWeightsPath(), run.bestWeightsPath());
    copyOver(winner.metricsPath(), run.metricsPath());
    copyOver(winner.evaluationPath(), run.evaluationPath());
    copyOver(winner.trustPath(), run.trustPath());
}

TrainResult trainRun(const TrainConfig& config, const MilDataset& data, const QString& runDir,
                     ProcessGroup* group, const ProgressSink& progress, const std::atomic<bool>* cancel)
{
    if (config.wGenAuto && config.model.name == QLatin1String("srmil")) {
        WGenSearch search(config, data, runDir);
        search.setProcessGroup(group);
        return search.run(progress, cancel);
    }
    Trainer trainer(config, data, runDir);
    trainer.setProcessGroup(group);
    return trainer.run(progress, cancel);
}

} // namespace tessera::core
