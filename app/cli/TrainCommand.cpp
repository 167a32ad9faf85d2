// tessera-cli train / synth-bags: MIL training from feature bags, and synthetic bags to try it on.
#include "CliCommand.h"

#include "common/Error.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"

#include <QDir>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

namespace tessera::cli {

namespace {

std::atomic<bool> g_cancelTraining{false};
extern "C" void cancelTraining(int)
{
    g_cancelTraining = true;
}

} // namespace

int runTrain(const QStringList& arguments, CliContext& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Train a MIL model (SR-MIL, ABMIL or TransMIL) on feature bags"));
    const core::TrainConfig d;
    parser.addOptions({
        {QStringLiteral("features"), QStringLiteral("Folder of <slide_id>.h5 bags."), QStringLiteral("dir")},
        {QStringLiteral("labels"), QStringLiteral("CSV with slide_id,label (or case_id,slide_id,label)."),
         QStringLiteral("csv")},
        {QStringLiteral("splits"), QStringLiteral("CLAM splits CSV (,train,val,test)."),
         QStringLiteral("csv")},
        {QStringLiteral("folds"), QStringLiteral("Make K stratified folds instead of --splits."),
         QStringLiteral("k")},
        {QStringLiteral("fold"), QStringLiteral("Run only this fold (0-based); default all."),
         QStringLiteral("i")},
        {QStringLiteral("model"), QStringLiteral("srmil, abmil or transmil."), QStringLiteral("name"),
         d.model},
        {QStringLiteral("out"), QStringLiteral("Run folder (fold_i/ inside it with --folds)."),
         QStringLiteral("dir")},
        {QStringLiteral("epochs"), QStringLiteral("Epochs."), QStringLiteral("n"), QString::number(d.epochs)},
        {QStringLiteral("lr"), QStringLiteral("Peak learning rate (AdamW)."), QStringLiteral("x"),
         QString::number(d.learningRate)},
        {QStringLiteral("weight-decay"), QStringLiteral("AdamW weight decay."), QStringLiteral("x"),
         QString::number(d.weightDecay)},
        {QStringLiteral("warmup"), QStringLiteral("Warm-up epochs."), QStringLiteral("n"),
         QString::number(d.warmupEpochs)},
        {QStringLiteral("patience"), QStringLiteral("Early stopping patience (0 = off)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("select-after"), QStringLiteral("Pick the best epoch only after this fraction."),
         QStringLiteral("f"), QStringLiteral("0")},
        {QStringLiteral("w-gen"), QStringLiteral("SR-MIL reconstruction weight (paper: 1.8)."),
         QStringLiteral("w"), QString::number(d.wGen)},
        {QStringLiteral("w-ce"), QStringLiteral("SR-MIL full-graph CE weight."), QStringLiteral("w"),
         QString::number(d.wCe)},
        {QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"), QStringLiteral("1")},
        {QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N."), QStringLiteral("device"),
         d.device},
        {QStringLiteral("threads"), QStringLiteral("CPU threads (0 = all)."), QStringLiteral("n"),
         QStringLiteral("0")},
        {QStringLiteral("precision"),
         QStringLiteral("auto (bf16 mixed precision on CUDA, fp32 on CPU), fp32 or bf16."),
         QStringLiteral("p"), d.precision},
        {QStringLiteral("progress"), QStringLiteral("'jsonl': one JSON event per line on stdout."),
         QStringLiteral("format")},
    });
    parseOrThrow(parser, arguments);
    for (const char* required : {"features", "labels", "out"})
        if (!parser.isSet(QString::fromLatin1(required)))
            throw UsageError{QStringLiteral("--%1 is required").arg(QLatin1String(required))};
    if (parser.isSet(QStringLiteral("splits")) == parser.isSet(QStringLiteral("folds")))
        throw UsageError{QStringLiteral("give exactly one of --splits or --folds")};
    const bool jsonl = parser.value(QStringLiteral("progress")) == QLatin1String("jsonl");

    core::TrainConfig config;
    config.model = parser.value(QStringLiteral("model"));
    config.epochs = intOption(parser, QStringLiteral("epochs"), config.epochs);
    config.learningRate = doubleOption(parser, QStringLiteral("lr"), config.learningRate);
    config.weightDecay = doubleOption(parser, QStringLiteral("weight-decay"), config.weightDecay);
    config.warmupEpochs = intOption(parser, QStringLiteral("warmup"), config.warmupEpochs);
    config.patience = intOption(parser, QStringLiteral("patience"), 0);
    config.selectAfter = doubleOption(parser, QStringLiteral("select-after"), 0);
    config.wGen = doubleOption(parser, QStringLiteral("w-gen"), config.wGen);
    config.wCe = doubleOption(parser, QStringLiteral("w-ce"), config.wCe);
    config.seed = unsignedOption(parser, QStringLiteral("seed"), 1);
    config.device = parser.value(QStringLiteral("device"));
    config.threads = intOption(parser, QStringLiteral("threads"), 0);
    config.precision = parser.value(QStringLiteral("precision"));
    if (!core::kPrecisions.contains(config.precision))
        throw UsageError{QStringLiteral("--precision must be one of %1 (got '%2')")
                             .arg(core::kPrecisions.join(QStringLiteral(", ")), config.precision)};
    if (!QStringList{QStringLiteral("srmil"), QStringLiteral("abmil"), QStringLiteral("transmil")}.contains(
            config.model))
        throw UsageError{
            QStringLiteral("--model must be srmil, abmil or transmil (got '%1')").arg(config.model)};
    if (!(config.wGen >= 0 && config.wGen <= 2 && config.wCe >= 0 && config.wCe <= 2))
        throw UsageError{QStringLiteral("--w-gen and --w-ce must lie in [0, 2]")};

    const core::LabelTable labels = core::LabelTable::readCsv(parser.value(QStringLiteral("labels")));
    std::vector<core::Split> splits;
    std::vector<QString> runDirs;
    const QString out = parser.value(QStringLiteral("out"));
    if (parser.isSet(QStringLiteral("splits"))) {
        splits.push_back(core::Split::readClamCsv(parser.value(QStringLiteral("splits"))));
        runDirs.push_back(out);
    } else {
        const auto all =
            core::Split::kFold(labels, intOption(parser, QStringLiteral("folds"), 5), config.seed);
        const int only = intOption(parser, QStringLiteral("fold"), -1);
        for (int f = 0; f < int(all.size()); ++f)
            if (only < 0 || only == f) {
                splits.push_back(all[std::size_t(f)]);
                runDirs.push_back(QDir(out).filePath(QStringLiteral("fold_%1").arg(f)));
            }
        if (splits.empty())
            throw UsageError{QStringLiteral("--fold %1 does not exist").arg(only)};
    }
    std::signal(SIGINT, cancelTraining);
    std::signal(SIGTERM, cancelTraining);
    const auto emit = [&](const QJsonObject& event) {
        if (jsonl) {
            io.out << QJsonDocument(event).toJson(QJsonDocument::Compact) << '\n';
            io.out.flush();
        }
    };
    for (std::size_t f = 0; f < splits.size(); ++f) {
        // Every problem with the data is found here, before any training.
        const core::MilDataset data =
            core::MilDataset::load(parser.value(QStringLiteral("features")), labels, splits[f]);
        emit({{QStringLiteral("event"), QStringLiteral("start")},
              {QStringLiteral("run"), runDirs[f]},
              {QStringLiteral("train"), int(data.samples(QStringLiteral("train")).size())},
              {QStringLiteral("val"), int(data.samples(QStringLiteral("val")).size())},
              {QStringLiteral("test"), int(data.samples(QStringLiteral("test")).size())},
              {QStringLiteral("dimension"), data.featureDimension()}});
        core::Trainer trainer(config, data, runDirs[f]);
        const core::TrainResult r = trainer.run(
            [&](const core::EpochReport& e) {
                emit(e.toJson());
                if (!jsonl)
                    io.out << QStringLiteral("epoch %1/%2  loss %3  val AUC %4  acc %5%6\n")
                                  .arg(e.epoch)
                                  .arg(e.epochs)
                                  .arg(e.trainLoss, 0, 'f', 4)
                                  .arg(e.validation.macroAuc, 0, 'f', 3)
                                  .arg(e.validation.accuracy, 0, 'f', 3)
                                  .arg(e.best ? QStringLiteral("  *") : QString());
                io.out.flush();
            },
            &g_cancelTraining);
        if (r.cancelled) {
            emit({{QStringLiteral("event"), QStringLiteral("cancelled")},
                  {QStringLiteral("epochs_run"), r.epochsRun}});
            io.err << "tessera-cli train: cancelled after epoch " << r.epochsRun << "; run again to resume\n";
            return kFailed;
        }
        emit({{QStringLiteral("event"), QStringLiteral("done")},
              {QStringLiteral("run"), runDirs[f]},
              {QStringLiteral("best_epoch"), r.bestEpoch},
              {QStringLiteral("val"), r.bestValidation.toJson()},
              {QStringLiteral("test"), r.test.samples ? QJsonValue(r.test.toJson()) : QJsonValue()}});
        if (!jsonl)
            io.out << QStringLiteral("%1: best epoch %2, val AUC %3%4\n")
                          .arg(runDirs[f])
                          .arg(r.bestEpoch)
                          .arg(r.bestValidation.macroAuc, 0, 'f', 3)
                          .arg(r.test.samples
                                   ? QStringLiteral(", test AUC %1").arg(r.test.macroAuc, 0, 'f', 3)
                                   : QString());
    }
    return kOk;
}

int runSynthBags(const QStringList& arguments, CliContext& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Write synthetic CLAM-layout bags with per-patch ground truth"));
    const core::SyntheticBagsSpec d;
    parser.addOptions({
        {QStringLiteral("out"), QStringLiteral("Output folder (features/, labels.csv)."),
         QStringLiteral("dir")},
        {QStringLiteral("slides"), QStringLiteral("Number of slides."), QStringLiteral("n"),
         QString::number(d.slides)},
        {QStringLiteral("dim"), QStringLiteral("Feature dimension."), QStringLiteral("d"),
         QString::number(d.dimension)},
        {QStringLiteral("signal"), QStringLiteral("Tumour signal strength."), QStringLiteral("x"),
         QString::number(d.signal)},
        {QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"), QStringLiteral("1")},
    });
    parseOrThrow(parser, arguments);
    if (!parser.isSet(QStringLiteral("out")))
        throw UsageError{QStringLiteral("--out is required")};
    core::SyntheticBagsSpec spec;
    spec.slides = intOption(parser, QStringLiteral("slides"), spec.slides);
    spec.dimension = intOption(parser, QStringLiteral("dim"), spec.dimension);
    spec.signal = doubleOption(parser, QStringLiteral("signal"), spec.signal);
    spec.seed = unsignedOption(parser, QStringLiteral("seed"), 1);
    core::writeSyntheticBags(spec, parser.value(QStringLiteral("out")));
    io.out << QStringLiteral("Wrote %1 bags to %2/features and %2/labels.csv\n")
                  .arg(spec.slides)
                  .arg(parser.value(QStringLiteral("out")));
    return kOk;
}

} // namespace tessera::cli
