// The application window: slides in tabs, overview and slide-info docks, menus, status bar.
#pragma once

#include "slide/TileCache.h"

#include <QMainWindow>

class QComboBox;
class QLabel;
class QMenu;
class QTabWidget;

namespace tessera::ui {

class AnalysisPanel;
struct AnalysisOutcome;
class OverviewWidget;
class PreferencesDialog;
struct Preferences;
class SlideInfoPanel;
class SlideView;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // Opens a slide in a new tab. On failure shows a (non-blocking) message naming the file
    // and the reason, keeps every other tab, and returns false.
    bool openSlide(const QString& path);
    SlideView* currentView() const;
    int slideCount() const;
    core::TileCache& tileCache() { return m_cache; }
    QString lastError() const { return m_lastError; }
    OverviewWidget* overview() const { return m_overview; }
    SlideInfoPanel* infoPanel() const { return m_info; }
    QStringList recentFiles() const;

    // Shows or hides the detected tissue of the current slide (detected once, in the background).
    void setTissueMaskVisible(bool visible);

    // Opens the (non-modal) preferences dialog; accepting it saves and applies the settings.
    PreferencesDialog* showPreferences();

    // Renders the current view (as on screen) to a PNG; false with lastError() on failure.
    bool saveViewAsPng(const QString& path);

    // Applies a trained run to the current slide in the background: features are extracted
    // when missing, features and results kept in `projectDir` (default: the run's parent
    // folder) and reused next time. Ends with analysisReady or analysisFailed.
    void runModel(const QString& runDir, const QString& projectDir = {});
    // Shows stored results (a `tessera-cli infer`/`heatmap` .h5) over the current slide.
    bool openResults(const QString& path);
    AnalysisPanel* analysisPanel() const { return m_analysisPanel; }
    bool isAnalysisRunning() const { return m_analysisJobs > 0; }

Q_SIGNALS:
    void errorShown(const QString& message);
    void analysisReady(tessera::ui::SlideView* view); // qualified: usable in queued connections and spies
    void analysisFailed(const QString& message);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void showError(const QString& message);
    void currentTabChanged();
    void closeTab(int index);
    void updateStatus();
    void rememberRecent(const QString& path);
    void rebuildRecentMenu();
    void openDialog();
    void saveViewDialog();
    void showAbout();
    void applyPreferences(const Preferences& preferences);
    void runModelDialog();
    void openResultsDialog();
    bool finishAnalysis(SlideView* view, const AnalysisOutcome& outcome);
    void showPatch(int index);

    core::TileCache m_cache;
    QTabWidget* m_tabs;
    OverviewWidget* m_overview;
    SlideInfoPanel* m_info;
    QLabel* m_position;
    QLabel* m_magnificationLabel;
    QComboBox* m_magnifications;
    QMenu* m_recentMenu = nullptr;
    QAction* m_tissueAction = nullptr;
    QString m_lastError;
    AnalysisPanel* m_analysisPanel;
    int m_analysisJobs = 0;
};

} // namespace tessera::ui
