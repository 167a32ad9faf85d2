#include "HeatmapSnapshot.h"

#include "tissue/TissueDetector.h"

#include <QPainter>

#include <algorithm>

namespace tessera::core {

QImage slideThumbnail(const Slide& slide, int maxSide)
{
    const QSize size = slide.levelSize(0);
    const double downsample =
        std::max(1.0, double(std::max(size.width(), size.height())) / std::max(1, maxSide));
    const cv::Mat rgb = TissueDetector::renderDownsampled(slide, downsample);
    return QImage(rgb.data, rgb.cols, rgb.rows, int(rgb.step), QImage::Format_RGB888).copy();
}

QImage renderHeatmapSnapshot(const QImage& thumbnail, QSize slideSize, const HeatmapImage& heatmap,
                             double opacity, const QImage& legend)
{
    QImage out = thumbnail.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&out);
    // The heatmap covers image.size() × downsample level-0 pixels from the origin.
    const double sx = double(out.width()) / slideSize.width(), sy = double(out.height()) / slideSize.height();
    const QRectF target(0, 0, heatmap.image.width() * heatmap.downsample * sx,
                        heatmap.image.height() * heatmap.downsample * sy);
    painter.setOpacity(std::clamp(opacity, 0.0, 1.0));
    painter.drawImage(target, heatmap.image);
    painter.setOpacity(1);
    if (!legend.isNull()) {
        const int margin = 10;
        painter.drawImage(QPoint(std::max(0, out.width() - legend.width() - margin),
                                 std::max(0, out.height() - legend.height() - margin)),
                          legend);
    }
    painter.end();
    return out;
}

} // namespace tessera::core
