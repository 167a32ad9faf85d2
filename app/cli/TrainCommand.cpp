// tessera-cli train / synth-bags: MIL training from feature bags, and synthetic bags to try it on.
#include "Cancellation.h"
#include "CommandOptions.h"

#include "common/Error.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"

#include <QDir>

namespace tessera::cli {

namespace {

const QString kJob = QStringLiteral("train");

// The training configuration from the command line; core checks the values (TrainConfig::problem).
core::TrainConfig readConfig(const CommandOptions& options)
{
    core::TrainConfig config;
    config.model.name = options.choice(QStringLiteral("model"), core::modelNames());
    config.model.wGen = options.number(QStringLiteral("w-gen"));
    config.model.wCe = options.number(QStringLiteral("w-ce"));
    config.epochs = options.integer(QStringLiteral("epochs"));
    config.learningRate = options.number(QStringLiteral("lr"));
    config.weightDecay = options.number(QStringLiteral("weight-decay"));
    config.warmupEpochs = options.integer(QStringLiteral("warmup"));
    config.patience = options.integer(QStringLiteral("patience"));
    config.selectAfter = options.number(QStringLiteral("select-after"));
    config.seed = options.unsignedInteger(QStringLiteral("seed"));
    config.device = options.device();
    config.threads = options.threads();
    config.precision = options.choice(QStringLiteral("precision"), core::kPrecisions);
    return config;
}

QString modelHelp()
{
    QStringList lines;
    for (const core::ModelInfo& m : core::modelCatalogue())
        lines << QStringLiteral("%1 (%2)").arg(m.name, m.title);
    return QStringLiteral("Model: %1.").arg(lines.join(QStringLiteral(", ")));
}

} // namespace

int runTrain(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io,
                           QStringLiteral("Train a MIL model (SR-MIL, ABMIL or TransMIL) on feature bags"));
    const core::TrainConfig d;
    options.add(QStringLiteral("features"), QStringLiteral("Folder of <slide_id>.h5 bags."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("labels"),
                QStringLiteral("CSV with slide_id,label (or case_id,slide_id,label)."),
                QStringLiteral("csv"));
    options.add(QStringLiteral("splits"), QStringLiteral("CLAM splits CSV (,train,val,test)."),
                QStringLiteral("csv"));
    options.add(QStringLiteral("folds"), QStringLiteral("Make K stratified folds instead of --splits."),
                QStringLiteral("k"));
    options.add(QStringLiteral("fold"), QStringLiteral("Run only this fold (0-based); default all."),
                QStringLiteral("i"));
    options.add(QStringLiteral("model"), modelHelp(), QStringLiteral("name"), d.model.name);
    options.add(QStringLiteral("out"), QStringLiteral("Run folder (fold_i/ inside it with --folds)."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("epochs"), QStringLiteral("Epochs."), QStringLiteral("n"),
                QString::number(d.epochs));
    options.add(QStringLiteral("lr"), QStringLiteral("Peak learning rate (AdamW)."), QStringLiteral("x"),
                QString::number(d.learningRate));
    options.add(QStringLiteral("weight-decay"), QStringLiteral("AdamW weight decay."), QStringLiteral("x"),
                QString::number(d.weightDecay));
    options.add(QStringLiteral("warmup"), QStringLiteral("Warm-up epochs."), QStringLiteral("n"),
                QString::number(d.warmupEpochs), QStringLiteral("warmup_epochs"));
    options.add(QStringLiteral("patience"), QStringLiteral("Early stopping patience (0 = off)."),
                QStringLiteral("n"), QString::number(d.patience));
    options.add(QStringLiteral("select-after"),
                QStringLiteral("Pick the best epoch only after this fraction."), QStringLiteral("f"),
                QString::number(d.selectAfter));
    options.add(QStringLiteral("w-gen"),
                QStringLiteral("SR-MIL reconstruction weight in [0, 2] (paper: 1.8)."), QStringLiteral("w"),
                QString::number(d.model.wGen));
    options.add(QStringLiteral("w-ce"), QStringLiteral("SR-MIL full-graph CE weight in [0, 2]."),
                QStringLiteral("w"), QString::number(d.model.wCe));
    options.add(QStringLiteral("seed"), QStringLiteral("Random seed."), QStringLiteral("n"),
                QString::number(d.seed));
    options.addDevice();
    options.addThreads(QStringLiteral("CPU threads"));
    options.add(QStringLiteral("precision"),
                QStringLiteral("auto (bf16 mixed precision on CUDA, fp32 on CPU), fp32 or bf16."),
                QStringLiteral("p"), d.precision);
    options.addProgress();
    options.parse(arguments);
    options.require({"features", "labels", "out"});
    if (options.isSet(QStringLiteral("splits")) == options.isSet(QStringLiteral("folds")))
        throw UsageError{QStringLiteral("give exactly one of --splits or --folds")};
    const core::TrainConfig config = readConfig(options);
    if (options.jsonProgress())
        io.startJsonProgress(kJob);
    // Every value is checked before any data is read.
    core::throwIfAny(config.problems());

    const core::LabelTable labels = core::LabelTable::readCsv(options.value(QStringLiteral("labels")));
    std::vector<core::Split> splits;
    std::vector<QString> runDirs;
    const QString out = options.value(QStringLiteral("out"));
    if (options.isSet(QStringLiteral("splits"))) {
        splits.push_back(core::Split::readClamCsv(options.value(QStringLiteral("splits"))));
        runDirs.push_back(out);
    } else {
        const auto all = core::Split::kFold(labels, options.integer(QStringLiteral("folds")), config.seed);
        const int only = options.isSet(QStringLiteral("fold")) ? options.integer(QStringLiteral("fold")) : -1;
        for (int f = 0; f < int(all.size()); ++f)
            if (only < 0 || only == f) {
                splits.push_back(all[std::size_t(f)]);
                runDirs.push_back(QDir(out).filePath(QStringLiteral("fold_%1").arg(f)));
            }
        if (splits.empty())
            throw UsageError{QStringLiteral("--fold %1 does not exist").arg(only)};
    }
    const std::atomic<bool>& cancel = cancelOnSignals();
    for (std::size_t f = 0; f < splits.size(); ++f) {
        // Every problem with the data is found here, before any training.
        const core::MilDataset data =
            core::MilDataset::load(options.value(QStringLiteral("features")), labels, splits[f]);
        core::Trainer trainer(config, data, runDirs[f]);
        const core::TrainResult r = trainer.run(
            [&](const core::ProgressEvent& e) {
                io.report(e);
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
        if (!options.jsonProgress())
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
    options.parse(arguments);
    options.require({"out"});
    core::SyntheticBagsSpec spec;
    spec.slides = options.integer(QStringLiteral("slides"));
    spec.dimension = options.integer(QStringLiteral("dim"));
    spec.signal = options.number(QStringLiteral("signal"));
    spec.seed = options.unsignedInteger(QStringLiteral("seed"));
    core::writeSyntheticBags(spec, options.value(QStringLiteral("out")));
    io.out << QStringLiteral("Wrote %1 bags to %2/features and %2/labels.csv\n")
                  .arg(spec.slides)
                  .arg(options.value(QStringLiteral("out")));
    return kOk;
}

} // namespace tessera::cli
