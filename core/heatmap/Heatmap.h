// Patch scores (attention, consistency) rendered as a slide overlay: one pixel per patch.
#pragma once

#include "Colormap.h"

#include <QImage>
#include <QSize>
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

namespace tessera::core {

// Scores of the patches of one slide on its patch grid (the grid is anchored at level-0
// (0, 0) with a step of one patch, as PatchGrid builds it).
struct PatchScores {
    std::vector<float> values;        // [N]
    std::vector<std::int64_t> coords; // [N × 2], level-0 top-left
    int step = 0;                     // patch side = grid step, level-0 pixels

    // Grid cells needed to cover a slide of `slideSize` (or the patches, if larger).
    QSize gridSize(QSize slideSize) const;
};

enum class Normalization {
    Raw,       // min–max of the slide's scores
    Percentile // each score's percentile rank among the slide's scores (as CLAM)
};

struct HeatmapStyle {
    Colormap colormap = Colormap::Viridis;
    Normalization normalization = Normalization::Percentile;
    double threshold = 0; // normalized scores below this are not drawn
    double smoothing = 0; // Gaussian sigma in patches over tissue only; 0 = crisp patches
    // Scores already on a scale of their own (a difference map's −1…1): drawn as (v − low) /
    // (high − low), clamped, instead of normalized per slide.
    std::optional<std::pair<float, float>> fixedRange;
};

// Scores mapped to [0, 1]. Raw: (v − min) / (max − min), all 0.5 when every score is equal.
// Percentile: average rank of v divided by (N − 1), ties sharing their mean rank.
std::vector<float> normalizeScores(const std::vector<float>& values, Normalization normalization);

struct HeatmapImage {
    QImage image;            // ARGB32 premultiplied, opaque where drawn, transparent elsewhere
    double downsample = 1;   // level-0 pixels per image pixel (the patch step)
    float low = 0, high = 0; // score range of the slide (legend)
};

// Throws Error when the scores and coordinates disagree or the step is not positive.
HeatmapImage renderHeatmap(const PatchScores& scores, const HeatmapStyle& style, QSize slideSize);

// What a legend says: its title, an optional note under it (what the hot end means), and the
// labels of the colour bar's two ends.
struct LegendText {
    QString title, note, low, high;
};

// A legend: title, note, colour bar and the labels of its two ends, on a translucent white card
// `width` pixels wide, its text kLegendFontPixels high. `scale` multiplies every size (a legend
// drawn for print).
constexpr int kLegendFontPixels = 12;
QImage renderLegend(const LegendText& text, Colormap colormap, int width = 280, double scale = 1);

// Finds the patch under a level-0 point in O(1).
class PatchIndex {
public:
    PatchIndex() = default;
    PatchIndex(const std::vector<std::int64_t>& coords, int step);
    int patchAt(double x, double y) const; // -1 where there is no patch
    int step() const { return m_step; }

private:
    int m_step = 0;
    int m_columns = 0, m_rows = 0;
    std::vector<int> m_cells; // row-major grid of patch indices, -1 for none
};

} // namespace tessera::core
