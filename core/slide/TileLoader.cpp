#include "TileLoader.h"

#include "common/Error.h"

#include <QRunnable>
#include <cmath>

namespace tessera::core {

class TileLoader::Task : public QRunnable {
public:
    Task(TileLoader* loader, TileKey key) : m_loader(loader), m_key(key) {}
    void run() override;
    const TileKey& key() const { return m_key; }

private:
    TileLoader* m_loader;
    TileKey m_key;
};

void TileLoader::Task::run()
{
    {
        // Once started, the task is no longer cancellable: take it off the queue.
        QMutexLocker lock(&m_loader->m_mutex);
        if (m_loader->m_queued.value(m_key) == this) {
            m_loader->m_queued.remove(m_key);
            m_loader->m_queuedPriority.remove(m_key);
        }
        m_loader->m_running.insert(m_key);
    }
    try {
        m_loader->m_cache->insert(m_key, m_loader->readTile(m_key));
        {
            QMutexLocker lock(&m_loader->m_mutex);
            m_loader->m_running.remove(m_key);
            ++m_loader->m_loaded;
        }
        Q_EMIT m_loader->tileLoaded(m_key);
    } catch (const std::exception& error) {
        // Error for a bad tile; anything else (out of memory) must not escape a pool thread either.
        const auto* known = dynamic_cast<const Error*>(&error);
        const QString message =
            known ? known->message()
                  : QStringLiteral("Cannot read a region of %1: %2")
                        .arg(m_loader->m_slide->path(), QString::fromLocal8Bit(error.what()));
        {
            QMutexLocker lock(&m_loader->m_mutex);
            m_loader->m_running.remove(m_key);
            m_loader->m_failed.insert(m_key);
        }
        qWarning("Tile %d/%d/%d failed: %s", m_key.level, m_key.column, m_key.row, qPrintable(message));
        Q_EMIT m_loader->tileFailed(m_key, message);
    }
}

TileLoader::TileLoader(SlidePtr slide, TileCache* cache, int threads, QObject* parent)
    : QObject(parent), m_slide(std::move(slide)), m_cache(cache)
{
    qRegisterMetaType<TileKey>();
    m_pool.setMaxThreadCount(threads > 0 ? threads : QThread::idealThreadCount());
}

TileLoader::~TileLoader()
{
    cancelAll();
    m_pool.waitForDone();
}

QSize TileLoader::gridSize(int level) const
{
    const QSize size = m_slide->levelSize(level);
    return {(size.width() + kTileSize - 1) / kTileSize, (size.height() + kTileSize - 1) / kTileSize};
}

QRectF TileLoader::tileRectLevel0(const TileKey& key) const
{
    const double ds = m_slide->levelDownsample(key.level);
    const QSize level = m_slide->levelSize(key.level);
    const int w = std::min(kTileSize, level.width() - key.column * kTileSize);
    const int h = std::min(kTileSize, level.height() - key.row * kTileSize);
    return {key.column * kTileSize * ds, key.row * kTileSize * ds, w * ds, h * ds};
}

QImage TileLoader::readTile(const TileKey& key) const
{
    const QSize level = m_slide->levelSize(key.level);
    const int x = key.column * kTileSize, y = key.row * kTileSize;
    const QSize size(std::min(kTileSize, level.width() - x), std::min(kTileSize, level.height() - y));
    return m_slide->readLevelRegion(key.level, QRect(QPoint(x, y), size));
}

void TileLoader::request(const QList<TileRequest>& wanted)
{
    QMutexLocker lock(&m_mutex);
    QHash<TileKey, int> next;
    next.reserve(wanted.size());
    for (const TileRequest& r : wanted)
        if (!m_failed.contains(r.key) && !m_running.contains(r.key) && !m_cache->contains(r.key))
            next.insert(r.key, std::max(next.value(r.key, INT_MIN), r.priority));

    // Drop queued tasks that are no longer wanted or whose priority changed.
    for (auto it = m_queued.begin(); it != m_queued.end();) {
        const auto want = next.constFind(it.key());
        const bool keep = want != next.constEnd() && want.value() == m_queuedPriority.value(it.key());
        if (!keep && m_pool.tryTake(it.value())) {
            delete it.value();
            m_queuedPriority.remove(it.key());
            it = m_queued.erase(it);
            if (want == next.constEnd())
                ++m_cancelled;
        } else {
            ++it;
        }
    }
    for (auto it = next.constBegin(); it != next.constEnd(); ++it) {
        if (m_queued.contains(it.key()))
            continue;
        auto* task = new Task(this, it.key());
        m_queued.insert(it.key(), task);
        m_queuedPriority.insert(it.key(), it.value());
        m_pool.start(task, it.value());
    }
}

void TileLoader::cancelAll()
{
    request({});
}

bool TileLoader::hasFailed(const TileKey& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_failed.contains(key);
}

bool TileLoader::isRequested(const TileKey& key) const
{
    QMutexLocker lock(&m_mutex);
    return m_queued.contains(key) || m_running.contains(key);
}

int TileLoader::pendingCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_queued.size());
}

qint64 TileLoader::cancelledCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_cancelled;
}

qint64 TileLoader::loadedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_loaded;
}

qint64 TileLoader::failedCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_failed.size();
}

} // namespace tessera::core
