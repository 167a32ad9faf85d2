// Builds a region of one level from the file's own tiles: the region that is exactly one tile is
// decoded straight into the result; others are assembled from tiles decoded once and kept in a small
// cache (240-px Aperio tiles under the viewer's 256-px ones). Shared by the direct readers.
#pragma once

#include "TileCache.h"

#include <QImage>
#include <QRect>
#include <functional>

namespace tessera::core {

class NativeTileComposer {
public:
    // Decodes tile (column, row) into `dest` (tile-sized, `stride` bytes a row); throws Error.
    using DecodeTile = std::function<void(int column, int row, uint8_t* dest, std::size_t stride)>;

    explicit NativeTileComposer(qint64 cacheBytes = 32ll * 1024 * 1024) : m_tiles(cacheBytes) {}

    // `rect` in the level's pixels; transparent outside `levelSize`. `cacheId` tells the level's
    // (or image's) tiles apart in the cache. `failAllocation` throws naming the file.
    QImage compose(int cacheId, QRect rect, QSize levelSize, QSize tileSize, const DecodeTile& decode,
                   const std::function<void(const QString&)>& failAllocation) const;

private:
    mutable TileCache m_tiles;
};

} // namespace tessera::core
