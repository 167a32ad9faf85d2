#include "OutlineLayer.h"

#include "ViewTransform.h"

#include <QPainter>
#include <QPen>

#include <algorithm>

namespace tessera::ui {

namespace {
constexpr double kMinimumScreenSide = 4; // pixels: smaller shapes are not drawn
}

OutlineLayer::OutlineLayer(QString title, QObject* parent) : Layer(std::move(title), parent) {}

void OutlineLayer::setOutlines(std::vector<QPolygonF> outlines, const QColor& colour)
{
    m_outlines = std::move(outlines);
    m_bounds.clear();
    m_bounds.reserve(m_outlines.size());
    for (const QPolygonF& p : m_outlines)
        m_bounds.push_back(p.boundingRect());
    m_colour = colour;
    Q_EMIT changed();
}

void OutlineLayer::paint(QPainter& painter, const ViewTransform& view) const
{
    if (m_outlines.empty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setBrush(Qt::NoBrush);
    painter.setTransform(view.level0ToWidgetTransform());
    painter.setOpacity(opacity());
    QPen pen(m_colour, 2);
    pen.setCosmetic(true); // 2 screen pixels at every zoom
    painter.setPen(pen);
    const QRectF visible = view.visibleLevel0Rect();
    const double minimumSide = kMinimumScreenSide / view.scale();
    for (std::size_t i = 0; i < m_outlines.size(); ++i) {
        const QRectF& bounds = m_bounds[i];
        if (bounds.intersects(visible) && std::max(bounds.width(), bounds.height()) >= minimumSide)
            painter.drawPolyline(m_outlines[i]);
    }
    painter.restore();
}

} // namespace tessera::ui
