#include "ProjectController.h"

#include "tasks/TaskRunner.h"

#include "project/TrainingPlan.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::ui {

ProjectController::ProjectController(QString cliProgram, QObject* parent)
    : QObject(parent), m_program(std::move(cliProgram))
{
}

ProjectController::~ProjectController()
{
    m_jobs.reset(); // before the project it reads
}

void ProjectController::open(const QString& folder)
{
    attach(core::Project::open(folder));
}

void ProjectController::create(const QString& folder)
{
    attach(core::Project::create(folder));
}

void ProjectController::close()
{
    m_jobs.reset();
    m_project.reset();
    Q_EMIT projectChanged();
}

void ProjectController::attach(std::unique_ptr<core::Project> project)
{
    // Runs and jobs that ended while no window watched get their real state first — before the
    // switch, so a project that cannot be read leaves the open one as it was.
    project->runs().reconcile();
    project->jobs().reconcile(QFileInfo(core::JobQueue::defaultProgram()).fileName());
    m_jobs.reset();
    m_project = std::move(project);
    m_jobs = std::make_unique<core::JobQueue>(*m_project, m_program);
    connect(m_jobs.get(), &core::JobQueue::jobEvent, this, &ProjectController::jobEvent);
    connect(m_jobs.get(), &core::JobQueue::problem, this, &ProjectController::problem);
    connect(m_jobs.get(), &core::JobQueue::jobChanged, this, [this](qint64 job) {
        Q_EMIT jobChanged(job);
        Q_EMIT runsChanged();   // a job that started or ended changes a run's state
        Q_EMIT slidesChanged(); // … and may have made features or predictions
    });
    connect(m_jobs.get(), &core::JobQueue::jobEvent, this, [this](qint64, const core::ProgressEvent& event) {
        if (event.kind == core::EventKind::Epoch || event.kind == core::EventKind::Started)
            Q_EMIT runsChanged();
    });
    Q_EMIT projectChanged();
}

core::AddReport ProjectController::addSlides(const QStringList& paths)
{
    const core::AddReport report = m_project->slides().add(paths);
    Q_EMIT slidesChanged();
    return report;
}

void ProjectController::addSlidesInBackground(
    const QStringList& paths, std::function<void(const core::AddReport&, const QString&)> done)
{
    const QString folder = m_project->folder();
    TaskRunner::instance().run(
        this, tr("Adding slides"),
        [folder, paths](TaskControl&) { return core::Project::open(folder)->slides().add(paths); },
        [this, folder, done = std::move(done)](TaskResult<core::AddReport> result) {
            if (m_project && m_project->folder() == folder && result.ok())
                Q_EMIT slidesChanged();
            done(result.value.value_or(core::AddReport()), result.error);
        });
}

core::ImportReport ProjectController::importLabels(const QString& csv)
{
    const core::ImportReport report = m_project->slides().importLabels(csv);
    Q_EMIT slidesChanged();
    return report;
}

core::ImportReport ProjectController::importSplit(const QString& csv, const QString& name)
{
    const core::ImportReport report = m_project->slides().importSplit(csv, name);
    Q_EMIT slidesChanged();
    return report;
}

void ProjectController::setLabel(const QString& slideKey, const QString& label)
{
    m_project->slides().setLabel(slideKey, label);
    Q_EMIT slidesChanged();
}

void ProjectController::deleteRun(const QString& name, bool deleteFolder)
{
    const auto run = m_project->runs().find(name);
    if (!run)
        return;
    if (run->status == core::RunStatus::kRunning)
        throw core::Error(tr("Run %1 is still training: cancel its job first, then delete it.").arg(name));
    m_project->runs().remove(run->id);
    if (deleteFolder)
        QDir(run->folder).removeRecursively();
    Q_EMIT runsChanged();
    Q_EMIT slidesChanged();
}

std::vector<qint64> ProjectController::submit(const std::vector<core::PlannedJob>& jobs)
{
    std::vector<qint64> ids;
    for (const core::PlannedJob& job : jobs)
        ids.push_back(m_jobs->submit(job.kind, job.title, job.arguments, job.device, job.log,
                                     job.afterPrevious && !ids.empty() ? ids.back() : 0));
    if (!ids.empty())
        Q_EMIT jobsSubmitted(ids);
    return ids;
}

} // namespace tessera::ui
