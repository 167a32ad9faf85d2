// Two to six finished runs side by side on the same slides: ROC and precision–recall curves, the
// AUC with DeLong's 95 % interval, DeLong's test for every pair, calibration before and after the
// run's temperature, a confusion matrix whose cells list their slides, training curves and the
// settings that differ. What `tessera-cli compare` writes and the comparison window shows.
//
// Curves score one class against the rest: the second class of a two-class task ("tumour" against
// "normal"), and for more classes anything but the first class (abnormal against normal).
#pragma once

#include "RocAnalysis.h"
#include "run/RunEvaluation.h"
#include "run/RunFolder.h"

#include <QJsonObject>
#include <optional>

namespace tessera::core {

// How a run turns probabilities into a call: Youden's J on its validation slides ("youden"), or 0.5
// on calibrated probabilities when its temperature was fitted ("calibrated"; for two classes a
// temperature keeps the side of 0.5, so the same threshold serves the raw probabilities); 0.5 when
// the validation slides lack a class ("default"); the largest probability for more than two
// classes ("argmax").
DecisionThreshold decisionThreshold(const RunEvaluation& evaluation, bool calibrated);
QJsonObject toJson(const DecisionThreshold& threshold);
std::optional<DecisionThreshold> decisionFromJson(const QJsonObject& json); // nullopt when empty

struct ComparedRun {
    QString name; // the folder's name
    QString path;
    RunDescription description;
    QJsonObject config;
    RunResult result;
    std::vector<EpochRecord> epochs;
    RunEvaluation evaluation;
    double temperature = 1;
    bool calibrated = false; // the temperature was fitted on validation
    DecisionThreshold threshold;
};

// Throws Error naming the run when it is not finished or keeps no evaluation.csv (trained before
// Tessera kept per-slide results: train it again to compare it).
ComparedRun loadComparedRun(const QString& runDir);

// One run on one part (validation or test).
struct RunOnPart {
    int slides = 0;
    AucInterval auc;
    double averagePrecision = 0;
    std::vector<RocPoint> roc;
    std::vector<PrecisionRecallPoint> precisionRecall;
    std::vector<ReliabilityBin> reliability, calibratedReliability; // the latter empty when not calibrated
    double ece = 0, calibratedEce = 0;                              // top-class ECE; NaN when not defined
    // [true][predicted]: the slides in each cell, at the run's threshold.
    std::vector<std::vector<QStringList>> confusion;
};

struct RunPair {
    int a = 0, b = 0; // indices into RunComparison::runs
    int sharedSlides = 0;
    int labelConflicts = 0; // slides both scored under different labels (left out)
    DeLongTest test;        // on the shared slides
};

struct PartComparison {
    QString part; // "val" or "test"
    std::vector<RunOnPart> runs;
    std::vector<RunPair> pairs;
    bool empty() const; // no run scored a slide of this part
};

struct SettingDifference {
    QString key;
    QStringList values; // one per run ("—" where a run lacks it)
};

struct RunComparison {
    std::vector<ComparedRun> runs;
    QStringList classNames;
    QString positive; // what the curves score: a class name, or "not <first class>"
    PartComparison validation, test;
    std::vector<SettingDifference> differences;

    static constexpr int kMinimumRuns = 2;
    static constexpr int kMaximumRuns = 6;
    // Throws Error for fewer than 2 or more than 6 runs, a run that cannot be compared, or runs
    // with different classes.
    static RunComparison build(const QStringList& runDirs);

    // A slide's positive-class score in a run's outcome, and whether its label is positive.
    double score(const SlideOutcome& outcome) const;
    bool isPositive(const SlideOutcome& outcome) const;
};

} // namespace tessera::core
