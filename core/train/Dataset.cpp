#include "Dataset.h"

#include "common/Error.h"
#include "features/FeatureStore.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>
#include <map>

namespace tessera::core {

void IsolatedPatches::note(const QString& slide, const SpatialGraph& graph)
{
    const int count = graph.isolatedCount();
    m_patches += graph.nodes;
    m_isolated += count;
    if (count > 0) {
        ++m_slides;
        if (m_example.isEmpty())
            m_example = QStringLiteral("%1: %2 of %3").arg(slide).arg(count).arg(graph.nodes);
    }
    m_inferred = m_inferred || graph.stepInferred;
}

QString IsolatedPatches::summary() const
{
    if (m_isolated == 0)
        return {};
    return QStringLiteral(
               "%1 of %2 patches in %3 slide(s) have no spatial neighbour (e.g. %4)%5; the spatial "
               "models see them alone")
        .arg(m_isolated)
        .arg(m_patches)
        .arg(m_slides)
        .arg(m_example,
             m_inferred ? QStringLiteral(" — the patch size was not in the files and was guessed from the "
                                         "coordinates, which fails for grids with different origins")
                        : QString());
}

const std::vector<MilSample>& MilDataset::samples(const QString& part) const
{
    if (part == QLatin1String("train"))
        return m_train;
    if (part == QLatin1String("val"))
        return m_val;
    return m_test;
}

std::vector<std::int64_t> MilSample::evidence() const
{
    std::vector<std::int64_t> indices;
    for (std::size_t i = 0; i < patchLabels.size(); ++i)
        if (patchLabels[i] == label)
            indices.push_back(std::int64_t(i));
    return indices;
}

std::vector<std::int64_t> MilSample::counterEvidence() const
{
    std::vector<std::int64_t> indices;
    for (std::size_t i = 0; i < patchLabels.size(); ++i)
        if (patchLabels[i] >= 0 && patchLabels[i] != label)
            indices.push_back(std::int64_t(i));
    return indices;
}

void MilDataset::setPatchLabels(const QString& slideId, std::vector<int> labels)
{
    const auto sample = std::find_if(m_train.begin(), m_train.end(),
                                     [&](const MilSample& s) { return s.slideId == slideId; });
    if (sample == m_train.end())
        throw Error(QStringLiteral("%1 is not a training slide: its annotations train nothing").arg(slideId));
    if (labels.size() != std::size_t(sample->bag.count))
        throw Error(QStringLiteral("%1 has %2 patches, but %3 patch labels were given")
                        .arg(slideId)
                        .arg(sample->bag.count)
                        .arg(labels.size()));
    sample->patchLabels = std::move(labels);
}

MilDataset MilDataset::load(const QString& featuresDir, const LabelTable& labels, const Split& split)
{
    MilDataset data;
    data.m_classNames = labels.classNames;
    QStringList problems;
    IsolatedPatches isolated;
    std::map<int, QStringList> byDimension;
    const auto loadPart = [&](const QStringList& ids, std::vector<MilSample>& into) {
        for (const QString& id : ids) {
            const int label = labels.labelOf(id);
            if (label < 0) {
                problems << QStringLiteral("slide '%1' is in the split but has no label").arg(id);
                continue;
            }
            const QString path = QDir(featuresDir).filePath(id + QStringLiteral(".h5"));
            if (!QFileInfo::exists(path)) {
                problems << QStringLiteral("slide '%1' has no features (%2 is missing)").arg(id, path);
                continue;
            }
            try {
                MilSample sample{id, label, FeatureStore::read(path), {}, {}};
                sample.graph = SpatialGraph::fromCoords(sample.bag.coords, sample.bag.patchSizeLevel0);
                isolated.note(id, sample.graph);
                byDimension[sample.bag.dimension] << id;
                into.push_back(std::move(sample));
            } catch (const Error& error) {
                problems << error.message();
            }
        }
    };
    loadPart(split.train, data.m_train);
    loadPart(split.val, data.m_val);
    loadPart(split.test, data.m_test);
    if (const QString warning = isolated.summary(); !warning.isEmpty())
        data.m_warnings << warning;
    if (byDimension.size() > 1) {
        QStringList kinds;
        for (const auto& [d, ids] : byDimension)
            kinds << QStringLiteral("D = %1 (%2, e.g. '%3')").arg(d).arg(ids.size()).arg(ids.first());
        problems << QStringLiteral("feature dimensions differ between slides: %1")
                        .arg(kinds.join(QStringLiteral("; ")));
    }
    std::vector<int> trainPerClass(std::size_t(labels.classNames.size()), 0);
    for (const MilSample& s : data.m_train)
        ++trainPerClass[std::size_t(s.label)];
    for (qsizetype c = 0; c < labels.classNames.size(); ++c)
        if (trainPerClass[std::size_t(c)] == 0)
            problems << QStringLiteral("class '%1' has no training slides").arg(labels.classNames[c]);
    if (!problems.isEmpty()) {
        const qsizetype shown = std::min<qsizetype>(problems.size(), 20);
        throw Error(QStringLiteral("The dataset has %1 problem(s); nothing was trained:\n  %2%3")
                        .arg(problems.size())
                        .arg(problems.mid(0, shown).join(QStringLiteral("\n  ")))
                        .arg(problems.size() > shown ? QStringLiteral("\n  …") : QString()));
    }
    data.m_dimension = byDimension.empty() ? 0 : byDimension.begin()->first;
    return data;
}

} // namespace tessera::core
