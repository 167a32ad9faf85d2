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

// A white-on-red banner across the top of `picture` with `text` (wrapped): what a reader must
// know before reading the map, such as a slide unlike the model's training slides.
void drawWarningBanner(QImage& picture, const QString& text);
constexpr QRgb kWarningBannerColour = 0xffb00020;

} // namespace tessera::core
