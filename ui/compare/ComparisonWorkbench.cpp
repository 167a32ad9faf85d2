#include "ComparisonWorkbench.h"

#include "ComparisonWindow.h"
#include "common/Error.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "project/RunRegistry.h"
#include "project/SlideCatalog.h"
#include "viewer/SlideView.h"
#include "workspace/SlideTabs.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLabel>
#include <QListWidget>
#include <QMainWindow>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {
QString absolute(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}
} // namespace

ComparisonWorkbench::ComparisonWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project,
                                         std::function<void(const QString&)> applyRun)
    : QObject(window), m_window(window), m_tabs(tabs), m_project(project), m_applyRun(std::move(applyRun))
{
    connect(m_tabs, &SlideTabs::slideOpened, this, [this](SlideView* view) {
        if (m_pendingPath.isEmpty() || absolute(view->slide()->path()) != m_pendingPath)
            return;
        m_pendingPath.clear();
        m_applyRun(std::exchange(m_pendingRun, QString()));
    });
    // A slide that does not open takes its run with it (a later open of it applies nothing).
    connect(m_tabs, &SlideTabs::openFailed, this, [this](const QString& path) {
        if (absolute(path) == m_pendingPath) {
            m_pendingPath.clear();
            m_pendingRun.clear();
        }
    });
    // A comparison belongs to its project: its slides and runs mean nothing in another.
    connect(m_project, &ProjectController::projectChanged, this, [this] {
        for (const QPointer<ComparisonWindow>& window : std::exchange(m_windows, {}))
            if (window)
                window->close();
        m_pendingPath.clear();
        m_pendingRun.clear();
    });
}

void ComparisonWorkbench::addRunActions(QMenu* menu)
{
    QAction* compare = menu->addAction(tr("&Compare…"), this, [this] { chooseAndCompare(); });
    compare->setObjectName(QStringLiteral("compareRuns"));
    compare->setEnabled(m_project->project() != nullptr);
    connect(m_project, &ProjectController::projectChanged, compare,
            [this, compare] { compare->setEnabled(m_project->project() != nullptr); });
}

void ComparisonWorkbench::chooseAndCompare(const QStringList& preselected)
{
    core::Project* project = m_project->project();
    if (!project)
        return;
    QDialog dialog(m_window);
    dialog.setWindowTitle(tr("Compare Runs"));
    auto* layout = new QVBoxLayout(&dialog);
    layout->addWidget(new QLabel(tr("Tick %1 to %2 finished runs:")
                                     .arg(core::RunComparison::kMinimumRuns)
                                     .arg(core::RunComparison::kMaximumRuns),
                                 &dialog));
    auto* list = new QListWidget(&dialog);
    for (const core::RunRecord& run : project->runs().list()) {
        if (run.status != core::RunStatus::kFinished)
            continue;
        auto* item = new QListWidgetItem(run.name, list);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(preselected.contains(run.name) ? Qt::Checked : Qt::Unchecked);
    }
    layout->addWidget(list);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    layout->addWidget(buttons);
    const auto ticked = [list] {
        QStringList runs;
        for (int i = 0; i < list->count(); ++i)
            if (list->item(i)->checkState() == Qt::Checked)
                runs << list->item(i)->text();
        return runs;
    };
    const auto updateOk = [buttons, ticked] {
        const qsizetype n = ticked().size();
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(n >= core::RunComparison::kMinimumRuns && n <= core::RunComparison::kMaximumRuns);
    };
    connect(list, &QListWidget::itemChanged, &dialog, updateOk);
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    updateOk();
    if (dialog.exec() == QDialog::Accepted)
        compare(ticked());
}

ComparisonWindow* ComparisonWorkbench::compare(const QStringList& runs)
{
    core::Project* project = m_project->project();
    if (!project)
        return nullptr;
    try {
        QStringList folders;
        for (const QString& name : runs) {
            const std::optional<core::RunRecord> run = project->runs().find(name);
            if (!run)
                throw core::Error(tr("The project has no run '%1'").arg(name));
            folders << run->folder;
        }
        auto* window = new ComparisonWindow(core::RunComparison::build(folders), m_window);
        window->setAttribute(Qt::WA_DeleteOnClose);
        connect(window, &ComparisonWindow::openSlideRequested, this, &ComparisonWorkbench::openSlide);
        window->show();
        m_windows << window;
        return window;
    } catch (const core::Error& error) {
        Q_EMIT problem(error.message());
        return nullptr;
    }
}

void ComparisonWorkbench::openSlide(const QString& slide, const QString& runFolder)
{
    core::Project* project = m_project->project();
    if (!project)
        return;
    const std::optional<core::SlideRecord> record = project->slides().find(slide);
    if (!record) {
        Q_EMIT problem(tr("The project has no slide '%1'").arg(slide));
        return;
    }
    const QString path = absolute(record->path);
    for (SlideView* view : m_tabs->views())
        if (absolute(view->slide()->path()) == path) {
            m_tabs->setCurrentView(view);
            m_window->activateWindow();
            m_applyRun(runFolder);
            return;
        }
    m_pendingPath = path;
    m_pendingRun = runFolder;
    m_tabs->open(path);
    m_window->activateWindow();
}

} // namespace tessera::ui
