// Paints a slide's tiles for a view: cached tiles with the tile-blending layers blended in, a
// coarser cached level where a tile is missing (never blank squares), and a marked placeholder
// where a tile failed to decode. Keeps the decorated tiles it made.
#pragma once

#include "TilePlan.h"
#include "canvas/LayerStack.h"

#include <QCache>
#include <QElapsedTimer>
#include <QImage>
#include <optional>
#include <vector>

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
    // Decorations made whole, and made by redrawing only a changed part of a tile's newest one.
    int wholeRedraws() const { return m_wholeRedraws; }
    int partRedraws() const { return m_partRedraws; }
    // A frame spends at most `milliseconds` redecorating tiles (0: no limit); tiles past it show
    // their previous decoration for now and deferredTiles() says how many, so that the view asks
    // for another frame. The first frame after an edit that touches every tile stays short.
    void setFrameBudget(int milliseconds) { m_budgetMs = milliseconds; }
    int frameBudget() const { return m_budgetMs; }
    int deferredTiles() const { return m_deferred; }

private:
    void drawTile(QPainter& painter, const ViewTransform& view, const core::TileKey& key, const QImage& image,
                  const QRectF& clipLevel0) const;
    bool drawFallback(QPainter& painter, const ViewTransform& view, const core::TileKey& missing) const;
    void drawPlaceholder(QPainter& painter, const ViewTransform& view, const QRectF& level0Rect) const;
    // The tile with every visible tile-blending layer blended in at the tile's own resolution,
    // cached under the layers' key, so switching a layer off and on again finds its tiles there.
    // When only part of the tile changed since its newest decoration (an annotation moved), that
    // part alone is redrawn.
    QImage decoratedTile(const core::TileKey& key, const QImage& tile) const;

    // What was blended into a decorated tile, layer by layer.
    struct LayerState {
        const Layer* layer = nullptr;
        double opacity = 0;
        size_t key = 0;
        LayerStamp stamp;
    };
    struct Newest {
        QImage image;
        std::vector<LayerState> layers;
    };
    std::vector<LayerState> blendingLayers(const QRectF& area, const QSizeF& pixels) const;
    // The tile pixels that differ from `newest` (empty: none), or nullopt when all may.
    std::optional<QRect> changedPixels(const Newest& newest, const std::vector<LayerState>& now,
                                       const QRectF& area, const QSizeF& pixels) const;

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
    mutable QCache<core::TileKey, Newest> m_newest;   // each tile's newest decoration, cost in KiB
    mutable int m_wholeRedraws = 0, m_partRedraws = 0;
    int m_budgetMs = 0;
    mutable QElapsedTimer m_frameClock;
    mutable int m_deferred = 0;
};

} // namespace tessera::ui
