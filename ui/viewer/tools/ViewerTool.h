// What the pointer does in a slide view (on the model of QGIS's QgsMapTool): pan, and next,
// draw or edit annotations. The view gives a tool its mouse and key events first; what the
// tool leaves (returns false for) the view handles itself. The view keeps wheel and pinch zoom
// and the navigation keys for every tool.
#pragma once

#include <QCursor>
#include <QObject>

class QKeyEvent;
class QMouseEvent;
class QPainter;

namespace tessera::ui {

class SlideView;
class ViewTransform;

class ViewerTool : public QObject {
    Q_OBJECT
public:
    explicit ViewerTool(SlideView* view);

    virtual QString name() const = 0;
    virtual QCursor cursor() const { return Qt::ArrowCursor; }
    virtual void activate() {}
    virtual void deactivate() {}

    // True when the tool used the event.
    virtual bool mousePress(QMouseEvent*) { return false; }
    virtual bool mouseMove(QMouseEvent*) { return false; }
    virtual bool mouseRelease(QMouseEvent*) { return false; }
    virtual bool mouseDoubleClick(QMouseEvent*) { return false; }
    virtual bool keyPress(QKeyEvent*) { return false; }
    // Feedback drawn over everything (a rubber band, a shape being drawn), in widget pixels.
    virtual void paint(QPainter&, const ViewTransform&) const {}

protected:
    SlideView* view() const { return m_view; }

private:
    SlideView* m_view;
};

} // namespace tessera::ui
