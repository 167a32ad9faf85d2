// Writes a synthetic pyramidal slide plus its ground truth (mask PNG and GeoJSON).
#pragma once

#include "GroundTruth.h"
#include "SynthSpec.h"

#include <QString>
#include <functional>

namespace tessera::core {

struct SynthResult {
    QString slidePath;
    GroundTruthPaths truth;
    int levels = 0;
    int tumourRegions = 0;
    int tissuePieces = 0;
    double seconds = 0;
};

class SyntheticSlideGenerator {
public:
    using Progress = std::function<void(double fraction)>;

    explicit SyntheticSlideGenerator(SynthSpec spec);

    // Renders level 0 tile row by tile row on the global thread pool while the previous row
    // is JPEG-encoded, keeps the half-resolution level in memory and derives the rest from it.
    // Nothing appears under `slidePath` unless every file was written in full.
    SynthResult write(const QString& slidePath, const Progress& progress = {}) const;

    // The level sizes the slide will have: halving until the largest side is < 1024.
    static std::vector<std::pair<int, int>> levelSizes(int width, int height);

private:
    SynthSpec m_spec;
};

} // namespace tessera::core
