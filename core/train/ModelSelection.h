// Chooses the epoch whose weights a run keeps: the best validation AUC (accuracy where the AUC is
// undefined), ties broken by the lower validation loss, only after a given fraction of the
// epochs; and counts epochs without improvement for early stopping.
#pragma once

#include "run/Metrics.h"

namespace tessera::core {

// What a checkpoint keeps so that a resumed run chooses exactly as an uninterrupted one.
struct SelectionState {
    double bestScore = -1;
    double bestLoss = 1e300;
    int bestEpoch = 0;
    int epochsWithoutImprovement = 0;
};

class ModelSelection {
public:
    using State = SelectionState;

    // `selectAfter` is a fraction of `epochs`: epochs whose 0-based index exceeds it are eligible
    // (0 = every epoch); `patience` 0 = never stop.
    ModelSelection(int epochs, double selectAfter, int patience, State state = State());

    // Records an epoch's validation result; true when it is the new best (keep its weights).
    bool offer(int epoch, const ClassificationMetrics& validation, double validationLoss);
    bool isEligible(int epoch) const; // may this epoch be chosen at all
    bool shouldStop() const;          // patience used up
    const State& state() const { return m_state; }

    // The score compared between epochs.
    static double score(const ClassificationMetrics& validation);

private:
    int m_epochs;
    double m_selectAfter;
    int m_patience;
    State m_state;
};

} // namespace tessera::core
