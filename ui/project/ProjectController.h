// The open project of the window: opens and creates it, owns its job queue, and tells the
// panels when slides, runs or jobs change. Every project action of the GUI goes through here.
#pragma once

#include "project/JobQueue.h"
#include "project/Project.h"
#include "project/TrainingPlan.h"

#include <QObject>
#include <functional>
#include <memory>

namespace tessera::ui {

class ProjectController : public QObject {
    Q_OBJECT
public:
    // `cliProgram` runs the jobs (default: tessera-cli beside this program).
    explicit ProjectController(QString cliProgram = {}, QObject* parent = nullptr);
    ~ProjectController() override;

    // Throw core::Error with the reason (not a project, damaged, newer …); the old project stays open then.
    void open(const QString& folder);
    void create(const QString& folder);
    void close();
    core::Project* project() const { return m_project.get(); }
    core::JobQueue* jobs() const { return m_jobs.get(); }

    core::AddReport addSlides(const QStringList& paths);
    // The same off the GUI thread (every slide's head is read: seconds for a folder of
    // thousands), on the task's own database connection; `done` gets the report or the reason.
    void addSlidesInBackground(const QStringList& paths,
                               std::function<void(const core::AddReport&, const QString& error)> done);
    core::ImportReport importLabels(const QString& csv);
    core::ImportReport importSplit(const QString& csv, const QString& name);
    void setLabel(const QString& slideKey, const QString& label);
    // Throws core::Error for a run that is still training.
    void deleteRun(const QString& name, bool deleteFolder);
    // Queues the planned jobs; returns their ids.
    std::vector<qint64> submit(const std::vector<core::PlannedJob>& jobs);

Q_SIGNALS:
    void projectChanged(); // opened, created or closed
    void slidesChanged();
    void runsChanged();
    void jobEvent(qint64 job, const tessera::core::ProgressEvent& event);
    void jobChanged(qint64 job);
    void jobsSubmitted(const std::vector<qint64>& jobs); // in the order they run
    void problem(const QString& message);                // the job queue could not read or write the project

private:
    void attach(std::unique_ptr<core::Project> project);

    QString m_program;
    std::unique_ptr<core::Project> m_project;
    std::unique_ptr<core::JobQueue> m_jobs;
};

} // namespace tessera::ui
