#include "RunEvaluation.h"

#include "common/AtomicFile.h"
#include "common/CsvText.h"
#include "common/Error.h"

#include <QLocale>

namespace tessera::core {

namespace {

const QString kProbabilityPrefix = QStringLiteral("p_");

} // namespace

std::vector<SlideOutcome> RunEvaluation::part(const QString& name) const
{
    std::vector<SlideOutcome> out;
    for (const SlideOutcome& s : slides)
        if (s.part == name)
            out.push_back(s);
    return out;
}

void RunEvaluation::write(const QString& path) const
{
    QStringList header{QStringLiteral("slide"), QStringLiteral("part"), QStringLiteral("label")};
    for (const QString& c : classNames)
        header << csvField(kProbabilityPrefix + c);
    QStringList lines{header.join(QLatin1Char(','))};
    for (const SlideOutcome& s : slides) {
        QStringList cells{csvField(s.slide), s.part, csvField(classNames.value(s.label))};
        for (float p : s.probabilities)
            cells << QString::number(double(p), 'g', QLocale::FloatingPointShortest);
        lines << cells.join(QLatin1Char(','));
    }
    writeFileAtomically(path, lines.join(QLatin1Char('\n')).toUtf8() + '\n');
}

RunEvaluation RunEvaluation::read(const QString& path)
{
    const QStringList lines = readTextLines(path).lines;
    if (lines.isEmpty())
        throw Error(QStringLiteral("%1 is empty").arg(path));
    const QStringList header = csvCells(lines.first(), path, 1);
    if (header.size() < 5 || header[0] != QLatin1String("slide") || header[1] != QLatin1String("part") ||
        header[2] != QLatin1String("label"))
        throw Error(QStringLiteral("%1: the header is not slide,part,label,p_<class>,…").arg(path));
    RunEvaluation evaluation;
    for (qsizetype c = 3; c < header.size(); ++c) {
        if (!header[c].startsWith(kProbabilityPrefix))
            throw Error(QStringLiteral("%1: column '%2' is not p_<class>").arg(path, header[c]));
        evaluation.classNames << header[c].mid(kProbabilityPrefix.size());
    }
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].trimmed().isEmpty())
            continue;
        const int lineNumber = int(i) + 1;
        const QStringList cells = csvCells(lines[i], path, lineNumber);
        const auto fail = [&](const QString& why) {
            return Error(QStringLiteral("%1, line %2: %3").arg(path).arg(lineNumber).arg(why));
        };
        if (cells.size() != header.size())
            throw fail(QStringLiteral("%1 values for %2 columns").arg(cells.size()).arg(header.size()));
        SlideOutcome s;
        s.slide = cells[0];
        s.part = cells[1];
        if (s.part != QLatin1String("val") && s.part != QLatin1String("test"))
            throw fail(QStringLiteral("part '%1' is neither val nor test").arg(s.part));
        s.label = int(evaluation.classNames.indexOf(cells[2]));
        if (s.label < 0)
            throw fail(QStringLiteral("label '%1' is not one of the classes %2")
                           .arg(cells[2], evaluation.classNames.join(QStringLiteral(", "))));
        for (qsizetype c = 3; c < cells.size(); ++c) {
            bool ok = false;
            const double p = cells[c].toDouble(&ok);
            if (!ok || !(p >= 0 && p <= 1 + 1e-6))
                throw fail(QStringLiteral("'%1' is not a probability").arg(cells[c]));
            s.probabilities.push_back(float(p));
        }
        evaluation.slides.push_back(std::move(s));
    }
    return evaluation;
}

} // namespace tessera::core
