#include "RunRecorder.h"

#include "Project.h"
#include "run/RunFolder.h"

#include <QCoreApplication>

#include <cmath>

namespace tessera::core {

RunRecorder::RunRecorder(Project& project, RunStart start) : m_project(project), m_start(std::move(start))
{
    m_start.pid = QCoreApplication::applicationPid();
}

EpochRecord RunRecorder::epochRecordOf(const ProgressEvent& e)
{
    const auto metric = [&](const char* name) {
        const auto it = e.metrics.find(QLatin1String(name));
        return it == e.metrics.end() ? std::nan("") : it->second;
    };
    EpochRecord r;
    r.epoch = e.epoch;
    r.learningRate = e.learningRate;
    r.seconds = e.seconds;
    r.validationLoss = metric("val_loss");
    r.validationAuc = metric("val_auc");
    r.validationAccuracy = metric("val_accuracy");
    r.validationBalancedAccuracy = metric("val_balanced_accuracy");
    r.validationF1 = metric("val_f1");
    for (const auto& [name, value] : e.losses) {
        if (name == QLatin1String("train"))
            r.trainLoss = value;
        else
            r.terms[name] = value;
    }
    return r;
}

void RunRecorder::record(const ProgressEvent& event)
{
    RunRegistry& runs = m_project.runs();
    switch (event.kind) {
    case EventKind::Started:
        m_start.device = event.details[QStringLiteral("device")].toString(m_start.device);
        m_run = runs.startRun(m_start);
        // A resumed run: the killed attempt may have died after its checkpoint but before its last
        // epoch reached the database. The run folder's metrics are the record; bring them over.
        if (const int resumedAfter = event.details[QStringLiteral("resumed_after_epoch")].toInt();
            resumedAfter > 0)
            for (const EpochRecord& e :
                 RunFolder(event.details[QStringLiteral("run")].toString()).readMetrics())
                if (e.epoch <= resumedAfter)
                    runs.recordEpoch(m_run, e);
        break;
    case EventKind::Epoch:
        if (m_run)
            runs.recordEpoch(m_run, epochRecordOf(event));
        break;
    case EventKind::Finished:
        if (m_run)
            runs.finishRun(m_run, RunResult::fromJson(event.details));
        break;
    case EventKind::Failed:
        if (m_run)
            runs.stopRun(m_run, event.message, event.cancelled);
        break;
    case EventKind::Progress:
    case EventKind::Message:
        break;
    }
}

ProgressSink RunRecorder::sink(ProgressSink next)
{
    return [this, next](const ProgressEvent& event) {
        record(event);
        if (next)
            next(event);
    };
}

} // namespace tessera::core
