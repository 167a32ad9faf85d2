#include "MainWindow.h"

#include "AppIcon.h"
#include "PreferencesDialog.h"
#include "SlideInfoPanel.h"
#include "analysis/AnalysisPanel.h"
#include "common/Error.h"
#include "infer/SlideInference.h"
#include "system/LibraryVersions.h"
#include "viewer/OverviewWidget.h"
#include "viewer/SlideView.h"
#include "viewer/TissueOverlay.h"

#include <QApplication>
#include <QComboBox>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QtConcurrent>

#include <cmath>
#include <optional>

namespace tessera::ui {

// What a background inference hands back to the GUI thread.
struct AnalysisOutcome {
    std::optional<core::Prediction> prediction;
    QString resultsPath;
    QString error;
};

namespace {
// Why results cannot be drawn on a slide of `size` (patches outside it, no patch size), or "".
QString mismatchWithSlide(const core::Prediction& p, const QString& path, QSize size)
{
    for (std::size_t i = 0; i + 1 < p.coords.size(); i += 2)
        if (p.coords[i] < 0 || p.coords[i + 1] < 0 || p.coords[i] >= size.width() ||
            p.coords[i + 1] >= size.height())
            return MainWindow::tr(
                       "%1 does not belong to this slide: patch (%2, %3) lies outside its %4 × %5 pixels.")
                .arg(path)
                .arg(p.coords[i])
                .arg(p.coords[i + 1])
                .arg(size.width())
                .arg(size.height());
    if (p.patchStep <= 0)
        return MainWindow::tr("%1 has no patch size and a single patch: nothing to draw.").arg(path);
    return {};
}

const QString kRecentKey = QStringLiteral("recentFiles");
const QString kRunKey = QStringLiteral("lastRun");
constexpr int kMaxRecent = 10;
const double kMagnifications[] = {1.25, 2.5, 5, 10, 20, 40, 80};

QString slideFileFilter()
{
    return QObject::tr(
        "Whole-slide images (*.svs *.tif *.tiff *.ndpi *.vms *.vmu *.scn *.mrxs *.svslide *.bif);;"
        "All files (*)");
}
} // namespace

MainWindow::MainWindow(QWidget* parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Tessera"));
    setWindowIcon(appIcon());
    setAcceptDrops(true);
    resize(1400, 900);
    applyPreferences(Preferences::load());

    m_tabs = new QTabWidget(this);
    m_tabs->setTabsClosable(true);
    m_tabs->setDocumentMode(true);
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentTabChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, &MainWindow::closeTab);

    m_overview = new OverviewWidget(this);
    auto* overviewDock = new QDockWidget(tr("Overview"), this);
    overviewDock->setObjectName(QStringLiteral("overviewDock"));
    overviewDock->setWidget(m_overview);
    addDockWidget(Qt::RightDockWidgetArea, overviewDock);

    m_info = new SlideInfoPanel(this);
    auto* infoDock = new QDockWidget(tr("Slide"), this);
    infoDock->setObjectName(QStringLiteral("slideDock"));
    infoDock->setWidget(m_info);
    addDockWidget(Qt::RightDockWidgetArea, infoDock);

    m_analysisPanel = new AnalysisPanel(this);
    auto* analysisDock = new QDockWidget(tr("Analysis"), this);
    analysisDock->setObjectName(QStringLiteral("analysisDock"));
    analysisDock->setWidget(m_analysisPanel);
    addDockWidget(Qt::RightDockWidgetArea, analysisDock);
    tabifyDockWidget(infoDock, analysisDock);
    analysisDock->raise();
    connect(m_analysisPanel, &AnalysisPanel::tissueToggled, this, &MainWindow::setTissueMaskVisible);
    connect(m_analysisPanel, &AnalysisPanel::patchActivated, this, &MainWindow::showPatch);

    m_position = new QLabel(this);
    m_magnificationLabel = new QLabel(this);
    statusBar()->addWidget(m_position, 1);
    statusBar()->addPermanentWidget(m_magnificationLabel);

    m_magnifications = new QComboBox(this);
    m_magnifications->setToolTip(tr("Magnification"));
    m_magnifications->setPlaceholderText(tr("Magnification"));
    m_magnifications->setMinimumContentsLength(8);
    createActions();
    currentTabChanged();
}

MainWindow::~MainWindow()
{
    // Views own tile loaders whose workers write into m_cache: destroy them first.
    while (m_tabs->count() > 0)
        closeTab(0);
}

void MainWindow::createActions()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* open = file->addAction(tr("&Open Slide…"), this, &MainWindow::openDialog);
    open->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    QAction* save = file->addAction(tr("&Save View as PNG…"), this, &MainWindow::saveViewDialog);
    save->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    file->addAction(tr("&Close Slide"), this, [this] { closeTab(m_tabs->currentIndex()); })
        ->setShortcut(QKeySequence::Close);
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu* edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(tr("&Preferences…"), this, &MainWindow::showPreferences)
        ->setShortcut(QKeySequence::Preferences);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    QAction* fit = view->addAction(tr("&Fit to Window"), this, [this] {
        if (SlideView* v = currentView())
            v->fitToWindow();
    });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    view->addAction(tr("Zoom &In"), this,
                    [this] {
                        if (SlideView* v = currentView())
                            v->zoomBy(1.5, QPointF(v->width() / 2.0, v->height() / 2.0));
                    })
        ->setShortcut(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &Out"), this,
                    [this] {
                        if (SlideView* v = currentView())
                            v->zoomBy(1 / 1.5, QPointF(v->width() / 2.0, v->height() / 2.0));
                    })
        ->setShortcut(QKeySequence::ZoomOut);

    view->addSeparator();
    m_tissueAction = view->addAction(tr("Show &Tissue Mask"), this, &MainWindow::setTissueMaskVisible);
    m_tissueAction->setCheckable(true);
    m_tissueAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));

    QMenu* analysis = menuBar()->addMenu(tr("&Analysis"));
    analysis->addAction(tr("&Run Model on Slide…"), this, &MainWindow::runModelDialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    analysis->addAction(tr("Open &Results…"), this, &MainWindow::openResultsDialog);

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

SlideView* MainWindow::currentView() const
{
    return qobject_cast<SlideView*>(m_tabs->currentWidget());
}

int MainWindow::slideCount() const
{
    return m_tabs->count();
}

bool MainWindow::openSlide(const QString& path)
{
    core::SlidePtr slide;
    try {
        slide = core::Slide::open(path);
    } catch (const core::Error& error) {
        showError(error.message());
        return false;
    }
    auto* view = new SlideView(&m_cache, m_tabs);
    connect(view, &SlideView::viewChanged, this, &MainWindow::updateStatus);
    connect(view, &SlideView::cursorMoved, this, [this, view](QPointF p, bool inside) {
        if (!inside) {
            m_position->clear();
            return;
        }
        QString text = tr("x %1, y %2 px").arg(qint64(p.x())).arg(qint64(p.y()));
        if (const auto mpp = view->slide()->micronsPerPixel())
            text += tr("  (%1, %2 µm)").arg(p.x() * *mpp, 0, 'f', 1).arg(p.y() * *mpp, 0, 'f', 1);
        if (const SlideAnalysis* analysis = SlideAnalysis::of(view))
            if (const int patch = analysis->patchAt(p); patch >= 0)
                text += QStringLiteral("   ") + analysis->describePatch(patch);
        m_position->setText(text);
    });
    connect(view, &SlideView::tileFailed, this, [this](const QString& message) {
        statusBar()->showMessage(tr("A tile could not be read: %1").arg(message), 10000);
    });
    view->setSlide(slide);
    const int index = m_tabs->addTab(view, QFileInfo(path).fileName());
    m_tabs->setTabToolTip(index, path);
    m_tabs->setCurrentIndex(index);
    rememberRecent(QFileInfo(path).absoluteFilePath());
    return true;
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

void MainWindow::currentTabChanged()
{
    SlideView* view = currentView();
    m_overview->setView(view);
    m_info->setSlide(view ? view->slide() : nullptr);
    m_magnifications->clear();
    const auto power = view && view->slide() ? view->slide()->objectivePower() : std::nullopt;
    if (power)
        for (double m : kMagnifications)
            if (m <= 2 * *power)
                m_magnifications->addItem(QStringLiteral("%1×").arg(m), m);
    m_magnifications->setEnabled(m_magnifications->count() > 0);
    m_tissueAction->setChecked(view && view->hasOverlay(kTissueOverlay) &&
                               view->isOverlayVisible(kTissueOverlay));
    m_analysisPanel->setTissueChecked(m_tissueAction->isChecked());
    m_analysisPanel->setAnalysis(SlideAnalysis::of(view));
    setWindowTitle(view ? tr("%1 — Tessera").arg(QFileInfo(view->slide()->path()).fileName())
                        : tr("Tessera"));
    updateStatus();
}

void MainWindow::setTissueMaskVisible(bool visible)
{
    m_tissueAction->setChecked(visible);
    m_analysisPanel->setTissueChecked(visible);
    SlideView* view = currentView();
    if (!view)
        return;
    if (view->hasOverlay(kTissueOverlay) || !visible) {
        view->setOverlayVisible(kTissueOverlay, visible);
        return;
    }
    // Detection reads a low-resolution copy of the slide: off the GUI thread.
    statusBar()->showMessage(tr("Detecting tissue…"));
    auto* watcher = new QFutureWatcher<core::TissueMask>(this);
    const QPointer<SlideView> target(view);
    connect(watcher, &QFutureWatcher<core::TissueMask>::finished, this, [this, watcher, target] {
        watcher->deleteLater();
        try {
            const core::TissueMask tissue = watcher->result();
            if (!target)
                return;
            target->setOverlay(kTissueOverlay, tissueOverlayImage(tissue), tissue.downsample);
            std::vector<QPolygonF> outlines = tissue.outlines;
            outlines.insert(outlines.end(), tissue.holes.begin(), tissue.holes.end());
            target->setOverlayOutlines(kTissueOverlay, outlines, QColor(20, 150, 60));
            target->setOverlayVisible(kTissueOverlay, m_tissueAction->isChecked() && target == currentView());
            statusBar()->showMessage(tr("Tissue covers %1 % of the slide (saturation threshold %2)")
                                         .arg(tissue.tissueFraction() * 100, 0, 'f', 1)
                                         .arg(tissue.threshold),
                                     10000);
        } catch (const core::Error& error) {
            showError(error.message());
        }
    });
    const core::SlidePtr slide = view->slide();
    watcher->setFuture(QtConcurrent::run([slide] { return core::TissueDetector().detect(*slide); }));
}

void MainWindow::closeTab(int index)
{
    auto* view = qobject_cast<SlideView*>(m_tabs->widget(index));
    if (!view)
        return;
    const quint64 id = view->slide() ? view->slide()->id() : 0;
    m_tabs->removeTab(index);
    if (m_overview)
        m_overview->setView(currentView());
    delete view; // waits for its loader's workers
    m_cache.removeSlide(id);
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
    return QSettings().value(kRecentKey).toStringList();
}

void MainWindow::rememberRecent(const QString& path)
{
    QStringList recent = recentFiles();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    QSettings().setValue(kRecentKey, recent);
    rebuildRecentMenu();
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList recent = recentFiles();
    for (const QString& path : recent)
        m_recentMenu->addAction(QFileInfo(path).fileName(), this, [this, path] { openSlide(path); })
            ->setToolTip(path);
    m_recentMenu->setEnabled(!recent.isEmpty());
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
    SlideView* view = currentView();
    if (!view) {
        m_analysisPanel->showMessage(tr("Open a slide first, then run a model on it."), true);
        return;
    }
    QSettings().setValue(kRunKey, runDir);
    core::SlideInferenceOptions options;
    options.projectDir =
        projectDir.isEmpty() ? QFileInfo(QFileInfo(runDir).absoluteFilePath()).absolutePath() : projectDir;
    const QString slidePath = view->slide()->path();
    const QPointer<AnalysisPanel> panel(m_analysisPanel);
    options.progress = [panel](const QJsonObject& event) {
        const QString kind = event[QStringLiteral("event")].toString();
        QString text;
        if (kind == QLatin1String("progress"))
            text = tr("Extracting features: %1 of %2 patches")
                       .arg(event[QStringLiteral("done")].toInt())
                       .arg(event[QStringLiteral("total")].toInt());
        else if (kind == QLatin1String("predict"))
            text = tr("Running the model…");
        if (!text.isEmpty())
            QMetaObject::invokeMethod(
                panel,
                [panel, text] {
                    if (panel)
                        panel->showMessage(text, false);
                },
                Qt::QueuedConnection);
    };
    m_analysisPanel->showMessage(tr("Preparing %1…").arg(QFileInfo(runDir).fileName()), false);
    ++m_analysisJobs;
    auto* watcher = new QFutureWatcher<AnalysisOutcome>(this);
    const QPointer<SlideView> target(view);
    connect(watcher, &QFutureWatcher<AnalysisOutcome>::finished, this, [this, watcher, target] {
        watcher->deleteLater();
        --m_analysisJobs;
        finishAnalysis(target, watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([runDir, options, slidePath]() -> AnalysisOutcome {
        try {
            const core::SlideInference inference(runDir, options);
            core::SlideInferenceResult r = inference.run(slidePath);
            return {std::move(r.prediction), r.resultsPath, {}};
        } catch (const core::Error& error) {
            return {std::nullopt, {}, error.message()};
        } catch (const std::exception& error) {
            return {std::nullopt,
                    {},
                    tr("The model failed on %1: %2").arg(slidePath, QString::fromUtf8(error.what()))};
        }
    }));
}

bool MainWindow::openResults(const QString& path)
{
    AnalysisOutcome outcome;
    try {
        outcome.prediction = core::Prediction::read(path);
        outcome.resultsPath = path;
    } catch (const core::Error& error) {
        outcome.error = error.message();
    }
    return finishAnalysis(currentView(), outcome);
}

bool MainWindow::finishAnalysis(SlideView* view, const AnalysisOutcome& outcome)
{
    QString error = outcome.error;
    if (error.isEmpty() && !view)
        error = tr("The slide was closed before its results were ready.");
    if (error.isEmpty())
        error = mismatchWithSlide(*outcome.prediction, outcome.resultsPath, view->slide()->size());
    if (!error.isEmpty()) {
        m_analysisPanel->showMessage(error, true);
        statusBar()->showMessage(error, 15000);
        m_lastError = error;
        Q_EMIT analysisFailed(error);
        return false;
    }
    delete SlideAnalysis::of(view);
    auto* analysis =
        new SlideAnalysis(view, *outcome.prediction, outcome.resultsPath, m_analysisPanel->settings());
    if (view == currentView())
        m_analysisPanel->setAnalysis(analysis);
    statusBar()->showMessage(tr("Results: %1").arg(outcome.resultsPath), 10000);
    Q_EMIT analysisReady(view);
    return true;
}

void MainWindow::runModelDialog()
{
    const QString start = QSettings().value(kRunKey).toString();
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Choose a Training Run"), start);
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
    const SlideAnalysis* analysis = SlideAnalysis::of(view);
    if (!analysis)
        return;
    // The patch fills about a third of the view, never beyond the finest zoom.
    const QRectF patch = analysis->patchRect(index);
    const double scale = std::min(view->width(), view->height()) / 3.0 / patch.width();
    view->setView(patch.center(), std::clamp(scale, view->minScale(), view->maxScale()));
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
