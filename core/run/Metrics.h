// Slide-level classification metrics: AUC (per class, macro), accuracy, balanced accuracy, F1.
#pragma once

#include <QJsonObject>
#include <limits>
#include <utility>
#include <vector>

namespace tessera::core {

struct ClassificationMetrics {
    int classes = 0;
    int samples = 0;
    std::vector<double> aucPerClass; // one-vs-rest; NaN where a class is absent or alone
    double macroAuc = 0;             // mean of the defined per-class AUCs (binary: the positive class)
    double accuracy = 0;
    double balancedAccuracy = 0;
    double macroF1 = 0;
    std::vector<std::vector<int>> confusion; // [true][predicted]
    // The 95 % bootstrap interval of macroAuc, and the mean cross-entropy: NaN where not computed
    // (per-epoch metrics) or undefined.
    double aucLow = std::numeric_limits<double>::quiet_NaN();
    double aucHigh = std::numeric_limits<double>::quiet_NaN();
    double loss = std::numeric_limits<double>::quiet_NaN();

    // An AUC on fewer slides of a class than this says nothing worth reading.
    static constexpr int kMinimumPerClass = 5;
    std::vector<int> samplesPerClass() const; // by true class
    bool aucIsMeasurable() const;             // every class has kMinimumPerClass samples

    // `probabilities` is samples × classes, row-major.
    static ClassificationMetrics compute(const std::vector<float>& probabilities,
                                         const std::vector<int>& labels, int classes);
    QJsonObject toJson() const;
    static ClassificationMetrics fromJson(const QJsonObject& json); // absent AUCs come back as NaN
};

// The 95 % percentile-bootstrap interval of the macro AUC (as ClassificationMetrics computes it):
// `resamples` draws of the samples with replacement within each class (so every draw has every
// class), from a fixed seed so that a run's interval can be recomputed. NaN, NaN when a class is
// missing.
std::pair<double, double> bootstrapAucInterval(const std::vector<float>& probabilities,
                                               const std::vector<int>& labels, int classes,
                                               int resamples = 2000, unsigned seed = 20261206);

// Area under the ROC curve of `scores` for `positive` labels (ties count half); NaN if either
// side is empty.
double rocAuc(const std::vector<double>& scores, const std::vector<bool>& positive);

} // namespace tessera::core
