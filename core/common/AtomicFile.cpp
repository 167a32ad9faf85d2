#include "AtomicFile.h"

#include "Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

#include <cerrno>
#include <cstdio>
#include <cstring>

namespace tessera::core {

AtomicFile::AtomicFile(QString finalPath)
    : m_finalPath(std::move(finalPath)),
      m_tempPath(m_finalPath + QStringLiteral(".partial-%1").arg(QCoreApplication::applicationPid()))
{
}

AtomicFile::~AtomicFile()
{
    if (!m_committed)
        QFile::remove(m_tempPath);
}

void AtomicFile::commit()
{
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
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
    if (file.write(bytes) != bytes.size() || !file.commit())
        throw Error(QStringLiteral("Cannot write %1: %2").arg(path, file.errorString()));
}

} // namespace tessera::core
