#include "AnalysisActions.h"

#include "AnalysisController.h"
#include "AnalysisPanel.h"
#include "RunChooser.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "project/ProjectController.h"
#include "viewer/SlideView.h"
#include "workspace/SlideTabs.h"

#include <QFileDialog>
#include <QMainWindow>
#include <QMenu>
#include <QSettings>
#include <QStatusBar>

namespace tessera::ui {

namespace {
const QString kRunKey = QStringLiteral("lastRun");
}

AnalysisActions::AnalysisActions(QMainWindow* window, SlideTabs* tabs, AnalysisController* analysis,
                                 AnalysisPanel* panel, ProjectController* project)
    : QObject(window),
      m_window(window),
      m_tabs(tabs),
      m_analysis(analysis),
      m_panel(panel),
      m_project(project)
{
    connect(m_analysis, &AnalysisController::progress, this,
            [this](const QString& text) { m_panel->showMessage(text, false); });
    connect(m_analysis, &AnalysisController::ready, this, [this](SlideDocument* document) {
        SlideView* view = viewOf(document);
        if (view && view == m_tabs->currentView())
            m_panel->setAnalysis(document->analysis());
        m_window->statusBar()->showMessage(tr("Results: %1").arg(document->analysis()->resultsPath()), 10000);
        Q_EMIT analysisReady(view);
    });
    connect(m_analysis, &AnalysisController::failed, this, [this](const QString& message) {
        m_panel->showMessage(message, true);
        m_window->statusBar()->showMessage(message, 15000);
        Q_EMIT analysisFailed(message);
    });
    connect(m_panel, &AnalysisPanel::patchActivated, this, &AnalysisActions::showPatch);
}

void AnalysisActions::fillMenu(QMenu* menu)
{
    QAction* run = menu->addAction(tr("&Run Model on Slide…"), this, [this] {
        const QString dir =
            RunChooser::choose(m_window, m_project->project(), QSettings().value(kRunKey).toString());
        if (!dir.isEmpty())
            runModel(dir);
    });
    run->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    run->setObjectName(QStringLiteral("runModel"));
    menu->addAction(tr("Open &Results…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open Results"), QString(),
                                                          tr("Tessera results (*.h5)"));
        if (!path.isEmpty())
            openResults(path);
    });
}

void AnalysisActions::runModel(const QString& runDir, const QString& projectDir)
{
    QSettings().setValue(kRunKey, runDir);
    SlideView* view = m_tabs->currentView();
    const QString folder = !projectDir.isEmpty()  ? projectDir
                           : m_project->project() ? m_project->project()->folder()
                                                  : QString();
    m_analysis->runModel(view ? view->document() : nullptr, runDir, folder, m_panel->settings());
}

bool AnalysisActions::openResults(const QString& path)
{
    SlideView* view = m_tabs->currentView();
    if (!view) {
        m_analysis->loadResults(nullptr, path, m_panel->settings()); // says what is missing
        return false;
    }
    m_analysis->loadResults(view->document(), path, m_panel->settings());
    return true;
}

void AnalysisActions::showPatch(int index)
{
    SlideView* view = m_tabs->currentView();
    SlideAnalysis* analysis = view ? view->document()->analysis() : nullptr;
    if (!analysis)
        return;
    // The patch fills about a third of the view, never beyond the finest zoom.
    const QRectF patch = analysis->patchRect(index);
    const double scale = std::min(view->width(), view->height()) / 3.0 / patch.width();
    view->setView(patch.center(), std::clamp(scale, view->minScale(), view->maxScale()));
    analysis->highlightPatch(index);
}

SlideView* AnalysisActions::viewOf(const SlideDocument* document) const
{
    for (SlideView* view : m_tabs->views())
        if (view->document() == document)
            return view;
    return nullptr;
}

} // namespace tessera::ui
