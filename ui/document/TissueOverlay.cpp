#include "TissueOverlay.h"

namespace tessera::ui {

QImage tissueOverlayImage(const core::TissueMask& tissue)
{
    const cv::Mat& m = tissue.mask;
    QImage image(m.cols, m.rows, QImage::Format_ARGB32_Premultiplied);
    const QRgb tint = qPremultiply(qRgba(30, 200, 90, 40));
    for (int y = 0; y < m.rows; ++y) {
        const uchar* in = m.ptr<uchar>(y);
        auto* out = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < m.cols; ++x)
            out[x] = in[x] ? tint : 0;
    }
    return image;
}

} // namespace tessera::ui
