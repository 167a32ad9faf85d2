#include "ImageLayer.h"

#include <QHashFunctions>
#include <QPainter>

namespace tessera::ui {

ImageLayer::ImageLayer(QString title, QObject* parent) : Layer(std::move(title), parent) {}

void ImageLayer::setImage(const QImage& image, double downsample, bool smooth)
{
    m_image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    m_downsample = downsample;
    m_smooth = smooth;
    Q_EMIT changed();
}

void ImageLayer::blendInto(QPainter& painter, const QRectF& area, const QSizeF& tilePixels) const
{
    // The part of the layer over this tile, in layer pixels, stretched over the tile's pixels.
    const QRectF source(area.topLeft() / m_downsample, area.size() / m_downsample);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, m_smooth);
    painter.drawImage(QRectF(QPointF(0, 0), tilePixels), m_image, source);
}

size_t ImageLayer::contentKey(const QRectF&, const QSizeF&) const
{
    return qHashMulti(0, m_image.cacheKey(), m_downsample, m_smooth);
}

} // namespace tessera::ui
