// ROC and precision–recall curves of one score, the AUC's DeLong interval, DeLong's test between
// two scores of the same slides, a decision threshold, and reliability (calibration) bins.
//
// Samples with a non-finite score are left out (in a paired test, the pair).
//
// DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44:837–845, computed through midranks as in
// Sun & Xu (2014), IEEE Signal Processing Letters 21:1389–1393: O(n log n) instead of the O(m·n)
// comparison of every positive with every negative.
#pragma once

#include <QString>
#include <vector>

namespace tessera::core {

struct RocPoint {
    double falsePositiveRate = 0, truePositiveRate = 0;
    double threshold = 0; // a slide is called positive when its score ≥ threshold
};

struct PrecisionRecallPoint {
    double recall = 0, precision = 1;
    double threshold = 0;
};

// From (0, 0) to (1, 1), one point per distinct score (ties move diagonally). Empty when either
// side has no sample.
std::vector<RocPoint> rocCurve(const std::vector<double>& scores, const std::vector<bool>& positive);
// One point per distinct score, recall rising; empty without positives.
std::vector<PrecisionRecallPoint> precisionRecallCurve(const std::vector<double>& scores,
                                                       const std::vector<bool>& positive);
// The step-wise area under the precision–recall curve (scikit-learn's average precision); NaN
// without positives.
double averagePrecision(const std::vector<double>& scores, const std::vector<bool>& positive);

// DeLong's structural components: V10 per positive (the share of negatives it outranks, ties
// half) and V01 per negative (the share of positives that outrank it).
struct StructuralComponents {
    std::vector<double> positives, negatives;
    double auc() const; // the mean of either
};
StructuralComponents structuralComponents(const std::vector<double>& scores,
                                          const std::vector<bool>& positive);

struct AucInterval {
    double auc = 0, variance = 0, low = 0, high = 0; // 95 %, clipped to [0, 1]
};
// NaN fields when either side has fewer than 2 samples (the variance is undefined).
AucInterval delongInterval(const std::vector<double>& scores, const std::vector<bool>& positive);

struct DeLongTest {
    double aucA = 0, aucB = 0;
    double varianceA = 0, varianceB = 0, covariance = 0;
    double z = 0; // (aucA − aucB) / SE of the difference
    double p = 1; // two-sided
    int positives = 0, negatives = 0;
};
// Two scores of the same samples. NaN z and p when either side has fewer than 2 samples; z 0 and
// p 1 when the difference has no variance (identical rankings).
DeLongTest delongTest(const std::vector<double>& a, const std::vector<double>& b,
                      const std::vector<bool>& positive);

// How a run turns a probability into a call, and why that threshold.
struct DecisionThreshold {
    double value = 0.5;
    QString rule; // "youden" (Youden's J on validation) or "calibrated" (0.5 on calibrated probabilities)
};
// The threshold maximising sensitivity + specificity − 1 on `scores`: the midpoint between the
// two neighbouring scores where the call changes (ties broken towards the higher threshold). 0.5
// when either side is empty.
double youdenThreshold(const std::vector<double>& scores, const std::vector<bool>& positive);

struct ReliabilityBin {
    double low = 0, high = 0; // the bin's probability range
    double meanPredicted = 0; // mean predicted probability of its samples
    double observed = 0;      // share of positives among them
    int count = 0;
};
// `bins` equal-width bins of the predicted probability of the positive class; empty bins are
// kept with count 0.
std::vector<ReliabilityBin> reliabilityBins(const std::vector<double>& probabilities,
                                            const std::vector<bool>& positive, int bins = 10);

} // namespace tessera::core
