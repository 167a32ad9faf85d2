#include "DicomSeriesWriter.h"

#include "FrameEncoders.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdcmDataSet.h>
#include <gdcmFile.h>
#include <gdcmSequenceOfItems.h>
#include <gdcmUIDGenerator.h>
#include <gdcmWriter.h>

#include <fstream>
#include <opencv2/imgproc.hpp>
#include <vector>

namespace tessera::core {

namespace {

constexpr const char* kWholeSlideSopClass = "1.2.840.10008.5.1.4.1.1.77.1.6";

QString newUid()
{
    gdcm::UIDGenerator generator;
    return QString::fromLatin1(generator.Generate());
}

// Text values are padded to even length: UIDs with NUL, everything else with a space.
void putText(gdcm::DataSet& ds, uint16_t group, uint16_t element, gdcm::VR vr, const QString& value)
{
    QByteArray bytes = value.toUtf8();
    if (bytes.size() % 2)
        bytes.append(vr == gdcm::VR::UI ? '\0' : ' ');
    gdcm::DataElement de(gdcm::Tag(group, element));
    de.SetVR(vr);
    de.SetByteValue(bytes.constData(), uint32_t(bytes.size()));
    ds.Replace(de);
}

template <typename T>
void putBinary(gdcm::DataSet& ds, uint16_t group, uint16_t element, gdcm::VR vr, T value)
{
    gdcm::DataElement de(gdcm::Tag(group, element));
    de.SetVR(vr);
    de.SetByteValue(reinterpret_cast<const char*>(&value), uint32_t(sizeof value));
    ds.Replace(de);
}

QString decimalString(double value)
{
    return QString::number(value, 'g', 10); // DS holds at most 16 characters
}

// A sequence of the given items, each a data set.
void putSequence(gdcm::DataSet& ds, uint16_t group, uint16_t element, const std::vector<gdcm::DataSet>& items)
{
    gdcm::SmartPointer<gdcm::SequenceOfItems> sequence = new gdcm::SequenceOfItems;
    sequence->SetLengthToUndefined();
    for (const gdcm::DataSet& nested : items) {
        gdcm::Item item;
        item.SetVLToUndefined();
        item.SetNestedDataSet(nested);
        sequence->AddItem(item);
    }
    gdcm::DataElement de(gdcm::Tag(group, element));
    de.SetVR(gdcm::VR::SQ);
    de.SetValue(*sequence);
    de.SetVLToUndefined();
    ds.Replace(de);
}

void appendUint16(std::ofstream& out, uint16_t v)
{
    out.write(reinterpret_cast<const char*>(&v), 2);
}

void appendUint32(std::ofstream& out, uint32_t v)
{
    out.write(reinterpret_cast<const char*>(&v), 4);
}

} // namespace

struct DicomSeriesWriter::Level {
    struct Frame {
        qint64 offset; // in the frames file
        qint64 size;   // even: padded
        int column, row;
    };
    QString flavour; // VOLUME, LABEL, OVERVIEW
    bool derived = false;
    int width = 0, height = 0;
    int frameWidth = 0, frameHeight = 0;
    double downsample = 1;
    QString name;
    QFile frames;
    std::vector<Frame> written;
};

DicomSeriesWriter::DicomSeriesWriter(const QString& folder, DicomSeriesOptions options)
    : m_folder(QDir::cleanPath(QFileInfo(folder).absoluteFilePath())), m_options(std::move(options))
{
    const QFileInfo info(m_folder);
    if (info.exists() &&
        (!info.isDir() || !QDir(m_folder).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden)))
        fail(QStringLiteral(
            "it exists and is not an empty folder (a DICOM series is written as a new folder)"));
    m_staging = m_folder + QStringLiteral(".partial-%1").arg(QCoreApplication::applicationPid());
    QDir(m_staging).removeRecursively();
    if (!QDir().mkpath(m_staging))
        fail(QStringLiteral("cannot create the folder %1 (is its parent writable?)").arg(m_staging));
    m_studyUid = newUid();
    m_seriesUid = newUid();
    m_frameOfReferenceUid = newUid();
    m_tileBuffer.create(m_options.tileSize, m_options.tileSize, CV_8UC3);
}

DicomSeriesWriter::~DicomSeriesWriter()
{
    m_level.reset();
    if (!m_staging.isEmpty())
        QDir(m_staging).removeRecursively(); // not finished: leave nothing half-written
}

void DicomSeriesWriter::fail(const QString& what) const
{
    throw Error(QStringLiteral("Cannot write %1: %2").arg(m_folder, what));
}

QString DicomSeriesWriter::codecName(DicomFrameCodec codec)
{
    switch (codec) {
    case DicomFrameCodec::Jpeg:
        return QStringLiteral("jpeg");
    case DicomFrameCodec::Jpeg2000Lossless:
        return QStringLiteral("jpeg2000");
    case DicomFrameCodec::Uncompressed:
        return QStringLiteral("none");
    }
    return {};
}

void DicomSeriesWriter::beginLevel(int width, int height, double downsample)
{
    finishLevel();
    m_level = std::make_unique<Level>();
    m_level->flavour = QStringLiteral("VOLUME");
    m_level->derived = m_instances > 0;
    m_level->width = width;
    m_level->height = height;
    m_level->frameWidth = m_level->frameHeight = m_options.tileSize;
    m_level->downsample = downsample;
    m_level->name = QStringLiteral("level-%1").arg(m_instances);
    m_level->frames.setFileName(m_staging + QLatin1Char('/') + m_level->name + QStringLiteral(".frames"));
    if (!m_level->frames.open(QIODevice::ReadWrite | QIODevice::Truncate))
        fail(QStringLiteral("cannot create %1").arg(m_level->frames.fileName()));
}

void DicomSeriesWriter::writeTile(int column, int row, const cv::Mat& tile)
{
    const int size = m_level->frameWidth;
    const cv::Mat* source = &tile;
    if (tile.cols != size || tile.rows != m_level->frameHeight || !tile.isContinuous()) {
        // DICOM frames are whole tiles: the edge is replicated so JPEG does not ring into the image.
        cv::copyMakeBorder(tile, m_tileBuffer, 0, m_level->frameHeight - tile.rows, 0, size - tile.cols,
                           cv::BORDER_REPLICATE);
        source = &m_tileBuffer;
    }
    if (m_options.sparse && m_level->flavour == QLatin1String("VOLUME")) {
        double lowest = 0;
        cv::minMaxLoc(source->reshape(1), &lowest);
        if (lowest >= 250)
            return; // glass: TILED_SPARSE leaves it out
    }
    QByteArray bytes;
    switch (m_options.codec) {
    case DicomFrameCodec::Jpeg:
        bytes = encodeJpegFrame(*source, m_options.jpegQuality);
        break;
    case DicomFrameCodec::Jpeg2000Lossless:
        bytes = encodeLosslessJpeg2000Frame(*source);
        break;
    case DicomFrameCodec::Uncompressed:
        bytes = QByteArray(reinterpret_cast<const char*>(source->data), qsizetype(source->total() * 3));
        break;
    }
    if (bytes.size() % 2)
        bytes.append('\0');
    const qint64 offset = m_level->frames.pos();
    if (m_level->frames.write(bytes) != bytes.size())
        fail(QStringLiteral("writing frame (%1, %2) of %3 failed (disk full?)")
                 .arg(column)
                 .arg(row)
                 .arg(m_level->name));
    m_level->written.push_back({offset, bytes.size(), column, row});
}

void DicomSeriesWriter::writeImage(const cv::Mat& image, int firstTileRow)
{
    CV_Assert(image.type() == CV_8UC3);
    const int size = m_options.tileSize;
    for (int y = 0; y < image.rows; y += size)
        for (int x = 0; x < image.cols; x += size)
            writeTile(x / size, firstTileRow + y / size,
                      image(cv::Rect(x, y, std::min(size, image.cols - x), std::min(size, image.rows - y))));
}

void DicomSeriesWriter::writeAssociated(const QString& name, const cv::Mat& rgb)
{
    finishLevel();
    m_level = std::make_unique<Level>();
    m_level->flavour = name == QLatin1String("label") ? QStringLiteral("LABEL") : QStringLiteral("OVERVIEW");
    m_level->width = m_level->frameWidth = rgb.cols;
    m_level->height = m_level->frameHeight = rgb.rows;
    m_level->name = name;
    m_level->frames.setFileName(m_staging + QLatin1Char('/') + name + QStringLiteral(".frames"));
    if (!m_level->frames.open(QIODevice::ReadWrite | QIODevice::Truncate))
        fail(QStringLiteral("cannot create %1").arg(m_level->frames.fileName()));
    m_tileBuffer.create(rgb.rows, rgb.cols, CV_8UC3);
    writeTile(0, 0, rgb);
    m_tileBuffer.create(m_options.tileSize, m_options.tileSize, CV_8UC3);
    finishLevel();
}

void DicomSeriesWriter::finishLevel()
{
    if (!m_level)
        return;
    writeInstance(*m_level);
    m_level->frames.close();
    m_level->frames.remove();
    m_level.reset();
    ++m_instances;
}

void DicomSeriesWriter::writeInstance(const Level& level)
{
    const bool volume = level.flavour == QLatin1String("VOLUME");
    const int across = (level.width + level.frameWidth - 1) / level.frameWidth;
    const int down = (level.height + level.frameHeight - 1) / level.frameHeight;
    const bool sparse = volume && m_options.sparse;
    if (!sparse && qint64(level.written.size()) != qint64(across) * down)
        fail(QStringLiteral("%1 got %2 of its %3 frames")
                 .arg(level.name)
                 .arg(level.written.size())
                 .arg(qint64(across) * down));
    if (level.written.empty())
        fail(QStringLiteral("%1 has no frame that is not glass; TILED_SPARSE needs at least one")
                 .arg(level.name));

    // GDCM's writer keeps a counted reference to the file and deletes it when done: heap only.
    const gdcm::SmartPointer<gdcm::File> file = new gdcm::File;
    gdcm::DataSet& ds = file->GetDataSet();
    const QString type =
        QStringLiteral("%1\\PRIMARY\\%2\\%3")
            .arg(level.derived ? QStringLiteral("DERIVED") : QStringLiteral("ORIGINAL"), level.flavour,
                 level.derived ? QStringLiteral("RESAMPLED") : QStringLiteral("NONE"));
    putText(ds, 0x0008, 0x0008, gdcm::VR::CS, type);
    putText(ds, 0x0008, 0x0016, gdcm::VR::UI, QLatin1String(kWholeSlideSopClass));
    putText(ds, 0x0008, 0x0018, gdcm::VR::UI, newUid());
    putText(ds, 0x0008, 0x0060, gdcm::VR::CS, QStringLiteral("SM"));
    putText(ds, 0x0008, 0x0070, gdcm::VR::LO, QStringLiteral("Tessera"));
    putText(ds, 0x0008, 0x1090, gdcm::VR::LO, QStringLiteral("tessera-cli convert"));
    putText(ds, 0x0008, 0x103e, gdcm::VR::LO, m_options.description.left(64));
    putText(ds, 0x0010, 0x0010, gdcm::VR::PN, QString());
    putText(ds, 0x0010, 0x0020, gdcm::VR::LO, QString());
    putText(ds, 0x0020, 0x000d, gdcm::VR::UI, m_studyUid);
    putText(ds, 0x0020, 0x000e, gdcm::VR::UI, m_seriesUid);
    putText(ds, 0x0020, 0x0013, gdcm::VR::IS, QString::number(m_instances + 1));
    putText(ds, 0x0020, 0x0052, gdcm::VR::UI, m_frameOfReferenceUid);
    putText(ds, 0x0020, 0x9311, gdcm::VR::CS,
            sparse ? QStringLiteral("TILED_SPARSE") : QStringLiteral("TILED_FULL"));
    putBinary<uint16_t>(ds, 0x0028, 0x0002, gdcm::VR::US, 3);
    const QString photometric = m_options.codec == DicomFrameCodec::Jpeg ? QStringLiteral("YBR_FULL_422")
                                : m_options.codec == DicomFrameCodec::Jpeg2000Lossless
                                    ? QStringLiteral("YBR_RCT")
                                    : QStringLiteral("RGB");
    putText(ds, 0x0028, 0x0004, gdcm::VR::CS, photometric);
    putBinary<uint16_t>(ds, 0x0028, 0x0006, gdcm::VR::US, 0);
    putText(ds, 0x0028, 0x0008, gdcm::VR::IS, QString::number(level.written.size()));
    putBinary<uint16_t>(ds, 0x0028, 0x0010, gdcm::VR::US, uint16_t(level.frameHeight));
    putBinary<uint16_t>(ds, 0x0028, 0x0011, gdcm::VR::US, uint16_t(level.frameWidth));
    putBinary<uint16_t>(ds, 0x0028, 0x0100, gdcm::VR::US, 8);
    putBinary<uint16_t>(ds, 0x0028, 0x0101, gdcm::VR::US, 8);
    putBinary<uint16_t>(ds, 0x0028, 0x0102, gdcm::VR::US, 7);
    putBinary<uint16_t>(ds, 0x0028, 0x0103, gdcm::VR::US, 0);
    putText(ds, 0x0028, 0x2110, gdcm::VR::CS,
            m_options.codec == DicomFrameCodec::Jpeg ? QStringLiteral("01") : QStringLiteral("00"));
    putText(ds, 0x0040, 0x0512, gdcm::VR::LO, QStringLiteral("TESSERA"));
    putBinary<uint32_t>(ds, 0x0048, 0x0006, gdcm::VR::UL, uint32_t(level.width));
    putBinary<uint32_t>(ds, 0x0048, 0x0007, gdcm::VR::UL, uint32_t(level.height));
    putBinary<uint32_t>(ds, 0x0048, 0x0303, gdcm::VR::UL, 1);
    gdcm::DataSet opticalPath;
    putText(opticalPath, 0x0048, 0x0106, gdcm::VR::SH, QStringLiteral("1"));
    if (m_options.objectivePower > 0)
        putText(opticalPath, 0x0048, 0x0112, gdcm::VR::DS, decimalString(m_options.objectivePower));
    putSequence(ds, 0x0048, 0x0105, {opticalPath});
    if (m_options.mpp > 0 && volume) {
        const double spacingMm = m_options.mpp * level.downsample / 1000.0;
        gdcm::DataSet measures;
        putText(measures, 0x0028, 0x0030, gdcm::VR::DS,
                decimalString(spacingMm) + QLatin1Char('\\') + decimalString(spacingMm));
        putText(measures, 0x0018, 0x0050, gdcm::VR::DS, QStringLiteral("0.004"));
        gdcm::DataSet shared;
        putSequence(shared, 0x0028, 0x9110, {measures});
        putSequence(ds, 0x5200, 0x9229, {shared});
        // Imaged volume width and height in mm (FL).
        putBinary<float>(ds, 0x0048, 0x0001, gdcm::VR::FL, float(level.width * spacingMm));
        putBinary<float>(ds, 0x0048, 0x0002, gdcm::VR::FL, float(level.height * spacingMm));
    }
    if (sparse) {
        std::vector<gdcm::DataSet> perFrame;
        perFrame.reserve(level.written.size());
        for (const Level::Frame& frame : level.written) {
            gdcm::DataSet position;
            putBinary<int32_t>(position, 0x0048, 0x021e, gdcm::VR::SL, frame.column * level.frameWidth + 1);
            putBinary<int32_t>(position, 0x0048, 0x021f, gdcm::VR::SL, frame.row * level.frameHeight + 1);
            gdcm::DataSet item;
            putSequence(item, 0x0048, 0x021a, {position});
            perFrame.push_back(item);
        }
        putSequence(ds, 0x5200, 0x9230, perFrame);
    }

    gdcm::FileMetaInformation& meta = file->GetHeader();
    meta.SetDataSetTransferSyntax(m_options.codec == DicomFrameCodec::Jpeg
                                      ? gdcm::TransferSyntax::JPEGBaselineProcess1
                                  : m_options.codec == DicomFrameCodec::Jpeg2000Lossless
                                      ? gdcm::TransferSyntax::JPEG2000Lossless
                                      : gdcm::TransferSyntax::ExplicitVRLittleEndian);
    const QString path = m_staging + QLatin1Char('/') + level.name + QStringLiteral(".dcm");
    std::ofstream out(QFile::encodeName(path).constData(), std::ios::binary | std::ios::trunc);
    gdcm::Writer writer;
    writer.SetStream(out);
    writer.SetFile(*file);
    if (!out || !writer.Write())
        fail(QStringLiteral("GDCM could not write the header of %1").arg(path));

    // Pixel data (7FE0,0010) OB, appended by hand so that frames stream from the frames file:
    // encapsulated (undefined length, Basic Offset Table, one fragment per frame) or native.
    out.write("\xE0\x7F\x10\x00OB\x00\x00", 8);
    QFile& frames = const_cast<QFile&>(level.frames);
    const bool native = m_options.codec == DicomFrameCodec::Uncompressed;
    if (native) {
        if (frames.size() >= (qint64(1) << 32) - 1)
            fail(QStringLiteral("%1 holds %2 bytes of uncompressed frames; DICOM's native pixel data "
                                "stops at 4 GiB (use --codec jpeg or jpeg2000)")
                     .arg(level.name)
                     .arg(frames.size()));
        appendUint32(out, uint32_t(frames.size()));
    } else {
        appendUint32(out, 0xFFFFFFFFu);
        // The Basic Offset Table holds 32-bit offsets: left empty when the frames pass 4 GiB.
        const bool table = frames.size() + qint64(level.written.size()) * 8 < (qint64(1) << 32);
        appendUint16(out, 0xFFFE);
        appendUint16(out, 0xE000);
        appendUint32(out, table ? uint32_t(level.written.size() * 4) : 0);
        if (table)
            for (std::size_t i = 0; i < level.written.size(); ++i)
                appendUint32(out, uint32_t(level.written[i].offset + qint64(i) * 8));
    }
    frames.seek(0);
    for (const Level::Frame& frame : level.written) {
        if (!native) {
            appendUint16(out, 0xFFFE);
            appendUint16(out, 0xE000);
            appendUint32(out, uint32_t(frame.size));
        }
        const QByteArray bytes = frames.read(frame.size);
        if (bytes.size() != frame.size)
            fail(QStringLiteral("reading back the frames of %1 failed").arg(level.name));
        out.write(bytes.constData(), bytes.size());
    }
    if (!native) {
        appendUint16(out, 0xFFFE);
        appendUint16(out, 0xE0DD);
        appendUint32(out, 0);
    }
    out.flush();
    if (!out)
        fail(QStringLiteral("writing %1 failed (disk full?)").arg(path));
}

void DicomSeriesWriter::finish()
{
    finishLevel();
    if (m_instances == 0)
        fail(QStringLiteral("no level was written"));
    QDir().rmdir(m_folder); // an empty folder given as the output; anything put in it since stays
    if (!QDir().rename(m_staging, m_folder))
        fail(QStringLiteral("cannot move %1 into place").arg(m_staging));
    m_staging.clear();
}

} // namespace tessera::core
