// View ▸ Split: the current tab's slide in two or four linked panes or swiped between two runs,
// each pane with its own run and map (SplitPane), and the layout kept per project
// (core::ViewLayout): a project slide opened later comes back split the same way, each pane on
// the run of the same name.
#pragma once

#include "project/ViewLayout.h"

#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QMainWindow;
class QMenu;

namespace tessera::ui {

class AnalysisController;
class AnalysisPanel;
class RegistrationDialog;
class ProjectController;
class SlideTabs;
class SlideView;
class SplitPane;
class SplitView;

class SplitWorkbench : public QObject {
    Q_OBJECT
public:
    SplitWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project,
                   AnalysisController* analysis, AnalysisPanel* panel);

    void addViewActions(QMenu* view); // Split ▸ One View / Two Views / Four Views / Swipe
    // Splits the current tab (Single: one view again), as the menu does; returns the split.
    SplitView* split(core::SplitMode mode);
    QList<SplitPane*> panes(const SplitView* split) const;
    // The current tab split in two, the second pane on the slide at `path` (a serial section),
    // linked through the project's registration of the pair where it has one; ends with
    // besideOpened or problem.
    void splitBeside(const QString& path);
    // The registration dialog for the current split's two slides (nullptr, with problem, when the
    // second pane shows the same slide).
    RegistrationDialog* registerSlides();
    QAction* action(core::SplitMode mode) const;

Q_SIGNALS:
    void problem(const QString& message);
    void besideOpened(tessera::ui::SplitView* split);

private:
    SplitView* splitTab(int index, core::SplitMode mode);
    void paneOpened(SplitView* split, int index, SlideView* view);
    void listChoices(SplitView* split);
    void applyLayout(SplitView* split, const core::ViewLayout& layout);
    void restoreLayout(SlideView* opened);
    void saveLayout(const SplitView* split);
    void reflectCurrentTab();
    void linkThroughStoredRegistration(SplitView* split);

    QMainWindow* m_window;
    SlideTabs* m_tabs;
    ProjectController* m_project;
    AnalysisController* m_analysis;
    AnalysisPanel* m_panel;
    QActionGroup* m_modes;
    QAction* m_beside;
    QAction* m_register;
    QPointer<RegistrationDialog> m_registration;
    bool m_restoring = false; // a saved layout being applied is not saved again meanwhile
};

} // namespace tessera::ui
