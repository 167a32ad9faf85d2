#include "LegendPainter.h"

#include "canvas/LayerStack.h"

#include <QPainter>

namespace tessera::ui {

void LegendPainter::paint(QPainter& painter, const QRect& viewport, const LayerStack& layers)
{
    int bottom = viewport.bottom() + 1 - 10;
    const auto& order = layers.layers();
    for (auto layer = order.rbegin(); layer != order.rend(); ++layer) {
        const QImage& legend = (*layer)->legend();
        if (!(*layer)->isVisible() || legend.isNull())
            continue;
        const QPoint topLeft(viewport.right() + 1 - 10 - legend.width(), bottom - legend.height());
        painter.drawImage(topLeft, legend);
        bottom = topLeft.y() - 6;
    }
}

} // namespace tessera::ui
