// Paints any level-0 rectangle of a SlideScene as H&E-like RGB, independently per tile.
#pragma once

#include "SlideScene.h"

#include <QRect>
#include <opencv2/core.hpp>

namespace tessera::core {

// Colours and nucleus statistics; tumour nuclei are larger, denser and darker. The values
// are chosen so that a handcrafted colour/texture feature can tell the two apart.
struct TissueLook {
    cv::Vec3f background{243, 242, 245};
    cv::Vec3f stroma{232, 158, 192};
    cv::Vec3f tumourStroma{214, 140, 186};
};

class TileRenderer {
public:
    explicit TileRenderer(const SlideScene& scene);

    // Renders region (level-0 pixels) into an 8-bit RGB image of the region's size. Every
    // pixel depends only on its level-0 position and the seed, so tiles join seamlessly.
    cv::Mat render(const QRect& region) const;

private:
    // The spec's stain shift, pen marks and blur, on the padded canvas whose top left is `origin`.
    void applyShifts(cv::Mat& canvas, QPoint origin) const;

    const SlideScene& m_scene;
    TissueLook m_look;
    std::vector<QRectF> m_pieceBounds;
    int m_margin = 0; // rendered around each region and cut off
};

} // namespace tessera::core
