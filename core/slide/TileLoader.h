// Loads viewer tiles of one slide on a thread pool, most wanted first, into a TileCache.
#pragma once

#include "Slide.h"
#include "TileCache.h"

#include <QHash>
#include <QMutex>
#include <QObject>
#include <QSet>
#include <QThreadPool>

namespace tessera::core {

struct TileRequest {
    TileKey key;
    int priority = 0; // higher runs first
};

class TileLoader : public QObject {
    Q_OBJECT
public:
    static constexpr int kTileSize = 256; // in pixels of the tile's own level

    TileLoader(SlidePtr slide, TileCache* cache, int threads = 0, QObject* parent = nullptr);
    ~TileLoader() override;

    const SlidePtr& slide() const { return m_slide; }
    TileCache* cache() const { return m_cache; }

    // Replaces the set of wanted tiles: queued tiles that are no longer wanted are dropped
    // (the viewport left them), new ones are queued. Cached and failed tiles are skipped.
    void request(const QList<TileRequest>& wanted);
    void cancelAll();

    // The tile's key under `level` at level-0 position; and the level-0 area it covers.
    TileKey keyAt(int level, int column, int row) const { return {m_slide->id(), level, column, row}; }
    QRectF tileRectLevel0(const TileKey& key) const;
    // Columns × rows of the tile grid at `level`.
    QSize gridSize(int level) const;

    bool hasFailed(const TileKey& key) const;
    // Queued or being read right now.
    bool isRequested(const TileKey& key) const;
    int pendingCount() const;
    qint64 cancelledCount() const;
    qint64 loadedCount() const;
    qint64 failedCount() const;

    // Reads one tile synchronously (what the workers run); throws Error.
    QImage readTile(const TileKey& key) const;

Q_SIGNALS:
    void tileLoaded(tessera::core::TileKey key);
    void tileFailed(tessera::core::TileKey key, const QString& message);

private:
    class Task;

    SlidePtr m_slide;
    TileCache* m_cache;
    QThreadPool m_pool;
    mutable QMutex m_mutex;
    QHash<TileKey, Task*> m_queued; // not yet started
    QHash<TileKey, int> m_queuedPriority;
    QSet<TileKey> m_running;
    QSet<TileKey> m_failed;
    qint64 m_cancelled = 0;
    qint64 m_loaded = 0;
};

} // namespace tessera::core

Q_DECLARE_METATYPE(tessera::core::TileKey)
