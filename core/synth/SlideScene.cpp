#include "SlideScene.h"

#include "Hash.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

namespace tessera::core {

namespace {

constexpr int kVertices = 160;
constexpr int kHarmonics = 5; // sin(kθ) for k = 2..6

// A star-shaped blob: r(θ) = R·(1 + Σ a_k sin(kθ + φ_k)) with Σ|a_k| = wobble, so the
// radius always stays within R·(1 ± wobble). That bound is what keeps nesting exact.
QPolygonF starBlob(QPointF centre, double radius, double wobble, synth::UnitStream& rng)
{
    std::array<double, kHarmonics> amp{};
    std::array<double, kHarmonics> phase{};
    double total = 0;
    for (int k = 0; k < kHarmonics; ++k) {
        amp[k] = rng.next() / (k + 1.0);
        phase[k] = rng.range(0, 2 * std::numbers::pi);
        total += amp[k];
    }
    QPolygonF polygon;
    polygon.reserve(kVertices + 1);
    for (int v = 0; v < kVertices; ++v) {
        const double theta = 2 * std::numbers::pi * v / kVertices;
        double r = 1.0;
        for (int k = 0; k < kHarmonics; ++k)
            r += wobble * amp[k] / total * std::sin((k + 2) * theta + phase[k]);
        polygon << centre + radius * r * QPointF(std::cos(theta), std::sin(theta));
    }
    polygon << polygon.front();
    return polygon;
}

QPointF polar(QPointF origin, double distance, double angle)
{
    return origin + distance * QPointF(std::cos(angle), std::sin(angle));
}

} // namespace

SlideScene::SlideScene(const SynthSpec& spec) : m_spec(spec)
{
    synth::UnitStream rng(synth::splitMix64(spec.seed ^ 0x5CE9E5EEDull));
    const int count = spec.effectivePieces();
    const double aspect = double(spec.width) / spec.height;
    const int cols = std::max(1, int(std::ceil(std::sqrt(count * aspect))));
    const int rows = (count + cols - 1) / cols;
    const double cellW = double(spec.width) / cols;
    const double cellH = double(spec.height) / rows;
    const double cell = std::min(cellW, cellH);

    // Tissue wobble ≤ 0.3 keeps a piece within 0.47 of its cell: pieces never overlap.
    constexpr double kTissueWobble = 0.3;
    constexpr double kTumourWobble = 0.15;
    constexpr double kHoleWobble = 0.2;

    // Shuffle which cells are used so the tumour pieces are not always top-left.
    std::vector<int> cells(cols * rows);
    for (int i = 0; i < int(cells.size()); ++i)
        cells[i] = i;
    for (int i = int(cells.size()) - 1; i > 0; --i)
        std::swap(cells[i], cells[std::min(i, int(rng.next() * (i + 1)))]);

    for (int p = 0; p < count; ++p) {
        const int c = cells[p];
        const double radius = 0.36 * cell * rng.range(0.8, 1.0);
        const QPointF centre((c % cols + 0.5 + rng.range(-0.03, 0.03)) * cellW,
                             (c / cols + 0.5 + rng.range(-0.03, 0.03)) * cellH);
        TissuePiece piece;
        piece.outline = starBlob(centre, radius, rng.range(0.15, kTissueWobble), rng);
        // Inner radius of the piece is ≥ 0.7 R. A tumour reaches at most 0.2 R + 0.345 R from
        // the centre; holes sit on the far side or at a right angle, clear of the tumour.
        const double tumourAngle = rng.range(0, 2 * std::numbers::pi);
        const bool hasTumour = p < spec.tumourCount;
        if (hasTumour) {
            const QPointF tumourCentre = polar(centre, radius * rng.range(0.1, 0.2), tumourAngle);
            m_tumours.push_back(starBlob(tumourCentre, radius * 0.3, rng.range(0.05, kTumourWobble), rng));
        }
        const int holes = int(rng.next() * 3); // 0, 1 or 2
        for (int h = 0; h < holes; ++h) {
            const double angle = tumourAngle + (h == 0 ? std::numbers::pi : std::numbers::pi / 2);
            const double distance = radius * (h == 0 ? 0.45 : 0.5);
            piece.holes.push_back(
                starBlob(polar(centre, distance, angle), radius * 0.1, rng.range(0.05, kHoleWobble), rng));
        }
        m_pieces.push_back(std::move(piece));
    }
}

} // namespace tessera::core
