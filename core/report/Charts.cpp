#include "Charts.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <array>
#include <cmath>

namespace tessera::core {

QColor comparisonColour(int index)
{
    static const std::array<QColor, 6> palette{QColor(0x00, 0x72, 0xB2), QColor(0xD5, 0x5E, 0x00),
                                               QColor(0x00, 0x9E, 0x73), QColor(0xCC, 0x79, 0xA7),
                                               QColor(0xE6, 0x9F, 0x00), QColor(0x56, 0xB4, 0xE9)};
    return palette[std::size_t(std::abs(index)) % palette.size()];
}

namespace {

// About five round tick values between low and high.
std::vector<double> ticks(double low, double high)
{
    const double span = high - low;
    if (!(span > 0))
        return {low};
    const double raw = span / 5;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double m : {1.0, 2.0, 2.5, 5.0, 10.0})
        if (m * magnitude >= raw) {
            step = m * magnitude;
            break;
        }
    std::vector<double> out;
    for (double t = std::ceil(low / step - 1e-9) * step; t <= high + 1e-9 * span; t += step)
        out.push_back(std::abs(t) < 1e-12 * span ? 0.0 : t);
    return out;
}

} // namespace

void paintChart(QPainter& painter, const QRectF& area, const Chart& chart)
{
    painter.save();
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height();
    const QRectF plot = area.adjusted(line * 3.2, line * 1.6, -line * 0.6, -line * 2.6);
    const auto toPlot = [&](QPointF p) {
        const double x = plot.left() + (p.x() - chart.xMin) / (chart.xMax - chart.xMin) * plot.width();
        const double y = plot.bottom() - (p.y() - chart.yMin) / (chart.yMax - chart.yMin) * plot.height();
        return QPointF(x, y);
    };

    const QFont regular = painter.font();
    QFont bold = regular;
    bold.setBold(true);
    painter.setFont(bold);
    painter.setPen(Qt::black);
    painter.drawText(QRectF(area.left(), area.top(), area.width(), line * 1.4), Qt::AlignCenter, chart.title);
    painter.setFont(regular);

    // Grid and ticks.
    const double thin = std::max(0.3, line / 30);
    painter.setPen(QPen(QColor(225, 225, 225), thin));
    const std::vector<double> xs = ticks(chart.xMin, chart.xMax), ys = ticks(chart.yMin, chart.yMax);
    for (double x : xs)
        painter.drawLine(toPlot({x, chart.yMin}), toPlot({x, chart.yMax}));
    for (double y : ys)
        painter.drawLine(toPlot({chart.xMin, y}), toPlot({chart.xMax, y}));
    painter.setPen(QPen(Qt::black, thin * 2));
    painter.drawRect(plot);
    painter.setPen(Qt::black);
    for (double x : xs)
        painter.drawText(
            QRectF(toPlot({x, chart.yMin}).x() - line * 2, plot.bottom() + line * 0.2, line * 4, line),
            Qt::AlignHCenter | Qt::AlignTop, QString::number(x, 'g', 3));
    for (double y : ys)
        painter.drawText(
            QRectF(plot.left() - line * 3.1, toPlot({chart.xMin, y}).y() - line / 2, line * 2.9, line),
            Qt::AlignRight | Qt::AlignVCenter, QString::number(y, 'g', 3));
    painter.drawText(QRectF(plot.left(), plot.bottom() + line * 1.3, plot.width(), line * 1.2),
                     Qt::AlignCenter, chart.xLabel);
    painter.save();
    painter.translate(area.left() + line * 0.1, plot.center().y());
    painter.rotate(-90);
    painter.drawText(QRectF(-plot.height() / 2, 0, plot.height(), line * 1.2), Qt::AlignCenter, chart.yLabel);
    painter.restore();

    painter.setClipRect(plot.adjusted(-thin * 4, -thin * 4, thin * 4, thin * 4));
    if (chart.diagonal) {
        painter.setPen(QPen(QColor(150, 150, 150), thin * 2, Qt::DotLine));
        const double low = std::max(chart.xMin, chart.yMin), high = std::min(chart.xMax, chart.yMax);
        painter.drawLine(toPlot({low, low}), toPlot({high, high}));
    }
    for (const ChartSeries& s : chart.series) {
        if (s.points.empty())
            continue;
        QPen pen(s.colour, thin * 4, s.dashed ? Qt::DashLine : Qt::SolidLine);
        pen.setCapStyle(Qt::RoundCap);
        pen.setJoinStyle(Qt::RoundJoin);
        painter.setPen(pen);
        QPainterPath path(toPlot(s.points.front()));
        for (std::size_t i = 1; i < s.points.size(); ++i)
            path.lineTo(toPlot(s.points[i]));
        painter.drawPath(path);
        if (s.markers) {
            painter.setBrush(s.colour);
            for (const QPointF& p : s.points)
                painter.drawEllipse(toPlot(p), thin * 5, thin * 5);
            painter.setBrush(Qt::NoBrush);
        }
    }
    painter.setClipping(false);

    // Legend, lower right inside the plot.
    int named = 0;
    double width = 0;
    for (const ChartSeries& s : chart.series)
        if (!s.name.isEmpty()) {
            ++named;
            width = std::max(width, metrics.horizontalAdvance(s.name));
        }
    if (named > 0) {
        const double rowHeight = line * 1.05;
        const QRectF box(plot.right() - width - line * 2.9, plot.bottom() - named * rowHeight - line * 0.6,
                         width + line * 2.6, named * rowHeight + line * 0.4);
        painter.setPen(QPen(QColor(180, 180, 180), thin));
        painter.setBrush(QColor(255, 255, 255, 230));
        painter.drawRect(box);
        painter.setBrush(Qt::NoBrush);
        double y = box.top() + line * 0.2;
        for (const ChartSeries& s : chart.series) {
            if (s.name.isEmpty())
                continue;
            painter.setPen(QPen(s.colour, thin * 4, s.dashed ? Qt::DashLine : Qt::SolidLine));
            painter.drawLine(QPointF(box.left() + line * 0.3, y + rowHeight / 2),
                             QPointF(box.left() + line * 1.7, y + rowHeight / 2));
            painter.setPen(Qt::black);
            painter.drawText(QRectF(box.left() + line * 2.0, y, width + line * 0.5, rowHeight),
                             Qt::AlignLeft | Qt::AlignVCenter, s.name);
            y += rowHeight;
        }
    }
    painter.restore();
}

} // namespace tessera::core
