// "Annotate from heatmap": the patches of a score map above (or below) a threshold, traced into
// polygons at patch resolution, simplified and smoothed, each with the mean score inside it.
#pragma once

#include "Geometry.h"
#include "heatmap/Heatmap.h"

#include <vector>

namespace tessera::core {

struct HeatmapRegionOptions {
    enum class Threshold {
        Percentile, // `threshold` is a percentile (0–100) of the slide's scores
        Raw,        // `threshold` is a score
        Otsu        // chosen by Otsu's method on the scores (nothing to set)
    };
    Threshold mode = Threshold::Otsu;
    double threshold = 90;
    bool below = false;     // keep patches below the threshold (low consistency), not above
    double minArea = 0;     // level-0 px²; smaller regions are left out
    double smoothing = 0.5; // in patches: rounds the staircase of patch edges (0: none)
    // Threshold the logarithm of the scores: attention weights are a softmax, so their log is
    // the model's own score, where Otsu's two groups are tumour and the rest; on the weights
    // themselves a handful of top patches dominate.
    bool logScale = false;
};

struct HeatmapRegion {
    Geometry geometry; // a polygon (with holes where the region has them), level-0 pixels
    double meanScore = 0;
    int patches = 0;
};

struct HeatmapRegions {
    std::vector<HeatmapRegion> regions;
    double threshold = 0; // the score the patches were compared with (not its logarithm)
};

// Throws Error when the scores are empty or their coordinates disagree with them.
HeatmapRegions traceHeatmapRegions(const PatchScores& scores, const HeatmapRegionOptions& options);

} // namespace tessera::core
