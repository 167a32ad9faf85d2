#include "AtomicFile.h"

#include "Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSysInfo>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

namespace tessera::core {

namespace {

const QString& thisHost()
{
    static const QString host =
        QSysInfo::machineHostName().isEmpty() ? QStringLiteral("localhost") : QSysInfo::machineHostName();
    return host;
}

// A killed writer leaves "<final>.partial-<host>-<pid>" behind. Ours are removed when that process
// is gone; another host's are left alone (a shared folder: its writer may still be running).
void removeStalePartials(const QString& finalPath)
{
    const QFileInfo target(finalPath);
    const QString prefix = target.fileName() + QStringLiteral(".partial-");
    for (const QFileInfo& partial : target.dir().entryInfoList({prefix + QLatin1Char('*')}, QDir::Files)) {
        const QString owner = partial.fileName().mid(prefix.size());
        const qsizetype dash = owner.lastIndexOf(QLatin1Char('-'));
        if (dash < 0 || owner.left(dash) != thisHost())
            continue;
        bool ok = false;
        const qint64 pid = owner.mid(dash + 1).toLongLong(&ok);
        if (ok && pid > 0 && pid != QCoreApplication::applicationPid() && ::kill(pid_t(pid), 0) != 0 &&
            errno == ESRCH)
            QFile::remove(partial.filePath());
    }
}

} // namespace

AtomicFile::AtomicFile(QString finalPath)
    : m_finalPath(std::move(finalPath)),
      m_tempPath(m_finalPath +
                 QStringLiteral(".partial-%1-%2").arg(thisHost()).arg(QCoreApplication::applicationPid()))
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
        if (!synced)
            throw Error(QStringLiteral("Cannot write %1: %2")
                            .arg(m_finalPath, QString::fromLocal8Bit(std::strerror(code))));
    }
    // std::rename replaces the target atomically on POSIX; QFile::rename refuses to overwrite.
    if (std::rename(QFile::encodeName(m_tempPath).constData(), QFile::encodeName(m_finalPath).constData()) !=
        0) {
        const QString reason = QString::fromLocal8Bit(std::strerror(errno));
        throw Error(
            QStringLiteral("Cannot move %1 into place as %2: %3").arg(m_tempPath, m_finalPath, reason));
    }
    m_committed = true;
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
