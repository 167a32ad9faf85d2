// Model results with known scores, written where a project keeps them, so that tests of the
// viewer, the report and the panels need no trained model.
#pragma once

#include "infer/Predictor.h"

namespace tessera::core {
class Project;
}

namespace tessera::test {

// Patches on a 6 × 5 block of a slide's 256-pixel grid (x 1…6, y 2…6): attention x + 10 y,
// consistency −x − y; classes normal 0.2, tumour 0.8.
core::Prediction knownPrediction();
constexpr int kKnownStep = 256;

// Writes `prediction` to the project's predictions/<run>/<slide name>.h5, registers run `run`
// (unless the project has it) and records the prediction for `slide`. Returns the results file.
QString recordPrediction(core::Project& project, const QString& run, const QString& slide,
                         const core::Prediction& prediction);

} // namespace tessera::test
