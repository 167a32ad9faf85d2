#include "TissueDetector.h"

#include "RgbOnWhite.h"
#include "common/Error.h"

#include <opencv2/imgproc.hpp>

#include <cmath>
#include <mutex>
#include <numbers>

namespace tessera::core {

namespace {

constexpr int kReadBlock = 4096; // level pixels per region read
constexpr double kDefaultMpp = 0.5;

void throwIfCancelled(const Slide& slide, const std::atomic<bool>* cancel)
{
    if (cancel && cancel->load())
        throw Error(QStringLiteral("%1: tissue detection cancelled").arg(slide.path()));
}

int oddAtLeast(double value, int minimum)
{
    const int v = std::max(minimum, int(std::lround(value)));
    return v % 2 ? v : v + 1;
}

QPolygonF toLevel0(const std::vector<cv::Point>& contour, double downsample)
{
    QPolygonF polygon;
    polygon.reserve(qsizetype(contour.size() + 1));
    for (const cv::Point& p : contour)
        polygon << QPointF((p.x + 0.5) * downsample, (p.y + 0.5) * downsample);
    if (!polygon.isEmpty())
        polygon << polygon.front();
    return polygon;
}

} // namespace

double TissueMask::tissueFraction() const
{
    return mask.empty() ? 0.0 : double(cv::countNonZero(mask)) / double(mask.total());
}

double TissueMask::fractionIn(const QRectF& r) const
{
    const int x0 = std::max(0, int(std::floor(r.left() / downsample)));
    const int y0 = std::max(0, int(std::floor(r.top() / downsample)));
    const int x1 = std::min(mask.cols, int(std::ceil(r.right() / downsample)));
    const int y1 = std::min(mask.rows, int(std::ceil(r.bottom() / downsample)));
    if (x1 <= x0 || y1 <= y0)
        return 0.0;
    return double(cv::countNonZero(mask(cv::Rect(x0, y0, x1 - x0, y1 - y0)))) / double((x1 - x0) * (y1 - y0));
}

cv::Mat TissueDetector::renderDownsampled(const Slide& slide, double downsample,
                                          const std::atomic<bool>* cancel)
{
    const QSize size = slide.size();
    const cv::Size out(int(std::ceil(size.width() / downsample)), int(std::ceil(size.height() / downsample)));
    const int level = slide.bestLevelForDownsample(downsample);
    const double levelDs = slide.levelDownsample(level);
    const QSize levelSize = slide.levelSize(level);
    const double scale = levelDs / downsample; // level pixels → output pixels
    cv::Mat result(out, CV_8UC3, cv::Scalar(255, 255, 255));
    for (int y = 0; y < levelSize.height(); y += kReadBlock)
        for (int x = 0; x < levelSize.width(); x += kReadBlock) {
            throwIfCancelled(slide, cancel);
            const int w = std::min(kReadBlock, levelSize.width() - x);
            const int h = std::min(kReadBlock, levelSize.height() - y);
            const cv::Mat block =
                rgbOnWhite(slide.readRegion(QPoint(int(x * levelDs), int(y * levelDs)), level, QSize(w, h)));
            const int ox = int(std::floor(x * scale)), oy = int(std::floor(y * scale));
            const int ow = std::min(out.width - ox, std::max(1, int(std::lround(w * scale))));
            const int oh = std::min(out.height - oy, std::max(1, int(std::lround(h * scale))));
            if (ow <= 0 || oh <= 0)
                continue;
            cv::Mat small;
            cv::resize(block, small, cv::Size(ow, oh), 0, 0, scale < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
            small.copyTo(result(cv::Rect(ox, oy, ow, oh)));
        }
    return result;
}

void keepOpenCvOnCallersThread()
{
    static std::once_flag once;
    std::call_once(once, [] { cv::setNumThreads(0); });
}

TissueMask TissueDetector::detect(const Slide& slide, const std::atomic<bool>* cancel) const
{
    keepOpenCvOnCallersThread();
    const QSize size = slide.size();
    const double downsample =
        std::max(1.0, double(std::max(size.width(), size.height())) / m_params.maxMaskSide);
    const cv::Mat rgb = renderDownsampled(slide, downsample, cancel);
    throwIfCancelled(slide, cancel);
    return detect(rgb, downsample, size, slide.micronsPerPixel().value_or(kDefaultMpp));
}

TissueMask TissueDetector::detect(const cv::Mat& rgb, double downsample, QSize slideSize, double mpp) const
{
    TissueMask result;
    result.downsample = downsample;
    result.slideSize = slideSize;
    const double umPerMaskPixel = mpp * downsample;

    cv::Mat hsv;
    cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV);
    cv::Mat saturation;
    cv::extractChannel(hsv, saturation, 1);
    cv::medianBlur(saturation, saturation, oddAtLeast(m_params.medianKernel, 3));

    cv::Mat binary;
    if (m_params.saturationThreshold) {
        result.threshold = *m_params.saturationThreshold;
    } else {
        cv::Mat ignored;
        result.threshold =
            int(cv::threshold(saturation, ignored, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU));
        result.threshold = std::max(result.threshold, m_params.minSaturation);
    }
    cv::threshold(saturation, binary, result.threshold, 255, cv::THRESH_BINARY);

    const auto disk = [&](double radiusUm) {
        const int r = std::max(1, int(std::lround(radiusUm / umPerMaskPixel)));
        return cv::getStructuringElement(cv::MORPH_ELLIPSE, cv::Size(2 * r + 1, 2 * r + 1));
    };
    cv::morphologyEx(binary, binary, cv::MORPH_CLOSE, disk(m_params.closeRadiusUm));
    cv::morphologyEx(binary, binary, cv::MORPH_OPEN, disk(m_params.openRadiusUm));

    // Pieces and their holes: keep large pieces, carve only large holes.
    std::vector<std::vector<cv::Point>> contours;
    std::vector<cv::Vec4i> hierarchy;
    cv::findContours(binary, contours, hierarchy, cv::RETR_CCOMP, cv::CHAIN_APPROX_SIMPLE);
    const double umArea = umPerMaskPixel * umPerMaskPixel;
    result.mask = cv::Mat::zeros(binary.size(), CV_8U);
    for (int i = 0; i >= 0 && i < int(contours.size()); i = hierarchy[i][0]) { // top level only
        if (cv::contourArea(contours[i]) * umArea < m_params.minTissueAreaUm2)
            continue;
        cv::drawContours(result.mask, contours, i, cv::Scalar(255), cv::FILLED);
        result.outlines.push_back(toLevel0(contours[i], downsample));
        for (int h = hierarchy[i][2]; h >= 0; h = hierarchy[h][0]) {
            if (cv::contourArea(contours[h]) * umArea < m_params.minHoleAreaUm2)
                continue;
            // A hole's contour runs along the tissue pixels around it: keep those.
            cv::drawContours(result.mask, contours, h, cv::Scalar(0), cv::FILLED);
            cv::drawContours(result.mask, contours, h, cv::Scalar(255), 1);
            result.holes.push_back(toLevel0(contours[h], downsample));
        }
    }
    return result;
}

} // namespace tessera::core
