// A slide region (premultiplied ARGB, transparent = glass) as 8-bit RGB on white, for OpenCV.
#pragma once

#include <QImage>
#include <opencv2/core.hpp>

namespace tessera::core {

// Composited by hand rather than with QPainter: Qt splits large image operations over its global
// thread pool and waits for them, which deadlocks a caller whose own job holds that pool's threads
// (two analyses at once on two cores; found by tst_faults_cancel). Over white, premultiplied
// source-over is c + 255 − a: the bytes QPainter gave.
cv::Mat rgbOnWhite(QImage argb);

} // namespace tessera::core
