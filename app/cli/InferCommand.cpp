// tessera-cli eval / infer: a trained run applied to labelled bags (metrics) or to one bag (maps).
#include "CommandOptions.h"

#include "common/Error.h"
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "project/Project.h"
#include "run/Metrics.h"
#include "train/Dataset.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace tessera::cli {

int runEval(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io, QStringLiteral("Evaluate a trained run on labelled feature bags"));
    options.add(QStringLiteral("run"), QStringLiteral("Run folder made by 'train'."), QStringLiteral("dir"));
    options.add(QStringLiteral("features"), QStringLiteral("Folder of <slide_id>.h5 bags."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("labels"), QStringLiteral("CSV with slide_id,label."), QStringLiteral("csv"));
    options.addDevice();
    options.parse(arguments);
    options.require({"run", "features", "labels"});
    const core::Predictor predictor(options.value(QStringLiteral("run")), options.device());
    const core::LabelTable labels = core::LabelTable::readCsv(options.value(QStringLiteral("labels")));
    if (labels.classNames != predictor.run().classNames)
        throw core::Error(QStringLiteral("The labels' classes (%1) differ from the run's (%2)")
                              .arg(labels.classNames.join(QStringLiteral(", ")),
                                   predictor.run().classNames.join(QStringLiteral(", "))));
    std::vector<float> probabilities;
    std::vector<int> truth;
    QStringList missing;
    for (qsizetype i = 0; i < labels.slideIds.size(); ++i) {
        const QString path = QDir(options.value(QStringLiteral("features")))
                                 .filePath(labels.slideIds[i] + QStringLiteral(".h5"));
        if (!QFileInfo::exists(path)) {
            missing << labels.slideIds[i];
            continue;
        }
        const core::Prediction p = predictor.predict(core::FeatureStore::read(path), path);
        probabilities.insert(probabilities.end(), p.probabilities.begin(), p.probabilities.end());
        truth.push_back(labels.labels[std::size_t(i)]);
    }
    if (!missing.isEmpty())
        throw core::Error(
            QStringLiteral("%1 labelled slide(s) have no features, e.g. '%2'; nothing was evaluated")
                .arg(missing.size())
                .arg(missing.first()));
    const auto metrics =
        core::ClassificationMetrics::compute(probabilities, truth, int(labels.classNames.size()));
    io.out << QJsonDocument(metrics.toJson()).toJson(QJsonDocument::Indented);
    return kOk;
}

namespace {

// Infers one bag, writes its maps and records the prediction; returns the line to print.
QString inferOne(const core::Predictor& predictor, core::Project* project, qint64 run, const QString& input,
                 const QString& output, CliContext& io)
{
    const core::Prediction p = predictor.predict(core::FeatureStore::read(input), input);
    p.write(output);
    if (project) {
        try {
            project->runs().recordPrediction(run, input, output, p);
        } catch (const core::Error& error) {
            io.err << "tessera-cli infer: the prediction was written but not recorded: " << error.message()
                   << "\n";
        }
    }
    return QStringLiteral("%1: %2 → %3\n  %4\n")
        .arg(QFileInfo(input).fileName(), p.probabilitiesText(), output, p.trustSummary());
}

} // namespace

int runInfer(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io,
                           QStringLiteral("Slide probabilities, attention and consistency maps for one bag, "
                                          "or for every bag of a folder"));
    options.add(QStringLiteral("run"),
                QStringLiteral("Run folder made by 'train', or a --folds folder: its finished folds as an "
                               "ensemble (mean probabilities with their spread, and an uncertainty map)."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("features"),
                QStringLiteral("One feature bag (.h5), or a folder of <slide_id>.h5 bags."),
                QStringLiteral("file|dir"));
    options.add(QStringLiteral("out"),
                QStringLiteral("Output .h5 (probabilities, attention, consistency, evidence, uncertainty, "
                               "coords); a folder when "
                               "--features is one (<slide_id>.h5 in it)."),
                QStringLiteral("file|dir"));
    options.add(
        QStringLiteral("project"),
        QStringLiteral("Project folder: records the prediction for the slide of the bag's name (and the run, "
                       "if the project does not know it yet)."),
        QStringLiteral("dir"));
    options.addDevice();
    options.addShard();
    options.parse(arguments);
    options.require({"run", "features", "out"});
    const auto project = options.isSet(QStringLiteral("project"))
                             ? core::Project::open(options.value(QStringLiteral("project")))
                             : nullptr;
    const core::Predictor predictor(options.value(QStringLiteral("run")), options.device());
    const qint64 run = project ? project->runs().ensureRegistered(options.value(QStringLiteral("run"))) : 0;
    const QString input = options.value(QStringLiteral("features"));
    const QString out = options.value(QStringLiteral("out"));
    if (!QFileInfo(input).isDir()) {
        if (options.isSet(QStringLiteral("shard")))
            throw UsageError(QStringLiteral("--shard needs a folder of bags in --features"));
        io.out << inferOne(predictor, project.get(), run, input, out, io);
        return kOk;
    }
    // A folder: this shard's bags, each written atomically, so a rerun after a kill redoes
    // whole bags only and any scheduler may run the shards in any order.
    const core::Shard shard = options.shard();
    QStringList bags;
    for (const QFileInfo& f : QDir(input).entryInfoList({QStringLiteral("*.h5")}, QDir::Files, QDir::Name))
        bags << f.filePath();
    if (bags.isEmpty())
        throw core::Error(QStringLiteral("%1 holds no feature bags (*.h5)").arg(input));
    if (QFileInfo(out).canonicalFilePath() == QFileInfo(input).canonicalFilePath())
        throw UsageError(
            QStringLiteral("--out must not be the --features folder: the maps would replace the bags"));
    const QStringList mine = shard.select(bags);
    if (!QDir().mkpath(out))
        throw core::Error(QStringLiteral("Cannot create the output folder %1").arg(out));
    if (!shard.isWhole())
        io.out << QStringLiteral("shard %1: %2 of %3 bags\n")
                      .arg(shard.toString())
                      .arg(mine.size())
                      .arg(bags.size());
    int failed = 0;
    for (const QString& bag : mine) {
        try {
            io.out << inferOne(predictor, project.get(), run, bag,
                               QDir(out).filePath(QFileInfo(bag).fileName()), io);
            io.out.flush();
        } catch (const std::exception& error) {
            ++failed; // the other bags go on
            const auto* known = dynamic_cast<const core::Error*>(&error);
            io.err << "tessera-cli infer: "
                   << (known ? known->message()
                             : QStringLiteral("%1: %2").arg(bag, QString::fromLocal8Bit(error.what())))
                   << "\n";
        }
    }
    io.out << QStringLiteral("%1 bag(s) inferred, %2 failed\n").arg(mine.size() - failed).arg(failed);
    return failed ? kFailed : kOk;
}

} // namespace tessera::cli
