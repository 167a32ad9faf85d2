#include "PatchGrid.h"

#include "common/Error.h"

#include <cmath>

namespace tessera::core {

PatchGrid PatchGrid::build(const Slide& slide, const TissueMask& tissue, const PatchGridParams& params)
{
    if (params.patchSize < 16 || params.patchSize > 4096)
        throw Error(QStringLiteral("Patch size must be in [16, 4096] (got %1)").arg(params.patchSize));
    if (!(params.magnification > 0))
        throw Error(QStringLiteral("Magnification must be positive (got %1)").arg(params.magnification));
    const auto power = slide.objectivePower();
    if (!power)
        throw Error(
            QStringLiteral("%1 records neither an objective power nor a resolution, so patches at %2× "
                           "cannot be sized; use a slide with resolution metadata")
                .arg(slide.path())
                .arg(params.magnification));
    if (params.magnification > *power * 1.001)
        throw Error(
            QStringLiteral("%1 was scanned at %2×; patches at %3× would be upsampled — choose %2× or less")
                .arg(slide.path())
                .arg(*power)
                .arg(params.magnification));

    PatchGrid grid;
    grid.patchSize = params.patchSize;
    grid.magnification = params.magnification;
    const double scale = *power / params.magnification; // level-0 pixels per target pixel
    grid.patchSizeLevel0 = int(std::lround(params.patchSize * scale));
    grid.readLevel = slide.bestLevelForDownsample(scale);
    grid.readSize = int(std::lround(grid.patchSizeLevel0 / slide.levelDownsample(grid.readLevel)));

    const QSize size = slide.size();
    const int step = grid.patchSizeLevel0;
    for (int y = 0; y + step <= size.height(); y += step)
        for (int x = 0; x + step <= size.width(); x += step) {
            const double fraction = tissue.fractionIn(QRectF(x, y, step, step));
            if (fraction >= params.minTissueFraction) {
                grid.coords.emplace_back(x, y);
                grid.tissueFractions.push_back(float(fraction));
            }
        }
    return grid;
}

} // namespace tessera::core
