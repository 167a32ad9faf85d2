#include "PanTool.h"

#include "viewer/SlideView.h"

#include <QMouseEvent>

namespace tessera::ui {

PanTool::PanTool(SlideView* view) : ViewerTool(view) {}

bool PanTool::mousePress(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return false;
    m_dragging = true;
    m_dragStart = event->position().toPoint();
    m_dragView = view()->transform();
    view()->setCursor(cursor());
    return true;
}

bool PanTool::mouseMove(QMouseEvent* event)
{
    if (!m_dragging)
        return false;
    const ViewTransform moved = m_dragView.pannedBy(QPointF(event->position().toPoint() - m_dragStart));
    view()->setView(moved.centre(), moved.scale());
    return true;
}

bool PanTool::mouseRelease(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton || !m_dragging)
        return false;
    m_dragging = false;
    view()->setCursor(cursor());
    return true;
}

bool PanTool::mouseDoubleClick(QMouseEvent* event)
{
    view()->zoomBy(event->button() == Qt::RightButton ? 0.5 : 2.0, event->position());
    return true;
}

} // namespace tessera::ui
