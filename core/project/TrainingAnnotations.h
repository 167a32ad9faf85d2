// A project's annotations as training signal (tessera-cli train --annotations): each training
// slide's annotated areas become patch labels (annotations/PatchLabels.h), and the patches
// annotated with the slide's own class are what the annotation loss trains its attention onto.
// Validation and test slides are never labelled: what scores a run learns nothing from them.
#pragma once

#include "train/Dataset.h"

#include <QStringList>
#include <vector>

namespace tessera::core {

class Project;

struct TrainingAnnotations {
    int slides = 0;                   // training slides with at least one labelled patch
    std::vector<int> patchesPerClass; // labelled patches per class, over those slides
    int evidence = 0;                 // of them, patches of their slide's own class
    QStringList unmatchedClasses;     // annotation classes that are no label class
    // "tumour 340, normal 120 patches on 4 training slides (…)"; names what is unused.
    QString summary(const QStringList& classNames) const;
};

// Labels the training slides of `data` from the project's annotations (slides found by their id,
// the project's slide key). Slides without annotations, or not in the project, stay unlabelled.
TrainingAnnotations labelFromAnnotations(Project& project, MilDataset& data);

} // namespace tessera::core
