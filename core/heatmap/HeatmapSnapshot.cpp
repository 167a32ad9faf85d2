#include "HeatmapSnapshot.h"

#include "tissue/TissueDetector.h"

#include <QPainter>

#include <algorithm>

namespace tessera::core {

LegendText legendText(const QString& mapTitle, Normalization normalization, float low, float high)
{
    const auto number = [](float v) { return QString::number(double(v), 'g', 3); };
    if (normalization == Normalization::Percentile)
        return {QStringLiteral("%1 (percentile)").arg(mapTitle), QStringLiteral("p0 = %1").arg(number(low)),
                QStringLiteral("p100 = %1").arg(number(high))};
    return {QStringLiteral("%1 (min–max)").arg(mapTitle), number(low), number(high)};
}

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
