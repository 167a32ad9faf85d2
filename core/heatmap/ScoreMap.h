// The per-patch maps a model makes and how they are drawn, the same in the viewer, the report and
// the CLI. Each map's hot end is where a pathologist should look: high attention, low
// reconstruction consistency (a patch unlike its neighbours), so consistency is drawn reversed,
// high uncertainty (an ensemble's folds disagree on the patch; infer/Predictor.h), and high
// evidence (the patch pushes the slide toward the predicted class). Evidence is signed: it is
// drawn on a diverging scale centred on 0 (grey), symmetric about it, whatever the normalization.
#pragma once

#include "Heatmap.h"

#include <QStringList>
#include <iterator>
#include <optional>

namespace tessera::core {

enum class ScoreMap { Attention, Consistency, Uncertainty, Evidence };
constexpr std::size_t kScoreMapCount = 4; // arrays indexed by ScoreMap

// Every map, in the order the viewer offers them.
inline constexpr ScoreMap kScoreMaps[] = {ScoreMap::Attention, ScoreMap::Evidence, ScoreMap::Consistency,
                                          ScoreMap::Uncertainty};
static_assert(std::size(kScoreMaps) == kScoreMapCount, "every map is listed once");
QString scoreMapName(ScoreMap map); // "attention", "evidence", "consistency", "uncertainty": files and CLI
std::optional<ScoreMap> scoreMapFromName(const QString& name);
QStringList scoreMapNames();         // in kScoreMaps' order
QString scoreMapTitle(ScoreMap map); // "Attention", "Reconstruction consistency", "Uncertainty", "Evidence"
// What the hot end of the map means, for legends and hovers: "low = unlike its neighbours".
QString scoreMapHotMeaning(ScoreMap map);

// How a slide's maps are drawn. Each map has its own colour map, so that two maps shown at once
// can be told apart.
struct HeatmapSettings {
    Colormap attentionColormap = Colormap::Viridis;
    Colormap consistencyColormap = Colormap::Inferno;
    Colormap uncertaintyColormap = Colormap::Turbo;
    Colormap evidenceColormap = Colormap::Coolwarm; // diverging: its middle is 0
    Normalization normalization = Normalization::Percentile;
    double threshold = 0; // normalized "notability" below this is not drawn (the cold end)
    double smoothing = 0; // Gaussian sigma in patches; 0 = crisp patches
    double opacity = 0.5;

    Colormap colormap(ScoreMap map) const;
    void setColormap(ScoreMap map, Colormap colormap);
    HeatmapStyle style(ScoreMap map) const;
    bool drawsLike(const HeatmapSettings& other) const; // equal but for the opacity
};

// "Attention (percentile)" with the range of the scores at the bar's ends, in the map's own units
// (consistency's high end on the left, since it is drawn cold), and the hot end's meaning.
// Evidence: "Evidence (0 in the middle)" from −m to +m, m its largest magnitude.
LegendText scoreMapLegend(ScoreMap map, Normalization normalization, float lowestScore, float highestScore);

struct ScoreMapPicture {
    HeatmapImage heatmap; // low/high: the scores' range as stored, not as drawn
    LegendText legend;
};

// Draws `scores` (the map's values, as the model wrote them) with `settings`. Throws Error as
// renderHeatmap does.
ScoreMapPicture renderScoreMap(ScoreMap map, PatchScores scores, const HeatmapSettings& settings,
                               QSize slideSize);

} // namespace tessera::core
