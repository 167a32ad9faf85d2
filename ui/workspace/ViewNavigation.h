// Navigation of the current slide view and its status bar: fit and zoom actions, the
// magnification presets (up to twice the objective power) and the magnification shown, the
// cursor's position and what the view or its document have to say (an unreadable tile, the
// tissue found).
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QComboBox;
class QLabel;
class QMainWindow;
class QMenu;
class QToolBar;

namespace tessera::ui {

class CursorReadout;
class SlideView;

class ViewNavigation : public QObject {
    Q_OBJECT
public:
    // Puts the cursor readout and the magnification into the window's status bar.
    explicit ViewNavigation(QMainWindow* window);

    QAction* addViewActions(QMenu* view); // fit, zoom in, zoom out; returns fit
    void addPresets(QToolBar* toolbar);
    void setCurrentView(SlideView* view);
    void watch(SlideView* view); // a newly opened view
    CursorReadout* cursorReadout() const { return m_position; }

Q_SIGNALS:
    void errorOccurred(const QString& message);

private:
    void updateStatus();

    QMainWindow* m_window;
    QPointer<SlideView> m_view; // a closed tab's view goes before the next setCurrentView
    CursorReadout* m_position;
    QLabel* m_magnificationLabel;
    QComboBox* m_magnifications;
};

} // namespace tessera::ui
