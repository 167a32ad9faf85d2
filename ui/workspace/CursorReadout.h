// The status bar's reading of the cursor: where it is on the current slide (level-0 pixels and
// microns) and the scores of the patch under it.
#pragma once

#include <QLabel>
#include <QPointF>
#include <QPointer>

namespace tessera::ui {

class SlideView;

// Only the current tab's view is read out: a view in another tab says nothing, and a change of
// tab clears the reading (it used to keep the other slide's x 8520 on a 2220-px-wide slide).
class CursorReadout : public QLabel {
    Q_OBJECT
public:
    explicit CursorReadout(QWidget* parent = nullptr);

    void setCurrentView(SlideView* view);
    void showCursor(SlideView* view, QPointF level0, bool insideSlide);

private:
    QPointer<SlideView> m_current;
};

} // namespace tessera::ui
