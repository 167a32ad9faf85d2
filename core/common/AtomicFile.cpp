#include "AtomicFile.h"

#include "Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSet>
#include <QSysInfo>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace tessera::core {

namespace {

// Two threads may write the same final path (two tabs on one slide): each gets its own temporary.
unsigned nextTemporaryNumber()
{
    static std::atomic<unsigned> next{0};
    return next++;
}

const QString& thisHost()
{
    static const QString host =
        QSysInfo::machineHostName().isEmpty() ? QStringLiteral("localhost") : QSysInfo::machineHostName();
    return host;
}

// The process that wrote a temporary, from its name's tail: "<host>-<pid>-<n>" (this version),
// "<host>-<pid>" (the one before) or "<pid>" (older ones, always of this host). 0 if not ours.
qint64 ownerOnThisHost(const QString& tail)
{
    QStringList fields = tail.split(QLatin1Char('-'));
    bool ok = false;
    if (fields.size() == 1) {
        const qint64 pid = fields[0].toLongLong(&ok);
        return ok ? pid : 0;
    }
    if (fields.size() >= 3 && fields.last().toLongLong(&ok) >= 0 && ok &&
        fields.mid(0, fields.size() - 2).join(QLatin1Char('-')) == thisHost())
        fields.removeLast(); // the counter
    const qint64 pid = fields.last().toLongLong(&ok);
    fields.removeLast();
    return ok && fields.join(QLatin1Char('-')) == thisHost() ? pid : 0;
}

// A killed writer leaves "<final>.partial-<host>-<pid>-<n>" behind. Ours are removed when that
// process is gone; another host's are left alone (a shared folder: its writer may still be
// running). Each folder is swept once per process: a large features folder is listed once.
void removeStalePartials(const QString& finalPath)
{
    static std::mutex mutex;
    static QSet<QString> swept;
    const QFileInfo target(finalPath);
    {
        const std::lock_guard lock(mutex);
        if (swept.contains(target.absolutePath()))
            return;
        swept.insert(target.absolutePath());
    }
    const QLatin1String marker(".partial-");
    for (const QFileInfo& file : target.dir().entryInfoList(QDir::Files | QDir::Hidden)) {
        const QString name = file.fileName();
        const qsizetype at = name.lastIndexOf(marker);
        if (at <= 0)
            continue;
        const qint64 pid = ownerOnThisHost(name.mid(at + marker.size()));
        if (pid > 0 && pid != QCoreApplication::applicationPid() && ::kill(pid_t(pid), 0) != 0 &&
            errno == ESRCH)
            QFile::remove(file.filePath());
    }
}

} // namespace

AtomicFile::AtomicFile(QString finalPath)
    : m_finalPath(std::move(finalPath)),
      m_tempPath(m_finalPath + QStringLiteral(".partial-%1-%2-%3")
                                   .arg(thisHost())
                                   .arg(QCoreApplication::applicationPid())
                                   .arg(nextTemporaryNumber()))
{
    removeStalePartials(m_finalPath);
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        QFile::remove(m_tempPath);
}

void AtomicFile::commit()
{
    // The bytes reach the disk before the name does: after a power cut the final name holds the
    // old file or the new one, never an empty one (QSaveFile did the same).
    if (const int fd = ::open(QFile::encodeName(m_tempPath).constData(), O_RDONLY | O_CLOEXEC); fd >= 0) {
        const bool synced = ::fsync(fd) == 0;
        const int code = errno;
        ::close(fd);
        if (!synced && code != EINVAL && code != ENOTSUP) // some filesystems cannot sync; that is no error
            throw Error(QStringLiteral("Cannot write %1: %2")
                            .arg(m_finalPath, QString::fromLocal8Bit(std::strerror(code))));
    }
    replaceFile(m_tempPath, m_finalPath);
    m_committed = true;
}

void replaceFile(const QString& from, const QString& to)
{
    // std::rename replaces the target atomically on POSIX; QFile::rename refuses to overwrite.
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        throw Error(QStringLiteral("Cannot move %1 into place as %2: %3").arg(from, to, reason));
    }
}

void writeFileAtomically(const QString& path, const QByteArray& bytes)
{
    // Unbuffered, so a failed write reports the system's reason ("No space left on device", "File
    // too large"); QSaveFile's buffered flush said only "Unknown error".
    AtomicFile out(path);
    QFile file(out.temporaryPath());
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered))
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    // A short write is retried: the retry fails and carries the reason (Qt sets none for the
    // short write itself).
    for (qint64 done = 0; done < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + done, bytes.size() - done);
        if (n <= 0)
            throw Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
        done += n;
    }
    file.close();
    out.commit();
}

} // namespace tessera::core
