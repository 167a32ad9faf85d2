// Views of one slide that move together: panning or zooming one puts every other linked view on
// the same slide point at the same scale (absolute level-0 coordinates, not offsets, so views of
// different sizes stay aligned), and each shows the pointer of the view under the mouse as a
// cross. A view can leave the link and come back; it then rejoins at the others' place.
#pragma once

#include <QList>
#include <QObject>
#include <QPointF>
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
    // Puts `view` where `leader` is (used when a view joins).
    static void follow(SlideView* view, const SlideView* leader);

private:
    void viewMoved(SlideView* leader);
    void cursorAt(SlideView* from, std::optional<QPointF> level0);
    QList<SlideView*> linkedViews() const;

    struct Member {
        SlideView* view;
        bool linked;
    };
    QList<Member> m_members;
    bool m_moving = false; // views set by the link do not lead in turn
};

} // namespace tessera::ui
