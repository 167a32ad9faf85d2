#include "Dataset.h"

#include "common/CsvText.h"
#include "common/Error.h"

#include <algorithm>
#include <map>
#include <random>
#include <set>

// The labels and splits tables, apart from the bags: they need only text (and are fuzzed alone).
namespace tessera::core {

LabelTable LabelTable::readCsv(const QString& path)
{
    return parseCsv(readTextLines(path).lines, path);
}

LabelTable LabelTable::fromCsv(const QByteArray& bytes, const QString& source)
{
    return parseCsv(decodeTextLines(bytes, source).lines, source);
}

LabelTable LabelTable::parseCsv(const QStringList& lines, const QString& path)
{
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
    return parseClamCsv(readTextLines(path).lines, path);
}

Split Split::fromClamCsv(const QByteArray& bytes, const QString& source)
{
    return parseClamCsv(decodeTextLines(bytes, source).lines, source);
}

Split Split::parseClamCsv(const QStringList& lines, const QString& path)
{
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

} // namespace tessera::core
