#include "SyntheticBags.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "features/FeatureStore.h"

#include <QDir>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

namespace tessera::core {

namespace {

constexpr int kPatch = 256; // level-0 pixels per grid step

struct Blob {
    double cx, cy, radius;
    double amp[4], phase[4];
    bool contains(double x, double y) const
    {
        const double dx = x - cx, dy = y - cy;
        const double theta = std::atan2(dy, dx);
        double r = radius;
        for (int k = 0; k < 4; ++k)
            r += radius * amp[k] * std::sin((k + 2) * theta + phase[k]);
        return std::hypot(dx, dy) <= r;
    }
};

Blob randomBlob(std::mt19937_64& rng, double cx, double cy, double radius)
{
    std::uniform_real_distribution<double> u(0, 1);
    Blob b{cx, cy, radius, {}, {}};
    for (int k = 0; k < 4; ++k) {
        b.amp[k] = 0.08 * u(rng);
        b.phase[k] = 2 * std::numbers::pi * u(rng);
    }
    return b;
}

} // namespace

void writeSyntheticBags(const SyntheticBagsSpec& spec, const QString& out)
{
    if (spec.slides < 4 || spec.dimension < 2 || spec.minPatches < 10 || spec.maxPatches < spec.minPatches)
        throw Error(QStringLiteral("synth-bags: need ≥ 4 slides, ≥ 2 dimensions and 10 ≤ min ≤ max patches"));
    if (!(spec.mimicFraction >= 0 && spec.mimicFraction + spec.tumourFraction <= 0.35))
        throw Error(
            QStringLiteral("synth-bags: the mimic fraction must lie in [0, %1] (isolated patches need room)")
                .arg(0.35 - spec.tumourFraction));
    const QString featureDir = QDir(out).filePath(QStringLiteral("features"));
    if (!QDir().mkpath(featureDir))
        throw Error(QStringLiteral("Cannot create %1").arg(featureDir));
    std::mt19937_64 rng(spec.seed);
    std::normal_distribution<double> gauss(0, 1);
    std::uniform_real_distribution<double> u(0, 1);

    // One hidden tumour direction for the whole data set.
    std::vector<double> direction(std::size_t(spec.dimension));
    double norm = 0;
    for (double& v : direction) {
        v = gauss(rng);
        norm += v * v;
    }
    for (double& v : direction)
        v /= std::sqrt(norm);

    QByteArray labels = "slide_id,label\n";
    for (int s = 0; s < spec.slides; ++s) {
        const bool positive = s < int(std::lround(spec.positiveFraction * spec.slides));
        const int target = spec.minPatches + int(u(rng) * (spec.maxPatches - spec.minPatches));
        // Tissue: one irregular blob, possibly with a hole, on a grid big enough to hold it.
        const double radius = std::sqrt(target / std::numbers::pi) * 1.05;
        const int side = int(std::ceil(2.6 * radius)) + 2;
        const Blob tissue = randomBlob(rng, side / 2.0, side / 2.0, radius);
        const bool holed = u(rng) < 0.5;
        const Blob hole = randomBlob(rng, side / 2.0 + radius * 0.4, side / 2.0, radius * 0.18);
        // Tumour: one or two coherent discs inside the tissue of positive slides.
        // With mimics, negatives draw them too, as phantoms: the patches they would cover become
        // extra mimics, so both classes get the same number of shifted patches.
        std::vector<Blob> tumours;
        if (positive || spec.mimicFraction > 0) {
            const int count = u(rng) < 0.5 ? 1 : 2;
            for (int t = 0; t < count; ++t) {
                const double angle = 2 * std::numbers::pi * u(rng);
                tumours.push_back(randomBlob(rng, side / 2.0 + 0.35 * radius * std::cos(angle),
                                             side / 2.0 + 0.35 * radius * std::sin(angle),
                                             radius * std::sqrt(spec.tumourFraction / count)));
            }
        }
        // A smooth per-slide field (tissue architecture) that neighbours share.
        std::vector<double> fx(std::size_t(spec.dimension)), fy(fx), ph(fx);
        for (int k = 0; k < spec.dimension; ++k) {
            fx[std::size_t(k)] = 0.05 + 0.25 * u(rng);
            fy[std::size_t(k)] = 0.05 + 0.25 * u(rng);
            ph[std::size_t(k)] = 2 * std::numbers::pi * u(rng);
        }

        // Each grid cell: 0 glass, 1 tissue, 2 tumour, 3 mimic.
        enum Cell : char { Glass, Tissue, Tumour, Mimic };
        std::vector<char> cells(std::size_t(side) * side, Glass);
        std::vector<int> tissueCells;
        int phantoms = 0; // a negative slide's cells inside its phantom tumours
        for (int gy = 0; gy < side; ++gy)
            for (int gx = 0; gx < side; ++gx) {
                const double x = gx + 0.5, y = gy + 0.5;
                if (!tissue.contains(x, y) || (holed && hole.contains(x, y)))
                    continue;
                bool tumour = false;
                for (const Blob& t : tumours)
                    tumour = tumour || t.contains(x, y);
                phantoms += tumour && !positive;
                tumour = tumour && positive;
                cells[std::size_t(gy) * side + gx] = tumour ? Tumour : Tissue;
                if (!tumour)
                    tissueCells.push_back(gy * side + gx);
            }
        if (spec.mimicFraction > 0) {
            const int wanted = int(std::lround(spec.mimicFraction * double(tissueCells.size()))) + phantoms;
            std::shuffle(tissueCells.begin(), tissueCells.end(), rng);
            const auto isShifted = [&](int gx, int gy) {
                return gx >= 0 && gy >= 0 && gx < side && gy < side &&
                       cells[std::size_t(gy) * side + gx] >= Tumour;
            };
            int placed = 0;
            for (const int cell : tissueCells) {
                if (placed == wanted)
                    break;
                const int gx = cell % side, gy = cell / side;
                if (isShifted(gx - 1, gy) || isShifted(gx + 1, gy) || isShifted(gx, gy - 1) ||
                    isShifted(gx, gy + 1))
                    continue; // isolated: no shifted patch shares an edge with it
                cells[std::size_t(cell)] = Mimic;
                ++placed;
            }
        }

        FeatureBag bag;
        bag.dimension = spec.dimension;
        for (int gy = 0; gy < side; ++gy)
            for (int gx = 0; gx < side; ++gx) {
                const char cell = cells[std::size_t(gy) * side + gx];
                if (cell == Glass)
                    continue;
                const bool tumour = cell == Tumour, shifted = cell >= Tumour;
                for (int k = 0; k < spec.dimension; ++k) {
                    const double field =
                        spec.fieldAmplitude * std::sin(fx[std::size_t(k)] * gx + ph[std::size_t(k)]) +
                        spec.fieldAmplitude * std::cos(fy[std::size_t(k)] * gy + ph[std::size_t(k)]);
                    const double value =
                        field + 0.5 * gauss(rng) +
                        (shifted ? spec.signal * direction[std::size_t(k)] * std::sqrt(spec.dimension) * 0.5
                                 : 0.0);
                    bag.features.push_back(float(value));
                }
                bag.coords.push_back(std::int64_t(gx) * kPatch);
                bag.coords.push_back(std::int64_t(gy) * kPatch);
                if (cell == Mimic)
                    bag.mimicPatches.push_back(std::int64_t(bag.patchLabels.size()));
                bag.patchLabels.push_back(tumour ? 1.f : 0.f);
            }
        bag.count = int(bag.patchLabels.size());
        bag.patchSize = kPatch;
        bag.patchSizeLevel0 = kPatch;
        bag.magnification = 20;
        bag.extractor = QStringLiteral("synthetic");
        bag.extractorVersion = QStringLiteral("1");
        const QString id = QStringLiteral("slide_%1").arg(s, 3, 10, QLatin1Char('0'));
        FeatureStore::write(QDir(featureDir).filePath(id + QStringLiteral(".h5")), bag);
        labels += (id + (positive ? QStringLiteral(",tumour\n") : QStringLiteral(",normal\n"))).toUtf8();
    }
    writeFileAtomically(QDir(out).filePath(QStringLiteral("labels.csv")), labels);
}

} // namespace tessera::core
