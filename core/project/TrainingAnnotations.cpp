#include "TrainingAnnotations.h"

#include "Project.h"
#include "annotations/PatchLabels.h"
#include "model/SpatialGraph.h"

#include <QObject>

namespace tessera::core {

QString TrainingAnnotations::summary(const QStringList& classNames) const
{
    QStringList counts;
    for (qsizetype c = 0; c < classNames.size() && std::size_t(c) < patchesPerClass.size(); ++c)
        counts << QStringLiteral("%1 %2").arg(classNames[c]).arg(patchesPerClass[std::size_t(c)]);
    QString text = QObject::tr("annotations label %1 patches on %2 training slide(s); %3 of them show their "
                               "slide's own class and train its attention onto them, the others train it off")
                       .arg(counts.join(QStringLiteral(", ")))
                       .arg(slides)
                       .arg(evidence);
    if (!unmatchedClasses.isEmpty())
        text += QObject::tr("; classes that are no label class are not used: %1")
                    .arg(unmatchedClasses.join(QStringLiteral(", ")));
    return text;
}

TrainingAnnotations labelFromAnnotations(Project& project, MilDataset& data)
{
    TrainingAnnotations out;
    out.patchesPerClass.assign(std::size_t(data.classNames().size()), 0);
    for (const MilSample& sample : data.samples(QStringLiteral("train"))) {
        const std::optional<SlideRecord> slide = project.slides().find(sample.slideId);
        if (!slide)
            continue;
        const std::vector<Annotation> annotations = project.annotations().load(slide->id);
        if (annotations.empty())
            continue;
        const FeatureBag& bag = sample.bag;
        const int patchSize =
            bag.patchSizeLevel0 > 0 ? bag.patchSizeLevel0 : int(SpatialGraph::inferStep(bag.coords));
        const PatchLabelling labels = labelPatches(annotations, data.classNames(), bag.coords, patchSize);
        for (const QString& name : labels.unmatchedClasses)
            if (!out.unmatchedClasses.contains(name))
                out.unmatchedClasses << name;
        if (labels.labelled() == 0)
            continue;
        ++out.slides;
        for (std::size_t c = 0; c < out.patchesPerClass.size(); ++c)
            out.patchesPerClass[c] += labels.patchesPerClass[c];
        out.evidence += labels.patchesPerClass[std::size_t(sample.label)];
        data.setPatchLabels(sample.slideId, labels.labels);
    }
    return out;
}

} // namespace tessera::core
