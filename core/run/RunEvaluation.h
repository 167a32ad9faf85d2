// evaluation.csv in a run folder: the best weights' probabilities on every validation and test
// slide, so that runs can be compared slide by slide (ROC curves, DeLong's test, calibration, the
// slides behind each cell of a confusion matrix). Written by the trainer once training ends.
#pragma once

#include <QString>
#include <QStringList>
#include <vector>

namespace tessera::core {

struct SlideOutcome {
    QString slide;                    // the slide's id in the run's dataset (its feature file's name)
    QString part;                     // "val" or "test"
    int label = 0;                    // index into the run's class names
    std::vector<float> probabilities; // one per class, uncalibrated softmax
};

struct RunEvaluation {
    QStringList classNames;
    std::vector<SlideOutcome> slides;

    // The slides of one part, in file order.
    std::vector<SlideOutcome> part(const QString& name) const;

    // Atomic; throws Error naming the file.
    void write(const QString& path) const;
    // Throws Error naming the file and line for a malformed table (unknown class, wrong count of
    // values, a probability that is not a number).
    static RunEvaluation read(const QString& path);
};

} // namespace tessera::core
