#include "MapDifference.h"

#include "common/Error.h"

#include <QCoreApplication>
#include <unordered_map>

namespace tessera::core {

namespace {

std::int64_t cellKey(std::int64_t x, std::int64_t y)
{
    return (y << 32) ^ (x & 0xffffffff);
}

} // namespace

PatchScores percentileDifference(const PatchScores& a, const PatchScores& b)
{
    if (a.step <= 0 || a.step != b.step)
        throw Error(QCoreApplication::translate(
                        "tessera::core::MapDifference",
                        "The two maps lie on different patch grids (%1 and %2 pixels): they cannot be "
                        "subtracted patch by patch")
                        .arg(a.step)
                        .arg(b.step));
    if (a.coords.size() != 2 * a.values.size() || b.coords.size() != 2 * b.values.size())
        throw Error(QCoreApplication::translate("tessera::core::MapDifference",
                                                "A map's scores and patch coordinates disagree"));
    std::unordered_map<std::int64_t, std::size_t> inB;
    inB.reserve(b.values.size());
    for (std::size_t i = 0; i < b.values.size(); ++i)
        inB.emplace(cellKey(b.coords[2 * i], b.coords[2 * i + 1]), i);
    // The patches both maps scored; each is ranked among these only, so that two maps ordering
    // them alike differ nowhere even where one run kept patches the other did not.
    std::vector<float> sharedA, sharedB;
    PatchScores out;
    out.step = a.step;
    for (std::size_t i = 0; i < a.values.size(); ++i) {
        const auto match = inB.find(cellKey(a.coords[2 * i], a.coords[2 * i + 1]));
        if (match == inB.end())
            continue;
        sharedA.push_back(a.values[i]);
        sharedB.push_back(b.values[match->second]);
        out.coords.insert(out.coords.end(), {a.coords[2 * i], a.coords[2 * i + 1]});
    }
    const std::vector<float> rankA = normalizeScores(sharedA, Normalization::Percentile);
    const std::vector<float> rankB = normalizeScores(sharedB, Normalization::Percentile);
    for (std::size_t i = 0; i < rankA.size(); ++i)
        out.values.push_back(rankA[i] - rankB[i]);
    if (out.values.empty())
        throw Error(QCoreApplication::translate(
            "tessera::core::MapDifference",
            "The two maps share no patch: they were made from different patches of the slide"));
    return out;
}

HeatmapImage renderDifference(const PatchScores& difference, QSize slideSize, double smoothing)
{
    HeatmapStyle style;
    style.colormap = Colormap::Coolwarm;
    style.fixedRange = std::pair{-1.0f, 1.0f};
    style.smoothing = smoothing;
    return renderHeatmap(difference, style, slideSize);
}

LegendText differenceLegend(const QString& nameA, const QString& nameB)
{
    return {QCoreApplication::translate("tessera::core::MapDifference", "%1 − %2 (percentile points)")
                .arg(nameA, nameB),
            QCoreApplication::translate("tessera::core::MapDifference",
                                        "red: %1 ranks the patch higher; blue: %2 does")
                .arg(nameA, nameB),
            QStringLiteral("−100"), QStringLiteral("+100")};
}

} // namespace tessera::core
