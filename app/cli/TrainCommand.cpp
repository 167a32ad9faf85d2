// tessera-cli train / synth-bags: MIL training from feature bags, and synthetic bags to try it on.
#include "Cancellation.h"
#include "CommandOptions.h"
#include "LocalWorkers.h"

#include "common/Error.h"
#include "project/Project.h"
#include "project/RunRecorder.h"
#include "project/TrainingAnnotations.h"
#include "synth/SyntheticBags.h"
#include "system/ComputeDevices.h"
#include "train/ProcessGroup.h"
#include "train/WGenSearch.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QSet>

namespace tessera::cli {

namespace {

const QString kJob = QStringLiteral("train");

// The training configuration from the command line: the model's defaults, with what was given.
// Core checks the values (TrainConfig::problems).
core::TrainConfig readConfig(const CommandOptions& options)
{
    const core::TrainSetting& modelRow = *core::findTrainSetting(QStringLiteral("model"));
    const QString model = options.isSet(modelRow.flag) ? options.choice(modelRow.flag, modelRow.choices)
                                                       : core::ModelSpec().name;
    core::TrainConfig config = core::TrainConfig::defaultsFor(model);
    for (const core::TrainSetting& s : core::trainSettings()) {
        if (&s == &modelRow || !options.isSet(s.flag))
            continue;
        QString error;
        const std::optional<QVariant> value = core::parseSettingText(s, options.value(s.flag), &error);
        if (!value)
            throw UsageError{QStringLiteral("--%1 %2").arg(s.flag, error)};
        core::setSettingValue(s, config, *value);
    }
    return config;
}

// "w_gen 1.8: best epoch 71, val AUC 0.912, test AUC 0.887 (kept)"
QString candidateLine(const QJsonObject& c)
{
    const QJsonObject test = c[QStringLiteral("test")].toObject();
    return QStringLiteral("w_gen %1: best epoch %2, val AUC %3%4%5")
        .arg(core::shortestNumber(c[QStringLiteral("w_gen")].toDouble()))
        .arg(c[QStringLiteral("best_epoch")].toInt())
        .arg(c[QStringLiteral("val")].toObject()[QStringLiteral("auc")].toDouble(), 0, 'f', 3)
        .arg(test.isEmpty()
                 ? QString()
                 : QStringLiteral(", test AUC %1").arg(test[QStringLiteral("auc")].toDouble(), 0, 'f', 3))
        .arg(c[QStringLiteral("kept")].toBool() ? QStringLiteral(" (kept)") : QString());
}

// "100" when every model has the same default, else "srmil 100, abmil 50, transmil 50".
QString perModelDefault(const core::TrainSetting& setting)
{
    QStringList parts;
    QSet<QString> distinct;
    for (const core::ModelInfo& m : core::modelCatalogue()) {
        const QString v = core::settingText(setting, core::settingDefault(setting, m.name));
        distinct.insert(v);
        parts << QStringLiteral("%1 %2").arg(m.name, v);
    }
    return distinct.size() == 1 ? *distinct.begin() : parts.join(QStringLiteral(", "));
}

// One option per training setting: its help, range and unit, and its default per model.
void addSettingOptions(CommandOptions& options)
{
    for (const core::TrainSetting& s : core::trainSettings()) {
        QString text = s.help;
        if (const QString range = core::settingRangeText(s); !range.isEmpty() && s.choices.isEmpty())
            text += QStringLiteral(" Range %1%2.")
                        .arg(range, s.unit.isEmpty() ? QString() : QLatin1Char(' ') + s.unit);
        if (!s.models.isEmpty())
            text += QStringLiteral(" Only %1.").arg(s.models.join(QStringLiteral(", ")));
        const QString fallback = perModelDefault(s);
        if (!fallback.isEmpty())
            text += QStringLiteral(" [default: %1]").arg(fallback);
        options.add(s.flag, text, s.valueName, QString(), s.key);
    }
}

// The table as Markdown, for the docs and for people: every setting with its flag, type, range,
// unit and defaults.
QString settingsTable()
{
    QString text =
        QStringLiteral("| config.json | flag | type | range | unit | default | models | what it does |\n"
                       "|---|---|---|---|---|---|---|---|\n");
    for (const core::TrainSetting& s : core::trainSettings())
        text += QStringLiteral("| `%1` | `--%2` | %3 | %4 | %5 | %6 | %7 | %8 |\n")
                    .arg(s.key, s.flag, core::settingTypeName(s).replace(QLatin1Char('|'), QLatin1Char('/')),
                         core::settingRangeText(s), s.unit, perModelDefault(s),
                         s.models.isEmpty() ? QStringLiteral("all") : s.models.join(QStringLiteral(", ")),
                         QString(s.help).replace(QLatin1Char('|'), QStringLiteral("\\|")));
    return text;
}

} // namespace

int runTrain(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io,
                           QStringLiteral("Train a MIL model (SR-MIL, ABMIL or TransMIL) on feature bags"));
    options.add(QStringLiteral("project"),
                QStringLiteral("Project folder: records the run, every epoch and the result in its database; "
                               "features, labels, split and run folder default to the project's."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("features"), QStringLiteral("Folder of <slide_id>.h5 bags."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("feature-set"), QStringLiteral("With --project: the feature set to train on."),
                QStringLiteral("name"), QStringLiteral("features"));
    options.add(QStringLiteral("split"), QStringLiteral("With --project: the project's split to use."),
                QStringLiteral("name"), QStringLiteral("default"));
    options.add(QStringLiteral("labels"),
                QStringLiteral("CSV with slide_id,label (or case_id,slide_id,label)."),
                QStringLiteral("csv"));
    options.add(QStringLiteral("splits"), QStringLiteral("CLAM splits CSV (,train,val,test)."),
                QStringLiteral("csv"));
    options.add(QStringLiteral("folds"), QStringLiteral("Make K stratified folds instead of --splits."),
                QStringLiteral("k"));
    options.add(QStringLiteral("fold"), QStringLiteral("Run only this fold (0-based); default all."),
                QStringLiteral("i"));
    options.add(
        QStringLiteral("out"),
        QStringLiteral("Run folder (fold_i/ inside it with --folds); with --project default runs/<name>."),
        QStringLiteral("dir"));
    options.add(QStringLiteral("name"),
                QStringLiteral("With --project: the run's name [default: <model>-<date>-<time>]."),
                QStringLiteral("name"));
    addSettingOptions(options);
    options.add(QStringLiteral("nproc"),
                QStringLiteral("Data-parallel: start this many worker processes here (c10d, Gloo)."),
                QStringLiteral("n"), QStringLiteral("1"));
    options.addSwitch(
        QStringLiteral("distributed"),
        QStringLiteral("Be one rank of a data-parallel group launched by torchrun (MASTER_ADDR, "
                       "MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK) or srun (SLURM_PROCID …)."));
    options.addSwitch(QStringLiteral("list-settings"),
                      QStringLiteral("Print the training settings as a table (Markdown) and exit."));
    options.addProgress();
    options.parse(arguments);
    if (options.isSet(QStringLiteral("list-settings"))) {
        io.out << settingsTable();
        return kOk;
    }
    core::TrainConfig config = readConfig(options);
    if (const int processes = options.integer(QStringLiteral("nproc")); processes > 1) {
        if (options.isSet(QStringLiteral("distributed")))
            throw UsageError{QStringLiteral("give --nproc or --distributed, not both")};
        if (processes > config.slidesPerStep)
            throw UsageError{
                QStringLiteral("--nproc %1 needs --slides-per-step of at least %1").arg(processes)};
        // Workers get the command without --nproc and --threads (in any spelling the parser takes),
        // and one run name, so that all ranks use one folder.
        QStringList forwarded = withoutOption(withoutOption(arguments.mid(1), QStringLiteral("nproc")),
                                              QStringLiteral("threads"));
        if (!options.isSet(QStringLiteral("name")) && !options.isSet(QStringLiteral("out")))
            forwarded << QStringLiteral("--name")
                      << QStringLiteral("%1-%2").arg(
                             config.model.name,
                             QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
        return runLocalWorkers(QStringList{QStringLiteral("train")} + forwarded, processes, config.threads,
                               io);
    }
    std::unique_ptr<core::ProcessGroup> group;
    if (options.isSet(QStringLiteral("distributed")))
        group = std::make_unique<core::ProcessGroup>(core::DistributedLaunch::fromEnvironment());
    const bool primary = !group || group->isPrimary();
    if (options.isSet(QStringLiteral("splits")) + options.isSet(QStringLiteral("folds")) > 1)
        throw UsageError{QStringLiteral("give only one of --splits or --folds")};
    std::shared_ptr<core::Project> project;
    if (options.isSet(QStringLiteral("project")))
        project = core::Project::open(options.value(QStringLiteral("project")));
    else {
        options.require({"features", "labels", "out"});
        if (!options.isSet(QStringLiteral("splits")) && !options.isSet(QStringLiteral("folds")))
            throw UsageError{QStringLiteral("give one of --splits or --folds (or --project with a split)")};
    }
    if (group && (config.device == QLatin1String("auto") || config.device == QLatin1String("cuda"))) {
        // One GPU per rank of this node, as torchrun's LOCAL_RANK intends.
        int gpus = 0;
        for (const core::ComputeDeviceInfo& d : core::availableComputeDevices())
            gpus += d.id.startsWith(QLatin1String("cuda:"));
        if (gpus > 0)
            config.device = QStringLiteral("cuda:%1").arg(group->localRank() % gpus);
    }
    if (!config.initFrom.isEmpty()) {
        if (project && !QFileInfo(config.initFrom).isDir())
            if (const auto parent = project->runs().find(config.initFrom))
                config.initFrom = parent->folder;
        config.initFrom = QFileInfo(config.initFrom).absoluteFilePath();
    }
    options.startProgress(kJob);
    // Every value is checked before any data is read.
    core::throwIfAny(config.problems());
    if (config.annotations && !project)
        throw UsageError{QStringLiteral("--annotations needs --project: the annotations are the project's")};

    core::LabelTable labels = options.isSet(QStringLiteral("labels"))
                                  ? core::LabelTable::readCsv(options.value(QStringLiteral("labels")))
                                  : project->slides().labelTable();
    QString featuresDir = options.value(QStringLiteral("features"));
    QString featureSet;
    if (featuresDir.isEmpty()) {
        featureSet = options.value(QStringLiteral("feature-set"));
        const auto set = project->runs().featureSet(featureSet);
        if (!set)
            throw core::Error(QStringLiteral("The project %1 has no feature set '%2': extract features first "
                                             "(tessera-cli extract --project %1)")
                                  .arg(project->folder(), featureSet));
        featuresDir = set->folder;
    }
    const QString name = options.isSet(QStringLiteral("name"))
                             ? options.value(QStringLiteral("name"))
                             : QStringLiteral("%1-%2").arg(
                                   config.model.name,
                                   QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString out = options.isSet(QStringLiteral("out")) ? options.value(QStringLiteral("out"))
                                                             : QDir(project->runsFolder()).filePath(name);
    std::vector<core::Split> splits;
    std::vector<QString> runDirs;
    QString splitName;
    if (options.isSet(QStringLiteral("folds"))) {
        const auto all = core::Split::kFold(labels, options.integer(QStringLiteral("folds")), config.seed);
        const int only = options.isSet(QStringLiteral("fold")) ? options.integer(QStringLiteral("fold")) : -1;
        for (int f = 0; f < int(all.size()); ++f)
            if (only < 0 || only == f) {
                splits.push_back(all[std::size_t(f)]);
                runDirs.push_back(QDir(out).filePath(QStringLiteral("fold_%1").arg(f)));
            }
        if (splits.empty())
            throw UsageError{QStringLiteral("--fold %1 does not exist").arg(only)};
        splitName = QStringLiteral("%1 folds").arg(all.size());
    } else if (options.isSet(QStringLiteral("splits"))) {
        splits.push_back(core::Split::readClamCsv(options.value(QStringLiteral("splits"))));
        runDirs.push_back(out);
        splitName = QFileInfo(options.value(QStringLiteral("splits"))).fileName();
    } else {
        splitName = options.value(QStringLiteral("split"));
        splits.push_back(project->slides().split(splitName));
        runDirs.push_back(out);
    }
    if (config.annotations && splits.size() == 1) {
        // Slides of the split without a label take one from their annotations where these decide it.
        const core::AnnotatedSlideLabels annotated =
            core::slideLabelsFromAnnotations(*project, labels, splits[0]);
        labels = core::withAnnotatedLabels(labels, annotated);
        if (const QString summary = annotated.summary(); !summary.isEmpty()) {
            io.report(core::ProgressEvent::note(kJob, summary, QStringLiteral("info")));
            if (!options.jsonProgress())
                io.out << summary << "\n";
        }
    }
    const std::atomic<bool>& cancel = cancelOnSignals();
    // With several folds, the job is the whole cross-validation: each fold's start and end become
    // messages, and one started … finished (or failed) frames them, so a job monitor does not
    // take the end of fold 0 for the end of the job.
    const bool folds = splits.size() > 1;
    const core::ProgressSink output = io.progress;
    const auto forFold = [&](std::size_t f) -> core::ProgressSink {
        if (!folds || !output)
            return output;
        return [output, f, count = splits.size()](const core::ProgressEvent& e) {
            if (e.kind != core::EventKind::Started && e.kind != core::EventKind::Finished) {
                output(e);
                return;
            }
            QJsonObject details = e.details;
            details[QStringLiteral("fold")] = int(f);
            output(core::ProgressEvent::note(
                kJob,
                e.kind == core::EventKind::Started
                    ? QStringLiteral("fold %1 of %2: started").arg(f + 1).arg(count)
                    : QStringLiteral("fold %1 of %2: finished").arg(f + 1).arg(count),
                QStringLiteral("info"), details));
        };
    };
    if (folds && primary)
        io.report(
            core::ProgressEvent::started(kJob, {{QStringLiteral("folds"), int(splits.size())},
                                                {QStringLiteral("run"), QFileInfo(out).absoluteFilePath()},
                                                {QStringLiteral("model"), config.model.name}}));
    QJsonArray foldResults;
    for (std::size_t f = 0; f < splits.size(); ++f) {
        // Every problem with the data is found here, before any training.
        core::MilDataset data = core::MilDataset::load(featuresDir, labels, splits[f]);
        if (config.annotations) {
            const core::TrainingAnnotations annotated = core::labelFromAnnotations(*project, data);
            const QString summary = annotated.summary(data.classNames());
            io.report(core::ProgressEvent::note(
                kJob, summary, annotated.evidence > 0 ? QStringLiteral("info") : QStringLiteral("warning")));
            if (!options.jsonProgress())
                io.out << (annotated.evidence > 0 ? QString() : QStringLiteral("warning: ")) << summary
                       << "\n";
        }
        io.progress = forFold(f);
        if (project && primary) {
            // The run, its epochs and its result go to the project's database as they come; a
            // failure that ends the command reaches it through io.progress too. Bookkeeping that
            // fails (a database locked too long) is reported, never the end of the training.
            core::RunStart start;
            start.folder = QFileInfo(runDirs[f]).absoluteFilePath();
            start.model = config.model.name;
            start.config = config.toJson();
            start.parentFolder = config.initFrom;
            start.featureSet = featureSet.isEmpty() ? featuresDir : featureSet;
            start.split = folds ? QStringLiteral("fold %1 of %2").arg(f).arg(splits.size()) : splitName;
            // A worker of --nproc records the command that started the job, which can resume it.
            start.command = qEnvironmentVariableIsSet("TESSERA_LAUNCH_COMMAND")
                                ? qEnvironmentVariable("TESSERA_LAUNCH_COMMAND").split(QChar(0x1f))
                                : QCoreApplication::arguments().mid(1);
            auto recorder = std::make_shared<core::RunRecorder>(*project, start);
            io.progress = [recorder, project, next = io.progress, &io](const core::ProgressEvent& e) {
                try {
                    recorder->record(e);
                } catch (const core::Error& error) {
                    io.err << "tessera-cli train: not recorded in the project: " << error.message() << "\n";
                    io.err.flush();
                }
                if (next)
                    next(e);
            };
        }
        const core::TrainResult r = core::trainRun(
            config, data, runDirs[f], group.get(),
            [&](const core::ProgressEvent& e) {
                io.report(e);
                if (!options.jsonProgress() && e.kind == core::EventKind::Message &&
                    e.level == QLatin1String("warning"))
                    io.err << "tessera-cli train: warning: " << e.message << "\n";
                if (!options.jsonProgress() && e.kind == core::EventKind::Message &&
                    e.details.contains(QStringLiteral("w_gen")))
                    io.out << e.message << "\n";
                if (!options.jsonProgress() && e.kind == core::EventKind::Finished)
                    for (const QJsonValue c : e.details[QStringLiteral("candidates")].toArray())
                        io.out << candidateLine(c.toObject()) << "\n";
                if (!options.jsonProgress() && e.kind == core::EventKind::Epoch) {
                    const auto auc = e.metrics.find(QStringLiteral("val_auc"));
                    io.out << QStringLiteral("epoch %1/%2  loss %3  val AUC %4  acc %5%6\n")
                                  .arg(e.epoch)
                                  .arg(e.epochs)
                                  .arg(e.losses.at(QStringLiteral("train")), 0, 'f', 4)
                                  .arg(auc == e.metrics.end() ? std::nan("") : auc->second, 0, 'f', 3)
                                  .arg(e.metrics.at(QStringLiteral("val_accuracy")), 0, 'f', 3)
                                  .arg(e.best ? QStringLiteral("  *") : QString());
                    io.out.flush();
                }
            },
            &cancel);
        if (r.cancelled) {
            io.err << "tessera-cli train: cancelled after epoch " << r.epochsRun << "; run again to resume\n";
            return kCancelled;
        }
        if (!primary)
            continue; // rank 0 reports
        foldResults.append(QJsonObject{{QStringLiteral("run"), runDirs[f]},
                                       {QStringLiteral("best_epoch"), r.bestEpoch},
                                       {QStringLiteral("val"), r.bestValidation.toJson()}});
        if (!options.jsonProgress())
            io.out << QStringLiteral("%1: best epoch %2, val AUC %3%4\n")
                          .arg(runDirs[f])
                          .arg(r.bestEpoch)
                          .arg(r.bestValidation.macroAuc, 0, 'f', 3)
                          .arg(r.test.samples
                                   ? QStringLiteral(", test AUC %1").arg(r.test.macroAuc, 0, 'f', 3)
                                   : QString());
    }
    io.progress = output;
    // The finished folds are also one ensemble (infer --run <folder>): probabilities averaged,
    // with their spread and a per-patch uncertainty map.
    const QStringList members =
        options.isSet(QStringLiteral("folds")) ? core::RunFolder::ensembleMembers(out) : QStringList{};
    if (primary && members.size() >= 2) {
        if (project) {
            try {
                project->runs().recordEnsemble(out);
            } catch (const core::Error& error) {
                io.err << "tessera-cli train: the ensemble is not recorded in the project: "
                       << error.message() << "\n";
            }
        }
        if (!options.jsonProgress())
            io.out << QStringLiteral("%1: ensemble of %2 folds (tessera-cli infer --run %1)\n")
                          .arg(out)
                          .arg(members.size());
    }
    if (folds && primary)
        io.report(core::ProgressEvent::finished(kJob, {{QStringLiteral("folds"), foldResults}}));
    return kOk;
}

int runSynthBags(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io,
                           QStringLiteral("Write synthetic CLAM-layout bags with per-patch ground truth"));
    const core::SyntheticBagsSpec d;
    options.add(QStringLiteral("out"), QStringLiteral("Output folder (features/, labels.csv)."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("slides"), QStringLiteral("Number of slides."), QStringLiteral("n"),
                QString::number(d.slides));
    options.add(QStringLiteral("dim"), QStringLiteral("Feature dimension."), QStringLiteral("d"),
                QString::number(d.dimension));
    options.add(QStringLiteral("signal"), QStringLiteral("Tumour signal strength."), QStringLiteral("x"),
                QString::number(d.signal));
    options.add(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"),
                QString::number(d.seed));
    options.add(QStringLiteral("min-patches"), QStringLiteral("Fewest patches per slide (about)."),
                QStringLiteral("n"), QString::number(d.minPatches));
    options.add(QStringLiteral("max-patches"), QStringLiteral("Most patches per slide (about)."),
                QStringLiteral("n"), QString::number(d.maxPatches));
    options.add(QStringLiteral("mimics"),
                QStringLiteral("Fraction of isolated non-tumour patches shifted like tumour, in every "
                               "slide; negatives get the tumour fraction more, so that only the spatial "
                               "context tells the classes apart."),
                QStringLiteral("f"), QString::number(d.mimicFraction));
    options.parse(arguments);
    options.require({"out"});
    core::SyntheticBagsSpec spec;
    spec.slides = options.integer(QStringLiteral("slides"));
    spec.dimension = options.integer(QStringLiteral("dim"));
    spec.signal = options.number(QStringLiteral("signal"));
    spec.seed = options.unsignedInteger(QStringLiteral("seed"));
    spec.minPatches = options.integer(QStringLiteral("min-patches"));
    spec.maxPatches = options.integer(QStringLiteral("max-patches"));
    spec.mimicFraction = options.number(QStringLiteral("mimics"));
    core::writeSyntheticBags(spec, options.value(QStringLiteral("out")));
    io.out << QStringLiteral("Wrote %1 bags to %2/features and %2/labels.csv\n")
                  .arg(spec.slides)
                  .arg(options.value(QStringLiteral("out")));
    return kOk;
}

} // namespace tessera::cli
