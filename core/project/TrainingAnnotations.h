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

// Slide labels for the slides of `split` that `labels` lacks, from their area annotations: a slide
// annotated with a class other than the first label class ("tumour" beside "normal") takes it — in
// MIL one tumour region makes a tumour slide. Annotations of the first class alone say nothing of
// the rest of the slide, and leave it unlabelled, as do two other classes at once.
struct AnnotatedSlideLabels {
    QStringList slides, labels; // the slides labelled, and their labels
    QStringList undecided;      // annotated, but with the first class only or with several others
    // "slide labels from annotations: slide_007 tumour, …"; empty when nothing was found.
    QString summary() const;
};
AnnotatedSlideLabels slideLabelsFromAnnotations(Project& project, const LabelTable& labels,
                                                const Split& split);
// `labels` with those slides added (the same classes).
LabelTable withAnnotatedLabels(const LabelTable& labels, const AnnotatedSlideLabels& annotated);

// Labels the training slides of `data` from the project's annotations (slides found by their id,
// the project's slide key). Slides without annotations, or not in the project, stay unlabelled.
TrainingAnnotations labelFromAnnotations(Project& project, MilDataset& data);

} // namespace tessera::core
