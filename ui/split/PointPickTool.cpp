#include "PointPickTool.h"

#include "viewer/SlideView.h"

#include <QMouseEvent>
#include <QPainter>

namespace tessera::ui {

namespace {

constexpr double kClickSlack = 4; // widget pixels a click may move and still be a click

void drawMarker(QPainter& painter, QPointF at, const QString& label, const QColor& colour)
{
    painter.setPen(QPen(QColor(20, 20, 20), 3));
    painter.drawEllipse(at, 7, 7);
    painter.setPen(QPen(colour, 2));
    painter.drawEllipse(at, 7, 7);
    painter.drawLine(at - QPointF(11, 0), at - QPointF(4, 0));
    painter.drawLine(at + QPointF(4, 0), at + QPointF(11, 0));
    painter.drawLine(at - QPointF(0, 11), at - QPointF(0, 4));
    painter.drawLine(at + QPointF(0, 4), at + QPointF(0, 11));
    const QRectF box(at + QPointF(10, -22), QSizeF(22, 16));
    painter.fillRect(box, QColor(20, 20, 20, 190));
    painter.setPen(Qt::white);
    painter.drawText(box, Qt::AlignCenter, label);
}

} // namespace

PointPickTool::PointPickTool(SlideView* view, std::function<void(QPointF)> picked)
    : PanTool(view), m_picked(std::move(picked))
{
}

bool PointPickTool::mousePress(QMouseEvent* event)
{
    m_pressedAt = event->position();
    return PanTool::mousePress(event);
}

bool PointPickTool::mouseRelease(QMouseEvent* event)
{
    const bool used = PanTool::mouseRelease(event);
    if (used && (event->position() - m_pressedAt).manhattanLength() < kClickSlack)
        m_picked(view()->widgetToLevel0(event->position()));
    return used;
}

void PointPickTool::setMarkers(std::vector<QPointF> points, std::optional<QPointF> waiting)
{
    m_points = std::move(points);
    m_waiting = waiting;
    view()->update();
}

void PointPickTool::paint(QPainter& painter, const ViewTransform& transform) const
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (std::size_t i = 0; i < m_points.size(); ++i)
        drawMarker(painter, transform.level0ToWidget(m_points[i]), QString::number(i + 1),
                   QColor(255, 210, 0));
    if (m_waiting)
        drawMarker(painter, transform.level0ToWidget(*m_waiting), QString::number(m_points.size() + 1),
                   QColor(0, 200, 255));
    painter.restore();
}

} // namespace tessera::ui
