// The patches of a slide at a target magnification: one global grid over tissue.
#pragma once

#include "TissueDetector.h"
#include "slide/Slide.h"

#include <QPoint>
#include <vector>

namespace tessera::core {

struct PatchGridParams {
    int patchSize = 256;             // pixels at the target magnification
    double magnification = 20;       // objective-equivalent
    double minTissueFraction = 0.25; // of the patch area, from the tissue mask
};

// Patches lie on one grid anchored at level-0 (0, 0) with a step of one patch, so spatial
// neighbours are exact grid steps apart (what the SR-MIL graph relies on).
struct PatchGrid {
    std::vector<QPoint> coords; // level-0 top-left of each patch, row-major order
    std::vector<float> tissueFractions;
    int patchSize = 256;
    int patchSizeLevel0 = 256; // step of the grid in level-0 pixels
    double magnification = 20;
    int readLevel = 0;  // level to read from
    int readSize = 256; // patch side in pixels of readLevel (resampled to patchSize)

    // Throws Error if the slide has no usable resolution or the magnification exceeds it.
    static PatchGrid build(const Slide& slide, const TissueMask& tissue, const PatchGridParams& params);
};

} // namespace tessera::core
