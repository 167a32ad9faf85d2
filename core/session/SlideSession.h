// One open slide and what is known about it: the document the GUI shows and the report and the
// CLI read. The slide, its annotations with their undo stack, its detected tissue and the model
// results shown on it. No widgets: the GUI's SlideDocument presents a session as layers.
#pragma once

#include "annotations/AnnotationSet.h"
#include "heatmap/ScoreMap.h"
#include "infer/Predictor.h"
#include "project/RunRegistry.h"
#include "project/SlideCatalog.h"
#include "slide/Slide.h"
#include "tissue/TissueDetector.h"

#include <QObject>
#include <QUndoStack>
#include <memory>
#include <optional>

namespace tessera::core {

class Project;

// Model results shown on a slide: the prediction, the file it was read from and, in a project,
// the run that made it.
struct SessionResults {
    Prediction prediction;
    QString file;
    std::optional<RunRecord> run;
};

class SlideSession : public QObject {
    Q_OBJECT
public:
    explicit SlideSession(SlidePtr slide, QObject* parent = nullptr);

    // A project's slide (its key or file) as the project knows it: its stored annotations and
    // the project's classes, and the prediction of `run` (a name; empty: the latest one) when
    // there is one. Throws Error naming what is missing: the slide, its file or the run.
    static std::unique_ptr<SlideSession> fromProject(Project& project, const QString& slide,
                                                     const QString& run = {});

    const SlidePtr& slide() const { return m_slide; }
    QUndoStack* undoStack() { return &m_undo; }
    // Every edit is one command on undoStack().
    AnnotationSet& annotations() { return *m_annotations; }
    const AnnotationSet& annotations() const { return *m_annotations; }

    const std::optional<TissueMask>& tissue() const { return m_tissue; }
    void setTissue(TissueMask tissue);

    // The results shown (replacing earlier ones).
    const std::optional<SessionResults>& results() const { return m_results; }
    void setResults(SessionResults results);

    // Where the session came from a project: the slide's record, and the run asked for (set
    // also when that run has no prediction for the slide).
    const std::optional<SlideRecord>& projectRecord() const { return m_record; }
    const std::optional<RunRecord>& requestedRun() const { return m_requestedRun; }

Q_SIGNALS:
    void tissueChanged();
    void resultsChanged();

private:
    SlidePtr m_slide;
    QUndoStack m_undo;
    std::unique_ptr<AnnotationSet> m_annotations;
    std::optional<TissueMask> m_tissue;
    std::optional<SessionResults> m_results;
    std::optional<SlideRecord> m_record;
    std::optional<RunRecord> m_requestedRun;
};

} // namespace tessera::core
