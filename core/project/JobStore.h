// The project's job queue as stored: every job the GUI launched (its tessera-cli arguments, the
// device it needs, its status, process and log), so that a restarted GUI finds queued jobs still
// queued and re-attaches to running ones.
#pragma once

#include <QDateTime>
#include <QStringList>
#include <optional>
#include <vector>

namespace tessera::core {

class Project;

struct JobRecord {
    qint64 id = 0;
    QString kind;          // extract | train | infer
    QString title;         // for people: "Train SR-MIL (run-3)"
    QStringList arguments; // tessera-cli's, without the program
    QString device;        // "cpu" or "cuda:N": one running job per device
    QString status;        // queued | running | finished | failed | cancelled
    qint64 pid = 0;        // -1 while a window is launching it
    QString log;           // absolute path of its JSONL progress events
    qint64 logOffset = 0;  // the current attempt's events start here (earlier attempts come before)
    QDateTime created, started, finished;
    QString message;
    qint64 afterJob = 0; // waits until this job has finished (0: none)
    bool isActive() const;
};

class JobStore {
public:
    explicit JobStore(Project& project);

    qint64 enqueue(const QString& kind, const QString& title, const QStringList& arguments,
                   const QString& device, const QString& log, qint64 afterJob = 0);
    // Claims a queued job for launching, atomically across windows: true when it was queued and
    // no other job runs on its device; it is then "running" with pid -1 until markStarted().
    bool claim(qint64 job);
    void markStarted(qint64 job, qint64 pid, qint64 logOffset);
    // Ends a queued or running job (one already ended keeps its first ending).
    void markEnded(qint64 job, const QString& status, const QString& message = {});
    // Puts an ended job back in the queue (resume after a failure or a cancel).
    void requeue(qint64 job);
    void remove(qint64 job);
    std::vector<JobRecord> list() const;
    std::optional<JobRecord> find(qint64 job) const;

    // Jobs stored as running whose process is gone get the status their log ends with: finished,
    // cancelled, or failed with the reason (none given: killed, out of memory, crashed).
    // Returns the jobs that changed.
    // `executable` is the program's file name (tessera-cli).
    std::vector<qint64> reconcile(const QString& executable = QStringLiteral("tessera-cli"));

private:
    Project& m_project;
};

} // namespace tessera::core
