#include "TileCache.h"

namespace tessera::core {

TileCache::TileCache(qint64 capacityBytes) : m_capacity(capacityBytes) {}

std::optional<QImage> TileCache::find(const TileKey& key)
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_index.constFind(key);
    if (it == m_index.constEnd()) {
        ++m_misses;
        return std::nullopt;
    }
    ++m_hits;
    m_entries.splice(m_entries.begin(), m_entries, it.value());
    return it.value()->image;
}

bool TileCache::contains(const TileKey& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_index.contains(key);
}

void TileCache::insert(const TileKey& key, const QImage& tile)
{
    const qint64 size = tile.sizeInBytes();
    QMutexLocker lock(&m_mutex);
    if (const auto it = m_index.constFind(key); it != m_index.constEnd()) {
        m_bytes -= it.value()->bytes;
        m_entries.erase(it.value());
        m_index.remove(key);
    }
    if (size > m_capacity)
        return;
    m_entries.push_front({key, tile, size});
    m_index.insert(key, m_entries.begin());
    m_bytes += size;
    evictLocked();
}

void TileCache::evictLocked()
{
    while (m_bytes > m_capacity && !m_entries.empty()) {
        m_bytes -= m_entries.back().bytes;
        m_index.remove(m_entries.back().key);
        m_entries.pop_back();
    }
}

void TileCache::removeSlide(quint64 slideId)
{
    QMutexLocker lock(&m_mutex);
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (it->key.slideId == slideId) {
            m_bytes -= it->bytes;
            m_index.remove(it->key);
            it = m_entries.erase(it);
        } else {
            ++it;
        }
    }
}

void TileCache::clear()
{
    QMutexLocker lock(&m_mutex);
    m_entries.clear();
    m_index.clear();
    m_bytes = 0;
}

void TileCache::setCapacity(qint64 bytes)
{
    QMutexLocker lock(&m_mutex);
    m_capacity = bytes;
    evictLocked();
}

qint64 TileCache::capacity() const
{
    QMutexLocker lock(&m_mutex);
    return m_capacity;
}
qint64 TileCache::bytes() const
{
    QMutexLocker lock(&m_mutex);
    return m_bytes;
}
int TileCache::count() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_index.size());
}
qint64 TileCache::hits() const
{
    QMutexLocker lock(&m_mutex);
    return m_hits;
}
qint64 TileCache::misses() const
{
    QMutexLocker lock(&m_mutex);
    return m_misses;
}

} // namespace tessera::core
