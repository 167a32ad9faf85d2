#include "LegendPainter.h"

#include "canvas/LayerStack.h"

#include <QColor>
#include <QPainter>

namespace tessera::ui {

void LegendPainter::paint(QPainter& painter, const QRect& viewport, const LayerStack& layers,
                          Qt::Corner corner)
{
    const bool left = corner == Qt::BottomLeftCorner;
    int bottom = viewport.bottom() + 1 - kMargin - (left ? kAboveScaleBar : 0);
    const auto& order = layers.layers();
    for (auto layer = order.rbegin(); layer != order.rend(); ++layer) {
        const QImage& legend = (*layer)->legend();
        if (!(*layer)->isVisible() || legend.isNull())
            continue;
        const QPoint topLeft(left ? viewport.left() + kMargin
                                  : viewport.right() + 1 - kMargin - legend.width(),
                             bottom - legend.height());
        painter.drawImage(topLeft, legend);
        bottom = topLeft.y() - 6;
    }
    paintWarnings(painter, viewport, layers);
}

void LegendPainter::paintWarnings(QPainter& painter, const QRect& viewport, const LayerStack& layers)
{
    QStringList warnings;
    for (const auto& layer : layers.layers())
        if (layer->isVisible() && !layer->warning().isEmpty() && !warnings.contains(layer->warning()))
            warnings << layer->warning();
    if (warnings.isEmpty())
        return;
    painter.save();
    QFont font = painter.font();
    font.setBold(true);
    painter.setFont(font);
    const int margin = 8;
    const QRect text = painter.fontMetrics().boundingRect(viewport.adjusted(3 * margin, 0, -3 * margin, 0),
                                                          Qt::AlignHCenter | Qt::TextWordWrap,
                                                          warnings.join(QLatin1Char('\n')));
    const QRect box(viewport.left() + margin, viewport.top() + margin, viewport.width() - 2 * margin,
                    text.height() + 2 * margin);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor::fromRgba(kWarningColour));
    painter.drawRoundedRect(box, 4, 4);
    painter.setPen(Qt::white);
    painter.drawText(box.adjusted(2 * margin, margin, -2 * margin, -margin),
                     Qt::AlignHCenter | Qt::TextWordWrap, warnings.join(QLatin1Char('\n')));
    painter.restore();
}

} // namespace tessera::ui
