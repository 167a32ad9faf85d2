#include "AnalysisController.h"

#include "common/Error.h"
#include "document/SlideDocument.h"
#include "infer/SlideInference.h"
#include "run/RunFolder.h"
#include "tasks/TaskRunner.h"

#include <QFileInfo>

#include <optional>

namespace tessera::ui {

namespace {

// Carries progress text from the worker to the GUI thread. Owned by the job (shared with the
// worker's sink), deleted in its own thread once both are done with it.
class ProgressRelay : public QObject {
    Q_OBJECT
public:
    void post(const QString& text)
    {
        QMetaObject::invokeMethod(
            this, [this, text] { Q_EMIT message(text); }, Qt::QueuedConnection);
    }
Q_SIGNALS:
    void message(const QString& text);
};

QString describe(const core::ProgressEvent& event)
{
    if (event.kind == core::EventKind::Progress && event.unit == QLatin1String("patches"))
        return AnalysisController::tr("Extracting features: %1 of %2 patches")
            .arg(event.done)
            .arg(event.total);
    if (event.kind == core::EventKind::Message)
        return AnalysisController::tr("Running the model…");
    return {};
}

// Why results cannot be drawn on a slide of `size` (patches outside it, no patch size), or "".
QString mismatchWithSlide(const core::Prediction& p, const QString& path, QSize size)
{
    for (std::size_t i = 0; i + 1 < p.coords.size(); i += 2)
        if (p.coords[i] < 0 || p.coords[i + 1] < 0 || p.coords[i] >= size.width() ||
            p.coords[i + 1] >= size.height())
            return AnalysisController::tr(
                       "%1 does not belong to this slide: patch (%2, %3) lies outside its %4 × %5 pixels.")
                .arg(path)
                .arg(p.coords[i])
                .arg(p.coords[i + 1])
                .arg(size.width())
                .arg(size.height());
    if (p.patchStep <= 0)
        return AnalysisController::tr("%1 has no patch size and a single patch: nothing to draw.").arg(path);
    return {};
}

} // namespace

AnalysisController::AnalysisController(QObject* parent) : QObject(parent)
{
    m_loadPool.setMaxThreadCount(2);
}

AnalysisController::~AnalysisController()
{
    cancelAll();
}

int AnalysisController::runningCount() const
{
    return int(std::count_if(m_tasks.cbegin(), m_tasks.cend(),
                             [](quint64 task) { return TaskRunner::instance().isRunning(task); }));
}

void AnalysisController::cancelAll()
{
    TaskRunner::instance().cancelAll(this);
}

void AnalysisController::runModel(SlideDocument* document, const QString& runDir, const QString& projectDir,
                                  const HeatmapSettings& settings)
{
    if (!document) {
        Q_EMIT failed(tr("Open a slide first, then run a model on it."));
        return;
    }
    const std::shared_ptr<ProgressRelay> relay(new ProgressRelay, [](ProgressRelay* r) { r->deleteLater(); });
    connect(relay.get(), &ProgressRelay::message, this, &AnalysisController::progress);
    core::SlideInferenceOptions options;
    options.projectDir = projectDir.isEmpty() ? core::RunFolder(runDir).projectFolder() : projectDir;
    options.progress = [relay](const core::ProgressEvent& event) {
        if (const QString text = describe(event); !text.isEmpty())
            relay->post(text);
    };
    const QString slidePath = document->slide()->path();
    Q_EMIT progress(tr("Preparing %1…").arg(QFileInfo(runDir).fileName()));

    const QPointer<SlideDocument> target(document);
    // The worker owns copies of everything it reads (and the relay by reference count).
    const auto infer = [runDir, options, slidePath](TaskControl& control) {
        core::SlideInferenceOptions o = options;
        o.cancel = control.cancelFlag();
        return core::SlideInference(runDir, o).run(slidePath);
    };
    const quint64 task = TaskRunner::instance().run(
        this, tr("Applying %1 to %2").arg(QFileInfo(runDir).fileName(), QFileInfo(slidePath).fileName()), infer,
        [this, target, settings, runDir, slidePath, projectFolder = options.projectDir,
         relay](TaskResult<core::SlideInferenceResult> outcome) {
            if (outcome.cancelled && !outcome.ok()) {
                Q_EMIT failed(target ? tr("%1: analysis cancelled").arg(slidePath)
                                     : tr("The slide was closed before its results were ready."));
                return;
            }
            if (!outcome.ok()) {
                Q_EMIT failed(outcome.error.isEmpty() ? tr("The model failed on %1").arg(slidePath)
                                                      : outcome.error);
                return;
            }
            if (!target) {
                Q_EMIT failed(tr("The slide was closed before its results were ready."));
                return;
            }
            Q_EMIT inferred(runDir, slidePath, *outcome.value, projectFolder);
            nextShowing(target);
            show(target, outcome.value->prediction, outcome.value->resultsPath, settings);
        },
        &m_pool);
    m_tasks.removeIf([](quint64 t) { return !TaskRunner::instance().isRunning(t); });
    m_tasks << task;
    // Closing the slide's tab stops the job at its next safe point.
    connect(document, &QObject::destroyed, this, [task] { TaskRunner::instance().cancel(task); });
}

void AnalysisController::loadResults(SlideDocument* document, const QString& path,
                                     const HeatmapSettings& settings)
{
    if (!document) {
        Q_EMIT failed(tr("Open a slide first, then its results."));
        return;
    }
    const QPointer<SlideDocument> target(document);
    const int showing = nextShowing(document);
    TaskRunner::instance().run(
        this, tr("Reading %1").arg(QFileInfo(path).fileName()),
        [path](TaskControl&) { return core::Prediction::read(path); },
        [this, target, path, settings, showing](TaskResult<core::Prediction> loaded) {
            if (!target)
                return; // the tab was closed meanwhile: nothing to show it on
            if (m_showings.value(target) != showing)
                return; // other results were asked for (or shown) since: they win
            if (!loaded.ok()) {
                Q_EMIT failed(loaded.error);
                return;
            }
            show(target, *loaded.value, path, settings);
        },
        &m_loadPool);
}

bool AnalysisController::show(SlideDocument* document, const core::Prediction& prediction,
                              const QString& resultsPath, const HeatmapSettings& settings)
{
    if (const QString error = mismatchWithSlide(prediction, resultsPath, document->slide()->size());
        !error.isEmpty()) {
        Q_EMIT failed(error);
        return false;
    }
    document->showAnalysis(prediction, resultsPath, settings);
    Q_EMIT ready(document);
    return true;
}

} // namespace tessera::ui

#include "AnalysisController.moc"
