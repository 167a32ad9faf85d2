// tessera-cli heatmap: a slide thumbnail with one of a run's maps and a legend.
#include "CommandOptions.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "heatmap/HeatmapSnapshot.h"
#include "heatmap/ScoreMap.h"
#include "infer/SlideInference.h"
#include "project/InferenceRecords.h"
#include "project/Project.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonDocument>

namespace tessera::cli {

int runHeatmap(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(
        io, QStringLiteral(
                "Slide thumbnail with a heatmap and its legend. Features and results are kept in the project "
                "folder (features/, predictions/<run>/) and reused; features are extracted when missing."));
    options.add(QStringLiteral("run"),
                QStringLiteral("Run folder made by 'train', or a --folds folder (its folds as an ensemble)."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("slide"), QStringLiteral("The slide."), QStringLiteral("file"));
    options.add(QStringLiteral("map"),
                QStringLiteral("attention, evidence (signed, SR-MIL and ABMIL), consistency (SR-MIL) or "
                               "uncertainty (a --folds folder as --run)."),
                QStringLiteral("name"), QStringLiteral("attention"));
    options.add(QStringLiteral("out"), QStringLiteral("Output PNG."), QStringLiteral("file"));
    options.add(QStringLiteral("project"),
                QStringLiteral("Project folder (default: the run's parent folder)."), QStringLiteral("dir"));
    options.add(
        QStringLiteral("colormap"),
        QStringLiteral("Colour map: %1 (default: viridis for attention, inferno for consistency, "
                       "which is drawn reversed so that low consistency comes out hot, turbo for "
                       "uncertainty, coolwarm for evidence, centred on 0 whatever the normalization).")
            .arg(core::colormapNames().join(QStringLiteral(", "))),
        QStringLiteral("name"));
    options.add(QStringLiteral("normalization"), QStringLiteral("percentile (as CLAM) or raw (min–max)."),
                QStringLiteral("mode"), QStringLiteral("percentile"));
    options.add(QStringLiteral("threshold"), QStringLiteral("Hide normalized scores below this (0–1)."),
                QStringLiteral("t"), QStringLiteral("0"));
    options.add(QStringLiteral("opacity"), QStringLiteral("Heatmap opacity (0–1)."), QStringLiteral("a"),
                QStringLiteral("0.5"));
    options.add(QStringLiteral("smooth"), QStringLiteral("Gaussian smoothing, sigma in patches (0 = off)."),
                QStringLiteral("sigma"), QStringLiteral("0"));
    options.add(QStringLiteral("size"), QStringLiteral("Longest side of the picture in pixels."),
                QStringLiteral("px"), QStringLiteral("1600"));
    options.addDevice();
    options.addThreads(QStringLiteral("Patch readers if features must be extracted"));
    options.parse(arguments);
    options.require({"run", "slide", "out"});
    const core::ScoreMap scoreMap =
        *core::scoreMapFromName(options.choice(QStringLiteral("map"), core::scoreMapNames()));
    core::HeatmapSettings settings;
    if (options.isSet(QStringLiteral("colormap")))
        settings.setColormap(scoreMap, *core::colormapFromName(options.choice(QStringLiteral("colormap"),
                                                                              core::colormapNames())));
    settings.normalization =
        options.choice(QStringLiteral("normalization"),
                       {QStringLiteral("percentile"), QStringLiteral("raw")}) == QLatin1String("raw")
            ? core::Normalization::Raw
            : core::Normalization::Percentile;
    settings.threshold = options.number(QStringLiteral("threshold"));
    settings.smoothing = options.number(QStringLiteral("smooth"));
    settings.opacity = options.number(QStringLiteral("opacity"));
    const int size = options.integer(QStringLiteral("size"));
    if (settings.threshold < 0 || settings.threshold > 1 || settings.opacity < 0 || settings.opacity > 1 ||
        settings.smoothing < 0 || settings.smoothing > 20 || size < 64 || size > 20000)
        throw UsageError{QStringLiteral(
            "--threshold and --opacity lie in [0, 1], --smooth in [0, 20], --size in [64, 20000]")};

    const QString runDir = options.value(QStringLiteral("run"));
    core::SlideInferenceOptions inferenceOptions;
    inferenceOptions.projectDir = options.isSet(QStringLiteral("project"))
                                      ? options.value(QStringLiteral("project"))
                                      : core::RunFolder(runDir).projectFolder();
    inferenceOptions.device = options.device();
    inferenceOptions.threads = options.threads();
    const QString slidePath = options.value(QStringLiteral("slide"));
    const core::SlidePtr slide = core::Slide::open(slidePath); // a bad slide fails before the model loads
    const core::SlideInference inference(runDir, inferenceOptions);
    const core::SlideInferenceResult result = inference.run(slidePath);
    // In a Tessera project, what was made is recorded in its database.
    if (core::Project::exists(inferenceOptions.projectDir)) {
        const auto project = core::Project::open(inferenceOptions.projectDir);
        core::recordInference(*project, runDir, slidePath, result);
    }
    const core::Prediction& p = result.prediction;

    core::PatchScores scores;
    scores.coords = p.coords;
    scores.step = p.patchStep;
    scores.values = p.scores(scoreMap);
    if (scores.values.empty())
        throw core::Error(
            scoreMap == core::ScoreMap::Uncertainty
                ? QStringLiteral("Run %1 is a single run and has no uncertainty map; train with "
                                 "--folds K and give the folds' folder as --run")
                      .arg(runDir)
            : scoreMap == core::ScoreMap::Evidence && core::modelMakesEvidence(p.model)
                ? QStringLiteral("The results of run %1 for this slide hold no evidence map: memory ran out "
                                 "for the backward pass it needs")
                      .arg(runDir)
            : scoreMap == core::ScoreMap::Evidence
                ? QStringLiteral("Run %1 (%2) has no evidence map; SR-MIL and ABMIL make one (TransMIL's "
                                 "attention is not on its path to the logits)")
                      .arg(runDir, p.model)
                : QStringLiteral("Run %1 (%2) has no consistency map; only SR-MIL reconstructs "
                                 "patches")
                      .arg(runDir, p.model));
    const core::ScoreMapPicture drawn =
        core::renderScoreMap(scoreMap, std::move(scores), settings, slide->size());
    QImage picture = core::renderHeatmapSnapshot(
        core::slideThumbnail(*slide, size), slide->size(), drawn.heatmap, settings.opacity,
        core::renderLegend(drawn.legend, settings.colormap(scoreMap)));
    if (p.ood.flagged)
        core::drawWarningBanner(
            picture, QStringLiteral("%1: do not rely on this map or the prediction").arg(p.ood.summary()));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!picture.save(&buffer, "PNG"))
        throw core::Error(QStringLiteral("Cannot encode the picture as PNG"));
    const QString out = options.value(QStringLiteral("out"));
    core::writeFileAtomically(out, png);

    io.out << QStringLiteral("%1: %2 (%3 patches%4) → %5\n  %6\n")
                  .arg(QFileInfo(slidePath).fileName(), p.probabilitiesText())
                  .arg(p.attention.size())
                  .arg(result.reusedResults ? QStringLiteral(", stored results")
                       : result.extracted   ? QStringLiteral(", features extracted")
                                            : QString())
                  .arg(out)
                  .arg(p.trustSummary());
    return kOk;
}

} // namespace tessera::cli
