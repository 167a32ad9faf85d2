// The legends of the visible layers, stacked upwards from the view's lower right corner (the
// topmost layer lowest; lower left on request), and their warnings as one banner across the top.
#pragma once

#include "heatmap/HeatmapSnapshot.h"

#include <QRect>
#include <Qt>

class QPainter;

namespace tessera::ui {

class LayerStack;

class LegendPainter {
public:
    // In the lower right corner, or the lower left (above the scale bar) where the right one is
    // covered: the lower view of a swipe.
    static void paint(QPainter& painter, const QRect& viewport, const LayerStack& layers,
                      Qt::Corner corner = Qt::BottomRightCorner);
    static constexpr int kMargin = 10;
    static constexpr int kAboveScaleBar = 46; // the scale bar's height and gap, lower left
    static constexpr QRgb kWarningColour = core::kWarningBannerColour;

private:
    static void paintWarnings(QPainter& painter, const QRect& viewport, const LayerStack& layers);
};

} // namespace tessera::ui
