// The comparison room: Runs ▸ Compare… (or the Runs dock's Compare… button) picks 2–6 finished
// runs, opens a ComparisonWindow on them, and opens the slide behind a confusion-matrix cell in
// the viewer with that run applied.
#pragma once

#include <QObject>
#include <QPointer>
#include <functional>

class QMainWindow;
class QMenu;

namespace tessera::ui {

class ComparisonWindow;
class ProjectController;
class SlideTabs;
class SlideView;

class ComparisonWorkbench : public QObject {
    Q_OBJECT
public:
    // `applyRun` shows a run folder's maps on the current slide (AnalysisActions::runModel).
    ComparisonWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project,
                        std::function<void(const QString& runFolder)> applyRun);

    void addRunActions(QMenu* menu); // Compare…
    // Asks which runs to compare (those named are ticked), then compares them.
    void chooseAndCompare(const QStringList& preselected = {});
    // The window for these runs of the project (names as in its Runs list); nullptr, with problem
    // emitted, when they cannot be compared.
    ComparisonWindow* compare(const QStringList& runs);
    // Opens the project's slide `slide` (its key) in a tab, or shows its tab, and applies the run.
    void openSlide(const QString& slide, const QString& runFolder);

Q_SIGNALS:
    void problem(const QString& message);

private:
    QMainWindow* m_window;
    SlideTabs* m_tabs;
    ProjectController* m_project;
    std::function<void(const QString&)> m_applyRun;
    QList<QPointer<ComparisonWindow>> m_windows; // closed when another project opens
    QString m_pendingPath, m_pendingRun;         // opening in a tab, to apply the run on when ready
};

} // namespace tessera::ui
