// A still picture of a slide with a heatmap over it and its legend (CLI, reports).
#pragma once

#include "Heatmap.h"
#include "slide/Slide.h"

namespace tessera::core {

// The whole slide, longest side `maxSide` pixels, RGB on white. Throws Error if unreadable.
QImage slideThumbnail(const Slide& slide, int maxSide);

// The thumbnail with the heatmap blended at `opacity` and the legend in the lower right corner.
QImage renderHeatmapSnapshot(const QImage& thumbnail, QSize slideSize, const HeatmapImage& heatmap,
                             double opacity, const QImage& legend);

} // namespace tessera::core
