// The open slides, one tab each. A slide is opened on a worker thread behind an "Opening…" tab,
// so a slow network share or a large MRXS never freezes the window; a file that cannot be opened
// leaves no tab and a message.
#pragma once

#include "project/ViewLayout.h"

#include <QTabWidget>

namespace tessera::core {
class TileCache;
}

namespace tessera::ui {

class SlideView;
class SplitView;

class SlideTabs : public QTabWidget {
    Q_OBJECT
public:
    explicit SlideTabs(core::TileCache* cache, QWidget* parent = nullptr);
    ~SlideTabs() override;

    // Starts opening `path` in a new tab; ends with slideOpened or openFailed.
    void open(const QString& path);
    SlideView* currentView() const;
    SlideView* viewAt(int index) const;
    QList<SlideView*> views() const;
    int openingCount() const; // tabs still opening
    void closeTab(int index);
    // Shows the tab holding `view` (its own view, split or not).
    void setCurrentView(SlideView* view);

    // Splits the tab's slide into panes (SplitView), or makes it one view again (Single). Returns
    // the split, or nullptr for Single or a tab still opening. viewAt() stays the tab's own view.
    SplitView* setSplitMode(int index, core::SplitMode mode);
    SplitView* splitAt(int index) const; // nullptr for a tab that is not split

Q_SIGNALS:
    void slideOpened(tessera::ui::SlideView* view);
    void openFailed(const QString& path, const QString& message);
    void currentViewChanged(tessera::ui::SlideView* view);

private:
    core::TileCache* m_cache;
};

} // namespace tessera::ui
