// A picture over the whole slide at `downsample` level-0 pixels per image pixel (a heatmap, a
// tissue mask), blended into the slide's tiles.
#pragma once

#include "Layer.h"

namespace tessera::ui {

class ImageLayer : public Layer {
    Q_OBJECT
public:
    explicit ImageLayer(QString title, QObject* parent = nullptr);

    // `smooth`: interpolate between image pixels (smoothed heatmaps) instead of hard patch edges.
    void setImage(const QImage& image, double downsample, bool smooth = false);
    const QImage& image() const { return m_image; }
    double downsample() const { return m_downsample; }

    bool blendsIntoTiles() const override { return !m_image.isNull(); }
    void blendInto(QPainter& painter, const QRectF& level0Area, const QSizeF& tilePixels) const override;
    size_t contentKey(const QRectF& level0Area, const QSizeF& tilePixels) const override;

private:
    QImage m_image;
    double m_downsample = 1;
    bool m_smooth = false;
};

} // namespace tessera::ui
