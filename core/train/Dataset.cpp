#include "Dataset.h"

#include "common/CsvText.h"
#include "common/Error.h"
#include "features/FeatureStore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <map>
#include <random>
#include <set>

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

LabelTable LabelTable::readCsv(const QString& path)
{
    const QStringList lines = readTextLines(path).lines;
    if (lines.isEmpty())
        throw Error(QStringLiteral("%1 is empty: expected a header slide_id,label").arg(path));
    const QStringList header = csvCells(lines[0], path, 1);
    const int idColumn = int(header.indexOf(QStringLiteral("slide_id")));
    const int labelColumn = int(header.indexOf(QStringLiteral("label")));
    if (idColumn < 0 || labelColumn < 0)
        throw Error(
            QStringLiteral("%1 line 1: the header must name 'slide_id' and 'label' columns (got '%2')")
                .arg(path, lines[0]));
    LabelTable table;
    QStringList texts;
    std::set<QString> seen;
    for (int i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        const QStringList cells = csvCells(lines[i], path, i + 1);
        if (cells.size() <= std::max(idColumn, labelColumn) || cells[idColumn].isEmpty() ||
            cells[labelColumn].isEmpty())
            throw Error(QStringLiteral("%1 line %2: expected a slide id and a label, got '%3'")
                            .arg(path)
                            .arg(i + 1)
                            .arg(lines[i]));
        if (!seen.insert(cells[idColumn]).second)
            throw Error(QStringLiteral("%1 line %2: slide '%3' is listed twice")
                            .arg(path)
                            .arg(i + 1)
                            .arg(cells[idColumn]));
        table.slideIds << cells[idColumn];
        texts << cells[labelColumn];
    }
    return fromLabels(table.slideIds, texts, path);
}

LabelTable LabelTable::fromLabels(const QStringList& slideIds, const QStringList& texts,
                                  const QString& source)
{
    LabelTable table;
    table.slideIds = slideIds;
    // Numeric labels keep their numeric order; text labels are sorted alphabetically.
    QStringList names(texts.begin(), texts.end());
    names.removeDuplicates();
    const bool numeric = std::all_of(names.begin(), names.end(), [](const QString& s) {
        bool ok = false;
        s.toInt(&ok);
        return ok;
    });
    std::sort(names.begin(), names.end(), [numeric](const QString& a, const QString& b) {
        return numeric ? a.toInt() < b.toInt() : a < b;
    });
    if (names.size() < 2)
        throw Error(QStringLiteral("%1 has only one class ('%2'): a classifier needs at least two")
                        .arg(source, names.value(0)));
    table.classNames = names;
    for (const QString& t : texts)
        table.labels.push_back(int(names.indexOf(t)));
    return table;
}

int LabelTable::labelOf(const QString& slideId) const
{
    const qsizetype i = slideIds.indexOf(slideId);
    return i < 0 ? -1 : labels[std::size_t(i)];
}

Split Split::readClamCsv(const QString& path)
{
    const QStringList lines = readTextLines(path).lines;
    if (lines.isEmpty())
        throw Error(QStringLiteral("%1 is empty: expected CLAM's header ,train,val,test").arg(path));
    const QStringList header = csvCells(lines[0], path, 1);
    const int train = int(header.indexOf(QStringLiteral("train")));
    const int val = int(header.indexOf(QStringLiteral("val")));
    const int test = int(header.indexOf(QStringLiteral("test")));
    if (train < 0 || val < 0)
        throw Error(QStringLiteral("%1 line 1: expected columns train, val (and test), got '%2'")
                        .arg(path, lines[0]));
    Split split;
    // A slide in two parts would leak test data into training: refuse it, naming both places.
    std::map<QString, QString> seenAt;
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = csvCells(lines[i], path, i + 1);
        const auto take = [&](int column, QStringList& into) {
            if (column < 0 || column >= cells.size() || cells[column].isEmpty())
                return;
            const QString where = QStringLiteral("line %1 (%2)").arg(i + 1).arg(header[column]);
            const auto [at, fresh] = seenAt.emplace(cells[column], where);
            if (!fresh)
                throw Error(QStringLiteral("%1: slide '%2' is listed twice, at %3 and at %4; a slide "
                                           "belongs to one part of a split")
                                .arg(path, cells[column], at->second, where));
            into << cells[column];
        };
        take(train, split.train);
        take(val, split.val);
        take(test, split.test);
    }
    if (split.train.isEmpty())
        throw Error(QStringLiteral("%1 lists no training slides").arg(path));
    return split;
}

std::vector<Split> Split::kFold(const LabelTable& labels, int folds, std::uint64_t seed)
{
    if (folds < 3)
        throw FieldError(
            {QStringLiteral("folds"),
             QStringLiteral("k-fold cross-validation needs at least 3 folds (train, validation and "
                            "test parts), got %1")
                 .arg(folds)});
    std::vector<QStringList> parts(static_cast<std::size_t>(folds));
    std::mt19937_64 rng(seed);
    for (int c = 0; c < labels.classNames.size(); ++c) {
        QStringList members;
        for (std::size_t i = 0; i < labels.labels.size(); ++i)
            if (labels.labels[i] == c)
                members << labels.slideIds[qsizetype(i)];
        std::shuffle(members.begin(), members.end(), rng);
        for (qsizetype i = 0; i < members.size(); ++i)
            parts[std::size_t(i % folds)] << members[i];
    }
    std::vector<Split> splits;
    for (int f = 0; f < folds; ++f) {
        Split s;
        for (int p = 0; p < folds; ++p)
            (p == f ? s.test : p == (f + 1) % folds ? s.val : s.train) << parts[std::size_t(p)];
        splits.push_back(s);
    }
    return splits;
}

const std::vector<MilSample>& MilDataset::samples(const QString& part) const
{
    if (part == QLatin1String("train"))
        return m_train;
    if (part == QLatin1String("val"))
        return m_val;
    return m_test;
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
                MilSample sample{id, label, FeatureStore::read(path), {}};
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
