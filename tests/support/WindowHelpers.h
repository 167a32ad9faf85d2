// Helpers for tests that drive the main window: slides open on a worker thread, so a test waits
// for the outcome the way a user would.
#pragma once

#include "MainWindow.h"
#include "viewer/SlideView.h"

#include <QSignalSpy>
#include <QtTest>

namespace tessera::test {

// Opens `path` in `window` and waits (up to 30 s) until it opened or failed. Returns the new
// view, or nullptr when the window reported an error instead.
inline ui::SlideView* openAndWait(ui::MainWindow& window, const QString& path)
{
    QSignalSpy opened(&window, &ui::MainWindow::slideOpened);
    QSignalSpy failed(&window, &ui::MainWindow::errorShown);
    window.openSlide(path);
    if (!QTest::qWaitFor([&] { return !opened.isEmpty() || !failed.isEmpty(); }, 30000))
        return nullptr;
    return opened.isEmpty() ? nullptr : opened.first().first().value<ui::SlideView*>();
}

// Shows stored results on the current slide (read off the GUI thread) and waits (up to 30 s)
// until they are shown (true) or refused (false, the reason in the Analysis dock).
inline bool openResultsAndWait(ui::MainWindow& window, const QString& path)
{
    QSignalSpy ready(&window, &ui::MainWindow::analysisReady);
    QSignalSpy failed(&window, &ui::MainWindow::analysisFailed);
    if (!window.openResults(path))
        return false;
    return QTest::qWaitFor([&] { return !ready.isEmpty() || !failed.isEmpty(); }, 30000) && !ready.isEmpty();
}

} // namespace tessera::test
