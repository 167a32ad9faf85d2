// A model's prediction attached to one slide view: keeps its heatmap layers in step with the
// chosen style and answers "which patch is here, and what are its scores".
#pragma once

#include "heatmap/Heatmap.h"
#include "infer/Predictor.h"

#include <QObject>
#include <QPointF>
#include <QRectF>

namespace tessera::ui {

class SlideView;

enum class MapLayer { Attention, Consistency };

inline const QString kAttentionOverlay = QStringLiteral("attention");
inline const QString kConsistencyOverlay = QStringLiteral("consistency");
inline const QString kPatchGridOverlay = QStringLiteral("patch-grid");

struct HeatmapSettings {
    core::HeatmapStyle style;
    double opacity = 0.5;
};

class SlideAnalysis : public QObject {
    Q_OBJECT
public:
    // Becomes a child of `view` and adds its layers to it (attention shown, the rest hidden),
    // replacing those of an earlier analysis; the layers stay with the view.
    SlideAnalysis(SlideView* view, core::Prediction prediction, QString resultsPath,
                  const HeatmapSettings& settings);
    ~SlideAnalysis() override;
    static SlideAnalysis* of(const SlideView* view); // nullptr when the view has none

    const core::Prediction& prediction() const { return m_prediction; }
    const QString& resultsPath() const { return m_resultsPath; }
    bool hasConsistency() const { return !m_prediction.consistency.empty(); }

    void setSettings(const HeatmapSettings& settings); // re-renders both maps
    const HeatmapSettings& settings() const { return m_settings; }
    void setLayerVisible(MapLayer layer, bool visible);
    bool isLayerVisible(MapLayer layer) const;
    void setPatchGridVisible(bool visible);
    bool isPatchGridVisible() const;

    int patchAt(QPointF level0) const; // -1 outside every patch
    QRectF patchRect(int index) const; // level-0
    // "attention 0.0123 (p97) · consistency 0.812 (p12)"
    QString describePatch(int index) const;
    // Patch indices: highest attention, or lowest consistency, first.
    std::vector<int> topPatches(MapLayer layer, int count) const;

private:
    const std::vector<float>& values(MapLayer layer) const;
    void render(MapLayer layer);

    SlideView* m_view;
    core::Prediction m_prediction;
    QString m_resultsPath;
    HeatmapSettings m_settings;
    core::PatchIndex m_index;
    std::vector<float> m_attentionRank, m_consistencyRank; // percentiles for the status bar
};

} // namespace tessera::ui
