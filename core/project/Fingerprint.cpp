#include "Fingerprint.h"

#include "common/Error.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace tessera::core {

Fingerprint Fingerprint::of(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QStringLiteral("%1 does not exist").arg(path));
    if (!info.isFile())
        throw Error(QStringLiteral("%1 is not a file").arg(path));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    Fingerprint f;
    f.size = info.size();
    f.modifiedMs = info.lastModified().toMSecsSinceEpoch();
    QCryptographicHash hash(QCryptographicHash::Sha1);
    const QByteArray head = file.read(kHeadBytes);
    if (head.size() < std::min<qint64>(f.size, kHeadBytes))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(path, file.errorString()));
    hash.addData(head);
    f.headHash = hash.result().toHex();
    return f;
}

} // namespace tessera::core
