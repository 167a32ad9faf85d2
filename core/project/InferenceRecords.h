// Records what inference made for a project — the features it extracted (as the run's feature
// set) and the prediction — so that work done by `infer`, `heatmap` or the GUI shows up in the
// project, whichever made it.
#pragma once

#include "infer/SlideInference.h"

namespace tessera::core {

class Project;

void recordInference(Project& project, const QString& runFolder, const QString& slidePath,
                     const SlideInferenceResult& result);

} // namespace tessera::core
