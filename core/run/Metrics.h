// Slide-level classification metrics: AUC (per class, macro), accuracy, balanced accuracy, F1.
#pragma once

#include <QJsonObject>
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

    // `probabilities` is samples × classes, row-major.
    static ClassificationMetrics compute(const std::vector<float>& probabilities,
                                         const std::vector<int>& labels, int classes);
    QJsonObject toJson() const;
    static ClassificationMetrics fromJson(const QJsonObject& json); // absent AUCs come back as NaN
};

// Area under the ROC curve of `scores` for `positive` labels (ties count half); NaN if either
// side is empty.
double rocAuc(const std::vector<double>& scores, const std::vector<bool>& positive);

} // namespace tessera::core
