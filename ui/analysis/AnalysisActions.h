// The Analysis menu's model entries and the way results reach the screen: run a trained model on
// the current slide (remembering the run last used), open stored results, show what the
// controller finishes in the Analysis dock and the status bar, and take the user to a patch the
// gallery picked.
#pragma once

#include <QObject>

class QMainWindow;
class QMenu;

namespace tessera::ui {

class AnalysisController;
class AnalysisPanel;
class ProjectController;
class SlideDocument;
class SlideTabs;
class SlideView;

class AnalysisActions : public QObject {
    Q_OBJECT
public:
    AnalysisActions(QMainWindow* window, SlideTabs* tabs, AnalysisController* analysis, AnalysisPanel* panel,
                    ProjectController* project);

    void fillMenu(QMenu* menu); // Run Model on Slide…, Open Results…

    // Applies a trained run to the current slide in the background; with a project (given or
    // open), its folder holds the features and results.
    void runModel(const QString& runDir, const QString& projectDir = {});
    // Shows stored results (a `tessera-cli infer`/`heatmap` .h5) over the current slide, read
    // off the GUI thread: analysisReady or analysisFailed follows. False when no slide is open.
    bool openResults(const QString& path);
    void showPatch(int index); // centres and outlines it

Q_SIGNALS:
    void analysisReady(tessera::ui::SlideView* view);
    void analysisFailed(const QString& message);

private:
    SlideView* viewOf(const SlideDocument* document) const;

    QMainWindow* m_window;
    SlideTabs* m_tabs;
    AnalysisController* m_analysis;
    AnalysisPanel* m_panel;
    ProjectController* m_project;
};

} // namespace tessera::ui
