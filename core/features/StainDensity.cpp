#include "StainDensity.h"

#include <cmath>

namespace tessera::core {

namespace {

// −log10((v + 1) / 256) for every 8-bit value: the +1 keeps black finite.
const std::array<float, 256>& densityTable()
{
    static const std::array<float, 256> table = [] {
        std::array<float, 256> t{};
        for (int v = 0; v < 256; ++v)
            t[std::size_t(v)] = float(-std::log10((v + 1) / 256.0));
        return t;
    }();
    return table;
}

} // namespace

std::optional<std::array<float, 3>> meanStainDensity(const cv::Mat& rgb)
{
    if (rgb.empty() || rgb.type() != CV_8UC3)
        return std::nullopt;
    const auto& od = densityTable();
    double sum[3] = {0, 0, 0};
    long long stained = 0;
    for (int y = 0; y < rgb.rows; ++y) {
        const auto* p = rgb.ptr<unsigned char>(y);
        for (int x = 0; x < rgb.cols; ++x, p += 3) {
            const float r = od[p[0]], g = od[p[1]], b = od[p[2]];
            if (r + g + b < kStainedOd)
                continue;
            sum[0] += r;
            sum[1] += g;
            sum[2] += b;
            ++stained;
        }
    }
    if (stained == 0)
        return std::nullopt;
    return std::array<float, 3>{float(sum[0] / double(stained)), float(sum[1] / double(stained)),
                                float(sum[2] / double(stained))};
}

std::optional<std::array<double, 3>> slideStainDensity(const std::vector<float>& perPatch)
{
    std::array<double, 3> sum{};
    std::size_t patches = 0;
    for (std::size_t i = 0; i + 2 < perPatch.size(); i += 3) {
        if (!std::isfinite(perPatch[i]) || !std::isfinite(perPatch[i + 1]) || !std::isfinite(perPatch[i + 2]))
            continue;
        for (std::size_t c = 0; c < 3; ++c)
            sum[c] += perPatch[i + c];
        ++patches;
    }
    if (patches == 0)
        return std::nullopt;
    for (double& s : sum)
        s /= double(patches);
    return sum;
}

} // namespace tessera::core
