// Views of one slide that move together: panning or zooming one puts every other linked view on
// the same slide point at the same scale (absolute level-0 coordinates, not offsets, so views of
// different sizes stay aligned), and each shows the pointer of the view under the mouse as a
// cross. A view can leave the link and come back; it then rejoins at the others' place. A view of
// another slide (a serial section) takes a placement: the affine from the link's common
// coordinates (the first view's slide) to its own slide, fitted from point pairs; its centre is
// the mapped centre and its scale shows the same tissue at the same size (views do not rotate, so
// a rotation shows as the sections turned against each other).
#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
#include <QTransform>
#include <optional>

namespace tessera::ui {

class SlideView;

class ViewLink : public QObject {
    Q_OBJECT
public:
    explicit ViewLink(QObject* parent = nullptr);

    void add(SlideView* view); // linked from the start
    void remove(SlideView* view);
    void setLinked(SlideView* view, bool linked);
    bool isLinked(const SlideView* view) const;
    // Common coordinates → the view's slide's level-0 pixels (identity: the same slide).
    void setPlacement(SlideView* view, const QTransform& placement);
    QTransform placement(const SlideView* view) const;

private:
    static void follow(SlideView* view, const SlideView* leader); // the same slide: the same place
    void place(SlideView* view, const SlideView* leader);
    void viewMoved(SlideView* leader);
    void cursorAt(SlideView* from, std::optional<QPointF> level0);
    QList<SlideView*> linkedViews() const;

    struct Member {
        SlideView* view;
        bool linked;
        QTransform placement;
    };
    const Member* member(const SlideView* view) const;
    QList<Member> m_members;
    bool m_moving = false; // views set by the link do not lead in turn
};

} // namespace tessera::ui
