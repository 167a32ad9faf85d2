// What identifies a slide file without opening it: its size, modification time and a hash of its
// first MiB. A slide added twice (or copied elsewhere) is recognised by size and hash.
#pragma once

#include <QByteArray>
#include <QString>

namespace tessera::core {

struct Fingerprint {
    static constexpr qint64 kHeadBytes = 1 << 20;

    qint64 size = 0;
    qint64 modifiedMs = 0; // since the epoch, UTC
    QByteArray headHash;   // SHA-1 of the first min(size, 1 MiB) bytes, hex

    // Throws Error naming the file when it is missing, a folder, or unreadable.
    static Fingerprint of(const QString& path);
    // Same content as far as the fingerprint can tell (size and head), wherever and whenever.
    bool sameContent(const Fingerprint& other) const
    {
        return size == other.size && headHash == other.headHash;
    }
};

} // namespace tessera::core
