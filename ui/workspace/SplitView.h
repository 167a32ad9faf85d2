// One tab's slide in 2 or 4 panes, or in one view swiped between two runs. The first pane is the
// tab's own view (its document holds the slide's annotations, and the docks act on it); the
// others are views of the same slide and tile cache, each with a document of its own so that it
// can show another run's maps. Every pane has a header bar for the controls of whoever split the
// tab (run and map choosers), and the panes are kept together by a ViewLink.
#pragma once

#include "project/ViewLayout.h"
#include "slide/Slide.h"

#include <QWidget>
#include <vector>

class QGridLayout;

namespace tessera::core {
class TileCache;
}

namespace tessera::ui {

class SlideView;
class SwipeStage;
class ViewLink;

class SplitView : public QWidget {
    Q_OBJECT
public:
    // Takes `primary` (reparented into the first pane); give it back with releasePrimary().
    SplitView(SlideView* primary, core::TileCache* cache, QWidget* parent = nullptr);
    ~SplitView() override;

    // Two or four panes side by side, or the swipe; panes beyond the mode's count are closed,
    // new ones open where the first pane is.
    void setMode(core::SplitMode mode);
    core::SplitMode mode() const { return m_mode; }
    SlideView* primaryView() const { return m_panes.front().view; }
    SlideView* releasePrimary(); // the first pane's view, unparented; the split is empty after
    int paneCount() const { return int(m_panes.size()); }
    SlideView* paneView(int index) const { return m_panes.at(std::size_t(index)).view; }
    QWidget* paneHeader(int index) const { return m_panes.at(std::size_t(index)).header; }
    int paneOf(const SlideView* view) const; // -1 if none
    // Pane `index` (not the first) shows another slide (a serial section): a new view and an
    // empty header (paneOpened follows). Linked as the same slide would be until a placement is
    // set on link().
    void setPaneSlide(int index, core::SlidePtr slide);
    ViewLink& link() { return *m_link; }

    // Swipe: the second pane's view is shown right of a vertical line at this fraction of the
    // width, the first pane's left of it.
    double swipePosition() const;
    void setSwipePosition(double fraction);
    SwipeStage* swipeStage() const { return m_stage; }

Q_SIGNALS:
    void paneOpened(int index, tessera::ui::SlideView* view); // a new pane, its header empty
    void swipeMoved(double fraction);
    void swipeReleased(double fraction);

private:
    struct Pane {
        SlideView* view;
        QWidget* header;
    };
    Pane newPane(const core::SlidePtr& slide);
    void openPane();
    void closeLastPane();
    void dropPane(const Pane& pane);
    void detach(); // the panes out of their arrangement, which is deleted
    void arrange();

    core::TileCache* m_cache;
    core::SplitMode m_mode = core::SplitMode::Single;
    std::vector<Pane> m_panes;
    ViewLink* m_link;
    QGridLayout* m_grid;
    QWidget* m_arrangement = nullptr; // holds the panes' current arrangement
    SwipeStage* m_stage = nullptr;
    double m_swipe = 0.5;
};

// Two views stacked on one another, the upper shown only right of a draggable vertical line.
class SwipeStage : public QWidget {
    Q_OBJECT
public:
    SwipeStage(SlideView* under, SlideView* over, QWidget* parent = nullptr);
    double position() const { return m_position; }
    void setPosition(double fraction);
    int lineX() const; // in the stage's pixels
    QWidget* handle() const { return m_handle; }

Q_SIGNALS:
    void moved(double fraction);
    void released(double fraction);

protected:
    void resizeEvent(QResizeEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void place();
    SlideView* m_under;
    SlideView* m_over;
    QWidget* m_handle;
    double m_position = 0.5;
    bool m_dragging = false;
};

} // namespace tessera::ui
