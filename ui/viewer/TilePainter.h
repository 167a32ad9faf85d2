// Paints a slide's tiles for a view: cached tiles with the tile-blending layers blended in, a
// coarser cached level where a tile is missing (never blank squares), and a marked placeholder
// where a tile failed to decode. Keeps the decorated tiles it made.
#pragma once

#include "TilePlan.h"
#include "layers/LayerStack.h"

#include <QCache>
#include <QImage>

class QPainter;

namespace tessera::ui {

class TilePainter {
public:
    explicit TilePainter(const core::TileLoader& loader, core::TileCache& cache, const LayerStack& layers);

    // The slide's tiles at the display level over the whole view.
    void paint(QPainter& painter, const ViewTransform& view) const;
    // True when every tile of the display level in view is cached (or failed for good).
    bool isComplete(const ViewTransform& view) const;
    void clear(); // forget the decorated tiles

private:
    void drawTile(QPainter& painter, const ViewTransform& view, const core::TileKey& key, const QImage& image,
                  const QRectF& clipLevel0) const;
    bool drawFallback(QPainter& painter, const ViewTransform& view, const core::TileKey& missing) const;
    void drawPlaceholder(QPainter& painter, const ViewTransform& view, const QRectF& level0Rect) const;
    // The tile with every visible tile-blending layer blended in at the tile's own resolution,
    // cached under the layers' key, so switching a layer off and on again finds its tiles there.
    QImage decoratedTile(const core::TileKey& key, const QImage& tile) const;

    const core::TileLoader& m_loader;
    core::TileCache& m_cache;
    const LayerStack& m_layers;
    struct DecoratedKey {
        core::TileKey tile;
        size_t layers = 0;
        friend bool operator==(const DecoratedKey&, const DecoratedKey&) = default;
        friend size_t qHash(const DecoratedKey& key, size_t seed = 0)
        {
            return qHashMulti(seed, key.tile, key.layers);
        }
    };
    mutable QCache<DecoratedKey, QImage> m_decorated; // cost in KiB
};

} // namespace tessera::ui
