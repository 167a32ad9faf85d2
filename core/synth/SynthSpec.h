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
    // The file layout: "tiff" (a generic tiled TIFF, one directory per level, as OpenSlide reads
    // it) or "ome-tiff" (OME-XML description, the reduced levels in SubIFDs of level 0, as
    // Bio-Formats' bfconvert writes them) or "dicom" (a folder at the slide path: a DICOM
    // whole-slide series of JPEG frames, one instance per level). The pixels are the same.
    QString format = QStringLiteral("tiff");
    // Shifts and artefacts, for slides unlike the usual ones (out-of-distribution tests): the
    // stain's hue rotated by `hueShift` degrees and its saturation scaled, a Gaussian blur of
    // `blurSigma` level-0 pixels (out of focus), and marker-pen strokes over about a tenth of each
    // tissue piece, or another texture. The ground truth stays that of the unshifted slide.
    double hueShift = 0;        // degrees, [-180, 180]
    double saturationScale = 1; // [0, 2]
    double blurSigma = 0;       // level-0 pixels, [0, 5]
    bool penMarks = false;
    // Another tissue: coarser stroma and fewer, spindle-shaped nuclei.
    bool otherTexture = false;
    bool isShifted() const
    {
        return hueShift != 0 || saturationScale != 1 || blurSigma > 0 || penMarks || otherTexture;
    }

    std::vector<FieldProblem> problems() const; // keys: width, height, tumour, pieces, mpp, …
    void validate() const;                      // throws FieldError for the first problem
    int effectivePieces() const;
};

} // namespace tessera::core
