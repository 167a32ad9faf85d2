// Registration clicks: pans like the pan tool, but a click that does not drag (under 4 pixels)
// picks the slide point under it. Draws the points picked so far as numbered markers.
#pragma once

#include "viewer/tools/PanTool.h"

#include <QPointF>
#include <functional>
#include <vector>

namespace tessera::ui {

class PointPickTool : public PanTool {
    Q_OBJECT
public:
    PointPickTool(SlideView* view, std::function<void(QPointF level0)> picked);

    QString name() const override { return QStringLiteral("pick point"); }
    QCursor cursor() const override { return Qt::CrossCursor; }
    bool mousePress(QMouseEvent* event) override;
    bool mouseRelease(QMouseEvent* event) override;
    void paint(QPainter& painter, const ViewTransform& transform) const override;

    // Markers: the points of the pairs so far (numbered from 1), and one waiting for its partner.
    void setMarkers(std::vector<QPointF> points, std::optional<QPointF> waiting);

private:
    std::function<void(QPointF)> m_picked;
    QPointF m_pressedAt;
    std::vector<QPointF> m_points;
    std::optional<QPointF> m_waiting;
};

} // namespace tessera::ui
