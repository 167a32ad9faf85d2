#include "TilePainter.h"

#include <QPainter>

#include <cmath>

namespace tessera::ui {

namespace {

QRect snapped(const QRectF& r)
{
    // Shared edges round to the same pixel, so neighbouring tiles never leave a seam.
    const int left = int(std::lround(r.left())), top = int(std::lround(r.top()));
    const int right = int(std::lround(r.right())), bottom = int(std::lround(r.bottom()));
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}

} // namespace

TilePainter::TilePainter(const core::TileLoader& loader, core::TileCache& cache, const LayerStack& layers)
    : m_loader(loader), m_cache(cache), m_layers(layers)
{
    m_decorated.setMaxCost(96 * 1024); // KiB: several screens of decorated tiles
    m_newest.setMaxCost(32 * 1024);    // shares its images with m_decorated
}

void TilePainter::clear()
{
    m_decorated.clear();
    m_newest.clear();
}

void TilePainter::paint(QPainter& painter, const ViewTransform& view) const
{
    const core::Slide& slide = *m_loader.slide();
    painter.fillRect(snapped(view.level0ToWidget(QRectF(QPointF(0, 0), QSizeF(slide.size())))), Qt::white);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
    m_frameClock.start();
    m_deferred = 0;
    const TileSpan span = visibleTiles(m_loader, view, displayLevel(slide, view.scale()));
    for (int r = span.r0; r <= span.r1; ++r)
        for (int c = span.c0; c <= span.c1; ++c) {
            const core::TileKey key = m_loader.keyAt(span.level, c, r);
            if (const auto image = m_cache.find(key))
                drawTile(painter, view, key, *image, m_loader.tileRectLevel0(key));
            else if (m_loader.hasFailed(key))
                drawPlaceholder(painter, view, m_loader.tileRectLevel0(key));
            else
                drawFallback(painter, view, key);
        }
}

bool TilePainter::isComplete(const ViewTransform& view) const
{
    const TileSpan span = visibleTiles(m_loader, view, displayLevel(*m_loader.slide(), view.scale()));
    for (int r = span.r0; r <= span.r1; ++r)
        for (int c = span.c0; c <= span.c1; ++c) {
            const core::TileKey key = m_loader.keyAt(span.level, c, r);
            if (!m_cache.contains(key) && !m_loader.hasFailed(key))
                return false;
        }
    return true;
}

void TilePainter::drawTile(QPainter& painter, const ViewTransform& view, const core::TileKey& key,
                           const QImage& image, const QRectF& clipLevel0) const
{
    const QRectF tileRect = m_loader.tileRectLevel0(key);
    const QRectF part = tileRect.intersected(clipLevel0);
    if (part.isEmpty())
        return;
    const double ds = m_loader.slide()->levelDownsample(key.level);
    const QRectF source((part.topLeft() - tileRect.topLeft()) / ds, part.size() / ds);
    painter.drawImage(snapped(view.level0ToWidget(part)), decoratedTile(key, image), source);
}

std::vector<TilePainter::LayerState> TilePainter::blendingLayers(const QRectF& area,
                                                                 const QSizeF& pixels) const
{
    std::vector<LayerState> states;
    for (const Layer* layer : m_layers.layers())
        if (layer->isVisible() && layer->blendsIntoTiles() && layer->opacity() > 0)
            states.push_back({layer, layer->opacity(), layer->contentKey(area, pixels), layer->stamp()});
    return states;
}

std::optional<QRect> TilePainter::changedPixels(const Newest& newest, const std::vector<LayerState>& now,
                                                const QRectF& area, const QSizeF& pixels) const
{
    if (newest.layers.size() != now.size())
        return std::nullopt;
    QRectF changed;
    for (std::size_t i = 0; i < now.size(); ++i) {
        const LayerState &was = newest.layers[i], &is = now[i];
        if (was.layer != is.layer || was.opacity != is.opacity)
            return std::nullopt;
        if (was.key == is.key)
            continue;
        const std::optional<QRectF> part = is.layer->changedSince(was.stamp, area, pixels);
        if (!part)
            return std::nullopt;
        changed = changed.united(*part);
    }
    if (changed.isEmpty())
        return QRect();
    // Whole tile pixels, outwards.
    const double sx = pixels.width() / area.width(), sy = pixels.height() / area.height();
    const QRect out(QPoint(int(std::floor((changed.left() - area.left()) * sx)),
                           int(std::floor((changed.top() - area.top()) * sy))),
                    QPoint(int(std::ceil((changed.right() - area.left()) * sx)) - 1,
                           int(std::ceil((changed.bottom() - area.top()) * sy)) - 1));
    const QRect tile(QPoint(0, 0), pixels.toSize());
    // Most of the tile: drawing it whole costs no more.
    const QRect clipped = out.intersected(tile);
    if (double(clipped.width()) * clipped.height() > 0.6 * tile.width() * tile.height())
        return std::nullopt;
    return clipped;
}

QImage TilePainter::decoratedTile(const core::TileKey& key, const QImage& tile) const
{
    const QRectF area = m_loader.tileRectLevel0(key);
    const double ds = m_loader.slide()->levelDownsample(key.level);
    const QSizeF pixels = area.size() / ds;
    const size_t layerKey = m_layers.tileBlendKey(area, pixels);
    if (layerKey == 0)
        return tile;
    const DecoratedKey decoratedKey{key, layerKey};
    if (const QImage* cached = m_decorated.object(decoratedKey))
        return *cached;
    std::vector<LayerState> layers = blendingLayers(area, pixels);
    const auto blend = [&](QPainter& p) {
        for (const LayerState& state : layers) {
            p.setOpacity(state.opacity);
            state.layer->blendInto(p, area, pixels);
        }
    };
    const Newest* newest = m_newest.object(key);
    if (m_budgetMs > 0 && newest && newest->image.size() == tile.size() &&
        m_frameClock.elapsed() >= m_budgetMs) {
        ++m_deferred; // over this frame's budget: the previous decoration, redone in a later frame
        return newest->image;
    }
    auto* out = new QImage;
    const std::optional<QRect> part = newest && newest->image.size() == tile.size()
                                          ? changedPixels(*newest, layers, area, pixels)
                                          : std::nullopt;
    if (part) {
        // Only `part` changed: the newest decoration with that part drawn again, from the tile's
        // own pixels up, each layer clipped to it.
        *out = newest->image;
        if (!part->isEmpty()) {
            ++m_partRedraws;
            QPainter p(out);
            p.setClipRect(*part);
            p.setCompositionMode(QPainter::CompositionMode_Source);
            p.drawImage(part->topLeft(), tile.convertToFormat(QImage::Format_ARGB32_Premultiplied), *part);
            p.setCompositionMode(QPainter::CompositionMode_SourceOver);
            blend(p);
        }
    } else {
        *out = tile.convertToFormat(QImage::Format_ARGB32_Premultiplied);
        ++m_wholeRedraws;
        QPainter p(out);
        blend(p);
    }
    const QImage result = *out;
    const int cost = int(std::max<qsizetype>(1, out->sizeInBytes() / 1024));
    m_decorated.insert(decoratedKey, out, cost);
    m_newest.insert(key, new Newest{result, std::move(layers)}, cost);
    return result;
}

bool TilePainter::drawFallback(QPainter& painter, const ViewTransform& view,
                               const core::TileKey& missing) const
{
    const core::Slide& slide = *m_loader.slide();
    const QRectF area = m_loader.tileRectLevel0(missing);
    bool drew = false;
    // Coarsest first, so that the finest available level ends up on top.
    for (int level = slide.levelCount() - 1; level > missing.level; --level) {
        const double t = core::TileLoader::kTileSize * slide.levelDownsample(level);
        const QSize grid = m_loader.gridSize(level);
        const int c0 = int(area.left() / t), r0 = int(area.top() / t);
        const int c1 = std::min(grid.width() - 1, int(std::ceil(area.right() / t)) - 1);
        const int r1 = std::min(grid.height() - 1, int(std::ceil(area.bottom() / t)) - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) {
                const core::TileKey key = m_loader.keyAt(level, c, r);
                if (const auto image = m_cache.find(key)) {
                    drawTile(painter, view, key, *image, area);
                    drew = true;
                }
            }
    }
    return drew;
}

void TilePainter::drawPlaceholder(QPainter& painter, const ViewTransform& view,
                                  const QRectF& level0Rect) const
{
    // A tile that could not be decoded: hatched grey with a red cross, never a crash.
    const QRect r = snapped(view.level0ToWidget(level0Rect));
    painter.fillRect(r, QColor(220, 220, 220));
    painter.fillRect(r, QBrush(QColor(170, 170, 170), Qt::BDiagPattern));
    painter.setPen(QPen(QColor(200, 40, 40), 2));
    painter.drawLine(r.topLeft(), r.bottomRight());
    painter.drawLine(r.topRight(), r.bottomLeft());
}

} // namespace tessera::ui
