#include "ReportImages.h"

#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace tessera::core {

namespace {

void drawShape(QPainter& p, const Geometry& g, const std::function<QPointF(QPointF)>& map)
{
    QPainterPath path;
    path.setFillRule(Qt::OddEvenFill);
    const auto add = [&](const QPolygonF& ring, bool close) {
        QPolygonF mapped;
        for (const QPointF& q : ring)
            mapped << map(q);
        path.addPolygon(mapped);
        if (close)
            path.closeSubpath();
    };
    for (const PolygonPart& part : g.parts) {
        add(part.outer, true);
        for (const QPolygonF& hole : part.holes)
            add(hole, true);
    }
    if (g.kind == ShapeKind::Polyline)
        add(g.points, false);
    p.drawPath(path);
    if (!g.hasArea() && g.kind != ShapeKind::Polyline)
        for (const QPointF& q : g.points)
            p.drawEllipse(map(q), 4, 4);
}

} // namespace

void drawScaleBar(QImage& image, double micronsPerImagePixel)
{
    if (!(micronsPerImagePixel > 0))
        return;
    // The longest 1-2-5 length that fits in a fifth of the width.
    const double target = image.width() / 5.0 * micronsPerImagePixel;
    double length = std::pow(10.0, std::floor(std::log10(target)));
    for (const double f : {5.0, 2.0, 1.0})
        if (f * length <= target) {
            length *= f;
            break;
        }
    const int pixels = int(std::lround(length / micronsPerImagePixel));
    QPainter p(&image);
    p.setRenderHint(QPainter::Antialiasing);
    const int margin = std::max(6, image.width() / 60), height = std::max(4, image.width() / 160);
    QFont font = p.font();
    font.setPixelSize(std::max(10, image.width() / 45));
    p.setFont(font);
    const QString label =
        length >= 1000 ? QStringLiteral("%1 mm").arg(length / 1000) : QStringLiteral("%1 µm").arg(length);
    const QRect text = p.fontMetrics().boundingRect(label);
    const QRect box(margin, image.height() - margin - height - text.height() - 12,
                    std::max(pixels, text.width()) + 12, height + text.height() + 12);
    p.fillRect(box, QColor(255, 255, 255, 210));
    p.fillRect(QRect(box.left() + 6, box.bottom() - 6 - height, pixels, height), Qt::black);
    p.setPen(Qt::black);
    p.drawText(QPoint(box.left() + 6, box.top() + 4 + p.fontMetrics().ascent()), label);
}

QImage overviewWithAnnotations(const QImage& thumbnail, QSize slideSize,
                               const std::vector<Annotation>& annotations,
                               const std::vector<AnnotationClass>& classes,
                               std::optional<double> micronsPerPixel)
{
    QImage out = thumbnail.convertToFormat(QImage::Format_RGB32);
    const double scale = double(out.width()) / slideSize.width();
    {
        QPainter p(&out);
        p.setRenderHint(QPainter::Antialiasing);
        for (const Annotation& a : annotations) {
            const QColor color = displayColor(a, classes);
            p.setPen(QPen(color, 2));
            QColor fill = color;
            fill.setAlpha(40);
            p.setBrush(fill);
            drawShape(p, a.geometry, [&](QPointF q) { return q * scale; });
        }
    }
    if (micronsPerPixel)
        drawScaleBar(out, *micronsPerPixel / scale);
    return out;
}

QImage cropAround(const Slide& slide, const QRectF& area, double micronsPerPixel, const Geometry* outline,
                  const QColor& color)
{
    const std::optional<double> mpp = slide.micronsPerPixel();
    double downsample = mpp ? std::max(1.0, micronsPerPixel / *mpp) : 4.0;
    // Padded by a fifth, at least 64 output pixels around small regions.
    QRectF region = area.adjusted(-area.width() / 5, -area.height() / 5, area.width() / 5, area.height() / 5);
    const double minSide = 128 * downsample;
    if (region.width() < minSide)
        region.adjust(-(minSide - region.width()) / 2, 0, (minSide - region.width()) / 2, 0);
    if (region.height() < minSide)
        region.adjust(0, -(minSide - region.height()) / 2, 0, (minSide - region.height()) / 2);
    // At most 640 px wide: larger regions are shown coarser.
    downsample = std::max(downsample, std::max(region.width(), region.height()) / 640.0);
    const int level = slide.bestLevelForDownsample(downsample);
    const double levelDs = slide.levelDownsample(level);
    const QSize read(int(std::ceil(region.width() / levelDs)), int(std::ceil(region.height() / levelDs)));
    QImage pixels = slide.readRegion(region.topLeft().toPoint(), level, read);
    QImage out(QSize(int(region.width() / downsample), int(region.height() / downsample)),
               QImage::Format_RGB32);
    out.fill(Qt::white);
    {
        QPainter p(&out);
        p.setRenderHint(QPainter::SmoothPixmapTransform);
        p.drawImage(QRectF(QPointF(0, 0), QSizeF(read) * (levelDs / downsample)), pixels);
        if (outline) {
            p.setRenderHint(QPainter::Antialiasing);
            p.setPen(QPen(color, 2));
            p.setBrush(Qt::NoBrush);
            drawShape(p, *outline, [&](QPointF q) { return (q - region.topLeft()) / downsample; });
        } else {
            p.setPen(QPen(color, 2));
            p.drawRect(QRectF((area.topLeft() - region.topLeft()) / downsample, area.size() / downsample));
        }
    }
    if (mpp)
        drawScaleBar(out, *mpp * downsample);
    return out;
}

} // namespace tessera::core
