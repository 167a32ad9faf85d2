// The drawing tools: point, rectangle and ellipse by dragging, polygon click by click, and
// freehand (a lasso). Coordinates are level-0 pixels; the shape being drawn is feedback painted
// by the tool, the finished one an annotation.
#pragma once

#include "AnnotationTool.h"

#include <QPolygonF>
#include <QRectF>

namespace tessera::ui {

class PointTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;
    QString name() const override { return QStringLiteral("point"); }
    bool mousePress(QMouseEvent* event) override;
};

// Rectangle or ellipse: press at one corner, release at the other.
class BoxTool : public AnnotationTool {
    Q_OBJECT
public:
    BoxTool(SlideView* view, AnnotationDefaults defaults, bool ellipse);
    QString name() const override
    {
        return m_ellipse ? QStringLiteral("ellipse") : QStringLiteral("rectangle");
    }
    bool mousePress(QMouseEvent* event) override;
    bool mouseMove(QMouseEvent* event) override;
    bool mouseRelease(QMouseEvent* event) override;
    void paint(QPainter& painter, const ViewTransform& view) const override;

private:
    bool m_ellipse;
    bool m_dragging = false;
    QPointF m_start, m_end; // level 0
};

// Click to add a vertex; double-click or Enter closes the polygon, Backspace takes back the last
// vertex, Escape abandons it.
class PolygonTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;
    QString name() const override { return QStringLiteral("polygon"); }
    bool mousePress(QMouseEvent* event) override;
    bool mouseMove(QMouseEvent* event) override;
    bool mouseDoubleClick(QMouseEvent* event) override;
    bool keyPress(QKeyEvent* event) override;
    void deactivate() override { m_points.clear(); }
    void paint(QPainter& painter, const ViewTransform& view) const override;
    const QPolygonF& pending() const { return m_points; }

private:
    void finish();
    QPolygonF m_points; // level 0
    QPointF m_hover;
};

// Drag around a region; a lasso that crosses itself is resolved into its largest simple outline.
class FreehandTool : public AnnotationTool {
    Q_OBJECT
public:
    using AnnotationTool::AnnotationTool;
    QString name() const override { return QStringLiteral("freehand"); }
    bool mousePress(QMouseEvent* event) override;
    bool mouseMove(QMouseEvent* event) override;
    bool mouseRelease(QMouseEvent* event) override;
    void paint(QPainter& painter, const ViewTransform& view) const override;

private:
    bool m_drawing = false;
    QPolygonF m_widgetPoints; // widget pixels while drawing
};

} // namespace tessera::ui
