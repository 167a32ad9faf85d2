// tessera-cli synth: writes a synthetic slide with ground truth (see docs/SYNTHETIC.md).
#include "CliCommand.h"

#include "synth/SyntheticSlideGenerator.h"

#include <QFileInfo>

namespace tessera::cli {

int runSynth(const QStringList& arguments, CliContext& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Write a synthetic pyramidal H&E-like slide"));
    const core::SynthSpec defaults;
    parser.addOptions({
        {QStringLiteral("out"), QStringLiteral("Output slide (.tiff); ground truth is written beside it."),
         QStringLiteral("file")},
        {QStringLiteral("width"), QStringLiteral("Level-0 width in pixels."), QStringLiteral("px"),
         QString::number(defaults.width)},
        {QStringLiteral("height"), QStringLiteral("Level-0 height in pixels."), QStringLiteral("px"),
         QString::number(defaults.height)},
        {QStringLiteral("seed"), QStringLiteral("Random seed (same seed, same bytes)."), QStringLiteral("n"),
         QString::number(defaults.seed)},
        {QStringLiteral("tumour"), QStringLiteral("Number of tumour regions."), QStringLiteral("n"),
         QStringLiteral("0")},
        {QStringLiteral("pieces"), QStringLiteral("Number of tissue pieces (0 = automatic)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("mpp"), QStringLiteral("Microns per level-0 pixel."), QStringLiteral("um"),
         QString::number(defaults.mpp)},
        {QStringLiteral("quiet"), QStringLiteral("Print nothing but errors.")},
    });
    parseOrThrow(parser, arguments);
    if (!parser.isSet(QStringLiteral("out")))
        throw UsageError{QStringLiteral("--out is required")};

    core::SynthSpec spec;
    spec.width = intOption(parser, QStringLiteral("width"), spec.width);
    spec.height = intOption(parser, QStringLiteral("height"), spec.height);
    spec.seed = unsignedOption(parser, QStringLiteral("seed"), spec.seed);
    spec.tumourCount = intOption(parser, QStringLiteral("tumour"), 0);
    spec.tissuePieces = intOption(parser, QStringLiteral("pieces"), 0);
    spec.mpp = doubleOption(parser, QStringLiteral("mpp"), spec.mpp);
    const QString out = parser.value(QStringLiteral("out"));
    const bool quiet = parser.isSet(QStringLiteral("quiet"));

    const core::SyntheticSlideGenerator generator(spec); // validates: throws core::Error
    const core::SynthResult result = generator.write(out);
    if (!quiet) {
        io.out << QStringLiteral(
                      "Wrote %1 (%2×%3 px, %4 levels, %5 tissue pieces, %6 tumour regions) in %7 s\n")
                      .arg(QFileInfo(result.slidePath).absoluteFilePath())
                      .arg(spec.width)
                      .arg(spec.height)
                      .arg(result.levels)
                      .arg(result.tissuePieces)
                      .arg(result.tumourRegions)
                      .arg(result.seconds, 0, 'f', 1);
        io.out << QStringLiteral("Ground truth: %1, %2\n").arg(result.truth.mask, result.truth.geojson);
    }
    return kOk;
}

} // namespace tessera::cli
