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
}

void TilePainter::clear()
{
    m_decorated.clear();
}

void TilePainter::paint(QPainter& painter, const ViewTransform& view) const
{
    const core::Slide& slide = *m_loader.slide();
    painter.fillRect(snapped(view.level0ToWidget(QRectF(QPointF(0, 0), QSizeF(slide.size())))), Qt::white);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
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

QImage TilePainter::decoratedTile(const core::TileKey& key, const QImage& tile) const
{
    const QRectF area = m_loader.tileRectLevel0(key);
    const double ds = m_loader.slide()->levelDownsample(key.level);
    const size_t layerKey = m_layers.tileBlendKey(area, area.size() / ds);
    if (layerKey == 0)
        return tile;
    const DecoratedKey decoratedKey{key, layerKey};
    if (const QImage* cached = m_decorated.object(decoratedKey))
        return *cached;
    auto* out = new QImage(tile.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    QPainter p(out);
    for (const Layer* layer : m_layers.layers()) {
        if (!layer->isVisible() || !layer->blendsIntoTiles() || layer->opacity() <= 0)
            continue;
        p.setOpacity(layer->opacity());
        layer->blendInto(p, area, area.size() / ds);
    }
    p.end();
    const QImage result = *out;
    m_decorated.insert(decoratedKey, out, int(std::max<qsizetype>(1, out->sizeInBytes() / 1024)));
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
