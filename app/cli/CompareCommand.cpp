// tessera-cli compare: two to six runs side by side — ROC, precision–recall and calibration curves,
// AUCs with DeLong intervals and DeLong's test per pair, confusion matrices, training curves and
// the settings that differ — as a PDF and, with --csv, as tables.
#include "CliCommand.h"
#include "CommandOptions.h"
#include "common/Error.h"
#include "project/Project.h"
#include "report/ComparisonReport.h"

#include <QDir>
#include <QFileInfo>
#include <cmath>

namespace tessera::cli {

int runCompare(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io, QStringLiteral("Compare 2–6 finished runs on their validation and test slides "
                                              "(docs/COMPARE.md): a PDF, and CSV tables with --csv."));
    options.add(
        QStringLiteral("project"),
        QStringLiteral("Project folder; runs are then named as in its Runs list. Without it, runs are "
                       "run folders."),
        QStringLiteral("dir"));
    options.add(QStringLiteral("runs"), QStringLiteral("The runs: --runs A B [C …]."), QStringLiteral("run"));
    options.add(QStringLiteral("out"), QStringLiteral("The PDF to write."), QStringLiteral("file"));
    options.add(QStringLiteral("csv"), QStringLiteral("Also write the tables as CSV into this folder."),
                QStringLiteral("dir"));
    options.takeTrailingValues(QStringLiteral("runs"));
    options.parse(arguments);
    options.require({"runs"});
    if (!options.isSet(QStringLiteral("out")) && !options.isSet(QStringLiteral("csv")))
        throw UsageError{QStringLiteral("give --out FILE.pdf, --csv DIR or both")};
    const QStringList names = options.values(QStringLiteral("runs"));
    if (names.size() < core::RunComparison::kMinimumRuns || names.size() > core::RunComparison::kMaximumRuns)
        throw UsageError{QStringLiteral("--runs takes %1 to %2 runs, not %3")
                             .arg(core::RunComparison::kMinimumRuns)
                             .arg(core::RunComparison::kMaximumRuns)
                             .arg(names.size())};
    QStringList folders;
    if (options.isSet(QStringLiteral("project"))) {
        const auto project = core::Project::open(options.value(QStringLiteral("project")));
        for (const QString& name : names) {
            const std::optional<core::RunRecord> run = project->runs().find(name);
            if (!run)
                throw core::Error(
                    QStringLiteral("The project %1 has no run '%2'").arg(project->folder(), name));
            folders << run->folder;
        }
    } else {
        folders = names;
    }
    const core::RunComparison comparison = core::RunComparison::build(folders);
    if (options.isSet(QStringLiteral("out")))
        core::writeComparisonPdf(comparison, options.value(QStringLiteral("out")));

    const auto auc = [](const core::AucInterval& a) { return core::aucText(a); };
    for (std::size_t i = 0; i < comparison.runs.size(); ++i)
        io.out << QStringLiteral("%1: validation AUC %2, test AUC %3; threshold %4\n")
                      .arg(comparison.runs[i].name, auc(comparison.validation.runs[i].auc),
                           auc(comparison.test.runs[i].auc),
                           core::thresholdText(comparison.runs[i].threshold));
    for (const core::PartComparison* part : {&comparison.validation, &comparison.test})
        for (const core::RunPair& pair : part->pairs)
            if (pair.sharedSlides > 0) {
                io.out << QStringLiteral("DeLong, %1 (%2 slides): %3 vs %4: ")
                              .arg(core::partTitle(part->part).toLower())
                              .arg(pair.sharedSlides)
                              .arg(comparison.runs[std::size_t(pair.a)].name,
                                   comparison.runs[std::size_t(pair.b)].name)
                       << (std::isnan(pair.test.p) ? QStringLiteral("too few slides of a class")
                                                   : QStringLiteral("z %1, p %2")
                                                         .arg(pair.test.z, 0, 'f', 2)
                                                         .arg(pair.test.p, 0, 'g', 3));
                if (pair.labelConflicts > 0)
                    io.out << QStringLiteral(" (%1 slide(s) left out: labelled differently in the two runs)")
                                  .arg(pair.labelConflicts);
                io.out << '\n';
            }
    if (options.isSet(QStringLiteral("out")))
        io.out << QStringLiteral("PDF: %1\n")
                      .arg(QDir::toNativeSeparators(options.value(QStringLiteral("out"))));
    if (options.isSet(QStringLiteral("csv")))
        for (const QString& file : core::writeComparisonCsv(comparison, options.value(QStringLiteral("csv"))))
            io.out << QStringLiteral("CSV: %1\n").arg(QDir::toNativeSeparators(file));
    return kOk;
}

} // namespace tessera::cli
