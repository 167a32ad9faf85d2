#include "PyramidTiffWriter.h"

#include "common/Error.h"

#include <QFile>
#include <tiffio.h>
#include <vector>

namespace tessera::core {

namespace {
TIFF* asTiff(void* handle)
{
    return static_cast<TIFF*>(handle);
}
} // namespace

QString omeXmlForRgb(int width, int height, double mpp, const QString& description)
{
    const QString size =
        mpp > 0 ? QStringLiteral(" PhysicalSizeX=\"%1\" PhysicalSizeXUnit=\"µm\" PhysicalSizeY=\"%1\" "
                                 "PhysicalSizeYUnit=\"µm\"")
                      .arg(mpp, 0, 'g', 12)
                : QString();
    return QStringLiteral(
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
               "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" Creator=\"Tessera\">"
               "<Image ID=\"Image:0\" Name=\"slide\"><Description>%1</Description>"
               "<Pixels ID=\"Pixels:0\" DimensionOrder=\"XYCZT\" Type=\"uint8\" SizeX=\"%2\" SizeY=\"%3\" "
               "SizeC=\"3\" SizeZ=\"1\" SizeT=\"1\" Interleaved=\"true\"%4>"
               "<Channel ID=\"Channel:0:0\" SamplesPerPixel=\"3\"/><TiffData IFD=\"0\" PlaneCount=\"1\"/>"
               "</Pixels></Image></OME>")
        .arg(description.toHtmlEscaped(), QString::number(width), QString::number(height),
             size); // one pass: no '%' in them is read
}

void PyramidTiffWriter::TiffCloser::operator()(void* tiff) const
{
    TIFFClose(asTiff(tiff));
}

PyramidTiffWriter::PyramidTiffWriter(const QString& path, PyramidTiffOptions options)
    : m_path(path), m_options(std::move(options))
{
    // libtiff reports through a global handler; silence it and report our own message.
    TIFFSetWarningHandler(nullptr);
    TIFFSetErrorHandler(nullptr);
    m_tiff.reset(TIFFOpen(QFile::encodeName(path).constData(), m_options.bigTiff ? "w8" : "w"));
    if (!m_tiff)
        fail(QStringLiteral("cannot create the file (is the folder writable?)"));
    m_tileBuffer.create(m_options.tileSize, m_options.tileSize, CV_8UC3);
}

PyramidTiffWriter::~PyramidTiffWriter() = default;

void PyramidTiffWriter::fail(const QString& what) const
{
    throw Error(QStringLiteral("Cannot write %1: %2").arg(m_path, what));
}

void PyramidTiffWriter::beginLevel(int width, int height, double downsample)
{
    finishLevel();
    ++m_levelIndex;
    TIFF* tif = asTiff(m_tiff.get());
    TIFFSetField(tif, TIFFTAG_SUBFILETYPE, m_levelIndex == 0 ? 0 : FILETYPE_REDUCEDIMAGE);
    TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(width));
    TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(height));
    TIFFSetField(tif, TIFFTAG_TILEWIDTH, uint32_t(m_options.tileSize));
    TIFFSetField(tif, TIFFTAG_TILELENGTH, uint32_t(m_options.tileSize));
    TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, uint16_t(8));
    TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, uint16_t(3));
    TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_JPEG);
    TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_YCBCR);
    TIFFSetField(tif, TIFFTAG_JPEGQUALITY, m_options.jpegQuality);
    TIFFSetField(tif, TIFFTAG_JPEGCOLORMODE, JPEGCOLORMODE_RGB);
    // Pixels per centimetre: 10⁴ µm / (µm per pixel at this level).
    const float perCm = float(1e4 / (m_options.mpp * downsample));
    TIFFSetField(tif, TIFFTAG_RESOLUTIONUNIT, RESUNIT_CENTIMETER);
    TIFFSetField(tif, TIFFTAG_XRESOLUTION, perCm);
    TIFFSetField(tif, TIFFTAG_YRESOLUTION, perCm);
    TIFFSetField(tif, TIFFTAG_SOFTWARE, "Tessera synthetic slide generator");
    if (m_levelIndex == 0 && m_options.subIfdLevels > 0) {
        // Offsets filled in by libtiff as the next directories are written: those become the SubIFDs.
        const std::vector<uint64_t> placeholders(std::size_t(m_options.subIfdLevels), 0);
        TIFFSetField(tif, TIFFTAG_SUBIFD, uint16_t(m_options.subIfdLevels), placeholders.data());
    }
    if (m_levelIndex == 0 && !m_options.description.isEmpty())
        TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, m_options.description.toUtf8().constData());
    m_levelOpen = true;
}

void PyramidTiffWriter::writeTile(int column, int row, const cv::Mat& tile)
{
    const int size = m_options.tileSize;
    CV_Assert(tile.type() == CV_8UC3 && tile.cols <= size && tile.rows <= size);
    const cv::Mat* source = &tile;
    if (tile.cols != size || tile.rows != size || !tile.isContinuous()) {
        // Replicating the edge keeps JPEG from ringing into the visible part of edge tiles.
        cv::copyMakeBorder(tile, m_tileBuffer, 0, size - tile.rows, 0, size - tile.cols,
                           cv::BORDER_REPLICATE);
        source = &m_tileBuffer;
    }
    TIFF* tif = asTiff(m_tiff.get());
    const tmsize_t bytes = tmsize_t(size) * size * 3;
    const ttile_t index = TIFFComputeTile(tif, uint32_t(column * size), uint32_t(row * size), 0, 0);
    if (TIFFWriteEncodedTile(tif, index, source->data, bytes) < 0)
        fail(QStringLiteral("writing tile (%1, %2) of level %3 failed (disk full?)")
                 .arg(column)
                 .arg(row)
                 .arg(m_levelIndex));
}

void PyramidTiffWriter::writeImage(const cv::Mat& image, int firstTileRow)
{
    const int size = m_options.tileSize;
    for (int y = 0; y < image.rows; y += size)
        for (int x = 0; x < image.cols; x += size)
            writeTile(x / size, firstTileRow + y / size,
                      image(cv::Rect(x, y, std::min(size, image.cols - x), std::min(size, image.rows - y))));
}

void PyramidTiffWriter::finishLevel()
{
    if (!m_levelOpen)
        return;
    if (!TIFFWriteDirectory(asTiff(m_tiff.get())))
        fail(QStringLiteral("writing the directory of level %1 failed (disk full?)").arg(m_levelIndex));
    m_levelOpen = false;
}

void PyramidTiffWriter::finish()
{
    finishLevel();
    TIFF* tif = asTiff(m_tiff.release());
    // TIFFClose flushes; libtiff reports a failed flush only through its error handler,
    // so check the file's state before closing.
    const bool flushed = TIFFFlush(tif) != 0;
    TIFFClose(tif);
    if (!flushed)
        fail(QStringLiteral("flushing the file failed (disk full?)"));
}

} // namespace tessera::core
