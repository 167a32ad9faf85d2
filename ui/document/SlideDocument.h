// One open slide in the GUI: the presenter of a core::SlideSession (the slide, its annotations
// with their undo stack, its tissue and the model results shown on it), which it turns into the
// layers a view draws: annotations, tissue mask and outline, heatmaps (SlideAnalysis). Views show
// a document; panels and controllers work on the current view's document.
#pragma once

#include "HeatmapSettings.h"
#include "canvas/LayerStack.h"
#include "session/SlideSession.h"

#include <QObject>
#include <memory>

namespace tessera::ui {

class AnnotationLayer;
class AnnotationSelection;
class ImageLayer;
class OutlineLayer;
class SlideAnalysis;

class SlideDocument : public QObject {
    Q_OBJECT
public:
    explicit SlideDocument(core::SlidePtr slide, QObject* parent = nullptr); // a new session
    explicit SlideDocument(std::unique_ptr<core::SlideSession> session, QObject* parent = nullptr);
    ~SlideDocument() override;

    core::SlideSession& session() { return *m_session; }
    const core::SlideSession& session() const { return *m_session; }
    const core::SlidePtr& slide() const { return m_session->slide(); }
    LayerStack& layers() { return *m_layers; }
    const LayerStack& layers() const { return *m_layers; }
    QUndoStack* undoStack() { return m_session->undoStack(); }
    // The slide's annotations (every edit on undoStack()), which of them are selected, and the
    // layer that draws them.
    core::AnnotationSet& annotations() { return m_session->annotations(); }
    AnnotationSelection& selection() { return *m_selection; }

    // The tissue mask layer (tinted tissue and its outlines). Showing it the first time detects
    // the tissue in the background; tissueDetected or tissueFailed follows.
    void setTissueVisible(bool visible);
    bool isTissueVisible() const { return m_tissueVisible; }
    bool isTissueDetected() const { return m_session->tissue().has_value(); }
    const std::optional<core::TissueMask>& tissue() const { return m_session->tissue(); }

    // Model results shown on this slide: set on the session (replacing earlier ones), drawn
    // with `settings`. Results set on the session directly are drawn too.
    SlideAnalysis* showAnalysis(core::Prediction prediction, const QString& resultsPath,
                                const HeatmapSettings& settings);
    SlideAnalysis* analysis() const { return m_analysis.get(); }

Q_SIGNALS:
    void tissueDetected(double tissueFraction, double threshold);
    void tissueFailed(const QString& message);
    void analysisChanged();

private:
    void detectTissue();
    void presentTissue();
    void presentResults();

    std::unique_ptr<core::SlideSession> m_session;
    std::unique_ptr<LayerStack> m_layers;
    std::unique_ptr<AnnotationSelection> m_selection;
    AnnotationLayer* m_annotationLayer = nullptr;
    bool m_tissueVisible = false;
    bool m_detecting = false;
    ImageLayer* m_tissueImage = nullptr;
    OutlineLayer* m_tissueOutline = nullptr;
    HeatmapSettings m_heatmapSettings;         // how the next results are drawn
    bool m_settingsGiven = false;              // by showAnalysis(), not kept from the last results
    std::unique_ptr<SlideAnalysis> m_analysis; // after m_layers: removes its layers first
};

} // namespace tessera::ui
