#include "MainWindow.h"

#include "AppIcon.h"
#include "PreferencesDialog.h"
#include "SlideInfoPanel.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisPanel.h"
#include "analysis/RunChooser.h"
#include "analysis/SlideAnalysis.h"
#include "analysis/StoredResults.h"
#include "annotations/AnnotationWorkbench.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "jobs/JobMonitor.h"
#include "project/InferenceRecords.h"
#include "project/ProjectController.h"
#include "project/ProjectPanel.h"
#include "project/RunsPanel.h"
#include "report/ReportDialog.h"
#include "system/LibraryVersions.h"
#include "training/TrainingDialog.h"
#include "viewer/OverviewWidget.h"
#include "viewer/SlideView.h"
#include "workspace/CursorReadout.h"
#include "workspace/RecentFiles.h"
#include "workspace/ScrollableDock.h"
#include "workspace/SlideTabs.h"

#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>

#include <cmath>

namespace tessera::ui {

namespace {

const QString kRunKey = QStringLiteral("lastRun");
const double kMagnifications[] = {1.25, 2.5, 5, 10, 20, 40, 80};

QString slideFileFilter()
{
    return QObject::tr(
        "Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;"
        "All files (*)");
}

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
      m_project(new ProjectController({}, this))
{
    setWindowTitle(tr("Tessera"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    resize(1400, 900);
    applyPreferences(Preferences::load());
    setCentralWidget(m_tabs);
    connect(m_tabs, &SlideTabs::currentViewChanged, this, &MainWindow::currentViewChanged);
    connect(m_tabs, &SlideTabs::slideOpened, this, [this](SlideView* view) {
        connectView(view);
        m_recent->add(QFileInfo(view->slide()->path()).absoluteFilePath());
        Q_EMIT slideOpened(view);
    });
    connect(m_tabs, &SlideTabs::openFailed, this,
            [this](const QString&, const QString& message) { showError(message); });

    createDocks();
    m_annotations = new AnnotationWorkbench(this, m_tabs, m_project);
    new StoredResults(m_project, m_analysis, m_analysisPanel, m_tabs, this);
    tabifyDockWidget(findChild<QDockWidget*>(QStringLiteral("analysisDock")), m_annotations->dock());
    findChild<QDockWidget*>(QStringLiteral("analysisDock"))->raise();
    m_position = new CursorReadout(this);
    m_magnificationLabel = new QLabel(this);
    statusBar()->addWidget(m_position, 1);
    statusBar()->addPermanentWidget(m_magnificationLabel);
    m_magnifications = new QComboBox(this);
    m_magnifications->setToolTip(tr("Magnification"));
    m_magnifications->setPlaceholderText(tr("Magnification"));
    m_magnifications->setMinimumContentsLength(8);
    createActions();

    connect(m_analysis, &AnalysisController::progress, this,
            [this](const QString& text) { m_analysisPanel->showMessage(text, false); });
    connect(m_analysis, &AnalysisController::ready, this, [this](SlideDocument* document) {
        SlideView* view = viewOf(document);
        if (view && view == currentView())
            m_analysisPanel->setAnalysis(document->analysis());
        statusBar()->showMessage(tr("Results: %1").arg(document->analysis()->resultsPath()), 10000);
        Q_EMIT analysisReady(view);
    });
    // What the GUI infers for the open project is recorded in it, as the CLI does.
    connect(m_analysis, &AnalysisController::inferred, this,
            [this](const QString& runDir, const QString& slidePath, const core::SlideInferenceResult& result,
                   const QString& projectDir) {
                core::Project* project = m_project->project();
                if (!project || QFileInfo(projectDir).absoluteFilePath() != project->folder())
                    return;
                try {
                    core::recordInference(*project, runDir, slidePath, result);
                    Q_EMIT m_project->slidesChanged();
                    Q_EMIT m_project->runsChanged();
                } catch (const core::Error& error) {
                    statusBar()->showMessage(
                        tr("The results were not recorded in the project: %1").arg(error.message()), 15000);
                }
            });
    connect(m_project, &ProjectController::projectChanged, this, &MainWindow::updateProjectActions);
    connect(m_analysis, &AnalysisController::failed, this, [this](const QString& message) {
        m_analysisPanel->showMessage(message, true);
        statusBar()->showMessage(message, 15000);
        m_lastError = message;
        Q_EMIT analysisFailed(message);
    });
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
    connect(m_runsPanel, &RunsPanel::trainRequested, this, &MainWindow::showTrainingDialog);
    connect(m_runsPanel, &RunsPanel::errorOccurred, this, &MainWindow::showError);
    connect(m_project, &ProjectController::problem, this,
            [this](const QString& message) { statusBar()->showMessage(tr("Jobs: %1").arg(message), 15000); });
    connect(m_analysisPanel, &AnalysisPanel::tissueToggled, this, &MainWindow::setTissueMaskVisible);
    connect(m_analysisPanel, &AnalysisPanel::patchActivated, this, &MainWindow::showPatch);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Slide…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_recent = new RecentFiles(file->addMenu(tr("Open &Recent")), this);
    connect(m_recent, &RecentFiles::openRequested, this, &MainWindow::openSlide);
    createProjectActions(file);
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
    QAction* fit = view->addAction(tr("&Fit to Window"), this, [this] {
        if (SlideView* v = currentView())
            v->fitToWindow();
    });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    const auto zoom = [this](double factor) {
        if (SlideView* v = currentView())
            v->zoomBy(factor, QPointF(v->width() / 2.0, v->height() / 2.0));
    };
    view->addAction(tr("Zoom &In"), this, [zoom] { zoom(1.5); })->setShortcut(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &Out"), this, [zoom] { zoom(1 / 1.5); })->setShortcut(QKeySequence::ZoomOut);
    view->addSeparator();
    m_tissueAction = view->addAction(tr("Show &Tissue Mask"), this, &MainWindow::setTissueMaskVisible);
    m_tissueAction->setCheckable(true);
    m_tissueAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    QAction* runModelAction =
        analysis->addAction(tr("&Run Model on Slide…"), this, &MainWindow::runModelDialog);
    runModelAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    runModelAction->setObjectName(QStringLiteral("runModel"));
    analysis->addAction(tr("Open &Results…"), this, &MainWindow::openResultsDialog);
    analysis->addSeparator();
    m_annotations->addAnalysisActions(analysis);

    QMenu* projectMenu = menuBar()->addMenu(tr("&Project"));
    const auto projectAction = [&](const QString& text, auto slot) {
        QAction* action = projectMenu->addAction(text, this, slot);
        m_projectActions << action;
        return action;
    };
    projectAction(tr("Add &Slides…"), [this] {
        const QStringList files = QFileDialog::getOpenFileNames(
            this, tr("Add Slides"), m_project->project()->folder(), slideFileFilter());
        if (!files.isEmpty())
            runGuarded([&] { reportAdded(m_project->addSlides(files)); });
    });
    projectAction(tr("Add &Folder…"), [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Add a Folder of Slides"),
                                                                 m_project->project()->folder());
        if (!folder.isEmpty())
            runGuarded([&] { reportAdded(m_project->addSlides({folder})); });
    });
    projectMenu->addSeparator();
    projectAction(tr("&Import Labels…"), [this] {
        const QString csv = QFileDialog::getOpenFileName(this, tr("Import Labels (CLAM CSV)"),
                                                         m_project->project()->folder(), tr("CSV (*.csv)"));
        if (!csv.isEmpty())
            runGuarded([&] { reportImported(csv, m_project->importLabels(csv)); });
    });
    projectAction(tr("&Export Labels…"), [this] {
        const QString csv = QFileDialog::getSaveFileName(
            this, tr("Export Labels (CLAM CSV)"),
            m_project->project()->folder() + QStringLiteral("/labels.csv"), tr("CSV (*.csv)"));
        if (!csv.isEmpty())
            runGuarded([&] { m_project->project()->slides().exportLabels(csv); });
    });
    projectAction(tr("Import S&plit…"), [this] {
        const QString csv = QFileDialog::getOpenFileName(this, tr("Import a Split (CLAM CSV)"),
                                                         m_project->project()->folder(), tr("CSV (*.csv)"));
        if (!csv.isEmpty())
            runGuarded(
                [&] { reportImported(csv, m_project->importSplit(csv, QFileInfo(csv).completeBaseName())); });
    });
    projectMenu->addSeparator();
    projectAction(tr("&Train Model…"), &MainWindow::showTrainingDialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    updateProjectActions();

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Tessera"), this, &MainWindow::showAbout);

    QToolBar* toolbar = addToolBar(tr("Navigation"));
    toolbar->setObjectName(QStringLiteral("navigationToolbar"));
    toolbar->addAction(open);
    toolbar->addAction(fit);
    toolbar->addWidget(m_magnifications);
    connect(m_magnifications, &QComboBox::activated, this, [this](int index) {
        if (SlideView* v = currentView())
            v->setMagnification(m_magnifications->itemData(index).toDouble());
    });
}

void MainWindow::createProjectActions(QMenu* file)
{
    file->addSeparator();
    file->addAction(tr("&New Project…"), this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(this, tr("New Project: choose an empty folder"));
        if (!folder.isEmpty())
            openProject(folder, true);
    });
    file->addAction(tr("Open &Project…"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Project"));
        if (!folder.isEmpty())
            openProject(folder);
    });
    m_projectActions << file->addAction(tr("Close Pro&ject"), this, [this] { m_project->close(); });
    file->addSeparator();
}

void MainWindow::updateProjectActions()
{
    const bool open = m_project->project() != nullptr;
    for (QAction* action : m_projectActions)
        action->setEnabled(open);
}

bool MainWindow::openProject(const QString& folder, bool create)
{
    try {
        create ? m_project->create(folder) : m_project->open(folder);
        statusBar()->showMessage(tr("Project %1").arg(m_project->project()->folder()), 10000);
        return true;
    } catch (const core::Error& error) {
        showError(error.message());
        return false;
    }
}

TrainingDialog* MainWindow::showTrainingDialog()
{
    core::Project* project = m_project->project();
    if (!project) {
        showError(tr("Open or create a project first: training works on a project's slides and labels."));
        return nullptr;
    }
    auto* dialog = new TrainingDialog(*project, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        try {
            m_project->submit(dialog->plannedJobs());
        } catch (const core::Error& error) {
            showError(error.message());
        }
    });
    dialog->open();
    return dialog;
}

void MainWindow::runGuarded(const std::function<void()>& action)
{
    try {
        action();
    } catch (const core::Error& error) {
        showError(error.message());
    }
}

void MainWindow::reportAdded(const core::AddReport& r)
{
    statusBar()->showMessage(tr("%1 slides added, %2 already in the project, %3 moved, %4 failed")
                                 .arg(r.added.size())
                                 .arg(r.present.size())
                                 .arg(r.relocated.size())
                                 .arg(r.failed.size()),
                             15000);
    if (!r.failed.isEmpty())
        showError(tr("Some slides were not added:\n%1").arg(r.failed.join(QLatin1Char('\n'))));
}

void MainWindow::reportImported(const QString& csv, const core::ImportReport& r)
{
    QString text = tr("%1: %2 applied").arg(QFileInfo(csv).fileName()).arg(r.applied);
    if (!r.unknown.isEmpty())
        text += tr(", %1 slides not in the project (e.g. %2)").arg(r.unknown.size()).arg(r.unknown.first());
    statusBar()->showMessage(text, 15000);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    core::JobQueue* jobs = m_project->jobs();
    if (!jobs || jobs->runningCount() == 0) {
        event->accept();
        return;
    }
    QMessageBox box(QMessageBox::Question, tr("Jobs Are Running"),
                    tr("%n job(s) of this project are still running.", nullptr, jobs->runningCount()),
                    QMessageBox::NoButton, this);
    box.setInformativeText(
        tr("They run on their own: keep them running and see them again when you reopen the "
           "project, or stop them (training stops after its current epoch and can be resumed)."));
    QPushButton* keep = box.addButton(tr("Keep Running"), QMessageBox::AcceptRole);
    QPushButton* stop = box.addButton(tr("Stop Jobs"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == stop)
        jobs->stopAll();
    if (box.clickedButton() == keep || box.clickedButton() == stop)
        event->accept();
    else
        event->ignore();
}

void MainWindow::connectView(SlideView* view)
{
    connect(view, &SlideView::viewChanged, this, &MainWindow::updateStatus);
    connect(view, &SlideView::cursorMoved, this,
            [this, view](QPointF p, bool inside) { m_position->showCursor(view, p, inside); });
    connect(view, &SlideView::tileFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("A tile could not be read: %1").arg(message), 10000);
    });
    SlideDocument* document = view->document();
    connect(document, &SlideDocument::tissueDetected, this, [this](double fraction, double threshold) {
        statusBar()->showMessage(tr("Tissue covers %1 % of the slide (saturation threshold %2)")
                                     .arg(fraction * 100, 0, 'f', 1)
                                     .arg(threshold),
                                 10000);
    });
    connect(document, &SlideDocument::tissueFailed, this, &MainWindow::showError);
}

SlideView* MainWindow::currentView() const
{
    return m_tabs ? m_tabs->currentView() : nullptr;
}

SlideView* MainWindow::viewOf(const SlideDocument* document) const
{
    for (SlideView* view : m_tabs->views())
        if (view->document() == document)
            return view;
    return nullptr;
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
    m_position->setCurrentView(view);
    m_overview->setView(view);
    m_info->setSlide(view ? view->slide() : nullptr);
    m_magnifications->clear();
    const auto power = view ? view->slide()->objectivePower() : std::nullopt;
    if (power)
        for (double m : kMagnifications)
            if (m <= 2 * *power)
                m_magnifications->addItem(QStringLiteral("%1×").arg(m), m);
    m_magnifications->setEnabled(m_magnifications->count() > 0);
    m_tissueAction->setChecked(document && document->isTissueVisible());
    m_analysisPanel->setTissueChecked(m_tissueAction->isChecked());
    m_analysisPanel->setAnalysis(document ? document->analysis() : nullptr);
    setWindowTitle(view ? tr("%1 — Tessera").arg(QFileInfo(view->slide()->path()).fileName())
                        : tr("Tessera"));
    updateStatus();
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

void MainWindow::updateStatus()
{
    SlideView* view = currentView();
    const double magnification = view ? view->magnification() : 0;
    m_magnificationLabel->setText(
        magnification > 0 ? tr("%1×").arg(magnification, 0, 'f', magnification < 10 ? 2 : 1) : QString());
    // The preset box shows a preset only while the view is exactly at it.
    int preset = -1;
    for (int i = 0; i < m_magnifications->count(); ++i)
        if (std::abs(m_magnifications->itemData(i).toDouble() - magnification) < 1e-3 * magnification)
            preset = i;
    m_magnifications->setCurrentIndex(preset);
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
    QSettings().setValue(kRunKey, runDir);
    SlideView* view = currentView();
    // With a project open, its folder holds the features and results (and records them).
    const QString folder = !projectDir.isEmpty()  ? projectDir
                           : m_project->project() ? m_project->project()->folder()
                                                  : QString();
    m_analysis->runModel(view ? view->document() : nullptr, runDir, folder, m_analysisPanel->settings());
}

bool MainWindow::openResults(const QString& path)
{
    SlideView* view = currentView();
    return m_analysis->openResults(view ? view->document() : nullptr, path, m_analysisPanel->settings());
}

void MainWindow::runModelDialog()
{
    const QString dir = RunChooser::choose(this, m_project->project(), QSettings().value(kRunKey).toString());
    if (!dir.isEmpty())
        runModel(dir);
}

void MainWindow::openResultsDialog()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Open Results"), QString(), tr("Tessera results (*.h5)"));
    if (!path.isEmpty())
        openResults(path);
}

void MainWindow::showPatch(int index)
{
    SlideView* view = currentView();
    const SlideAnalysis* analysis = view ? view->document()->analysis() : nullptr;
    if (!analysis)
        return;
    // The patch fills about a third of the view, never beyond the finest zoom.
    const QRectF patch = analysis->patchRect(index);
    const double scale = std::min(view->width(), view->height()) / 3.0 / patch.width();
    view->setView(patch.center(), std::clamp(scale, view->minScale(), view->maxScale()));
    view->document()->analysis()->highlightPatch(index);
}

void MainWindow::showAbout()
{
    QString text = tr("<h3>Tessera %1</h3><p>Whole-slide viewer and spatially regularized MIL.</p><table>")
                       .arg(QApplication::applicationVersion());
    try {
        for (const auto& [library, version] : core::libraryVersions())
            text += QStringLiteral("<tr><td>%1</td><td>%2</td></tr>").arg(library, version.toHtmlEscaped());
    } catch (const core::Error& error) {
        text += QStringLiteral("<tr><td colspan=2>%1</td></tr>").arg(error.message().toHtmlEscaped());
    }
    QMessageBox::about(this, tr("About Tessera"), text + QStringLiteral("</table>"));
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
