// Parameters of a synthetic H&E-like slide; the same spec always yields the same bytes.
#pragma once

#include "common/Error.h"

#include <QString>
#include <cstdint>

namespace tessera::core {

struct SynthSpec {
    int width = 20000; // level-0 pixels
    int height = 20000;
    std::uint64_t seed = 1;
    int tumourCount = 0;  // tumour regions, each inside a different tissue piece
    int tissuePieces = 0; // 0 = choose from the slide size
    double mpp = 0.5;     // microns per level-0 pixel (0.5 ≈ 20× objective)
    int tileSize = 256;
    int jpegQuality = 90;
    int maskDownsample = 16; // ground-truth mask resolution relative to level 0

    std::vector<FieldProblem> problems() const; // keys: width, height, tumour, pieces, mpp, …
    void validate() const;                      // throws FieldError for the first problem
    int effectivePieces() const;
};

} // namespace tessera::core
