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

void drawWarningBanner(QImage& picture, const QString& text)
{
    QPainter painter(&picture);
    QFont font = painter.font();
    font.setBold(true);
    font.setPixelSize(std::max(11, picture.width() / 60));
    painter.setFont(font);
    const int margin = font.pixelSize() / 2 + 2;
    const QRect area(margin, margin, picture.width() - 2 * margin, picture.height());
    const QRect wrapped = painter.fontMetrics().boundingRect(area.adjusted(2 * margin, 0, -2 * margin, 0),
                                                             Qt::AlignHCenter | Qt::TextWordWrap, text);
    const QRect box(margin, margin, picture.width() - 2 * margin, wrapped.height() + 2 * margin);
    painter.fillRect(box, QColor::fromRgba(kWarningBannerColour));
    painter.setPen(Qt::white);
    painter.drawText(box.adjusted(2 * margin, margin, -2 * margin, -margin),
                     Qt::AlignHCenter | Qt::TextWordWrap, text);
}

} // namespace tessera::core
