#include "ProjectActions.h"

#include "ProjectController.h"
#include "common/Error.h"
#include "project/InferenceRecords.h"
#include "training/TrainingDialog.h"
#include "workspace/SlideFiles.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>

namespace tessera::ui {

ProjectActions::ProjectActions(ProjectController* project, QWidget* window)
    : QObject(window), m_project(project), m_window(window)
{
    connect(m_project, &ProjectController::projectChanged, this, &ProjectActions::updateEnabled);
}

QString ProjectActions::projectFolder() const
{
    return m_project->project() ? m_project->project()->folder() : QString();
}

void ProjectActions::addFileActions(QMenu* file)
{
    file->addSeparator();
    file->addAction(tr("&New Project…"), this, [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(m_window, tr("New Project: choose an empty folder"));
        if (!folder.isEmpty())
            openProject(folder, true);
    });
    file->addAction(tr("Open &Project…"), this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(m_window, tr("Open Project"));
        if (!folder.isEmpty())
            openProject(folder);
    });
    m_needProject << file->addAction(tr("Close Pro&ject"), this, [this] { m_project->close(); });
    file->addSeparator();
    updateEnabled();
}

void ProjectActions::fillProjectMenu(QMenu* menu)
{
    const auto add = [&](const QString& text, auto slot) {
        QAction* action = menu->addAction(text, this, slot);
        m_needProject << action;
        return action;
    };
    add(tr("Add &Slides…"), [this] {
        const QStringList files =
            QFileDialog::getOpenFileNames(m_window, tr("Add Slides"), projectFolder(), slideFileFilter());
        if (!files.isEmpty())
            addSlides(files);
    });
    add(tr("Add &Folder…"), [this] {
        const QString folder =
            QFileDialog::getExistingDirectory(m_window, tr("Add a Folder of Slides"), projectFolder());
        if (!folder.isEmpty())
            addSlides({folder});
    });
    menu->addSeparator();
    add(tr("&Import Labels…"), [this] {
        const QString csv = QFileDialog::getOpenFileName(m_window, tr("Import Labels (CLAM CSV)"),
                                                         projectFolder(), tr("CSV (*.csv)"));
        if (!csv.isEmpty())
            runGuarded([&] { reportImported(csv, m_project->importLabels(csv)); });
    });
    add(tr("&Export Labels…"), [this] {
        const QString csv =
            QFileDialog::getSaveFileName(m_window, tr("Export Labels (CLAM CSV)"),
                                         projectFolder() + QStringLiteral("/labels.csv"), tr("CSV (*.csv)"));
        if (!csv.isEmpty())
            runGuarded([&] { m_project->project()->slides().exportLabels(csv); });
    });
    add(tr("Import S&plit…"), [this] {
        const QString csv = QFileDialog::getOpenFileName(m_window, tr("Import a Split (CLAM CSV)"),
                                                         projectFolder(), tr("CSV (*.csv)"));
        if (!csv.isEmpty())
            runGuarded(
                [&] { reportImported(csv, m_project->importSplit(csv, QFileInfo(csv).completeBaseName())); });
    });
    menu->addSeparator();
    add(tr("&Train Model…"), &ProjectActions::showTrainingDialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_T));
    updateEnabled();
}

void ProjectActions::updateEnabled()
{
    const bool open = m_project->project() != nullptr;
    for (QAction* action : m_needProject)
        action->setEnabled(open);
}

bool ProjectActions::openProject(const QString& folder, bool create)
{
    try {
        create ? m_project->create(folder) : m_project->open(folder);
        Q_EMIT statusMessage(tr("Project %1").arg(projectFolder()), 10000);
        return true;
    } catch (const core::Error& error) {
        Q_EMIT errorOccurred(error.message());
        return false;
    }
}

TrainingDialog* ProjectActions::showTrainingDialog()
{
    core::Project* project = m_project->project();
    if (!project) {
        Q_EMIT errorOccurred(
            tr("Open or create a project first: training works on a project's slides and labels."));
        return nullptr;
    }
    auto* dialog = new TrainingDialog(*project, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog] { runGuarded([&] { m_project->submit(dialog->plannedJobs()); }); });
    dialog->open();
    return dialog;
}

void ProjectActions::recordInference(const QString& runDir, const QString& slidePath,
                                     const core::SlideInferenceResult& result, const QString& projectDir)
{
    core::Project* project = m_project->project();
    if (!project || QFileInfo(projectDir).absoluteFilePath() != project->folder())
        return;
    try {
        core::recordInference(*project, runDir, slidePath, result);
        Q_EMIT m_project->slidesChanged();
        Q_EMIT m_project->runsChanged();
    } catch (const core::Error& error) {
        Q_EMIT statusMessage(tr("The results were not recorded in the project: %1").arg(error.message()),
                             15000);
    }
}

void ProjectActions::runGuarded(const std::function<void()>& action)
{
    try {
        action();
    } catch (const core::Error& error) {
        Q_EMIT errorOccurred(error.message());
    }
}

void ProjectActions::addSlides(const QStringList& paths)
{
    Q_EMIT statusMessage(tr("Adding slides…"), 0);
    m_project->addSlidesInBackground(paths, [this](const core::AddReport& report, const QString& error) {
        if (!error.isEmpty())
            Q_EMIT errorOccurred(error);
        else
            reportAdded(report);
    });
}

void ProjectActions::reportAdded(const core::AddReport& r)
{
    Q_EMIT statusMessage(tr("%1 slides added, %2 already in the project, %3 moved, %4 failed")
                             .arg(r.added.size())
                             .arg(r.present.size())
                             .arg(r.relocated.size())
                             .arg(r.failed.size()),
                         15000);
    if (!r.failed.isEmpty())
        Q_EMIT errorOccurred(tr("Some slides were not added:\n%1").arg(r.failed.join(QLatin1Char('\n'))));
}

void ProjectActions::reportImported(const QString& csv, const core::ImportReport& r)
{
    QString text = tr("%1: %2 applied").arg(QFileInfo(csv).fileName()).arg(r.applied);
    if (!r.unknown.isEmpty())
        text += tr(", %1 slides not in the project (e.g. %2)").arg(r.unknown.size()).arg(r.unknown.first());
    Q_EMIT statusMessage(text, 15000);
}

} // namespace tessera::ui
