// A model's prediction shown on one slide document: owns its heatmap and patch-grid layers in
// the document's layer stack (keeping them in step with the chosen style) and answers "which
// patch is here, and what are its scores".
#pragma once

#include "HeatmapSettings.h"
#include "infer/Predictor.h"

#include <QObject>
#include <QPointF>
#include <QRectF>

#include <array>

class QTimer;

namespace tessera::ui {

class ImageLayer;
class OutlineLayer;
class SlideDocument;

class SlideAnalysis : public QObject {
    Q_OBJECT
public:
    // Presents the results of the document's session: adds its layers to the document
    // (attention shown, the rest hidden); they are removed again when the analysis is destroyed.
    // Made by SlideDocument when the session's results change.
    SlideAnalysis(SlideDocument& document, const HeatmapSettings& settings);
    ~SlideAnalysis() override;

    const core::Prediction& prediction() const { return m_prediction; }
    const QString& resultsPath() const { return m_resultsPath; }
    bool hasMap(MapLayer layer) const { return !m_prediction.scores(layer).empty(); }
    bool hasConsistency() const { return hasMap(MapLayer::Consistency); }
    SlideDocument& document() const { return m_document; }

    void setSettings(const HeatmapSettings& settings); // re-renders both maps when the style changed
    const HeatmapSettings& settings() const { return m_settings; }
    void setLayerVisible(MapLayer layer, bool visible);
    bool isLayerVisible(MapLayer layer) const;
    void setPatchGridVisible(bool visible);
    bool isPatchGridVisible() const;
    ImageLayer* mapLayer(MapLayer layer) const; // nullptr for a map the model does not make
    OutlineLayer* patchGridLayer() const { return m_grid; }
    // Outlines patch `index` for `milliseconds` (a gallery's target, so the eye finds it).
    void highlightPatch(int index, int milliseconds = 2000);
    OutlineLayer* highlightLayer() const { return m_highlight; }

    int patchAt(QPointF level0) const; // -1 outside every patch
    QRectF patchRect(int index) const; // level-0
    // "attention 0.0123 (p97) · consistency 0.812 (p12; low = unlike its neighbours)", and for an
    // ensemble "· uncertainty 0.21 (p88; high = the folds disagree)"
    QString describePatch(int index) const;
    // Patch indices: highest attention or uncertainty, or lowest consistency, first.
    std::vector<int> topPatches(MapLayer layer, int count) const;

private:
    static constexpr auto& kMaps = core::kScoreMaps;
    const std::vector<float>& values(MapLayer layer) const { return m_prediction.scores(layer); }
    void render(MapLayer layer);

    SlideDocument& m_document;
    const core::Prediction& m_prediction; // the session's, replaced only with this presenter
    QString m_resultsPath;
    HeatmapSettings m_settings;
    core::PatchIndex m_index;
    std::array<std::vector<float>, core::kScoreMapCount>
        m_ranks; // per map (by MapLayer): percentiles for the status bar
    std::array<ImageLayer*, core::kScoreMapCount> m_maps{}; // nullptr for a map the model does not make
    OutlineLayer* m_grid = nullptr;
    OutlineLayer* m_highlight = nullptr;
    QTimer* m_highlightTimer = nullptr;
};

} // namespace tessera::ui
