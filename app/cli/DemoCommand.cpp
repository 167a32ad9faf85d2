// tessera-cli demo-data: a small end-to-end project — synthetic slides, features, a short
// SR-MIL training and the predictions of every slide — made once and reused after.
#include "CommandOptions.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "features/ExtractionPipeline.h"
#include "features/HandcraftedExtractor.h"
#include "infer/SlideInference.h"
#include "project/InferenceRecords.h"
#include "project/Project.h"
#include "project/RunRecorder.h"
#include "run/Metrics.h"
#include "synth/SyntheticSlideGenerator.h"
#include "train/Dataset.h"
#include "train/Trainer.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace tessera::cli {

namespace {

// Patch-level AUC of a map against the ground truth (patches more than half tumour).
double localizationAuc(const std::vector<float>& scores, const std::vector<float>& tumourFractions)
{
    std::vector<double> s(scores.begin(), scores.end());
    std::vector<bool> positive;
    for (float f : tumourFractions)
        positive.push_back(f > 0.5f);
    return core::rocAuc(s, positive);
}

} // namespace

int runDemoData(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(
        io, QStringLiteral("Make (or reuse) a demo project: synthetic slides with tumours and without, "
                           "handcrafted features, "
                           "a short SR-MIL training, and predictions with heatmaps for every slide"));
    options.add(QStringLiteral("out"), QStringLiteral("Project folder."), QStringLiteral("dir"));
    options.add(QStringLiteral("slides"), QStringLiteral("Number of slides (half with tumours, 4 to 100)."),
                QStringLiteral("n"), QStringLiteral("8"));
    options.add(QStringLiteral("width"), QStringLiteral("Slide width in pixels."), QStringLiteral("px"),
                QStringLiteral("16000"));
    options.add(QStringLiteral("height"), QStringLiteral("Slide height in pixels."), QStringLiteral("px"),
                QStringLiteral("12000"));
    options.add(QStringLiteral("epochs"), QStringLiteral("SR-MIL training epochs."), QStringLiteral("n"),
                QStringLiteral("30"));
    options.add(QStringLiteral("seed"), QStringLiteral("Seed of the slides and the training."),
                QStringLiteral("n"), QStringLiteral("2026"));
    options.addThreads(QStringLiteral("Worker threads"));
    options.parse(arguments);
    options.require({"out"});
    const QString folder = options.value(QStringLiteral("out"));
    const int count = options.integer(QStringLiteral("slides"));
    const int epochs = options.integer(QStringLiteral("epochs"));
    const int threads = options.threads();
    const auto seed = options.unsignedInteger(QStringLiteral("seed"));
    if (count < 4 || count > 100)
        throw UsageError{QStringLiteral("--slides must lie in [4, 100]")};
    // A real project: everything below is recorded in its database, so the GUI opens it as one.
    const std::unique_ptr<core::Project> project =
        core::Project::exists(folder) ? core::Project::open(folder) : core::Project::create(folder);
    const QDir dir(project->folder());

    // 1. Slides: even indices carry two tumours, odd ones none.
    QDir().mkpath(dir.filePath(QStringLiteral("slides")));
    QStringList slides, ids;
    QString labelsCsv = QStringLiteral("slide_id,label\n");
    for (int i = 0; i < count; ++i) {
        const bool tumour = i % 2 == 0;
        const QString id = QStringLiteral("demo-%1-%2")
                               .arg(i + 1, 2, 10, QLatin1Char('0'))
                               .arg(tumour ? QStringLiteral("tumour") : QStringLiteral("normal"));
        const QString path = dir.filePath(QStringLiteral("slides/%1.tiff").arg(id));
        if (!QFileInfo::exists(path)) {
            core::SynthSpec spec;
            spec.width = options.integer(QStringLiteral("width"));
            spec.height = options.integer(QStringLiteral("height"));
            spec.seed = seed + std::uint64_t(i);
            spec.tumourCount = tumour ? 2 : 0;
            spec.validate();
            io.out << "synthesizing " << id << "\n";
            io.out.flush();
            core::SyntheticSlideGenerator(spec).write(path);
        }
        slides << path;
        ids << id;
        labelsCsv +=
            QStringLiteral("%1,%2\n").arg(id, tumour ? QStringLiteral("tumour") : QStringLiteral("normal"));
    }
    const QString labelsPath = dir.filePath(QStringLiteral("labels.csv"));
    core::writeFileAtomically(labelsPath, labelsCsv.toUtf8());
    project->slides().add(slides);
    project->slides().importLabels(labelsPath);
    // The last two slides (one of each class) validate, the rest train.
    core::Split split;
    split.train = ids.mid(0, count - 2);
    split.val = ids.mid(count - 2);
    project->slides().setSplit(QStringLiteral("default"), split);

    // 2. Features (complete files are reused).
    core::HandcraftedExtractor extractor;
    core::ExtractionOptions extraction;
    extraction.threads = threads;
    const QString featuresDir = project->featuresFolder();
    const qint64 featureSet = project->runs().recordFeatureSet(
        featuresDir, extractor.name(), extraction.grid.patchSize, extraction.grid.magnification);
    for (const QString& slide : slides) {
        const core::SlideExtraction e =
            core::ExtractionPipeline(extractor, extraction).run(slide, featuresDir);
        project->runs().recordSlideFeatures(featureSet, slide, e.output, e.patches, extractor.dimension());
        if (!e.reused)
            io.out << QStringLiteral("features of %1: %2 patches in %3 s\n")
                          .arg(QFileInfo(slide).completeBaseName())
                          .arg(e.patches)
                          .arg(e.seconds, 0, 'f', 1);
        io.out.flush();
    }

    // 3. SR-MIL on the project's split, recorded as run "demo-srmil".
    const core::MilDataset data = core::MilDataset::load(featuresDir, project->slides().labelTable(),
                                                         project->slides().split(QStringLiteral("default")));
    core::TrainConfig config = core::TrainConfig::defaultsFor(QStringLiteral("srmil"));
    config.epochs = epochs;
    // A short demo: the classification terms weigh as much as the reconstruction (w_gen 1), which
    // learns these slides within 30 epochs; the paper's 1.8 needs its 100.
    config.model.wGen = 1.0;
    config.seed = seed;
    config.threads = threads;
    const QString runDir = dir.filePath(QStringLiteral("runs/demo-srmil"));
    core::RunStart start;
    start.folder = runDir;
    start.model = config.model.name;
    start.config = config.toJson();
    start.featureSet = featuresDir;
    start.split = QStringLiteral("default");
    start.command = QCoreApplication::arguments().mid(1);
    const auto train = [&] {
        core::RunRecorder recorder(*project, start);
        return core::Trainer(config, data, runDir).run(recorder.sink([&](const core::ProgressEvent& e) {
            if (e.kind == core::EventKind::Epoch && (e.epoch % 5 == 0 || e.epoch == e.epochs))
                io.out << QStringLiteral("epoch %1/%2  loss %3\n")
                              .arg(e.epoch)
                              .arg(e.epochs)
                              .arg(e.losses.at(QStringLiteral("train")), 0, 'f', 4);
            io.out.flush();
        }));
    };
    core::TrainResult trained;
    try {
        trained = train(); // resumes, or finds the run finished
    } catch (const core::Error& e) {
        // A demo run left by an earlier Tessera whose model no longer matches (SR-MIL became the
        // published architecture): the demo trains it afresh rather than stopping.
        if (!QFileInfo::exists(runDir))
            throw;
        io.out << QStringLiteral("The demo run in %1 cannot be resumed (%2); training it again.\n")
                      .arg(runDir, e.message());
        QDir(runDir).removeRecursively();
        trained = train();
    }
    io.out << QStringLiteral("SR-MIL run %1: best epoch %2\n").arg(runDir).arg(trained.bestEpoch);

    // 4. Predictions of every slide, and how well the maps find the known tumours.
    core::SlideInferenceOptions inferenceOptions;
    inferenceOptions.projectDir = project->folder();
    inferenceOptions.threads = threads;
    const core::SlideInference inference(runDir, inferenceOptions);
    for (const QString& slide : slides) {
        const core::SlideInferenceResult result = inference.run(slide);
        core::recordInference(*project, runDir, slide, result);
        const core::Prediction& p = result.prediction;
        QString line =
            QStringLiteral("%1: p(tumour) = %2")
                .arg(QFileInfo(slide).completeBaseName())
                .arg(p.probabilities[std::size_t(p.classNames.indexOf(QStringLiteral("tumour")))], 0, 'f', 3);
        const auto truth = core::GroundTruth::patchTumourFractions(
            core::GroundTruthPaths::forSlide(slide).mask, p.coords, p.patchStep);
        if (std::any_of(truth.begin(), truth.end(), [](float f) { return f > 0.5f; })) {
            line += QStringLiteral("; patch AUC attention %1, consistency %2")
                        .arg(localizationAuc(p.attention, truth), 0, 'f', 3)
                        .arg(localizationAuc(p.consistency, truth), 0, 'f', 3);
            if (!p.evidence.empty()) // docs/HEATMAPS.md: SR-MIL's is not a tumour map
                line += QStringLiteral(", evidence toward tumour %1")
                            .arg(localizationAuc(p.evidenceTowardPositive(), truth), 0, 'f', 3);
        }
        io.out << line << "\n";
        io.out.flush();
    }
    io.out << QStringLiteral("demo project ready: %1\n").arg(project->folder());
    return kOk;
}

} // namespace tessera::cli
