// Slide → tissue mask → patch grid → parallel patch reads → features → HDF5 bag.
#pragma once

#include "FeatureExtractor.h"
#include "jobs/ProgressEvent.h"
#include "tissue/PatchGrid.h"
#include "tissue/TissueDetector.h"

#include <atomic>

namespace tessera::core {

struct ExtractionOptions {
    PatchGridParams grid;
    TissueParams tissue;
    int threads = 0;       // patch readers; 0 = all cores
    ProgressSink progress; // Progress events in patches, per slide (see docs/JOBS.md)
    const std::atomic<bool>* cancel = nullptr;
};

struct SlideExtraction {
    QString slide;
    QString output;
    int patches = 0;
    int unreadablePatches = 0;
    bool reused = false; // a complete file from the same extractor was already there
    double seconds = 0;
};

class ExtractionPipeline {
public:
    ExtractionPipeline(FeatureExtractor& extractor, ExtractionOptions options);

    // Writes <outDir>/<slide base name>.h5 atomically, or reuses a complete one. Throws Error
    // (no file written) for an unreadable slide, a slide without tissue, or cancellation.
    SlideExtraction run(const QString& slidePath, const QString& outDir);

    static QString outputPath(const QString& slidePath, const QString& outDir);

private:
    void emitProgress(const ProgressEvent& event) const;
    FeatureExtractor& m_extractor;
    ExtractionOptions m_options;
};

} // namespace tessera::core
