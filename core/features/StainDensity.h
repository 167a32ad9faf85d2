// The stain of a patch as optical density: what a slide's colour is, for judging whether new
// slides were stained and scanned like the training slides (HistoQC-style colour statistics).
#pragma once

#include <array>
#include <opencv2/core/mat.hpp>
#include <optional>
#include <vector>

namespace tessera::core {

// Mean optical density −log10(I / 255) per channel (R, G, B) over the stained pixels of an RGB
// patch (8-bit, 3 channels): those whose summed density reaches kStainedOd, so that glass between
// the tissue does not dilute the stain. nullopt when the patch has no stained pixel.
std::optional<std::array<float, 3>> meanStainDensity(const cv::Mat& rgb);
constexpr double kStainedOd = 0.3;

// The slide's mean over its patches' densities (N × 3, NaN rows for patches without stain);
// nullopt when no patch has one.
std::optional<std::array<double, 3>> slideStainDensity(const std::vector<float>& perPatch);

} // namespace tessera::core
