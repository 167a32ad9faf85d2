// A trained run applied to one slide: features (extracted when missing) → prediction, both
// kept in a project folder and reused while the run and the slide's features are unchanged.
#pragma once

#include "Predictor.h"
#include "jobs/ProgressEvent.h"

#include <atomic>
#include <memory>

namespace tessera::core {

struct SlideInferenceOptions {
    QString projectDir; // features in <project>/features, results in <project>/predictions/<run>
    QString device = QStringLiteral("auto");
    int threads = 0;       // patch readers for extraction; 0 = all cores
    ProgressSink progress; // extraction's Progress events, then a Message before the prediction
    const std::atomic<bool>* cancel = nullptr;
};

struct SlideInferenceResult {
    Prediction prediction;
    QString featuresPath;
    QString resultsPath;
    bool extracted = false; // features were computed now
    // The features the prediction was made from (not set when stored results were reused).
    struct {
        int patches = 0;
        int dimension = 0;
        QString extractor;
        int patchSize = 0;
        double magnification = 0;
    } features;
    bool reusedResults = false; // the stored prediction was current and nothing was recomputed
};

class SlideInference {
public:
    // Loads the run (throws Error as Predictor does).
    SlideInference(const QString& runDir, SlideInferenceOptions options);
    ~SlideInference();

    // Throws Error (nothing half-written) for an unreadable slide, a slide without tissue,
    // features from another extractor or of another dimension, or cancellation.
    SlideInferenceResult run(const QString& slidePath) const;

    static QString featuresPath(const QString& projectDir, const QString& slidePath);
    QString resultsPath(const QString& slidePath) const;
    const Predictor& predictor() const { return *m_predictor; }

private:
    QString m_runDir;
    SlideInferenceOptions m_options;
    std::unique_ptr<Predictor> m_predictor;
};

} // namespace tessera::core
