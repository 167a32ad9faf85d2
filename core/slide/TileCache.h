// A thread-safe least-recently-used store of decoded tiles, bounded in bytes.
#pragma once

#include "TileKey.h"

#include <QImage>
#include <QMutex>
#include <list>
#include <optional>

namespace tessera::core {

class TileCache {
public:
    static constexpr qint64 kDefaultCapacity = 512ll * 1024 * 1024;

    explicit TileCache(qint64 capacityBytes = kDefaultCapacity);

    // Returns the tile and marks it most recently used.
    std::optional<QImage> find(const TileKey& key);
    bool contains(const TileKey& key) const;
    // Inserts (or replaces) a tile, then evicts the least recently used until within bounds.
    // A tile larger than the whole capacity is not kept.
    void insert(const TileKey& key, const QImage& tile);
    void removeSlide(quint64 slideId);
    void clear();

    void setCapacity(qint64 bytes);
    qint64 capacity() const;
    qint64 bytes() const;
    int count() const;
    qint64 hits() const;
    qint64 misses() const;

private:
    struct Entry {
        TileKey key;
        QImage image;
        qint64 bytes;
    };
    void evictLocked();

    mutable QMutex m_mutex;
    std::list<Entry> m_entries; // front = most recently used
    QHash<TileKey, std::list<Entry>::iterator> m_index;
    qint64 m_capacity;
    qint64 m_bytes = 0;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace tessera::core
