// One slide's bag of patch features with their level-0 coordinates (the MIL model's input).
#pragma once

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace tessera::core {

struct FeatureBag {
    int count = 0;                          // N patches
    int dimension = 0;                      // D features per patch
    std::vector<float> features;            // N × D, row-major
    std::vector<std::int64_t> coords;       // N × 2, level-0 top-left (x, y)
    std::vector<float> ratios;              // optional per-patch tissue ratio (SRMIL layout)
    // optional N × 3: each patch's mean optical density (R, G, B) over its stained pixels, NaN
    // where it has none (features/StainDensity.h); absent in files made before it was kept
    std::vector<float> stainDensity;
    std::optional<int> label;               // optional slide label (SRMIL layout)
    std::vector<float> patchLabels;         // optional per-patch ground truth (synthetic bags)
    std::vector<std::int64_t> mimicPatches; // optional: synthetic non-tumour patches shifted like tumour

    // Provenance (CLAM-style attributes); 0 / empty when unknown.
    int patchSize = 0;       // patch side in pixels at `magnification`
    int patchSizeLevel0 = 0; // the same patch in level-0 pixels
    int patchLevel = 0;      // the slide level the patches were read from
    double magnification = 0;
    QString extractor;
    QString extractorVersion;
    QString layout = QStringLiteral("clam"); // "clam" or "srmil": how the file named things

    const float* row(int i) const { return features.data() + std::size_t(i) * dimension; }
};

} // namespace tessera::core
