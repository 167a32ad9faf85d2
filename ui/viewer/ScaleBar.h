// The scale bar in the view's lower left corner: a round length (1, 2 or 5 × 10^k µm) near
// 120 screen pixels.
#pragma once

#include <QRect>
#include <optional>
#include <utility>

class QFont;
class QPainter;

namespace tessera::ui {

class ScaleBar {
public:
    // {µm, screen pixels} at `scale` screen pixels per level-0 pixel; {0, 0} without a known MPP.
    static std::pair<double, double> length(std::optional<double> micronsPerPixel, double scale);
    // Draws it inside `viewport` (widget pixels).
    static void paint(QPainter& painter, const QRect& viewport, const QFont& font,
                      std::optional<double> micronsPerPixel, double scale);
};

} // namespace tessera::ui
