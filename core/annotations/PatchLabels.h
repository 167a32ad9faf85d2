// Patch labels from a pathologist's annotations, for instance-level training (issue #31): a patch
// takes the class of the annotated areas that cover at least `share` of it; patches that no class
// covers that much stay unlabelled. Coverage is sampled on an 8 × 8 grid of points per patch, so a
// share is known to 1/64; holes are not covered; points and lines label nothing.
#pragma once

#include "Annotation.h"

#include <QStringList>
#include <cstdint>
#include <vector>

namespace tessera::core {

struct PatchLabelling {
    static constexpr int kUnlabelled = -1;
    std::vector<int> labels;          // per patch: the index of its class in `classNames`, or -1
    std::vector<int> patchesPerClass; // labelled patches per class
    // Annotation classes (with an area) that are none of the label classes, so label nothing.
    QStringList unmatchedClasses; // QuPath's ignored classes (names ending in '*') not among them
    int labelled() const;
};

// Whether an annotation class names a label class: ignoring case and the spelling of tumour/tumor.
bool sameClassName(const QString& annotationClass, const QString& labelClass);

// Default share of a patch an annotated area must cover to label it.
inline constexpr double kPatchLabelShare = 0.5;

// `coords` are the patches' level-0 top-left corners [N × 2], each `patchSize` px square.
// Annotation classes match label classes by name, ignoring case and the spelling of tumour/tumor
// (QuPath's class is "Tumor"). A patch covered enough by two
// classes takes the one covering more of it, and stays unlabelled on a tie.
PatchLabelling labelPatches(const std::vector<Annotation>& annotations, const QStringList& classNames,
                            const std::vector<std::int64_t>& coords, int patchSize,
                            double share = kPatchLabelShare);

} // namespace tessera::core
