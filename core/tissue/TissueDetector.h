// Finds tissue on a low-resolution rendering of a slide (saturation Otsu + morphology).
#pragma once

#include "slide/Slide.h"

#include <QPolygonF>
#include <atomic>
#include <opencv2/core.hpp>
#include <optional>

namespace tessera::core {

struct TissueParams {
    int maxMaskSide = 2048;                 // the mask is at most this many pixels on its long side
    int medianKernel = 5;                   // odd, in mask pixels
    std::optional<int> saturationThreshold; // 0–255; Otsu when unset
    int minSaturation = 15;                 // floor for Otsu's threshold (blank slides have no tissue)
    double closeRadiusUm = 8;               // morphological closing / opening radii
    double openRadiusUm = 4;
    double minTissueAreaUm2 = 10000; // smaller pieces are dropped (dust, debris)
    double minHoleAreaUm2 = 1000;    // smaller holes are filled (lumens and fat stay holes)
};

struct TissueMask {
    cv::Mat mask;          // CV_8U, 255 = tissue
    double downsample = 1; // level-0 pixels per mask pixel
    int threshold = 0;     // the saturation threshold used
    QSize slideSize;
    std::vector<QPolygonF> outlines; // level-0 outer contours of the kept pieces
    std::vector<QPolygonF> holes;    // level-0 contours of the kept holes

    double tissueFraction() const;
    // Fraction of tissue inside a level-0 rectangle (0 outside the mask).
    double fractionIn(const QRectF& level0) const;
};

// Makes OpenCV run on the calling thread, once for the process. OpenCV's own pool (TBB in Debian's
// build) spins on sched_yield while it waits; Tessera already runs detections and patch readers side
// by side, and on two cores the spinning starved them (1000 cancelled analyses took over five
// minutes instead of one: tst_faults_cancel in CI).
void keepOpenCvOnCallersThread();

class TissueDetector {
public:
    explicit TissueDetector(TissueParams params = {}) : m_params(params) {}
    // Throws Error if the slide cannot be read, or once `cancel` is set (checked between reads and
    // before the mask is computed).
    TissueMask detect(const Slide& slide, const std::atomic<bool>* cancel = nullptr) const;
    // The same on an RGB image already at `downsample` (for tests and other sources).
    TissueMask detect(const cv::Mat& rgb, double downsample, QSize slideSize, double mpp) const;

    // The slide rendered at `downsample` (RGB on white), read level-by-region so that even a
    // single-level gigapixel slide never needs one huge read.
    static cv::Mat renderDownsampled(const Slide& slide, double downsample,
                                     const std::atomic<bool>* cancel = nullptr);

private:
    TissueParams m_params;
};

} // namespace tessera::core
