// The legends of the visible layers, stacked upwards from the view's lower right corner (the
// topmost layer lowest).
#pragma once

#include <QRect>

class QPainter;

namespace tessera::ui {

class LayerStack;

class LegendPainter {
public:
    static void paint(QPainter& painter, const QRect& viewport, const LayerStack& layers);
};

} // namespace tessera::ui
