#include "Shard.h"

#include "common/Error.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QRegularExpression>

namespace tessera::core {

Shard Shard::parse(const QString& text)
{
    static const QRegularExpression form(QStringLiteral("^\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*$"));
    const QRegularExpressionMatch match = form.match(text);
    const int index = match.hasMatch() ? match.captured(1).toInt() : -1;
    const int count = match.hasMatch() ? match.captured(2).toInt() : 0;
    if (!match.hasMatch() || count < 1 || index >= count)
        throw Error(QStringLiteral("Invalid shard '%1': write i/n with 0 ≤ i < n, e.g. 0/4 … 3/4 "
                                   "(SLURM: --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT)")
                        .arg(text));
    return {index, count};
}

bool Shard::contains(const QString& path) const
{
    return containsSlideId(QFileInfo(path).completeBaseName());
}

bool Shard::containsSlideId(const QString& slideId) const
{
    if (m_count == 1)
        return true;
    // SHA-1 of the ID: stable across machines, Qt versions and runs (qHash is seeded).
    const QByteArray digest = QCryptographicHash::hash(slideId.toUtf8(), QCryptographicHash::Sha1);
    quint64 value = 0;
    for (int i = 0; i < 8; ++i)
        value = value << 8 | quint8(digest[i]);
    return int(value % quint64(m_count)) == m_index;
}

QStringList Shard::select(const QStringList& paths) const
{
    QStringList mine;
    for (const QString& path : paths)
        if (contains(path))
            mine << path;
    return mine;
}

} // namespace tessera::core
