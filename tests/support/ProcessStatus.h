// A byte count from /proc/self/status ("VmRSS:", "VmSize:"), for tests of memory limits and leaks.
#pragma once

#include <QFile>

namespace tessera::test {

inline qint64 procStatusBytes(const char* key)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(qsizetype(qstrlen(key))).trimmed().split(' ').value(0).toLongLong() * 1024;
    return -1;
}

} // namespace tessera::test
