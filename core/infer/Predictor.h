// Runs a trained MIL run on feature bags: class probabilities, attention and consistency maps.
#pragma once

#include "features/FeatureBag.h"

#include <QStringList>
#include <memory>

namespace tessera::core {

struct Prediction {
    QString run;
    QString model;
    QStringList classNames;
    std::vector<float> probabilities; // [C]
    std::vector<float> attention;     // [N], sums to 1
    std::vector<float> consistency;   // [N] in [-1, 1]; empty for models without reconstruction
    std::vector<std::int64_t> coords; // [N × 2], level-0 top-left, as in the bag

    // HDF5: datasets probabilities, attention, consistency (if any), coords; attrs run, model,
    // classes (comma-separated). Written atomically. Throws Error.
    void write(const QString& path) const;
};

class Predictor {
public:
    // Loads <runDir>/config.json and best.pt; throws Error naming the file when either is
    // missing or unreadable.
    Predictor(const QString& runDir, const QString& device = QStringLiteral("auto"));
    ~Predictor();

    int featureDimension() const;
    QStringList classNames() const;
    QString model() const;
    // Throws Error if the bag's feature dimension differs from the run's.
    Prediction predict(const FeatureBag& bag, const QString& source = {}) const;

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace tessera::core
