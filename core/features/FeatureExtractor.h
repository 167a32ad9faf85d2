// Turns RGB patches into feature vectors; implementations: handcrafted, TorchScript.
#pragma once

#include <QString>
#include <memory>
#include <opencv2/core.hpp>
#include <vector>

namespace tessera::core {

class FeatureExtractor {
public:
    virtual ~FeatureExtractor() = default;
    // Recorded in the feature files; a bag is only reused by the same extractor.
    virtual QString name() const = 0;
    virtual QString version() const = 0;
    virtual int dimension() const = 0;
    virtual int batchSize() const { return 32; }
    // True if extract() may run on several threads at once (then the pipeline calls it per
    // patch from its workers; otherwise in batches from one thread).
    virtual bool parallelPerPatch() const { return false; }
    // `patches` are 8-bit RGB of equal size; `out` receives patches.size() × dimension() floats.
    virtual void extract(const std::vector<cv::Mat>& patches, float* out) = 0;
};

} // namespace tessera::core
