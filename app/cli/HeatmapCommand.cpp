// tessera-cli heatmap: a slide thumbnail with the attention or consistency map and a legend.
#include "CliCommand.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "heatmap/HeatmapSnapshot.h"
#include "infer/SlideInference.h"

#include <QBuffer>
#include <QFileInfo>
#include <QJsonDocument>

namespace tessera::cli {

int runHeatmap(const QStringList& arguments, CliContext& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Slide thumbnail with a heatmap and its legend. Features and results are kept in the project "
        "folder (features/, predictions/<run>/) and reused; features are extracted when missing."));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run folder made by 'train'."), QStringLiteral("dir")},
        {QStringLiteral("slide"), QStringLiteral("The slide."), QStringLiteral("file")},
        {QStringLiteral("map"), QStringLiteral("attention or consistency."), QStringLiteral("name"),
         QStringLiteral("attention")},
        {QStringLiteral("out"), QStringLiteral("Output PNG."), QStringLiteral("file")},
        {QStringLiteral("project"), QStringLiteral("Project folder (default: the run's parent folder)."),
         QStringLiteral("dir")},
        {QStringLiteral("colormap"), QStringLiteral("viridis, turbo or coolwarm."), QStringLiteral("name"),
         QStringLiteral("viridis")},
        {QStringLiteral("normalization"), QStringLiteral("percentile (as CLAM) or raw (min–max)."),
         QStringLiteral("mode"), QStringLiteral("percentile")},
        {QStringLiteral("threshold"), QStringLiteral("Hide normalized scores below this (0–1)."),
         QStringLiteral("t"), QStringLiteral("0")},
        {QStringLiteral("opacity"), QStringLiteral("Heatmap opacity (0–1)."), QStringLiteral("a"),
         QStringLiteral("0.5")},
        {QStringLiteral("smooth"), QStringLiteral("Gaussian smoothing, sigma in patches (0 = off)."),
         QStringLiteral("sigma"), QStringLiteral("0")},
        {QStringLiteral("size"), QStringLiteral("Longest side of the picture in pixels."),
         QStringLiteral("px"), QStringLiteral("1600")},
        {QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N."), QStringLiteral("device"),
         QStringLiteral("auto")},
        {QStringLiteral("threads"), QStringLiteral("Patch readers if features must be extracted."),
         QStringLiteral("n"), QStringLiteral("0")},
    });
    parseOrThrow(parser, arguments);
    for (const char* required : {"run", "slide", "out"})
        if (!parser.isSet(QString::fromLatin1(required)))
            throw UsageError{QStringLiteral("--%1 is required").arg(QLatin1String(required))};
    const QString map = parser.value(QStringLiteral("map"));
    if (map != QLatin1String("attention") && map != QLatin1String("consistency"))
        throw UsageError{QStringLiteral("--map must be attention or consistency (got '%1')").arg(map)};
    core::HeatmapStyle style;
    const auto colormap = core::colormapFromName(parser.value(QStringLiteral("colormap")));
    if (!colormap)
        throw UsageError{QStringLiteral("--colormap must be one of %1")
                             .arg(core::colormapNames().join(QStringLiteral(", ")))};
    style.colormap = *colormap;
    const QString normalization = parser.value(QStringLiteral("normalization"));
    if (normalization != QLatin1String("percentile") && normalization != QLatin1String("raw"))
        throw UsageError{QStringLiteral("--normalization must be percentile or raw")};
    style.normalization =
        normalization == QLatin1String("raw") ? core::Normalization::Raw : core::Normalization::Percentile;
    style.threshold = doubleOption(parser, QStringLiteral("threshold"), 0);
    style.smoothing = doubleOption(parser, QStringLiteral("smooth"), 0);
    const double opacity = doubleOption(parser, QStringLiteral("opacity"), 0.5);
    const int size = intOption(parser, QStringLiteral("size"), 1600);
    if (style.threshold < 0 || style.threshold > 1 || opacity < 0 || opacity > 1 || style.smoothing < 0 ||
        style.smoothing > 20 || size < 64 || size > 20000)
        throw UsageError{QStringLiteral(
            "--threshold and --opacity lie in [0, 1], --smooth in [0, 20], --size in [64, 20000]")};

    const QString runDir = parser.value(QStringLiteral("run"));
    core::SlideInferenceOptions options;
    options.projectDir = parser.isSet(QStringLiteral("project"))
                             ? parser.value(QStringLiteral("project"))
                             : QFileInfo(QFileInfo(runDir).absoluteFilePath()).absolutePath();
    options.device = parser.value(QStringLiteral("device"));
    options.threads = intOption(parser, QStringLiteral("threads"), 0);
    const QString slidePath = parser.value(QStringLiteral("slide"));
    const core::SlidePtr slide = core::Slide::open(slidePath); // a bad slide fails before the model loads
    const core::SlideInference inference(runDir, options);
    const core::SlideInferenceResult result = inference.run(slidePath);
    const core::Prediction& p = result.prediction;

    core::PatchScores scores;
    scores.coords = p.coords;
    scores.step = p.patchStep;
    scores.values = map == QLatin1String("attention") ? p.attention : p.consistency;
    if (scores.values.empty())
        throw core::Error(
            QStringLiteral("Run %1 (%2) has no consistency map; only SR-MIL reconstructs patches")
                .arg(runDir, p.model));
    const core::HeatmapImage heatmap = core::renderHeatmap(scores, style, slide->size());
    const core::LegendText text = core::legendText(
        map == QLatin1String("attention") ? QStringLiteral("Attention") : QStringLiteral("Consistency"),
        style.normalization, heatmap.low, heatmap.high);
    const QImage picture =
        core::renderHeatmapSnapshot(core::slideThumbnail(*slide, size), slide->size(), heatmap, opacity,
                                    core::renderLegend(text.title, style.colormap, text.low, text.high));
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!picture.save(&buffer, "PNG"))
        throw core::Error(QStringLiteral("Cannot encode the picture as PNG"));
    const QString out = parser.value(QStringLiteral("out"));
    core::writeFileAtomically(out, png);

    QStringList probabilities;
    for (qsizetype c = 0; c < p.classNames.size(); ++c)
        probabilities
            << QStringLiteral("%1 %2").arg(p.classNames[c]).arg(p.probabilities[std::size_t(c)], 0, 'f', 4);
    io.out << QStringLiteral("%1: %2 (%3 patches%4) → %5\n")
                  .arg(QFileInfo(slidePath).fileName(), probabilities.join(QStringLiteral(", ")))
                  .arg(p.attention.size())
                  .arg(result.reusedResults ? QStringLiteral(", stored results")
                       : result.extracted   ? QStringLiteral(", features extracted")
                                            : QString())
                  .arg(out);
    return kOk;
}

} // namespace tessera::cli
