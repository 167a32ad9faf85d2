// What the training patches' features look like, compactly: each feature's mean and spread, and a
// k-means codebook of the standardised features. A new slide's distance to it says how far its
// patches lie from anything seen in training (a kNN-to-prototypes detector, Le Bescond 2023).
#pragma once

#include "features/FeatureBag.h"

#include <cstdint>
#include <vector>

namespace tessera::core {

class FeatureCodebook {
public:
    static constexpr int kMaxCentres = 64;
    static constexpr int kMaxSampledPatches = 20000;
    static constexpr double kLowestRelativeScale = 0.05; // of the median feature's spread

    FeatureCodebook() = default;
    // Fits on at most kMaxSampledPatches patches drawn evenly from `bags` (seeded, so repeatable).
    // Empty when the bags hold no patch.
    static FeatureCodebook fit(const std::vector<const FeatureBag*>& bags, std::uint64_t seed);
    // From stored arrays; empty when their sizes do not agree.
    static FeatureCodebook fromArrays(int dimension, std::vector<float> mean, std::vector<float> scale,
                                      std::vector<float> centres);

    bool isEmpty() const { return m_centres.empty(); }
    int dimension() const { return m_dimension; }
    int centres() const { return m_dimension > 0 ? int(m_centres.size() / std::size_t(m_dimension)) : 0; }
    const std::vector<float>& mean() const { return m_mean; }
    const std::vector<float>& scale() const { return m_scale; }
    const std::vector<float>& centreValues() const { return m_centres; } // centres × dimension

    // Each patch's distance to its nearest centre in standardised units per feature
    // (‖z − c‖ / √D, so 1 means "one spread away in every feature").
    std::vector<float> patchDistances(const FeatureBag& bag) const;
    // The slide's score: the mean of its patches' distances.
    double slideDistance(const FeatureBag& bag) const;

private:
    int m_dimension = 0;
    std::vector<float> m_mean, m_scale, m_centres;
};

} // namespace tessera::core
