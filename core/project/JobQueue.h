// Runs a project's jobs as detached `tessera-cli` processes — a crash or an out-of-memory kill
// never takes the viewer down, and the same command line runs on a cluster node — at most one per
// device (CPU jobs one at a time, one per GPU); the rest wait in the queue. Follows each running
// job's JSONL log and passes its events on; notices jobs that ended, also while no GUI was
// watching. Cancel sends SIGTERM: the job stops at its next safe point (a finished epoch or slide).
#pragma once

#include "JobStore.h"
#include "jobs/JobLogReader.h"
#include "jobs/ProgressEvent.h"

#include <QObject>
#include <QTimer>
#include <map>

namespace tessera::core {

class Project;

class JobQueue : public QObject {
    Q_OBJECT
public:
    // `program` is tessera-cli; by default $TESSERA_CLI, else the one beside the running executable.
    explicit JobQueue(Project& project, QString program = {}, QObject* parent = nullptr);
    ~JobQueue() override;

    // Queues `arguments` (tessera-cli's, without --log: the queue adds it) on `device`; starts
    // it as soon as the device is free (and `afterJob`, if given, has finished; if that one fails
    // or is cancelled, this one is cancelled with it). `log` is where its events go (a run's job.jsonl for
    // training). Returns the job's id.
    qint64 submit(const QString& kind, const QString& title, const QStringList& arguments,
                  const QString& device, const QString& log, qint64 afterJob = 0);
    void cancel(qint64 job); // running: SIGTERM; queued: taken out of the queue
    void resume(qint64 job); // a failed or cancelled job queued again, same command (training resumes)
    void stopAll();          // SIGTERM every running job
    std::vector<JobRecord> jobs() const;
    int runningCount() const;
    QString program() const { return m_program; }
    // Reads new events, notices ended jobs and starts waiting ones; runs every half second.
    void poll();
    // Nice value of the jobs' processes (default 10: the GUI stays responsive on few cores).
    void setNice(int nice) { m_nice = nice; }

    static QString defaultProgram();

Q_SIGNALS:
    void jobEvent(qint64 job, const tessera::core::ProgressEvent& event);
    void jobChanged(qint64 job); // queued, started or ended
    // The queue could not read or write the project (a database error): shown, polling goes on.
    void problem(const QString& message);

private:
    void pollOnce();
    void startWaiting();
    bool isAlive(const JobRecord& job) const;
    bool launch(const JobRecord& job);
    void follow(const JobRecord& job);
    QString stderrPath(qint64 job) const;

    Project& m_project;
    QString m_program;
    QString m_executable; // its file name, to tell our processes from a reused pid
    int m_nice = 10;
    QString m_lastProblem;
    QTimer m_timer;
    std::map<qint64, JobLogReader> m_readers;
};

} // namespace tessera::core
