// tessera-cli synth: writes a synthetic slide with ground truth (see docs/SYNTHETIC.md).
#include "CommandOptions.h"

#include "synth/SyntheticSlideGenerator.h"

#include <QFileInfo>

namespace tessera::cli {

int runSynth(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io, QStringLiteral("Write a synthetic pyramidal H&E-like slide"));
    const core::SynthSpec d;
    options.add(QStringLiteral("out"),
                QStringLiteral("Output slide (.tiff); ground truth is written beside it."),
                QStringLiteral("file"));
    options.add(QStringLiteral("width"), QStringLiteral("Level-0 width in pixels."), QStringLiteral("px"),
                QString::number(d.width));
    options.add(QStringLiteral("height"), QStringLiteral("Level-0 height in pixels."), QStringLiteral("px"),
                QString::number(d.height));
    options.add(QStringLiteral("seed"), QStringLiteral("Random seed (same seed, same bytes)."),
                QStringLiteral("n"), QString::number(d.seed));
    options.add(QStringLiteral("tumour"), QStringLiteral("Number of tumour regions."), QStringLiteral("n"),
                QString::number(d.tumourCount));
    options.add(QStringLiteral("pieces"), QStringLiteral("Number of tissue pieces (0 = automatic)."),
                QStringLiteral("n"), QString::number(d.tissuePieces));
    options.add(QStringLiteral("mpp"), QStringLiteral("Microns per level-0 pixel."), QStringLiteral("um"),
                QString::number(d.mpp));
    options.add(QStringLiteral("hue-shift"), QStringLiteral("Rotate the stain's hue by this many degrees."),
                QStringLiteral("deg"), QString::number(d.hueShift), QStringLiteral("hue_shift"));
    options.add(QStringLiteral("saturation"), QStringLiteral("Scale the stain's saturation."),
                QStringLiteral("x"), QString::number(d.saturationScale), QStringLiteral("saturation"));
    options.add(QStringLiteral("blur"),
                QStringLiteral("Gaussian blur (out of focus), sigma in level-0 pixels."),
                QStringLiteral("px"), QString::number(d.blurSigma), QStringLiteral("blur"));
    options.addSwitch(QStringLiteral("pen-marks"),
                      QStringLiteral("Marker-pen strokes over about a tenth of each tissue piece."));
    options.addSwitch(QStringLiteral("other-texture"),
                      QStringLiteral("Another tissue: coarser stroma, fewer spindle-shaped nuclei."));
    options.add(QStringLiteral("format"),
                QStringLiteral("File layout: tiff (one directory per level), ome-tiff (OME-XML, levels in "
                               "SubIFDs) or dicom (--out names a new folder: a DICOM whole-slide series)."),
                QStringLiteral("tiff|ome-tiff|dicom"), d.format, QStringLiteral("format"));
    options.addSwitch(QStringLiteral("quiet"), QStringLiteral("Print nothing but errors."));
    options.parse(arguments);
    options.require({"out"});

    core::SynthSpec spec;
    spec.width = options.integer(QStringLiteral("width"));
    spec.height = options.integer(QStringLiteral("height"));
    spec.seed = options.unsignedInteger(QStringLiteral("seed"));
    spec.tumourCount = options.integer(QStringLiteral("tumour"));
    spec.tissuePieces = options.integer(QStringLiteral("pieces"));
    spec.mpp = options.number(QStringLiteral("mpp"));
    spec.hueShift = options.number(QStringLiteral("hue-shift"));
    spec.saturationScale = options.number(QStringLiteral("saturation"));
    spec.blurSigma = options.number(QStringLiteral("blur"));
    spec.penMarks = options.isSet(QStringLiteral("pen-marks"));
    spec.otherTexture = options.isSet(QStringLiteral("other-texture"));
    spec.format = options.value(QStringLiteral("format"));
    const QString out = options.value(QStringLiteral("out"));

    const core::SyntheticSlideGenerator generator(spec); // validates: throws core::FieldError
    const core::SynthResult result = generator.write(out);
    if (!options.isSet(QStringLiteral("quiet"))) {
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
