#include "MainWindow.h"

#include "AboutBox.h"
#include "AppIcon.h"
#include "PreferencesDialog.h"
#include "SlideInfoPanel.h"
#include "analysis/AnalysisActions.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisPanel.h"
#include "analysis/StoredResults.h"
#include "annotations/AnnotationWorkbench.h"
#include "common/Error.h"
#include "compare/ComparisonWorkbench.h"
#include "compare/RunComparison.h"
#include "document/SlideDocument.h"
#include "jobs/JobMonitor.h"
#include "project/ProjectActions.h"
#include "project/ProjectController.h"
#include "project/ProjectPanel.h"
#include "project/RunningJobsPrompt.h"
#include "project/RunsPanel.h"
#include "report/ReportDialog.h"
#include "review/ReviewWorkbench.h"
#include "split/SplitWorkbench.h"
#include "viewer/OverviewWidget.h"
#include "viewer/SlideView.h"
#include "workspace/RecentFiles.h"
#include "workspace/ScrollableDock.h"
#include "workspace/SlideFiles.h"
#include "workspace/SlideTabs.h"
#include "workspace/ViewNavigation.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

namespace tessera::ui {

namespace {

QDockWidget* addDock(QMainWindow* window, QWidget* content, const QString& title, const QString& name)
{
    auto* dock = new QDockWidget(title, window);
    dock->setObjectName(name);
    dock->setWidget(content);
    window->addDockWidget(Qt::RightDockWidgetArea, dock);
    return dock;
}

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent),
      m_tabs(new SlideTabs(&m_cache, this)),
      m_analysis(new AnalysisController(this)),
      m_project(new ProjectController({}, this)),
      m_projectActions(new ProjectActions(m_project, this))
{
    setWindowTitle(tr("Tessera"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    resize(1400, 900);
    applyPreferences(Preferences::load());
    setCentralWidget(m_tabs);
    m_navigation = new ViewNavigation(this);
    connect(m_navigation, &ViewNavigation::errorOccurred, this, &MainWindow::showError);
    connect(m_tabs, &SlideTabs::currentViewChanged, this, &MainWindow::currentViewChanged);
    connect(m_tabs, &SlideTabs::slideOpened, this, [this](SlideView* view) {
        m_navigation->watch(view);
        m_recent->add(QFileInfo(view->slide()->path()).absoluteFilePath());
        Q_EMIT slideOpened(view);
    });
    connect(m_tabs, &SlideTabs::openFailed, this,
            [this](const QString&, const QString& message) { showError(message); });

    createDocks();
    m_annotations = new AnnotationWorkbench(this, m_tabs, m_project);
    new StoredResults(m_project, m_analysis, m_analysisPanel, m_tabs, this);
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("analysisDock")), m_annotations->dock());
    m_review = new ReviewWorkbench(this, m_tabs, m_project, [this] { return m_annotations->author(); });
    connect(m_review, &ReviewWorkbench::problem, this, &MainWindow::showError);
    tabifyDockWidget(m_annotations->dock(), m_review->dock());
    findChild<QDockWidget*>(QStringLiteral("analysisDock"))->raise();
    m_analysisActions = new AnalysisActions(this, m_tabs, m_analysis, m_analysisPanel, m_project);
    connect(m_analysisActions, &AnalysisActions::analysisReady, this, &MainWindow::analysisReady);
    connect(m_analysisActions, &AnalysisActions::analysisFailed, this, [this](const QString& message) {
        m_lastError = message;
        Q_EMIT analysisFailed(message);
    });
    connect(m_analysis, &AnalysisController::inferred, m_projectActions, &ProjectActions::recordInference);
    m_comparisons = new ComparisonWorkbench(this, m_tabs, m_project, [this](const QString& run) {
        runModel(run, m_project->project() ? m_project->project()->folder() : QString());
    });
    connect(m_comparisons, &ComparisonWorkbench::problem, this, &MainWindow::showError);
    connect(m_runsPanel, &RunsPanel::compareRequested, m_comparisons, [this](const QStringList& runs) {
        if (runs.size() >= core::RunComparison::kMinimumRuns &&
            runs.size() <= core::RunComparison::kMaximumRuns)
            m_comparisons->compare(runs);
        else
            m_comparisons->chooseAndCompare(runs);
    });
    m_splits = new SplitWorkbench(this, m_tabs, m_project, m_analysis, m_analysisPanel);
    connect(m_splits, &SplitWorkbench::problem, this, &MainWindow::showError);
    createActions();

    currentViewChanged();
}

MainWindow::~MainWindow()
{
    m_analysis->cancelAll();
    disconnect(m_tabs, nullptr, this, nullptr);
    delete m_tabs; // views' loaders write into m_cache: they go before it
    m_tabs = nullptr;
}

void MainWindow::createDocks()
{
    // The side columns run the full height; the Runs and Jobs docks sit under the slide only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    m_overview = new OverviewWidget(this);
    addDock(this, m_overview, tr("Overview"), QStringLiteral("overviewDock"));
    m_info = new SlideInfoPanel(this);
    QDockWidget* infoDock = addDock(this, m_info, tr("Slide"), QStringLiteral("slideDock"));
    m_analysisPanel = new AnalysisPanel(this);
    QDockWidget* analysisDock = addDock(this, scrollableDockContent(m_analysisPanel, this), tr("Analysis"),
                                        QStringLiteral("analysisDock"));
    tabifyDockWidget(infoDock, analysisDock);
    analysisDock->raise();

    m_projectPanel = new ProjectPanel(m_project, this);
    QDockWidget* projectDock = addDock(this, m_projectPanel, tr("Project"), QStringLiteral("projectDock"));
    addDockWidget(Qt::LeftDockWidgetArea, projectDock);
    m_runsPanel = new RunsPanel(m_project, this);
    QDockWidget* runsDock = addDock(this, m_runsPanel, tr("Runs"), QStringLiteral("runsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, runsDock);
    m_jobMonitor = new JobMonitor(m_project, this);
    QDockWidget* jobsDock = addDock(this, m_jobMonitor, tr("Jobs"), QStringLiteral("jobsDock"));
    addDockWidget(Qt::BottomDockWidgetArea, jobsDock);
    tabifyDockWidget(runsDock, jobsDock);
    runsDock->raise();
    // Closed until a project is open, so a first start shows only the viewer.
    for (QDockWidget* dock : {projectDock, runsDock, jobsDock})
        dock->hide();
    connect(m_project, &ProjectController::projectChanged, this, [this, projectDock, runsDock, jobsDock] {
        const bool open = m_project->project() != nullptr;
        const bool wasOpen = projectDock->isVisible();
        for (QDockWidget* dock : {projectDock, runsDock, jobsDock})
            dock->setVisible(open);
        if (open && !wasOpen) { // the slide keeps most of the window
            resizeDocks({projectDock}, {340}, Qt::Horizontal);
            resizeDocks({runsDock}, {220}, Qt::Vertical);
        }
    });
    connect(m_project, &ProjectController::jobChanged, this, [jobsDock] { jobsDock->raise(); });
    connect(m_projectPanel, &ProjectPanel::openSlideRequested, this, &MainWindow::openSlide);
    connect(m_projectPanel, &ProjectPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_runsPanel, &RunsPanel::applyRequested, this,
            [this](const QString& run) { runModel(run, m_project->project()->folder()); });
    connect(m_runsPanel, &RunsPanel::trainRequested, m_projectActions, &ProjectActions::showTrainingDialog);
    connect(m_runsPanel, &RunsPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_project, &ProjectController::problem, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Jobs: %1").arg(message), 15000); });
    connect(m_analysisPanel, &AnalysisPanel::tissueToggled, this, &MainWindow::setTissueMaskVisible);
    connect(m_projectActions, &ProjectActions::errorOccurred, this, &MainWindow::showError);
    connect(m_projectActions, &ProjectActions::statusMessage, statusBar(), &QStatusBar::showMessage);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Slide…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_recent = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openSlide);
    m_projectActions->addFileActions(file);
    file->addSeparator();
    m_annotations->addFileActions(file);
    QAction* report = file->addAction(tr("Export &Report…"), this, &MainWindow::exportReportDialog);
    report->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    report->setObjectName(QStringLiteral("exportReport"));
    file->addSeparator();
    QAction* save = file->addAction(tr("&Save View as PNG…"), this, &MainWindow::saveViewDialog);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addAction(tr("&Close Slide"), this, [this] { m_tabs->closeTab(m_tabs->currentIndex()); })
        ->setShortcut(QKeySequence::Close);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences)
        ->setShortcut(QKeySequence::Preferences);
    m_annotations->addEditActions(edit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = m_navigation->addViewActions(view);
    view->addSeparator();
    m_tissueAction = view->addAction(tr("Show &Tissue Mask"), this, &MainWindow::setTissueMaskVisible);
    m_tissueAction->setCheckable(true);
    m_tissueAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    view->addSeparator();
    m_splits->addViewActions(view);

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    m_analysisActions->fillMenu(analysis);
    analysis->addSeparator();
    m_annotations->addAnalysisActions(analysis);

    QMenu* projectMenu = menuBar()->addMenu(tr("&Project"));
    m_projectActions->fillProjectMenu(projectMenu);

    m_comparisons->addRunActions(menuBar()->addMenu(tr("&Runs")));

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tessera"), this, [this] { AboutBox::show(this); });

    QToolBar* toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->addAction(open);
    toolbar->addAction(fit);
    m_navigation->addPresets(toolbar);
}

bool MainWindow::openProject(const QString& folder, bool create)
{
    return m_projectActions->openProject(folder, create);
}

TrainingDialog* MainWindow::showTrainingDialog()
{
    return m_projectActions->showTrainingDialog();
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (RunningJobsPrompt::allowsClosing(m_project->jobs(), this))
        event->accept();
    else
        event->ignore();
}

SlideView* MainWindow::currentView() const
{
    return m_tabs ? m_tabs->currentView() : nullptr;
}

int MainWindow::slideCount() const
{
    return int(m_tabs->views().size());
}

bool MainWindow::isAnalysisRunning() const
{
    return m_analysis->runningCount() > 0;
}

void MainWindow::openSlide(const QString& path)
{
    m_tabs->open(path);
}

void MainWindow::showError(const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 15000);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Tessera"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open(); // window-modal and non-blocking: the viewer keeps running
    Q_EMIT errorShown(message);
}

void MainWindow::currentViewChanged()
{
    if (!m_tabs)
        return;
    SlideView* view = currentView();
    SlideDocument* document = view ? view->document() : nullptr;
    m_navigation->setCurrentView(view);
    m_overview->setView(view);
    m_info->setSlide(view ? view->slide() : nullptr);
    m_tissueAction->setChecked(document && document->isTissueVisible());
    m_analysisPanel->setTissueChecked(m_tissueAction->isChecked());
    m_analysisPanel->setAnalysis(document ? document->analysis() : nullptr);
    setWindowTitle(view ? tr("%1 — Tessera").arg(QFileInfo(view->slide()->path()).fileName())
                        : tr("Tessera"));
}

void MainWindow::setTissueMaskVisible(bool visible)
{
    m_tissueAction->setChecked(visible);
    m_analysisPanel->setTissueChecked(visible);
    if (SlideView* view = currentView()) {
        if (visible && !view->document()->isTissueDetected())
            statusBar()->showMessage(tr("Detecting tissue…"));
        view->document()->setTissueVisible(visible);
    }
}

CursorReadout* MainWindow::cursorReadout() const
{
    return m_navigation->cursorReadout();
}

QStringList MainWindow::recentFiles() const
{
    return m_recent->files();
}

void MainWindow::openDialog()
{
    const QStringList paths =
        QFileDialog::getOpenFileNames(this, tr("Open Slide"), QString(), slideFileFilter());
    for (const QString& path : paths)
        openSlide(path);
}

bool MainWindow::saveViewAsPng(const QString& path)
{
    SlideView* view = currentView();
    if (!view) {
        showError(tr("There is no slide view to save."));
        return false;
    }
    const QImage image = view->grab().toImage();
    if (!image.save(path, "PNG")) {
        showError(tr("Cannot write %1 (check the folder exists and is writable).").arg(path));
        return false;
    }
    return true;
}

void MainWindow::exportReportDialog()
{
    SlideView* view = currentView();
    core::Project* project = m_project->project();
    if (!view || !project) {
        QMessageBox::information(
            this, tr("Export Report"),
            tr("Open a project and one of its slides: a report is made from what the project "
               "knows about the slide."));
        return;
    }
    try {
        ReportDialog dialog(*project, view->slide()->path(), m_analysisPanel->settings(), this);
        // Said once the dialog runs, so that whoever fills it in can also close it.
        QTimer::singleShot(0, &dialog, [this, &dialog] { Q_EMIT reportDialogOpened(&dialog); });
        dialog.exec();
    } catch (const core::Error& error) {
        showError(error.message());
    }
}

void MainWindow::saveViewDialog()
{
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save View as PNG"), QString(), tr("PNG image (*.png)"));
    if (!path.isEmpty())
        saveViewAsPng(path);
}

void MainWindow::applyPreferences(const Preferences& preferences)
{
    m_cache.setCapacity(qint64(preferences.tileCacheMiB) * 1024 * 1024);
}

PreferencesDialog* MainWindow::showPreferences()
{
    auto* dialog = new PreferencesDialog(Preferences::load(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const Preferences preferences = dialog->preferences();
        preferences.save();
        applyPreferences(preferences);
    });
    dialog->open();
    return dialog;
}

void MainWindow::runModel(const QString& runDir, const QString& projectDir)
{
    m_analysisActions->runModel(runDir, projectDir);
}

bool MainWindow::openResults(const QString& path)
{
    return m_analysisActions->openResults(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    if (event->mimeData()->hasUrls())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    for (const QUrl& url : event->mimeData()->urls())
        if (url.isLocalFile())
            openSlide(url.toLocalFile());
    event->acceptProposedAction();
}

} // namespace tessera::ui
