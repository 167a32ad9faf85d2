// The application window: slide tabs, overview, slide-info and analysis docks, menus, status
// bar. Glue only: the work happens in SlideTabs, SlideDocument, AnalysisController, RecentFiles.
#pragma once

#include "slide/TileCache.h"

#include <QMainWindow>

namespace tessera::ui {

class AnalysisActions;
class AnalysisController;
class AnalysisPanel;
class AnnotationWorkbench;
class CursorReadout;
class ReportDialog;
class OverviewWidget;
class JobMonitor;
class PreferencesDialog;
class ProjectActions;
class ProjectController;
class ProjectPanel;
class RunsPanel;
struct Preferences;
class RecentFiles;
class SlideDocument;
class SlideInfoPanel;
class SlideTabs;
class SlideView;
class ReviewWorkbench;
class ComparisonWorkbench;
class SplitWorkbench;
class TrainingDialog;
class ViewNavigation;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    AnnotationWorkbench* annotationWorkbench() const { return m_annotations; }
    ReviewWorkbench* reviewWorkbench() const { return m_review; }
    ComparisonWorkbench* comparisonWorkbench() const { return m_comparisons; }
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a slide in a new tab, on a worker thread; ends with slideOpened, or with a
    // (non-blocking) message naming the file and the reason (errorShown). Other tabs are kept.
    void openSlide(const QString& path);
    SlideView* currentView() const;
    int slideCount() const; // open slides (tabs still opening not counted)
    SlideTabs* tabs() const { return m_tabs; }
    core::TileCache& tileCache() { return m_cache; }
    QString lastError() const { return m_lastError; }
    OverviewWidget* overview() const { return m_overview; }
    CursorReadout* cursorReadout() const;
    SlideInfoPanel* infoPanel() const { return m_info; }
    QStringList recentFiles() const;

    // Shows or hides the detected tissue of the current slide (detected once, in the background).
    void setTissueMaskVisible(bool visible);

    // Opens the (non-modal) preferences dialog; accepting it saves and applies the settings.
    PreferencesDialog* showPreferences();

    // Renders the current view (as on screen) to a PNG; false with lastError() on failure.
    bool saveViewAsPng(const QString& path);

    // Applies a trained run to the current slide in the background (AnalysisController::runModel).
    void runModel(const QString& runDir, const QString& projectDir = {});
    // Shows stored results (a `tessera-cli infer`/`heatmap` .h5) over the current slide, read
    // off the GUI thread: analysisReady or analysisFailed follows. False when no slide is open.
    bool openResults(const QString& path);
    AnalysisPanel* analysisPanel() const { return m_analysisPanel; }
    AnalysisController* analysisController() const { return m_analysis; }
    bool isAnalysisRunning() const;

    // Opens (or creates) a project in the Project, Runs and Jobs docks; false with the reason
    // shown (errorShown) when it cannot be opened.
    bool openProject(const QString& folder, bool create = false);
    ProjectController* projectController() const { return m_project; }
    ProjectPanel* projectPanel() const { return m_projectPanel; }
    RunsPanel* runsPanel() const { return m_runsPanel; }
    JobMonitor* jobMonitor() const { return m_jobMonitor; }
    // The training dialog for the open project (non-modal); accepting it queues the jobs.
    TrainingDialog* showTrainingDialog();

Q_SIGNALS:
    void slideOpened(tessera::ui::SlideView* view);
    void errorShown(const QString& message);
    void analysisReady(tessera::ui::SlideView* view); // qualified: usable in queued connections and spies
    void analysisFailed(const QString& message);
    // File ▸ Export Report… opened its (modal) dialog: tests and scripts can fill it in.
    void reportDialogOpened(tessera::ui::ReportDialog* dialog);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createDocks();
    void createActions();
    void showError(const QString& message);
    void currentViewChanged();
    void openDialog();
    void saveViewDialog();
    void exportReportDialog();
    void applyPreferences(const Preferences& preferences);

    core::TileCache m_cache;
    SlideTabs* m_tabs;
    OverviewWidget* m_overview = nullptr;
    SlideInfoPanel* m_info = nullptr;
    AnalysisPanel* m_analysisPanel = nullptr;
    AnalysisController* m_analysis;
    ProjectController* m_project;
    ProjectActions* m_projectActions;
    AnalysisActions* m_analysisActions = nullptr;
    ViewNavigation* m_navigation = nullptr;
    AnnotationWorkbench* m_annotations = nullptr;
    ReviewWorkbench* m_review = nullptr;
    ComparisonWorkbench* m_comparisons = nullptr;
    SplitWorkbench* m_splits = nullptr;
    ProjectPanel* m_projectPanel = nullptr;
    RunsPanel* m_runsPanel = nullptr;
    JobMonitor* m_jobMonitor = nullptr;
    RecentFiles* m_recent = nullptr;
    QAction* m_tissueAction = nullptr;
    QString m_lastError;
};

} // namespace tessera::ui
