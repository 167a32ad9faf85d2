#include "AnalysisController.h"

#include "common/Error.h"
#include "document/SlideDocument.h"
#include "infer/SlideInference.h"
#include "run/RunFolder.h"

#include <QFileInfo>
#include <QFutureWatcher>
#include <QtConcurrent>

#include <optional>

namespace tessera::ui {

namespace {

// What a background inference hands back to the GUI thread.
struct AnalysisOutcome {
    std::optional<core::SlideInferenceResult> result;
    QString error;
};

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

void AnalysisController::cancelAll()
{
    for (const Job& job : m_jobs)
        job.cancel->store(true);
}

void AnalysisController::finish(int id)
{
    std::erase_if(m_jobs, [id](const Job& j) { return j.id == id; });
}

void AnalysisController::runModel(SlideDocument* document, const QString& runDir, const QString& projectDir,
                                  const HeatmapSettings& settings)
{
    if (!document) {
        Q_EMIT failed(tr("Open a slide first, then run a model on it."));
        return;
    }
    const int id = ++m_nextId;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_jobs.push_back({id, cancel});
    // Closing the slide's tab stops the job at its next safe point.
    connect(document, &QObject::destroyed, this, [cancel] { cancel->store(true); });

    const std::shared_ptr<ProgressRelay> relay(new ProgressRelay, [](ProgressRelay* r) { r->deleteLater(); });
    connect(relay.get(), &ProgressRelay::message, this, &AnalysisController::progress);
    core::SlideInferenceOptions options;
    options.projectDir = projectDir.isEmpty() ? core::RunFolder(runDir).projectFolder() : projectDir;
    options.cancel = cancel.get();
    options.progress = [relay](const core::ProgressEvent& event) {
        if (const QString text = describe(event); !text.isEmpty())
            relay->post(text);
    };
    const QString slidePath = document->slide()->path();
    Q_EMIT progress(tr("Preparing %1…").arg(QFileInfo(runDir).fileName()));

    auto* watcher = new QFutureWatcher<AnalysisOutcome>(this);
    const QPointer<SlideDocument> target(document);
    connect(watcher, &QFutureWatcher<AnalysisOutcome>::finished, this,
            [this, watcher, target, id, settings, runDir, slidePath, projectFolder = options.projectDir] {
                watcher->deleteLater();
                finish(id);
                const AnalysisOutcome outcome = watcher->result();
                if (!outcome.error.isEmpty()) {
                    Q_EMIT failed(outcome.error);
                    return;
                }
                if (!target) {
                    Q_EMIT failed(tr("The slide was closed before its results were ready."));
                    return;
                }
                Q_EMIT inferred(runDir, slidePath, *outcome.result, projectFolder);
                nextShowing(target);
                show(target, outcome.result->prediction, outcome.result->resultsPath, settings);
            });
    // The worker owns copies of everything it reads (and the cancel flag and relay by reference count).
    watcher->setFuture(
        QtConcurrent::run(&m_pool, [runDir, options, slidePath, cancel, relay]() -> AnalysisOutcome {
            if (cancel->load()) // cancelled while queued: do not even load the model
                return {std::nullopt, tr("%1: analysis cancelled before it started").arg(slidePath)};
            try {
                const core::SlideInference inference(runDir, options);
                return {inference.run(slidePath), {}};
            } catch (const core::Error& error) {
                return {std::nullopt, error.message()};
            } catch (const std::exception& error) {
                return {std::nullopt,
                        tr("The model failed on %1: %2").arg(slidePath, QString::fromUtf8(error.what()))};
            }
        }));
}

bool AnalysisController::openResults(SlideDocument* document, const QString& path,
                                     const HeatmapSettings& settings)
{
    if (!document) {
        Q_EMIT failed(tr("Open a slide first, then its results."));
        return false;
    }
    nextShowing(document);
    try {
        return show(document, core::Prediction::read(path), path, settings);
    } catch (const core::Error& error) {
        Q_EMIT failed(error.message());
        return false;
    }
}

void AnalysisController::loadResults(SlideDocument* document, const QString& path,
                                     const HeatmapSettings& settings)
{
    if (!document) {
        Q_EMIT failed(tr("Open a slide first, then its results."));
        return;
    }
    struct Loaded {
        std::optional<core::Prediction> prediction;
        QString error;
    };
    auto* watcher = new QFutureWatcher<Loaded>(this);
    const QPointer<SlideDocument> target(document);
    const int showing = nextShowing(document);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this,
            [this, watcher, target, path, settings, showing] {
                watcher->deleteLater();
                Loaded loaded = watcher->result();
                if (!target)
                    return; // the tab was closed meanwhile: nothing to show it on
                if (m_showings.value(target) != showing)
                    return; // other results were asked for (or shown) since: they win
                if (!loaded.prediction) {
                    Q_EMIT failed(loaded.error);
                    return;
                }
                show(target, *loaded.prediction, path, settings);
            });
    watcher->setFuture(QtConcurrent::run(&m_loadPool, [path]() -> Loaded {
        try {
            return {core::Prediction::read(path), {}};
        } catch (const core::Error& error) {
            return {std::nullopt, error.message()};
        } catch (const std::exception& error) {
            return {std::nullopt, tr("%1 cannot be read: %2").arg(path, QString::fromUtf8(error.what()))};
        }
    }));
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
