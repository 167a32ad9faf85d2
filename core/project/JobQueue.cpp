#include "JobQueue.h"

#include "Project.h"
#include "RunRegistry.h"
#include "common/Error.h"
#include "jobs/ProcessProbe.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>

#include <csignal>
#include <set>

namespace tessera::core {

namespace {
const QString kProgramName = QStringLiteral("tessera-cli");

// The last non-empty line a job wrote to stderr: what a crash or an abort said.
QString lastWords(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    if (f.size() > 4096)
        f.seek(f.size() - 4096);
    const QList<QByteArray> lines = f.readAll().trimmed().split('\n');
    return lines.isEmpty() ? QString() : QString::fromUtf8(lines.last()).trimmed();
}
} // namespace

JobQueue::JobQueue(Project& project, QString program, QObject* parent)
    : QObject(parent),
      m_project(project),
      m_program(program.isEmpty() ? defaultProgram() : std::move(program)),
      m_executable(QFileInfo(QFileInfo(m_program).canonicalFilePath().isEmpty()
                                 ? m_program
                                 : QFileInfo(m_program).canonicalFilePath())
                       .fileName())
{
    m_timer.setInterval(500);
    connect(&m_timer, &QTimer::timeout, this, &JobQueue::poll);
    m_timer.start();
    // Jobs that were running when the last GUI closed: follow them again (reading their logs
    // from the start), or settle how they ended.
    for (const JobRecord& job : m_project.jobs().list())
        if (job.status == RunStatus::kRunning)
            follow(job);
}

JobQueue::~JobQueue() = default;

QString JobQueue::defaultProgram()
{
    if (const QString chosen = qEnvironmentVariable("TESSERA_CLI"); !chosen.isEmpty())
        return chosen;
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(kProgramName);
    return QFileInfo::exists(beside) ? beside : kProgramName;
}

QString JobQueue::stderrPath(qint64 job) const
{
    return QDir(m_project.jobsFolder()).filePath(QStringLiteral("%1.stderr.txt").arg(job));
}

qint64 JobQueue::submit(const QString& kind, const QString& title, const QStringList& arguments,
                        const QString& device, const QString& log, qint64 afterJob)
{
    const qint64 id = m_project.jobs().enqueue(kind, title, arguments, device, log, afterJob);
    Q_EMIT jobChanged(id);
    startWaiting();
    return id;
}

void JobQueue::cancel(qint64 id)
{
    const auto job = m_project.jobs().find(id);
    if (!job)
        return;
    if (job->status == RunStatus::kQueued) {
        m_project.jobs().markEnded(id, RunStatus::kCancelled, tr("taken out of the queue"));
        Q_EMIT jobChanged(id);
    } else if (job->status == RunStatus::kRunning && isAlive(*job)) {
        ::kill(pid_t(job->pid), SIGTERM); // it reports "failed, cancelled" and exits at a safe point
    }
}

void JobQueue::resume(qint64 id)
{
    const auto job = m_project.jobs().find(id);
    if (!job || job->isActive())
        return;
    m_project.jobs().requeue(id);
    Q_EMIT jobChanged(id);
    startWaiting();
}

void JobQueue::stopAll()
{
    for (const JobRecord& job : m_project.jobs().list())
        if (job.status == RunStatus::kRunning)
            cancel(job.id);
}

std::vector<JobRecord> JobQueue::jobs() const
{
    return m_project.jobs().list();
}

int JobQueue::runningCount() const
{
    int n = 0;
    for (const JobRecord& job : m_project.jobs().list())
        n += job.status == RunStatus::kRunning;
    return n;
}

void JobQueue::follow(const JobRecord& job)
{
    m_readers.try_emplace(job.id, job.log, job.logOffset);
}

bool JobQueue::isAlive(const JobRecord& job) const
{
    return isProcessRunning(job.pid, m_executable);
}

void JobQueue::poll()
{
    // A database error (locked for too long, a disk gone) must not end the window's event loop:
    // it is reported once, and the next poll tries again.
    try {
        pollOnce();
        m_lastProblem.clear();
    } catch (const Error& error) {
        if (error.message() != m_lastProblem)
            Q_EMIT problem(error.message());
        m_lastProblem = error.message();
    }
}

void JobQueue::pollOnce()
{
    JobStore& store = m_project.jobs();
    for (const JobRecord& job : store.list()) {
        if (job.status != RunStatus::kRunning || job.pid < 0) // not ours yet: another window launches it
            continue;
        follow(job);
        bool ended = false;
        const auto readEvents = [&] {
            for (const ProgressEvent& event : m_readers.at(job.id).readNew()) {
                Q_EMIT jobEvent(job.id, event);
                if (event.kind == EventKind::Finished) {
                    store.markEnded(job.id, RunStatus::kFinished);
                    ended = true;
                } else if (event.kind == EventKind::Failed) {
                    store.markEnded(job.id, event.cancelled ? RunStatus::kCancelled : RunStatus::kFailed,
                                    event.message);
                    ended = true;
                }
            }
        };
        readEvents();
        const bool alive = isAlive(job);
        if (!ended && !alive)
            readEvents(); // it may have written its last words just before it went
        if (!ended && !alive) {
            // Gone without a last word in its log: killed, out of memory, or crashed.
            QString reason = endingReason(job.log, job.logOffset);
            if (const QString words = lastWords(stderrPath(job.id)); !words.isEmpty())
                reason += tr("; it last said: %1").arg(words);
            store.markEnded(job.id, RunStatus::kFailed, reason);
            ProgressEvent failed = ProgressEvent::failed(job.kind, reason);
            Q_EMIT jobEvent(job.id, failed);
            ended = true;
        }
        if (ended) {
            m_readers.erase(job.id);
            // A run killed mid-epoch is marked failed in the runs table too.
            m_project.runs().reconcile();
            Q_EMIT jobChanged(job.id);
        }
    }
    startWaiting();
}

void JobQueue::startWaiting()
{
    std::set<QString> busy;
    const std::vector<JobRecord> all = m_project.jobs().list();
    for (const JobRecord& job : all)
        if (job.status == RunStatus::kRunning)
            busy.insert(job.device);
    std::map<qint64, QString> status;
    for (const JobRecord& job : all)
        status[job.id] = job.status;
    for (const JobRecord& job : all) {
        if (job.status != RunStatus::kQueued || busy.count(job.device))
            continue;
        if (job.afterJob > 0 && status.count(job.afterJob) && status[job.afterJob] != RunStatus::kFinished) {
            const QString before = status[job.afterJob];
            if (before == RunStatus::kFailed || before == RunStatus::kCancelled) {
                m_project.jobs().markEnded(job.id, RunStatus::kCancelled,
                                           tr("the job it waited for (%1) did not finish").arg(job.afterJob));
                status[job.id] = RunStatus::kCancelled;
                Q_EMIT jobChanged(job.id);
            }
            continue;
        }
        // Claimed atomically: another window on the same project cannot start it a second time.
        if (!m_project.jobs().claim(job.id)) {
            busy.insert(job.device);
            continue;
        }
        launch(job);
        busy.insert(job.device);
        Q_EMIT jobChanged(job.id);
    }
}

bool JobQueue::launch(const JobRecord& job)
{
    QDir().mkpath(m_project.jobsFolder());
    QDir().mkpath(QFileInfo(job.log).absolutePath());
    QProcess process;
    process.setProgram(m_program);
    process.setArguments(job.arguments + QStringList{QStringLiteral("--log"), job.log});
    process.setWorkingDirectory(m_project.folder());
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setStandardErrorFile(stderrPath(job.id), QIODevice::Truncate); // this attempt's words only
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("TESSERA_NICE"), QString::number(m_nice));
    process.setProcessEnvironment(environment);
    const qint64 offset = JobLogReader::endOf(job.log); // earlier attempts' events end here
    qint64 pid = 0;
    if (!process.startDetached(&pid)) {
        m_project.jobs().markEnded(job.id, RunStatus::kFailed,
                                   tr("%1 could not be started (%2)").arg(m_program, process.errorString()));
        return false;
    }
    m_project.jobs().markStarted(job.id, pid, offset);
    m_readers.erase(job.id);
    m_readers.try_emplace(job.id, job.log, offset);
    return true;
}

} // namespace tessera::core
