#include "RgbOnWhite.h"

#include <algorithm>
#include <cstdint>

namespace tessera::core {

cv::Mat rgbOnWhite(QImage argb)
{
    if (argb.format() != QImage::Format_ARGB32_Premultiplied)
        argb.convertTo(QImage::Format_ARGB32_Premultiplied);
    cv::Mat rgb(argb.height(), argb.width(), CV_8UC3);
    for (int y = 0; y < argb.height(); ++y) {
        const auto* in = reinterpret_cast<const QRgb*>(argb.constScanLine(y));
        auto* out = rgb.ptr<std::uint8_t>(y);
        for (int x = 0; x < argb.width(); ++x) {
            const int glass = 255 - qAlpha(in[x]);
            out[3 * x] = std::uint8_t(std::min(255, qRed(in[x]) + glass));
            out[3 * x + 1] = std::uint8_t(std::min(255, qGreen(in[x]) + glass));
            out[3 * x + 2] = std::uint8_t(std::min(255, qBlue(in[x]) + glass));
        }
    }
    return rgb;
}

} // namespace tessera::core
