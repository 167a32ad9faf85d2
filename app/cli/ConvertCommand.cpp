// tessera-cli convert: a slide, or a region of it, rewritten as a pyramidal tiled TIFF (what
// OpenSlide reads as generic-tiff), an OME-TIFF (levels in SubIFDs, as bfconvert writes) or a DICOM
// whole-slide series (a folder, one instance per level), so that files move between tools. Each output level
// is read from the source level just finer than it and reduced, strip by strip: memory stays one strip of
// tiles whatever the slide's size.
#include "CliCommand.h"
#include "CommandOptions.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "slide/Slide.h"
#include "synth/DicomSeriesWriter.h"
#include "synth/PyramidTiffWriter.h"
#include "synth/SyntheticSlideGenerator.h"

#include <QFileInfo>
#include <QRegularExpression>
#include <map>
#include <opencv2/imgproc.hpp>
#include <optional>

namespace tessera::cli {

namespace {

// "x,y,w,h" in level-0 pixels, inside the slide.
QRect parseRegion(const QString& text, QSize slide)
{
    const QStringList parts = text.split(QLatin1Char(','));
    QList<int> values;
    for (const QString& part : parts) {
        bool ok = false;
        values << part.trimmed().toInt(&ok);
        if (!ok)
            throw UsageError{
                QStringLiteral("--region takes x,y,width,height in level-0 pixels (got '%1')").arg(text)};
    }
    const QRect region = values.size() == 4 ? QRect(values[0], values[1], values[2], values[3]) : QRect();
    if (values.size() != 4 || region.isEmpty() || !QRect(QPoint(0, 0), slide).contains(region))
        throw UsageError{QStringLiteral("--region %1 is not a rectangle inside the slide (%2 × %3)")
                             .arg(text)
                             .arg(slide.width())
                             .arg(slide.height())};
    return region;
}

// Rows [top, top + rows) of output level `size` (downsample `downsample` of `region`), RGB.
cv::Mat readStrip(const core::Slide& slide, const QRect& region, QSize size, double downsample, int top,
                  int rows)
{
    const int source = slide.bestLevelForDownsample(downsample);
    const double sourceDownsample = slide.levelDownsample(source);
    const QPoint level0(region.x(), region.y() + int(std::lround(top * downsample)));
    const QSize read(std::max(1, int(std::ceil(size.width() * downsample / sourceDownsample))),
                     std::max(1, int(std::ceil(rows * downsample / sourceDownsample))));
    const QImage image = slide.readRegion(level0, source, read).convertToFormat(QImage::Format_RGB888);
    const cv::Mat view(image.height(), image.width(), CV_8UC3, const_cast<uchar*>(image.constBits()),
                       std::size_t(image.bytesPerLine()));
    cv::Mat strip;
    if (image.width() == size.width() && image.height() == rows)
        strip = view.clone();
    else
        cv::resize(view, strip, cv::Size(size.width(), rows), 0, 0, cv::INTER_AREA);
    return strip;
}

} // namespace

int runConvert(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(
        io, QStringLiteral(
                "Write a slide, or a region of it, as a pyramidal TIFF, an OME-TIFF or a DICOM series"));
    options.add(QStringLiteral("slide"), QStringLiteral("The slide to convert (anything Tessera opens)."),
                QStringLiteral("file"));
    options.add(QStringLiteral("out"), QStringLiteral("The file to write."), QStringLiteral("file"));
    options.add(QStringLiteral("format"),
                QStringLiteral(
                    "tiff (one directory per level; OpenSlide reads it), ome-tiff (OME-XML, levels "
                    "in SubIFDs) or dicom (a new folder: one VL Whole Slide Microscopy instance per level)."),
                QStringLiteral("tiff|ome-tiff|dicom"), QStringLiteral("tiff"));
    options.add(QStringLiteral("codec"),
                QStringLiteral("DICOM frames: jpeg (baseline), jpeg2000 (lossless) or none (uncompressed)."),
                QStringLiteral("jpeg|jpeg2000|none"), QStringLiteral("jpeg"));
    options.add(QStringLiteral("region"), QStringLiteral("Only this rectangle, in level-0 pixels."),
                QStringLiteral("x,y,w,h"));
    options.add(QStringLiteral("quality"), QStringLiteral("JPEG quality of the tiles."),
                QStringLiteral("1-100"), QStringLiteral("90"));
    options.add(QStringLiteral("tile"), QStringLiteral("Tile side in pixels (a multiple of 16)."),
                QStringLiteral("px"), QStringLiteral("256"));
    options.parse(arguments);
    options.require({"slide", "out"});
    const QString format = options.value(QStringLiteral("format"));
    if (format != QLatin1String("tiff") && format != QLatin1String("ome-tiff") &&
        format != QLatin1String("dicom"))
        throw UsageError{QStringLiteral("--format must be tiff, ome-tiff or dicom (got '%1')").arg(format)};
    const QString codec = options.value(QStringLiteral("codec"));
    const std::map<QString, core::DicomFrameCodec> codecs = {
        {QStringLiteral("jpeg"), core::DicomFrameCodec::Jpeg},
        {QStringLiteral("jpeg2000"), core::DicomFrameCodec::Jpeg2000Lossless},
        {QStringLiteral("none"), core::DicomFrameCodec::Uncompressed}};
    if (!codecs.count(codec))
        throw UsageError{QStringLiteral("--codec must be jpeg, jpeg2000 or none (got '%1')").arg(codec)};
    if (options.isSet(QStringLiteral("codec")) && format != QLatin1String("dicom"))
        throw UsageError{QStringLiteral("--codec applies to --format dicom only (TIFF tiles are JPEG)")};
    const int quality = options.integer(QStringLiteral("quality"));
    const int tile = options.integer(QStringLiteral("tile"));
    if (quality < 1 || quality > 100)
        throw UsageError{QStringLiteral("--quality must be in 1…100 (got %1)").arg(quality)};
    if (tile < 16 || tile > 4096 || tile % 16 != 0)
        throw UsageError{QStringLiteral("--tile must be a multiple of 16 in 16…4096 (got %1)").arg(tile)};

    const core::SlidePtr slide = core::Slide::open(options.value(QStringLiteral("slide")));
    const QRect region = options.isSet(QStringLiteral("region"))
                             ? parseRegion(options.value(QStringLiteral("region")), slide->size())
                             : QRect(QPoint(0, 0), slide->size());
    const auto sizes = core::SyntheticSlideGenerator::levelSizes(region.width(), region.height());
    const QString note = QStringLiteral("Converted by Tessera from %1, region %2,%3 %4x%5")
                             .arg(QFileInfo(slide->path()).fileName())
                             .arg(region.x())
                             .arg(region.y())
                             .arg(region.width())
                             .arg(region.height());
    const QString out = options.value(QStringLiteral("out"));
    const double mpp = slide->micronsPerPixel().value_or(0);
    // A killed conversion leaves no half-written slide: a file is renamed into place, a DICOM
    // series folder too.
    std::optional<core::AtomicFile> file;
    std::unique_ptr<core::PyramidWriter> writer;
    std::unique_ptr<core::DicomSeriesWriter> dicom;
    if (format == QLatin1String("dicom")) {
        core::DicomSeriesOptions writing;
        writing.tileSize = tile;
        writing.jpegQuality = quality;
        writing.codec = codecs.at(codec);
        writing.mpp = mpp;
        writing.objectivePower = slide->property(QStringLiteral("openslide.objective-power")).toDouble();
        writing.description = note;
        dicom = std::make_unique<core::DicomSeriesWriter>(out, writing);
    } else {
        core::PyramidTiffOptions writing;
        writing.tileSize = tile;
        writing.jpegQuality = quality;
        writing.mpp = mpp;
        writing.description = note;
        if (format == QLatin1String("ome-tiff")) {
            writing.description = core::omeXmlForRgb(region.width(), region.height(), writing.mpp, note);
            writing.subIfdLevels = int(sizes.size()) - 1;
        }
        if (writing.mpp <= 0)
            writing.mpp = 1; // resolution tags need a value; OME-XML above says none is known
        writing.bigTiff = double(region.width()) * region.height() * 3 > 8.0 * 1024 * 1024 * 1024;
        file.emplace(out);
        writer = std::make_unique<core::PyramidTiffWriter>(file->temporaryPath(), writing);
    }
    core::PyramidWriter& pyramid = dicom ? static_cast<core::PyramidWriter&>(*dicom) : *writer;
    for (std::size_t l = 0; l < sizes.size(); ++l) {
        const QSize size(sizes[l].first, sizes[l].second);
        const double downsample = double(region.width()) / size.width();
        pyramid.beginLevel(size.width(), size.height(), downsample);
        for (int top = 0; top < size.height(); top += tile)
            pyramid.writeImage(
                readStrip(*slide, region, size, downsample, top, std::min(tile, size.height() - top)),
                top / tile);
    }
    if (dicom) {
        // The whole slide's label and macro travel with it; a region's do not describe the region.
        for (const QString& name : {QStringLiteral("label"), QStringLiteral("macro")})
            if (!options.isSet(QStringLiteral("region")) && slide->associatedImageNames().contains(name)) {
                const QImage image = slide->associatedImage(name).convertToFormat(QImage::Format_RGB888);
                const cv::Mat rgb(image.height(), image.width(), CV_8UC3,
                                  const_cast<uchar*>(image.constBits()), std::size_t(image.bytesPerLine()));
                dicom->writeAssociated(name, rgb.clone());
            }
    }
    pyramid.finish();
    if (file)
        file->commit();
    io.out << QStringLiteral("Wrote %1 (%2, %3 × %4 px, %5 levels)\n")
                  .arg(out, format == QLatin1String("dicom") ? QStringLiteral("dicom, %1 frames").arg(codec)
                                                             : format)
                  .arg(region.width())
                  .arg(region.height())
                  .arg(sizes.size());
    return 0;
}

} // namespace tessera::cli
