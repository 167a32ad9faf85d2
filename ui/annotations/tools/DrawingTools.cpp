#include "DrawingTools.h"

#include "annotations/Geometry.h"
#include "viewer/SlideView.h"
#include "canvas/ViewTransform.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace tessera::ui {

namespace {

void feedbackPen(QPainter& painter)
{
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(255, 255, 255), 3));
}

void drawFeedback(QPainter& painter, const std::function<void()>& draw)
{
    feedbackPen(painter);
    draw();
    painter.setPen(QPen(QColor(20, 20, 20), 1.5, Qt::DashLine));
    draw();
}

} // namespace

bool PointTool::mousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    addShape(core::Geometry::point(level0At(event->position())), tr("Add Point"));
    return true;
}

BoxTool::BoxTool(SlideView* view, AnnotationDefaults defaults, bool ellipse)
    : AnnotationTool(view, std::move(defaults)), m_ellipse(ellipse)
{
}

bool BoxTool::mousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_dragging = true;
    m_start = m_end = level0At(event->position());
    return true;
}

bool BoxTool::mouseMove(QMouseEvent* event)
{
    if (!m_dragging)
        return false;
    m_end = level0At(event->position());
    repaint();
    return true;
}

bool BoxTool::mouseRelease(QMouseEvent* event)
{
    if (!m_dragging || event->button() != Qt::LeftButton)
        return false;
    m_dragging = false;
    m_end = level0At(event->position());
    const QRectF box = QRectF(m_start, m_end).normalized();
    const QRectF onScreen = view()->transform().level0ToWidget(box);
    // A click without a drag makes nothing.
    if (onScreen.width() >= 3 && onScreen.height() >= 3)
        addShape(m_ellipse ? core::Geometry::ellipse(box) : core::Geometry::rectangle(box),
                 m_ellipse ? tr("Draw Ellipse") : tr("Draw Rectangle"));
    repaint();
    return true;
}

void BoxTool::paint(QPainter& painter, const ViewTransform& view) const
{
    if (!m_dragging)
        return;
    const QRectF r = view.level0ToWidget(QRectF(m_start, m_end).normalized());
    drawFeedback(painter, [&] { m_ellipse ? painter.drawEllipse(r) : painter.drawRect(r); });
}

bool PolygonTool::mousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    const QPointF p = level0At(event->position());
    if (m_points.isEmpty() || m_points.back() != p)
        m_points << p;
    m_hover = p;
    repaint();
    return true;
}

bool PolygonTool::mouseMove(QMouseEvent* event)
{
    if (m_points.isEmpty())
        return false;
    m_hover = level0At(event->position());
    repaint();
    return false; // the view still reports the cursor position
}

bool PolygonTool::mouseDoubleClick(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    finish();
    return true;
}

bool PolygonTool::keyPress(QKeyEvent* event)
{
    if (m_points.isEmpty())
        return false;
    switch (event->key()) {
    case Qt::Key_Return:
    case Qt::Key_Enter:
        finish();
        return true;
    case Qt::Key_Backspace:
        m_points.removeLast();
        break;
    case Qt::Key_Escape:
        m_points.clear();
        break;
    default:
        return false;
    }
    repaint();
    return true;
}

void PolygonTool::finish()
{
    if (m_points.size() >= 3)
        addShape(core::Geometry::polygon(m_points), tr("Draw Polygon"));
    m_points.clear();
    repaint();
}

void PolygonTool::paint(QPainter& painter, const ViewTransform& view) const
{
    if (m_points.isEmpty())
        return;
    QPolygonF onScreen;
    for (const QPointF& p : m_points)
        onScreen << view.level0ToWidget(p);
    onScreen << view.level0ToWidget(m_hover);
    drawFeedback(painter, [&] { painter.drawPolyline(onScreen); });
    painter.setBrush(Qt::white);
    painter.setPen(QPen(Qt::black, 1));
    for (qsizetype i = 0; i + 1 < onScreen.size(); ++i)
        painter.drawEllipse(onScreen[i], 3, 3);
}

bool FreehandTool::mousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_drawing = true;
    m_widgetPoints = {event->position()};
    return true;
}

bool FreehandTool::mouseMove(QMouseEvent* event)
{
    if (!m_drawing)
        return false;
    const QPointF p = event->position();
    const QPointF d = p - m_widgetPoints.back();
    if (std::hypot(d.x(), d.y()) >= 2) { // a vertex every two screen pixels
        m_widgetPoints << p;
        repaint();
    }
    return true;
}

bool FreehandTool::mouseRelease(QMouseEvent* event)
{
    if (!m_drawing || event->button() != Qt::LeftButton)
        return false;
    m_drawing = false;
    // QPainterPath::simplified() turns a lasso that crosses itself into simple outlines.
    QPainterPath path;
    path.addPolygon(m_widgetPoints);
    path.closeSubpath();
    QPolygonF best;
    double bestArea = 0;
    for (const QPolygonF& outline : path.simplified().toFillPolygons()) {
        const double area = core::ringArea(outline);
        if (area > bestArea) {
            bestArea = area;
            best = outline;
        }
    }
    QPolygonF level0;
    for (const QPointF& p : best)
        level0 << level0At(p);
    if (bestArea >= 9)
        addShape(core::Geometry::polygon(level0), tr("Draw Freehand"));
    m_widgetPoints.clear();
    repaint();
    return true;
}

void FreehandTool::paint(QPainter& painter, const ViewTransform&) const
{
    if (m_drawing && m_widgetPoints.size() > 1)
        drawFeedback(painter, [&] { painter.drawPolyline(m_widgetPoints); });
}

} // namespace tessera::ui
