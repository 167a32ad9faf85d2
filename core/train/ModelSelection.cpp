#include "ModelSelection.h"

#include <cmath>

namespace tessera::core {

ModelSelection::ModelSelection(int epochs, double selectAfter, int patience, State state)
    : m_epochs(epochs), m_selectAfter(selectAfter), m_patience(patience), m_state(state)
{
}

double ModelSelection::score(const ClassificationMetrics& v)
{
    return std::isnan(v.macroAuc) ? v.accuracy : v.macroAuc;
}

bool ModelSelection::isEligible(int epoch) const
{
    // As the reference: epochs whose 0-based index exceeds the fraction (62 … 100 of 100 at 0.6).
    // The last epoch is always eligible, so every run ends with weights.
    return m_selectAfter <= 0 || double(epoch - 1) > m_selectAfter * m_epochs || epoch == m_epochs;
}

bool ModelSelection::offer(int epoch, const ClassificationMetrics& validation, double validationLoss)
{
    if (!isEligible(epoch))
        return false;
    const double s = score(validation);
    if (s > m_state.bestScore || (s == m_state.bestScore && validationLoss < m_state.bestLoss)) {
        m_state.bestScore = s;
        m_state.bestLoss = validationLoss;
        m_state.bestEpoch = epoch;
        m_state.epochsWithoutImprovement = 0;
        return true;
    }
    ++m_state.epochsWithoutImprovement;
    return false;
}

bool ModelSelection::shouldStop() const
{
    return m_patience > 0 && m_state.epochsWithoutImprovement >= m_patience;
}

} // namespace tessera::core
