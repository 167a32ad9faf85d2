// The legends of the visible layers, stacked upwards from the view's lower right corner (the
// topmost layer lowest), and their warnings as one banner across the top of the view.
#pragma once

#include "heatmap/HeatmapSnapshot.h"

#include <QRect>

class QPainter;

namespace tessera::ui {

class LayerStack;

class LegendPainter {
public:
    static void paint(QPainter& painter, const QRect& viewport, const LayerStack& layers);
    static constexpr QRgb kWarningColour = core::kWarningBannerColour;

private:
    static void paintWarnings(QPainter& painter, const QRect& viewport, const LayerStack& layers);
};

} // namespace tessera::ui
