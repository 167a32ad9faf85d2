#include "TrainingAnnotations.h"

#include "Project.h"
#include "annotations/PatchLabels.h"
#include "model/SpatialGraph.h"

#include <QObject>
#include <QSet>

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

AnnotatedSlideLabels slideLabelsFromAnnotations(Project& project, const LabelTable& labels,
                                                const Split& split)
{
    AnnotatedSlideLabels out;
    if (labels.classNames.size() < 2)
        return out;
    for (const QStringList* part : {&split.train, &split.val, &split.test})
        for (const QString& key : *part) {
            if (labels.labelOf(key) >= 0)
                continue;
            const std::optional<SlideRecord> slide = project.slides().find(key);
            if (!slide)
                continue;
            QSet<int> named; // label classes the slide's area annotations name
            const std::vector<Annotation> annotations = project.annotations().load(slide->id);
            for (const Annotation& a : annotations)
                for (qsizetype c = 0; c < labels.classNames.size(); ++c)
                    if (a.geometry.hasArea() && sameClassName(a.className, labels.classNames[c]))
                        named.insert(int(c));
            named.remove(0);
            if (named.size() == 1) {
                out.slides << key;
                out.labels << labels.classNames[*named.begin()];
            } else if (!named.isEmpty() || !annotations.empty()) {
                out.undecided << key;
            }
        }
    return out;
}

QString AnnotatedSlideLabels::summary() const
{
    QStringList pairs;
    for (qsizetype i = 0; i < slides.size(); ++i)
        pairs << QStringLiteral("%1 %2").arg(slides[i], labels[i]);
    QString text;
    if (!pairs.isEmpty())
        text = QObject::tr("slide labels from annotations: %1").arg(pairs.join(QStringLiteral(", ")));
    if (!undecided.isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral("; ")) +
                QObject::tr("unlabelled slides whose annotations decide no label: %1")
                    .arg(undecided.join(QStringLiteral(", ")));
    return text;
}

LabelTable withAnnotatedLabels(const LabelTable& labels, const AnnotatedSlideLabels& annotated)
{
    if (annotated.slides.isEmpty())
        return labels;
    QStringList ids = labels.slideIds, texts;
    for (int l : labels.labels)
        texts << labels.classNames[l];
    ids += annotated.slides;
    texts += annotated.labels;
    LabelTable out =
        LabelTable::fromLabels(ids, texts, QStringLiteral("the project's labels and annotations"));
    out.classNames = labels.classNames; // the same classes in the same order, whatever the new texts
    out.labels.clear();
    for (const QString& t : texts)
        out.labels.push_back(int(labels.classNames.indexOf(t)));
    return out;
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
