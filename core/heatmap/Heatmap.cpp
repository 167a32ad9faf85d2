#include "Heatmap.h"

#include "common/Error.h"

#include <QLinearGradient>
#include <QPainter>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace tessera::core {

QSize PatchScores::gridSize(QSize slideSize) const
{
    std::int64_t columns = step > 0 ? (std::int64_t(slideSize.width()) + step - 1) / step : 0;
    std::int64_t rows = step > 0 ? (std::int64_t(slideSize.height()) + step - 1) / step : 0;
    for (std::size_t i = 0; step > 0 && i + 1 < coords.size(); i += 2) {
        columns = std::max(columns, coords[i] / step + 1);
        rows = std::max(rows, coords[i + 1] / step + 1);
    }
    return QSize(int(columns), int(rows));
}

std::vector<float> normalizeScores(const std::vector<float>& values, Normalization normalization)
{
    const std::size_t n = values.size();
    std::vector<float> out(n, 0.5f);
    if (n == 0)
        return out;
    if (normalization == Normalization::Raw) {
        const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
        if (*hi > *lo)
            for (std::size_t i = 0; i < n; ++i)
                out[i] = (values[i] - *lo) / (*hi - *lo);
        return out;
    }
    if (n == 1)
        return out;
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && values[order[j + 1]] == values[order[i]])
            ++j;
        const float rank = float(i + j) / 2.0f / float(n - 1); // ties share their mean rank
        for (std::size_t k = i; k <= j; ++k)
            out[order[k]] = rank;
        i = j + 1;
    }
    return out;
}

HeatmapImage renderHeatmap(const PatchScores& scores, const HeatmapStyle& style, QSize slideSize)
{
    if (scores.step <= 0)
        throw Error(QStringLiteral("The patch step of the scores is unknown"));
    if (scores.coords.size() != 2 * scores.values.size())
        throw Error(QStringLiteral("%1 scores for %2 patch coordinates")
                        .arg(scores.values.size())
                        .arg(scores.coords.size() / 2));
    const QSize grid = scores.gridSize(slideSize);
    HeatmapImage out;
    out.downsample = scores.step;
    out.image =
        QImage(std::max(1, grid.width()), std::max(1, grid.height()), QImage::Format_ARGB32_Premultiplied);
    out.image.fill(Qt::transparent);
    if (scores.values.empty())
        return out;
    const auto [lo, hi] = std::minmax_element(scores.values.begin(), scores.values.end());
    out.low = *lo;
    out.high = *hi;

    // Normalized values and a tissue weight on the grid; smoothing blurs both and divides, so
    // scores spread between patches but never into the background.
    cv::Mat value(out.image.height(), out.image.width(), CV_32F, cv::Scalar(0));
    cv::Mat weight(value.size(), CV_32F, cv::Scalar(0));
    std::vector<float> normalized;
    if (const auto range = style.fixedRange) {
        const float width = std::max(range->second - range->first, 1e-12f);
        for (const float v : scores.values)
            normalized.push_back(std::clamp((v - range->first) / width, 0.0f, 1.0f));
    } else {
        normalized = normalizeScores(scores.values, style.normalization);
    }
    for (std::size_t i = 0; i < normalized.size(); ++i) {
        const auto x = scores.coords[2 * i] / scores.step, y = scores.coords[2 * i + 1] / scores.step;
        if (x < 0 || y < 0 || x >= value.cols || y >= value.rows)
            continue;
        value.at<float>(int(y), int(x)) = normalized[i];
        weight.at<float>(int(y), int(x)) = 1;
    }
    cv::Mat shown = value;
    if (style.smoothing > 0) {
        cv::Mat blurredValue, blurredWeight;
        cv::GaussianBlur(value, blurredValue, cv::Size(0, 0), style.smoothing);
        cv::GaussianBlur(weight, blurredWeight, cv::Size(0, 0), style.smoothing);
        shown = blurredValue / cv::max(blurredWeight, 1e-6f);
    }
    for (int y = 0; y < value.rows; ++y) {
        auto* line = reinterpret_cast<QRgb*>(out.image.scanLine(y));
        for (int x = 0; x < value.cols; ++x) {
            const float t = shown.at<float>(y, x);
            if (weight.at<float>(y, x) > 0 && t >= style.threshold)
                line[x] = colormapColour(style.colormap, t);
        }
    }
    return out;
}

QImage renderLegend(const LegendText& text, Colormap colormap, int width, double scale)
{
    scale = std::max(0.25, scale);
    QFont font;
    font.setPixelSize(int(std::lround(kLegendFontPixels * scale)));
    const QFontMetrics metrics(font);
    const int margin = int(std::lround(8 * scale)), barHeight = int(std::lround(12 * scale));
    const int gap = int(std::lround(4 * scale)), line = metrics.height();
    const int noteHeight = text.note.isEmpty() ? 0 : line;
    const int height = margin + line + noteHeight + gap + barHeight + gap + line + margin;
    width = int(std::lround(width * scale));
    QImage image(width, height, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(QPen(QColor(0, 0, 0, 60), scale));
    painter.setBrush(QColor(255, 255, 255, 225));
    painter.drawRoundedRect(QRectF(0.5, 0.5, width - 1, height - 1), 5 * scale, 5 * scale);
    painter.setFont(font);
    painter.setPen(QColor(20, 20, 20));
    const QRect titleRect(margin, margin, width - 2 * margin, line);
    painter.drawText(titleRect, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(text.title, Qt::ElideRight, titleRect.width()));
    if (noteHeight > 0) {
        const QRect noteRect(margin, titleRect.bottom() + 1, width - 2 * margin, line);
        painter.setPen(QColor(70, 70, 70));
        painter.drawText(noteRect, Qt::AlignLeft | Qt::AlignVCenter,
                         metrics.elidedText(text.note, Qt::ElideRight, noteRect.width()));
    }
    const QRect bar(margin, margin + line + noteHeight + gap, width - 2 * margin, barHeight);
    painter.setRenderHint(QPainter::Antialiasing, false); // one exact colour per bar column
    for (int x = 0; x < bar.width(); ++x) {
        painter.setPen(
            QColor::fromRgb(colormapColour(colormap, bar.width() > 1 ? double(x) / (bar.width() - 1) : 0)));
        painter.drawLine(bar.left() + x, bar.top(), bar.left() + x, bar.bottom());
    }
    painter.setPen(QColor(20, 20, 20));
    const QRect labels(margin, bar.bottom() + gap, width - 2 * margin, line);
    painter.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, text.low);
    painter.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, text.high);
    return image;
}

PatchIndex::PatchIndex(const std::vector<std::int64_t>& coords, int step) : m_step(step)
{
    if (step <= 0)
        return;
    for (std::size_t i = 0; i + 1 < coords.size(); i += 2) {
        m_columns = std::max<int>(m_columns, int(coords[i] / step) + 1);
        m_rows = std::max<int>(m_rows, int(coords[i + 1] / step) + 1);
    }
    m_cells.assign(std::size_t(m_columns) * std::size_t(m_rows), -1);
    for (std::size_t i = 0; i + 1 < coords.size(); i += 2)
        if (coords[i] >= 0 && coords[i + 1] >= 0)
            m_cells[std::size_t(coords[i + 1] / step) * std::size_t(m_columns) +
                    std::size_t(coords[i] / step)] = int(i / 2);
}

int PatchIndex::patchAt(double x, double y) const
{
    if (m_step <= 0 || x < 0 || y < 0)
        return -1;
    const auto column = std::int64_t(x) / m_step, row = std::int64_t(y) / m_step;
    if (column >= m_columns || row >= m_rows)
        return -1;
    return m_cells[std::size_t(row) * std::size_t(m_columns) + std::size_t(column)];
}

} // namespace tessera::core
