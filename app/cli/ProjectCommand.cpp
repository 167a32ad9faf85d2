// tessera-cli project init|add|labels|splits|status: the project database from the command line,
// the same operations as the GUI's Project menu and dock.
#include "CommandOptions.h"

#include "common/Error.h"
#include "project/Project.h"

#include <QFileInfo>

#include <cmath>
#include <map>

namespace tessera::cli {

namespace {

QString actionsHelp()
{
    return QStringLiteral(
        "Work with a project (a folder with project.sqlite, features/, runs/ …).\n"
        "Actions:\n"
        "  init     make --project a new project\n"
        "  add      add --slides (files or folders, searched recursively); slides already there are\n"
        "           recognised by their fingerprint, moved ones get their new path\n"
        "  labels   --import CSV (CLAM: slide_id,label) or --export CSV\n"
        "  splits   --import CSV (CLAM: ,train,val,test) or --export CSV under --name, or --folds K\n"
        "           stratified folds fold_0 … fold_K-1 of the labelled slides\n"
        "  status   what the project holds: slides, labels, splits, feature sets, runs");
}

void printReport(QTextStream& out, const core::AddReport& r)
{
    out << QStringLiteral("added %1, already present %2, moved %3, failed %4\n")
               .arg(r.added.size())
               .arg(r.present.size())
               .arg(r.relocated.size())
               .arg(r.failed.size());
    for (const QString& f : r.failed)
        out << "  " << f << "\n";
}

QString auc(double v)
{
    return std::isnan(v) ? QStringLiteral("–") : QString::number(v, 'f', 3);
}

void printStatus(QTextStream& out, core::Project& project)
{
    project.runs().reconcile();
    const std::vector<core::SlideRecord> slides = project.slides().list();
    std::map<QString, int> perLabel;
    int missing = 0;
    for (const core::SlideRecord& s : slides) {
        ++perLabel[s.label.isEmpty() ? QStringLiteral("(unlabelled)") : s.label];
        missing += s.missing;
    }
    out << QStringLiteral("Project %1\n").arg(project.folder());
    out << QStringLiteral("Slides: %1%2\n")
               .arg(slides.size())
               .arg(missing ? QStringLiteral(" (%1 missing)").arg(missing) : QString());
    for (const auto& [label, n] : perLabel)
        out << QStringLiteral("  %1: %2\n").arg(label).arg(n);
    const QStringList splits = project.slides().splitNames();
    out << QStringLiteral("Splits: %1\n")
               .arg(splits.isEmpty() ? QStringLiteral("none") : splits.join(QStringLiteral(", ")));
    out << QStringLiteral("Feature sets:\n");
    for (const core::FeatureSetRecord& f : project.runs().featureSets())
        out << QStringLiteral("  %1: %2, %3 px at %4×, %5 slides\n")
                   .arg(f.name, f.extractor)
                   .arg(f.patchSize)
                   .arg(f.magnification)
                   .arg(f.slides);
    out << QStringLiteral("Runs:\n");
    for (const core::RunRecord& r : project.runs().list())
        out << QStringLiteral("  %1  %2  %3  epochs %4  val AUC %5  test AUC %6%7%8\n")
                   .arg(r.name, r.model, r.status)
                   .arg(r.epochsDone)
                   .arg(auc(r.validationAuc), auc(r.testAuc))
                   .arg(r.parentName.isEmpty() ? QString() : QStringLiteral("  from %1").arg(r.parentName))
                   .arg(r.message.isEmpty() ? QString() : QStringLiteral("  (%1)").arg(r.message));
}

} // namespace

int runProject(const QStringList& arguments, CliContext& io)
{
    QStringList rest = arguments;
    const QString action =
        rest.size() > 1 && !rest[1].startsWith(QLatin1Char('-')) ? rest.takeAt(1) : QString();
    CommandOptions options(io, actionsHelp());
    options.add(QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("dir"));
    options.add(QStringLiteral("slides"),
                QStringLiteral("add: slide files or folders (repeat or comma-separate)."),
                QStringLiteral("paths"));
    options.add(QStringLiteral("import"), QStringLiteral("labels, splits: read this CSV."),
                QStringLiteral("csv"));
    options.add(QStringLiteral("export"), QStringLiteral("labels, splits: write this CSV."),
                QStringLiteral("csv"));
    options.add(QStringLiteral("name"), QStringLiteral("splits: the split's name."), QStringLiteral("name"),
                QStringLiteral("default"));
    options.add(QStringLiteral("folds"), QStringLiteral("splits: make K stratified folds."),
                QStringLiteral("k"));
    options.add(QStringLiteral("seed"), QStringLiteral("splits: seed of the folds."), QStringLiteral("n"),
                QStringLiteral("1"));
    options.parse(rest);
    const QStringList actions{QStringLiteral("init"), QStringLiteral("add"), QStringLiteral("labels"),
                              QStringLiteral("splits"), QStringLiteral("status")};
    if (!actions.contains(action))
        throw UsageError{
            action.isEmpty()
                ? QStringLiteral("name an action: %1").arg(actions.join(QStringLiteral(", ")))
                : QStringLiteral("unknown action '%1' (%2)").arg(action, actions.join(QStringLiteral(", ")))};
    options.require({"project"});
    const QString folder = options.value(QStringLiteral("project"));

    if (action == QLatin1String("init")) {
        const auto project = core::Project::create(folder);
        io.out << QStringLiteral("Created project %1\n").arg(project->folder());
        return kOk;
    }
    const auto project = core::Project::open(folder);
    if (action == QLatin1String("add")) {
        options.require({"slides"});
        QStringList paths;
        for (const QString& value : options.values(QStringLiteral("slides")))
            paths << value.split(QLatin1Char(','), Qt::SkipEmptyParts);
        const core::AddReport report = project->slides().add(paths);
        printReport(io.out, report);
        return report.failed.isEmpty() ? kOk : kFailed;
    }
    if (action == QLatin1String("labels") || action == QLatin1String("splits")) {
        const bool labels = action == QLatin1String("labels");
        const QString name = options.value(QStringLiteral("name"));
        if (options.isSet(QStringLiteral("export"))) {
            const QString csv = options.value(QStringLiteral("export"));
            labels ? project->slides().exportLabels(csv) : project->slides().exportSplit(name, csv);
            io.out << QStringLiteral("Wrote %1\n").arg(csv);
            return kOk;
        }
        if (!labels && options.isSet(QStringLiteral("folds"))) {
            const auto folds =
                core::Split::kFold(project->slides().labelTable(), options.integer(QStringLiteral("folds")),
                                   options.unsignedInteger(QStringLiteral("seed")));
            for (std::size_t f = 0; f < folds.size(); ++f)
                project->slides().setSplit(QStringLiteral("fold_%1").arg(f), folds[f]);
            io.out << QStringLiteral("Made %1 folds: fold_0 … fold_%2\n")
                          .arg(folds.size())
                          .arg(folds.size() - 1);
            return kOk;
        }
        options.require({"import"});
        const QString csv = options.value(QStringLiteral("import"));
        const core::ImportReport report =
            labels ? project->slides().importLabels(csv) : project->slides().importSplit(csv, name);
        io.out << QStringLiteral("%1: %2 applied").arg(csv).arg(report.applied);
        if (!report.unknown.isEmpty())
            io.out << QStringLiteral(", %1 not in the project (e.g. '%2')")
                          .arg(report.unknown.size())
                          .arg(report.unknown.first());
        io.out << "\n";
        return kOk;
    }
    printStatus(io.out, *project);
    return kOk;
}

} // namespace tessera::cli
