#include "JobStore.h"

#include "Project.h"
#include "RunRegistry.h"
#include "jobs/JobLogReader.h"
#include "jobs/ProcessProbe.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace tessera::core {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeOf(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

} // namespace

bool JobRecord::isActive() const
{
    return status == RunStatus::kQueued || status == RunStatus::kRunning;
}

JobStore::JobStore(Project& project) : m_project(project) {}

qint64 JobStore::enqueue(const QString& kind, const QString& title, const QStringList& arguments,
                         const QString& device, const QString& log, qint64 afterJob)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery insert =
        db.prepare(QStringLiteral("INSERT INTO jobs (kind, title, arguments, device, status, log, "
                                  "created_at, after_job) VALUES (?, ?, ?, ?, 'queued', ?, ?, ?)"));
    insert.addBindValue(kind);
    insert.addBindValue(title);
    insert.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(arguments)).toJson(QJsonDocument::Compact)));
    insert.addBindValue(device);
    insert.addBindValue(m_project.toStored(log));
    insert.addBindValue(now());
    insert.addBindValue(afterJob > 0 ? QVariant(afterJob) : QVariant());
    db.run(insert);
    return insert.lastInsertId().toLongLong();
}

bool JobStore::claim(qint64 job)
{
    ProjectDatabase& db = m_project.database();
    ProjectDatabase::Transaction transaction(db);
    QSqlQuery update = db.prepare(QStringLiteral(
        "UPDATE jobs SET status = 'running', pid = -1, started_at = ?, finished_at = NULL, message = NULL"
        " WHERE id = ? AND status = 'queued' AND NOT EXISTS"
        " (SELECT 1 FROM jobs other WHERE other.status = 'running' AND other.device = jobs.device)"));
    update.addBindValue(now());
    update.addBindValue(job);
    db.run(update);
    const bool claimed = update.numRowsAffected() == 1;
    transaction.commit();
    return claimed;
}

void JobStore::markStarted(qint64 job, qint64 pid, qint64 logOffset)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery update =
        db.prepare(QStringLiteral("UPDATE jobs SET status = 'running', pid = ?, log_offset = ?,"
                                  " started_at = ?, finished_at = NULL, message = NULL WHERE id = ?"));
    update.addBindValue(pid);
    update.addBindValue(logOffset);
    update.addBindValue(now());
    update.addBindValue(job);
    db.run(update);
}

void JobStore::markEnded(qint64 job, const QString& status, const QString& message)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery update = db.prepare(QStringLiteral("UPDATE jobs SET status = ?, finished_at = ?, message = ?"
                                                 " WHERE id = ? AND status IN ('queued', 'running')"));
    update.addBindValue(status);
    update.addBindValue(now());
    update.addBindValue(message);
    update.addBindValue(job);
    db.run(update);
}

void JobStore::requeue(qint64 job)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery update = db.prepare(QStringLiteral(
        "UPDATE jobs SET status = 'queued', pid = NULL, finished_at = NULL, message = NULL WHERE id = ?"));
    update.addBindValue(job);
    db.run(update);
}

void JobStore::remove(qint64 job)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery remove = db.prepare(QStringLiteral("DELETE FROM jobs WHERE id = ?"));
    remove.addBindValue(job);
    db.run(remove);
}

std::vector<JobRecord> JobStore::list() const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery query = db.prepare(QStringLiteral("SELECT id, kind, title, arguments, device, status, pid, "
                                                "log, created_at, started_at, finished_at, message,"
                                                " log_offset, after_job FROM jobs ORDER BY id"));
    db.run(query);
    std::vector<JobRecord> jobs;
    while (query.next()) {
        JobRecord j;
        j.id = query.value(0).toLongLong();
        j.kind = query.value(1).toString();
        j.title = query.value(2).toString();
        for (const QJsonValue v : QJsonDocument::fromJson(query.value(3).toString().toUtf8()).array())
            j.arguments << v.toString();
        j.device = query.value(4).toString();
        j.status = query.value(5).toString();
        j.pid = query.value(6).toLongLong();
        j.log = m_project.toAbsolute(query.value(7).toString());
        j.created = timeOf(query.value(8));
        j.started = timeOf(query.value(9));
        j.finished = timeOf(query.value(10));
        j.message = query.value(11).toString();
        j.logOffset = query.value(12).toLongLong();
        j.afterJob = query.value(13).toLongLong();
        jobs.push_back(std::move(j));
    }
    return jobs;
}

std::optional<JobRecord> JobStore::find(qint64 job) const
{
    for (JobRecord& j : list())
        if (j.id == job)
            return std::move(j);
    return std::nullopt;
}

std::vector<qint64> JobStore::reconcile(const QString& executable)
{
    std::vector<qint64> changed;
    for (const JobRecord& j : list()) {
        // A job being launched by a window (pid -1) gets a minute before it counts as lost.
        const bool launching =
            j.pid < 0 && j.started.isValid() && j.started.secsTo(QDateTime::currentDateTimeUtc()) < 60;
        if (j.status != RunStatus::kRunning || launching || isProcessRunning(j.pid, executable))
            continue;
        const std::vector<ProgressEvent> events = JobLogReader(j.log, j.logOffset).readNew();
        const ProgressEvent* last = events.empty() ? nullptr : &events.back();
        if (last && last->kind == EventKind::Finished)
            markEnded(j.id, RunStatus::kFinished);
        else if (last && last->kind == EventKind::Failed)
            markEnded(j.id, last->cancelled ? RunStatus::kCancelled : RunStatus::kFailed, last->message);
        else
            markEnded(j.id, RunStatus::kFailed, endingReason(j.log, j.logOffset));
        changed.push_back(j.id);
    }
    return changed;
}

} // namespace tessera::core
