#include "NativeTileComposer.h"

#include <cstring>

namespace tessera::core {

QImage NativeTileComposer::compose(int cacheId, QRect rect, QSize levelSize, QSize tileSize,
                                   const DecodeTile& decode,
                                   const std::function<void(const QString&)>& failAllocation) const
{
    QImage image(rect.size(), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        failAllocation(QStringLiteral("cannot allocate a %1×%2 image").arg(rect.width()).arg(rect.height()));
    const QRect inside = rect & QRect(QPoint(0, 0), levelSize);
    if (inside != rect)
        image.fill(Qt::transparent);
    if (inside.isEmpty())
        return image;
    const int tw = tileSize.width(), th = tileSize.height();
    // The viewer's tiles usually are the file's: decode straight into the result.
    if (inside == rect && rect.x() % tw == 0 && rect.y() % th == 0 && rect.size() == tileSize) {
        decode(rect.x() / tw, rect.y() / th, image.bits(), std::size_t(image.bytesPerLine()));
        return image;
    }
    for (int row = inside.top() / th; row <= inside.bottom() / th; ++row)
        for (int column = inside.left() / tw; column <= inside.right() / tw; ++column) {
            const TileKey key{0, cacheId, column, row};
            QImage native;
            if (std::optional<QImage> cached = m_tiles.find(key)) {
                native = *std::move(cached);
            } else {
                native = QImage(tw, th, QImage::Format_ARGB32_Premultiplied);
                if (native.isNull())
                    failAllocation(QStringLiteral("cannot allocate a %1×%2 tile").arg(tw).arg(th));
                decode(column, row, native.bits(), std::size_t(native.bytesPerLine()));
                m_tiles.insert(key, native);
            }
            const QRect tile(column * tw, row * th, tw, th);
            const QRect part = tile & inside;
            for (int y = part.top(); y <= part.bottom(); ++y)
                std::memcpy(image.scanLine(y - rect.y()) + std::size_t(part.x() - rect.x()) * 4,
                            native.constScanLine(y - tile.y()) + std::size_t(part.x() - tile.x()) * 4,
                            std::size_t(part.width()) * 4);
        }
    return image;
}

} // namespace tessera::core
