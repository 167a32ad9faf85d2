// The default tool: drag with the left button to pan, double-click to zoom in (right button:
// out) about the pointer.
#pragma once

#include "ViewerTool.h"
#include "canvas/ViewTransform.h"

#include <QPoint>

namespace tessera::ui {

class PanTool : public ViewerTool {
    Q_OBJECT
public:
    explicit PanTool(SlideView* view);

    QString name() const override { return QStringLiteral("pan"); }
    QCursor cursor() const override { return m_dragging ? Qt::ClosedHandCursor : Qt::OpenHandCursor; }
    bool mousePress(QMouseEvent* event) override;
    bool mouseMove(QMouseEvent* event) override;
    bool mouseRelease(QMouseEvent* event) override;
    bool mouseDoubleClick(QMouseEvent* event) override;

private:
    bool m_dragging = false;
    QPoint m_dragStart;
    ViewTransform m_dragView;
};

} // namespace tessera::ui
