#include "HeatmapRegions.h"

#include "common/Error.h"

#include <QCoreApplication>
#include <QObject>

#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cmath>

namespace tessera::core {

namespace {

double otsu(const std::vector<float>& values)
{
    const auto [lo, hi] = std::minmax_element(values.begin(), values.end());
    if (*hi <= *lo)
        return *lo;
    cv::Mat bytes(1, int(values.size()), CV_8U);
    for (size_t i = 0; i < values.size(); ++i)
        bytes.at<uchar>(0, int(i)) = cv::saturate_cast<uchar>(255.0 * (values[i] - *lo) / (*hi - *lo));
    cv::Mat ignored;
    const double t = cv::threshold(bytes, ignored, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    // Otsu keeps values > t: the score halfway into the next byte step.
    return *lo + (t + 0.5) / 255.0 * (*hi - *lo);
}

double percentile(std::vector<float> values, double p)
{
    std::sort(values.begin(), values.end());
    const double rank = std::clamp(p, 0.0, 100.0) / 100.0 * double(values.size() - 1);
    const size_t i = size_t(std::floor(rank));
    const double f = rank - double(i);
    return i + 1 < values.size() ? values[i] * (1 - f) + values[i + 1] * f : values[i];
}

QPolygonF toLevel0(const std::vector<cv::Point>& contour, double scale, QPointF origin)
{
    QPolygonF ring;
    ring.reserve(qsizetype(contour.size()));
    for (const cv::Point& p : contour) // contour points are pixel centres of the upsampled mask
        ring << origin + QPointF((p.x + 0.5) * scale, (p.y + 0.5) * scale);
    return ring;
}

} // namespace

HeatmapRegions traceHeatmapRegions(const PatchScores& scores, const HeatmapRegionOptions& options)
{
    const size_t n = scores.values.size();
    if (n == 0)
        throw Error(QObject::tr("the map has no patches"));
    if (scores.coords.size() != 2 * n || scores.step <= 0)
        throw Error(QObject::tr("the map's coordinates do not match its %1 scores").arg(n));
    std::vector<float> compared = scores.values;
    if (options.logScale) {
        for (float& v : compared) {
            if (!(v > 0))
                throw Error(QObject::tr("a logarithmic threshold needs positive scores (found %1)").arg(v));
            v = std::log(v);
        }
    }
    HeatmapRegions out;
    double threshold = 0; // on the compared scale
    switch (options.mode) {
    case HeatmapRegionOptions::Threshold::Percentile:
        threshold = percentile(compared, options.threshold);
        break;
    case HeatmapRegionOptions::Threshold::Raw:
        threshold = options.logScale ? std::log(std::max(options.threshold, 1e-30)) : options.threshold;
        break;
    case HeatmapRegionOptions::Threshold::Otsu:
        threshold = otsu(compared);
        break;
    }
    out.threshold = options.logScale ? std::exp(threshold) : threshold;

    // Patch grid: cell = (coord − smallest coord) / step, rounded (CLAM grids may be offset).
    std::int64_t minX = scores.coords[0], minY = scores.coords[1];
    for (size_t i = 0; i < n; ++i) {
        minX = std::min(minX, scores.coords[2 * i]);
        minY = std::min(minY, scores.coords[2 * i + 1]);
    }
    const double step = scores.step;
    std::vector<cv::Point> cells(n);
    int columns = 0, rows = 0;
    for (size_t i = 0; i < n; ++i) {
        cells[i] = cv::Point(int(std::llround(double(scores.coords[2 * i] - minX) / step)),
                             int(std::llround(double(scores.coords[2 * i + 1] - minY) / step)));
        columns = std::max(columns, cells[i].x + 1);
        rows = std::max(rows, cells[i].y + 1);
    }
    // Four mask pixels per patch side: contours run through the centres of the edge pixels, an
    // eighth of a patch inside the patches' edges, and smoothing can round corners below one
    // patch. A border keeps regions at the grid's edge closed.
    const int up = 4, border = 2;
    cv::Mat mask = cv::Mat::zeros(rows * up + 2 * border, columns * up + 2 * border, CV_8U);
    for (size_t i = 0; i < n; ++i) {
        const bool in = options.below ? compared[i] < threshold : compared[i] > threshold;
        if (in)
            mask(cv::Rect(border + cells[i].x * up, border + cells[i].y * up, up, up)).setTo(255);
    }
    if (options.smoothing > 0) {
        const double sigma = options.smoothing * up;
        cv::GaussianBlur(mask, mask, cv::Size(), sigma);
        cv::threshold(mask, mask, 127, 255, cv::THRESH_BINARY);
    }
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::findContours(mask, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);

    const double scale = step / up;
    const QPointF origin(double(minX) - border * scale, double(minY) - border * scale);
    const auto simplified = [&](const std::vector<cv::Point>& contour) {
        std::vector<cv::Point> approx;
        cv::approxPolyDP(contour, approx, 0.35 * up, true);
        return approx.size() >= 3 ? approx : contour;
    };
    // Which region each patch falls in: the connected component under its centre pixel.
    cv::Mat labels;
    const int components = cv::connectedComponents(mask, labels, 8, CV_32S);
    std::vector<double> sums(size_t(components), 0);
    std::vector<int> counts(size_t(components), 0);
    for (size_t i = 0; i < n; ++i) {
        const int label =
            labels.at<int>(border + cells[i].y * up + up / 2, border + cells[i].x * up + up / 2);
        sums[size_t(label)] += scores.values[i];
        ++counts[size_t(label)];
    }
    for (size_t c = 0; c < contours.size(); ++c) {
        if (hierarchy[c][3] >= 0)
            continue; // a hole: taken with its outer contour below
        const int label = labels.at<int>(contours[c].front());
        if (label <= 0 || counts[size_t(label)] == 0)
            continue; // smoothing left no patch centre inside
        Geometry g;
        PolygonPart part;
        part.outer = toLevel0(simplified(contours[c]), scale, origin);
        for (int h = hierarchy[c][2]; h >= 0; h = hierarchy[size_t(h)][0])
            part.holes.push_back(toLevel0(simplified(contours[size_t(h)]), scale, origin));
        g.parts.push_back(std::move(part));
        // Simplification can make a ring touch itself or move a hole across the outer ring: then
        // the contours are kept unsimplified.
        if (g.problem()) {
            g.parts.front().outer = toLevel0(contours[c], scale, origin);
            g.parts.front().holes.clear();
            for (int h = hierarchy[c][2]; h >= 0; h = hierarchy[size_t(h)][0])
                g.parts.front().holes.push_back(toLevel0(contours[size_t(h)], scale, origin));
            if (g.problem())
                continue;
        }
        if (g.area() < options.minArea)
            continue;
        HeatmapRegion region;
        region.patches = counts[size_t(label)];
        region.meanScore = sums[size_t(label)] / region.patches;
        region.geometry = std::move(g);
        out.regions.push_back(std::move(region));
    }
    std::sort(out.regions.begin(), out.regions.end(), [](const HeatmapRegion& a, const HeatmapRegion& b) {
        return a.geometry.area() > b.geometry.area();
    });
    return out;
}

} // namespace tessera::core
