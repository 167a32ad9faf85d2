#include "ProcessProbe.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <csignal>

namespace tessera::core {

bool isProcessRunning(qint64 pid, const QString& executable)
{
    if (pid <= 0)
        return false;
    if (::kill(pid_t(pid), 0) != 0 && errno != EPERM)
        return false;
    // /proc/<pid>/stat: "pid (comm) state …"; a zombie has finished.
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (stat.open(QIODevice::ReadOnly)) {
        const QByteArray line = stat.readAll();
        const qsizetype close = line.lastIndexOf(')');
        if (close > 0 && close + 2 < line.size() && line[close + 2] == 'Z')
            return false;
    }
    if (executable.isEmpty())
        return true;
    const QString program = QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
    // A program replaced on disk while running reads as "… (deleted)".
    return QFileInfo(program.section(QStringLiteral(" (deleted)"), 0, 0)).fileName() == executable;
}

} // namespace tessera::core
