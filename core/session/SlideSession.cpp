#include "SlideSession.h"

#include "common/Error.h"
#include "slide/SlideKey.h"
#include "project/Project.h"

#include <QFileInfo>
#include <QObject>
#include <QSqlQuery>

namespace tessera::core {

namespace {
struct PredictionRow {
    qint64 run = 0;
    QString file;
};

// The prediction of `runId` for the slide, or its latest when runId is 0.
std::optional<PredictionRow> findPrediction(Project& project, qint64 slideId, qint64 runId)
{
    ProjectDatabase& db = project.database();
    QSqlQuery q =
        db.prepare(runId > 0 ? QStringLiteral("SELECT run_id, file FROM predictions WHERE slide_id = ? "
                                              "AND run_id = ?")
                             : QStringLiteral("SELECT run_id, file FROM predictions WHERE slide_id = ? "
                                              "ORDER BY created_at DESC LIMIT 1"));
    q.addBindValue(slideId);
    if (runId > 0)
        q.addBindValue(runId);
    db.run(q);
    if (!q.next())
        return std::nullopt;
    return PredictionRow{q.value(0).toLongLong(), q.value(1).toString()};
}
} // namespace

SlideSession::SlideSession(SlidePtr slide, QObject* parent)
    : QObject(parent), m_slide(std::move(slide)), m_annotations(std::make_unique<AnnotationSet>(&m_undo))
{
}

void SlideSession::setTissue(TissueMask tissue)
{
    m_tissue = std::move(tissue);
    Q_EMIT tissueChanged();
}

void SlideSession::setResults(SessionResults results)
{
    m_results = std::move(results);
    Q_EMIT resultsChanged();
}

std::unique_ptr<SlideSession> SlideSession::fromProject(Project& project, const QString& slide,
                                                        const QString& run)
{
    const QString key = QFileInfo::exists(slide) ? slideKey(slide) : slide;
    const std::optional<SlideRecord> record = project.slides().find(key);
    if (!record)
        throw Error(QObject::tr("%1: no slide \"%2\" in this project").arg(project.folder(), slide));
    if (record->missing)
        throw Error(
            QObject::tr("%1: the slide file is missing (the project expects it there)").arg(record->path));
    std::optional<RunRecord> requested;
    if (!run.isEmpty()) {
        requested = project.runs().find(run);
        if (!requested)
            throw Error(QObject::tr("%1: no run \"%2\" in this project").arg(project.folder(), run));
    }
    auto session = std::make_unique<SlideSession>(Slide::open(record->path));
    session->m_record = record;
    session->m_requestedRun = requested;
    AnnotationSet& annotations = session->annotations();
    annotations.setClasses(project.annotations().classes());
    annotations.reset(project.annotations().load(record->id));
    if (const auto row = findPrediction(project, record->id, requested ? requested->id : 0)) {
        SessionResults results{Prediction::read(project.toAbsolute(row->file)), project.toAbsolute(row->file),
                               requested};
        if (!results.run)
            for (const RunRecord& r : project.runs().list())
                if (r.id == row->run)
                    results.run = r;
        session->m_results = std::move(results);
    }
    return session;
}

} // namespace tessera::core
