#include "TilePlan.h"

#include <algorithm>
#include <cmath>

namespace tessera::ui {

namespace {
constexpr double kLevelSlack = 1.1;
}

int displayLevel(const core::Slide& slide, double scale)
{
    return slide.bestLevelForDownsample(kLevelSlack / scale);
}

TileSpan visibleTiles(const core::TileLoader& loader, const ViewTransform& view, int level, int margin)
{
    const double ds = loader.slide()->levelDownsample(level);
    const QRectF v = view.visibleLevel0Rect();
    const QSize grid = loader.gridSize(level);
    const double t = core::TileLoader::kTileSize * ds;
    const int c0 = std::max(0, int(std::floor(v.left() / t)) - margin);
    const int r0 = std::max(0, int(std::floor(v.top() / t)) - margin);
    const int c1 = std::min(grid.width() - 1, int(std::ceil(v.right() / t)) - 1 + margin);
    const int r1 = std::min(grid.height() - 1, int(std::ceil(v.bottom() / t)) - 1 + margin);
    return {level, c0, r0, c1, r1};
}

QList<core::TileRequest> planTileRequests(const core::TileLoader& loader, const ViewTransform& view,
                                          TileWave wave)
{
    QList<core::TileRequest> wanted;
    const core::Slide& slide = *loader.slide();
    const int level = displayLevel(slide, view.scale());
    const int top = slide.levelCount() - 1;
    const auto add = [&](const TileSpan& span, int priority, bool byDistance) {
        const double cc = (span.c0 + span.c1) / 2.0, cr = (span.r0 + span.r1) / 2.0;
        for (int r = span.r0; r <= span.r1; ++r)
            for (int c = span.c0; c <= span.c1; ++c) {
                // Nearer the centre of the view first.
                const int bonus = byDistance ? 100 - std::min(100, int(std::hypot(c - cc, r - cr))) : 0;
                wanted.append({loader.keyAt(span.level, c, r), priority + bonus});
            }
    };
    add(visibleTiles(loader, view, top), 3000, false);  // always something to show
    add(visibleTiles(loader, view, level), 2000, true); // what the user sees
    if (wave == TileWave::Visible)
        return wanted;
    add(visibleTiles(loader, view, level, 1), 1000, true); // neighbours, for panning
    if (level + 1 < top)
        add(visibleTiles(loader, view, level + 1), 500, false); // zooming out
    if (level > 0) {
        const TileSpan finer = visibleTiles(loader, view, level - 1); // zooming in: the middle
        const int dc = (finer.c1 - finer.c0) / 4, dr = (finer.r1 - finer.r0) / 4;
        add({finer.level, finer.c0 + dc, finer.r0 + dr, finer.c1 - dc, finer.r1 - dr}, 0, true);
    }
    return wanted;
}

} // namespace tessera::ui
