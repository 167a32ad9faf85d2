#include "SynthSpec.h"

#include "common/Error.h"

#include <algorithm>
#include <cmath>

namespace tessera::core {

namespace {
constexpr int kMinSide = 256;
constexpr int kMaxSide = 400000;
constexpr int kMaxTumours = 32;
} // namespace

std::vector<FieldProblem> SynthSpec::problems() const
{
    std::vector<FieldProblem> found;
    const auto side = [&](const char* name, int value) {
        if (value < kMinSide || value > kMaxSide)
            found.push_back(
                {QLatin1String(name), QStringLiteral("the slide %1 must be between %2 and %3 pixels (got %4)")
                                          .arg(QLatin1String(name))
                                          .arg(kMinSide)
                                          .arg(kMaxSide)
                                          .arg(value)});
    };
    side("width", width);
    side("height", height);
    if (tumourCount < 0 || tumourCount > kMaxTumours)
        found.push_back({QStringLiteral("tumour"),
                         QStringLiteral("the number of tumours must be between 0 and %1 (got %2)")
                             .arg(kMaxTumours)
                             .arg(tumourCount)});
    if (tissuePieces < 0 || tissuePieces > 64)
        found.push_back(
            {QStringLiteral("pieces"),
             QStringLiteral("the number of tissue pieces must be between 0 (automatic) and 64 (got %1)")
                 .arg(tissuePieces)});
    if (!(mpp >= 0.05 && mpp <= 20.0))
        found.push_back(
            {QStringLiteral("mpp"),
             QStringLiteral("the resolution must be between 0.05 and 20 µm per pixel (got %1)").arg(mpp)});
    if (tileSize < 64 || tileSize > 2048 || tileSize % 16 != 0)
        found.push_back(
            {QStringLiteral("tile_size"),
             QStringLiteral("the tile size must be a multiple of 16 in [64, 2048] (got %1)").arg(tileSize)});
    if (jpegQuality < 1 || jpegQuality > 100)
        found.push_back({QStringLiteral("jpeg_quality"),
                         QStringLiteral("the JPEG quality must be in [1, 100] (got %1)").arg(jpegQuality)});
    if (!(hueShift >= -180 && hueShift <= 180))
        found.push_back(
            {QStringLiteral("hue_shift"),
             QStringLiteral("the hue shift must be in [-180, 180] degrees (got %1)").arg(hueShift)});
    if (!(saturationScale >= 0 && saturationScale <= 2))
        found.push_back(
            {QStringLiteral("saturation"),
             QStringLiteral("the saturation scale must be in [0, 2] (got %1)").arg(saturationScale)});
    if (!(blurSigma >= 0 && blurSigma <= 5))
        found.push_back({QStringLiteral("blur"),
                         QStringLiteral("the blur must be in [0, 5] pixels (got %1)").arg(blurSigma)});
    if (format != QLatin1String("tiff") && format != QLatin1String("ome-tiff") && format != QLatin1String("dicom"))
        found.push_back({QStringLiteral("format"),
                         QStringLiteral("the format must be tiff, ome-tiff or dicom (got '%1')").arg(format)});
    if (maskDownsample < 1 || maskDownsample > 256)
        found.push_back(
            {QStringLiteral("mask_downsample"),
             QStringLiteral("the mask downsample must be in [1, 256] (got %1)").arg(maskDownsample)});
    return found;
}

void SynthSpec::validate() const
{
    throwIfAny(problems());
}

int SynthSpec::effectivePieces() const
{
    if (tissuePieces > 0)
        return std::max(tissuePieces, tumourCount);
    // Roughly one piece per 8k×8k field, 2 to 6 of them, and room for every tumour.
    const double fields = (double(width) * double(height)) / (8000.0 * 8000.0);
    const int automatic = std::clamp(int(std::lround(fields)) + 1, 2, 6);
    return std::max(automatic, tumourCount);
}

} // namespace tessera::core
