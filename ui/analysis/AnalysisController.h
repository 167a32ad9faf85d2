// Runs a trained model on a slide document in the background and shows the results there. Each
// job can be cancelled: it is when its document goes away (the tab closed) or the controller is
// destroyed. Progress reaches the GUI thread through queued signals only.
#pragma once

#include "document/HeatmapSettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <atomic>
#include <memory>
#include <vector>

namespace tessera::core {
struct Prediction;
struct SlideInferenceResult;
} // namespace tessera::core

namespace tessera::ui {

class SlideDocument;

class AnalysisController : public QObject {
    Q_OBJECT
public:
    explicit AnalysisController(QObject* parent = nullptr);
    ~AnalysisController() override;

    // Applies the run to the document's slide: features are extracted when missing, features and
    // results kept in `projectDir` (default: the run's parent folder) and reused next time. Ends
    // with ready or failed.
    void runModel(SlideDocument* document, const QString& runDir, const QString& projectDir,
                  const HeatmapSettings& settings);
    // Shows stored results (a `tessera-cli infer`/`heatmap` .h5) on the document, read off the
    // GUI thread (reading takes a helper process and HDF5's global lock, which an inference may
    // hold): ends with ready, or failed when they cannot be read or belong to another slide.
    // Dropped if the document goes.
    void loadResults(SlideDocument* document, const QString& path, const HeatmapSettings& settings);
    int runningCount() const; // inferences
    void cancelAll();

Q_SIGNALS:
    void progress(const QString& text);
    void ready(tessera::ui::SlideDocument* document);
    // A run was applied to a slide (before ready): what it made, for recording in a project.
    void inferred(const QString& runDir, const QString& slidePath,
                  const tessera::core::SlideInferenceResult& result, const QString& projectDir);
    void failed(const QString& message);

private:
    // Shows `prediction` on `document` unless it does not fit the slide; emits ready or failed.
    bool show(SlideDocument* document, const core::Prediction& prediction, const QString& resultsPath,
              const HeatmapSettings& settings);

    QList<quint64> m_tasks; // inference tasks, running or done
    // Results shown on a document since a load started there supersede the load: only the
    // newest request per document is shown.
    int nextShowing(const SlideDocument* document) { return ++m_showings[document]; }
    QHash<const SlideDocument*, int> m_showings;
    // Stored results are read on their own threads, never queued behind minute-long inferences.
    QThreadPool m_loadPool;
    // Jobs wait for their own extraction threads: run them off Qt's global pool, which Qt needs
    // free for its own parallel image operations (a job blocking all of it can deadlock them).
    // Declared last: destroyed first, it waits for jobs cancelled by the destructor.
    QThreadPool m_pool;
};

} // namespace tessera::ui
