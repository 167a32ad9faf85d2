// The model of one open slide (on the model of ASAP's DocumentInstance and QGIS's QgsProject):
// the slide, its layers, its detected tissue, the model results shown on it and — from the
// annotations issue on — its annotations and their undo stack. Views show a document; panels and
// controllers work on the current view's document.
#pragma once

#include "HeatmapSettings.h"
#include "slide/Slide.h"
#include "tissue/TissueDetector.h"
#include "canvas/LayerStack.h"

#include <QObject>
#include <QUndoStack>
#include <atomic>
#include <memory>
#include <optional>

namespace tessera::core {
struct Prediction;
class AnnotationSet;
} // namespace tessera::core

namespace tessera::ui {

class AnnotationLayer;
class AnnotationSelection;
class ImageLayer;
class OutlineLayer;
class SlideAnalysis;

class SlideDocument : public QObject {
    Q_OBJECT
public:
    explicit SlideDocument(core::SlidePtr slide, QObject* parent = nullptr);
    ~SlideDocument() override;

    const core::SlidePtr& slide() const { return m_slide; }
    LayerStack& layers() { return *m_layers; }
    const LayerStack& layers() const { return *m_layers; }
    QUndoStack* undoStack() { return &m_undo; }
    // The slide's annotations (every edit on undoStack()), which of them are selected, and the
    // layer that draws them.
    core::AnnotationSet& annotations() { return *m_annotations; }
    AnnotationSelection& selection() { return *m_selection; }

    // The tissue mask layer (tinted tissue and its outlines). Showing it the first time detects
    // the tissue in the background; tissueDetected or tissueFailed follows.
    void setTissueVisible(bool visible);
    bool isTissueVisible() const { return m_tissueVisible; }
    bool isTissueDetected() const { return m_tissue.has_value(); }
    const std::optional<core::TissueMask>& tissue() const { return m_tissue; }

    // Model results shown on this slide (replacing earlier ones and their layers).
    SlideAnalysis* showAnalysis(core::Prediction prediction, const QString& resultsPath,
                                const HeatmapSettings& settings);
    SlideAnalysis* analysis() const { return m_analysis.get(); }

Q_SIGNALS:
    void tissueDetected(double tissueFraction, double threshold);
    void tissueFailed(const QString& message);
    void analysisChanged();

private:
    void detectTissue();
    void applyTissue(const core::TissueMask& tissue);

    core::SlidePtr m_slide;
    std::unique_ptr<LayerStack> m_layers;
    QUndoStack m_undo;
    std::unique_ptr<core::AnnotationSet> m_annotations;
    std::unique_ptr<AnnotationSelection> m_selection;
    AnnotationLayer* m_annotationLayer = nullptr;
    std::optional<core::TissueMask> m_tissue;
    bool m_tissueVisible = false;
    bool m_detecting = false;
    ImageLayer* m_tissueImage = nullptr;
    OutlineLayer* m_tissueOutline = nullptr;
    std::unique_ptr<SlideAnalysis> m_analysis; // after m_layers: removes its layers first
};

} // namespace tessera::ui
