#include "ScaleBar.h"

#include <QFontMetrics>
#include <QPainter>

#include <algorithm>
#include <cmath>

namespace tessera::ui {

std::pair<double, double> ScaleBar::length(std::optional<double> mpp, double scale)
{
    if (!mpp)
        return {0, 0};
    const double micronsPerScreenPixel = *mpp / scale;
    const double wanted = 120 * micronsPerScreenPixel;
    const double decade = std::pow(10.0, std::floor(std::log10(wanted)));
    const double base = wanted / decade;
    const double nice = (base < 1.5 ? 1 : base < 3.5 ? 2 : base < 7.5 ? 5 : 10) * decade;
    return {nice, nice / micronsPerScreenPixel};
}

void ScaleBar::paint(QPainter& painter, const QRect& viewport, const QFont& font, std::optional<double> mpp,
                     double scale)
{
    const auto [microns, pixels] = length(mpp, scale);
    if (pixels <= 0)
        return;
    const QString label =
        microns >= 1000 ? QStringLiteral("%1 mm").arg(microns / 1000) : QStringLiteral("%1 µm").arg(microns);
    const QFontMetrics metrics(font);
    const int pad = 6;
    const QRect box(viewport.left() + 10, viewport.bottom() + 1 - 10 - metrics.height() - 3 * pad,
                    int(std::max(pixels, double(metrics.horizontalAdvance(label)))) + 2 * pad,
                    metrics.height() + 3 * pad);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setFont(font);
    painter.fillRect(box, QColor(255, 255, 255, 200));
    painter.fillRect(QRectF(box.left() + pad, box.bottom() - pad - 4, pixels, 4), Qt::black);
    painter.setPen(Qt::black);
    painter.drawText(QRect(box.left() + pad, box.top() + pad / 2, box.width() - 2 * pad, metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, label);
    painter.restore();
}

} // namespace tessera::ui
