#include "DicomSeries.h"

#include "DicomStructure.h"
#include "common/CrashContainment.h"
#include "common/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gdcmDataSet.h>
#include <gdcmReader.h>
#include <gdcmSequenceOfItems.h>
#include <gdcmTrace.h>

#include <algorithm>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <sys/mman.h>
#include <unistd.h>

namespace tessera::core {

namespace {

constexpr const char* kWholeSlideSopClass = "1.2.840.10008.5.1.4.1.1.77.1.6";
const gdcm::Tag kPixelData(0x7fe0, 0x0010);
// Sides beyond a billion pixels are clamped (and then found to have no frames): tile arithmetic
// stays far inside int.
constexpr int64_t kLargestSide = int64_t(1) << 30;

[[noreturn]] void refuse(const QString& path, const QString& why)
{
    throw Error(QStringLiteral("Cannot open %1 as a DICOM whole-slide image: %2").arg(path, why));
}

QString text(const gdcm::DataSet& ds, const gdcm::Tag& tag)
{
    if (!ds.FindDataElement(tag))
        return {};
    const gdcm::ByteValue* value = ds.GetDataElement(tag).GetByteValue();
    if (!value || !value->GetPointer())
        return {};
    QString s = QString::fromLatin1(value->GetPointer(), qsizetype(value->GetLength()));
    while (!s.isEmpty() && (s.back() == QLatin1Char(' ') || s.back() == QChar(0)))
        s.chop(1);
    return s.trimmed();
}

// US, UL or SL by its length: the VR is known from the tag, and implicit-VR files do not say it.
std::optional<int64_t> binaryInteger(const gdcm::DataSet& ds, const gdcm::Tag& tag, bool isSigned = false)
{
    if (!ds.FindDataElement(tag))
        return std::nullopt;
    const gdcm::ByteValue* value = ds.GetDataElement(tag).GetByteValue();
    if (!value || !value->GetPointer())
        return std::nullopt;
    const char* p = value->GetPointer();
    if (value->GetLength() == 2) {
        uint16_t v;
        std::memcpy(&v, p, 2);
        return isSigned ? int64_t(int16_t(v)) : int64_t(v);
    }
    if (value->GetLength() == 4) {
        uint32_t v;
        std::memcpy(&v, p, 4);
        return isSigned ? int64_t(int32_t(v)) : int64_t(v);
    }
    return std::nullopt;
}

// IS or DS: the `index`-th of its backslash-separated values.
std::optional<double> decimal(const gdcm::DataSet& ds, const gdcm::Tag& tag, int index = 0)
{
    const QStringList parts = text(ds, tag).split(QLatin1Char('\\'));
    bool ok = false;
    const double v = parts.value(index).trimmed().toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

// The first item of sequence `tag`, or null.
const gdcm::DataSet* firstItem(const gdcm::DataSet& ds, const gdcm::Tag& tag,
                               gdcm::SmartPointer<gdcm::SequenceOfItems>& keep)
{
    if (!ds.FindDataElement(tag))
        return nullptr;
    keep = ds.GetDataElement(tag).GetValueAsSQ();
    if (!keep || keep->GetNumberOfItems() == 0)
        return nullptr;
    return &keep->GetItem(1).GetNestedDataSet();
}

DicomCodec codecOf(const QString& path, const QString& syntax)
{
    if (syntax == QLatin1String("1.2.840.10008.1.2") || syntax == QLatin1String("1.2.840.10008.1.2.1"))
        return DicomCodec::Native;
    if (syntax == QLatin1String("1.2.840.10008.1.2.4.50"))
        return DicomCodec::Jpeg;
    if (syntax == QLatin1String("1.2.840.10008.1.2.4.90") ||
        syntax == QLatin1String("1.2.840.10008.1.2.4.91") ||
        syntax.startsWith(QLatin1String("1.2.840.10008.1.2.4.20"))) // HTJ2K: OpenJPEG 2.5 decodes it
        return DicomCodec::Jpeg2000;
    if (syntax == QLatin1String("1.2.840.10008.1.2.4.80") ||
        syntax == QLatin1String("1.2.840.10008.1.2.4.81"))
        return DicomCodec::JpegLs;
    const std::map<QString, QString> named = {
        {QStringLiteral("1.2.840.10008.1.2.2"), QStringLiteral("explicit VR big endian")},
        {QStringLiteral("1.2.840.10008.1.2.1.99"), QStringLiteral("deflated")},
        {QStringLiteral("1.2.840.10008.1.2.4.51"), QStringLiteral("JPEG extended (12-bit)")},
        {QStringLiteral("1.2.840.10008.1.2.4.57"), QStringLiteral("lossless JPEG")},
        {QStringLiteral("1.2.840.10008.1.2.4.70"), QStringLiteral("lossless JPEG")},
        {QStringLiteral("1.2.840.10008.1.2.5"), QStringLiteral("RLE")}};
    const auto found = named.find(syntax);
    refuse(path,
           QStringLiteral("its transfer syntax %1%2 is not supported (Tessera decodes uncompressed, "
                          "JPEG baseline, JPEG 2000 and JPEG-LS frames)")
               .arg(syntax, found == named.end() ? QString() : QStringLiteral(" (%1)").arg(found->second)));
}

// The whole file, mapped read-only: headers and item tables are read through it, never copied.
class MappedFile {
public:
    MappedFile(const QString& path, uint64_t size) : m_size(size)
    {
        const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            refuse(path, QString::fromLocal8Bit(std::strerror(errno)));
        void* mapped = size ? ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0) : MAP_FAILED;
        ::close(fd);
        if (mapped == MAP_FAILED)
            refuse(path, QStringLiteral("cannot map the file"));
        m_bytes = static_cast<const uint8_t*>(mapped);
    }
    ~MappedFile() { ::munmap(const_cast<uint8_t*>(m_bytes), m_size); }
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    const uint8_t* bytes() const { return m_bytes; }

private:
    const uint8_t* m_bytes = nullptr;
    uint64_t m_size;
};

// Encapsulated pixel data from `start` (the first item, the Basic Offset Table): the frames the
// file holds. Reads item headers only, through the mapping.
void listEncapsulatedFrames(DicomInstance& in, const gdcm::DataSet& ds, uint64_t start,
                            const MappedFile& file)
{
    const uint8_t* bytes = file.bytes();
    const auto item = [&](uint64_t at, uint32_t& tag, uint32_t& length) {
        if (at + 8 > in.fileSize)
            return false;
        uint16_t group, element;
        std::memcpy(&group, bytes + at, 2);
        std::memcpy(&element, bytes + at + 2, 2);
        std::memcpy(&length, bytes + at + 4, 4);
        tag = uint32_t(group) << 16 | element;
        return true;
    };
    uint32_t tag = 0, length = 0;
    if (!item(start, tag, length) || tag != 0xFFFEE000u || start + 8 + length > in.fileSize)
        refuse(in.path, QStringLiteral("the pixel data has no Basic Offset Table item (truncated?)"));
    std::vector<uint32_t> offsetTable(length / 4);
    std::memcpy(offsetTable.data(), bytes + start + 8, offsetTable.size() * 4);
    const uint64_t firstFragment = start + 8 + length;

    struct Fragment {
        uint64_t itemAt;
        uint32_t length;
    };
    std::vector<Fragment> fragments;
    for (uint64_t at = firstFragment; item(at, tag, length) && tag == 0xFFFEE000u;) {
        if (at + 8 + length > in.fileSize)
            break; // the file ends inside this fragment: it and the frames after it are missing
        fragments.push_back({at, length});
        at += 8 + uint64_t(length);
    }
    // Where frames start, relative to the first fragment's item: the Extended Offset Table, the
    // Basic Offset Table, or — when both are empty — one frame per fragment, or fragments grouped
    // at each codestream start (JPEG's SOI, JPEG 2000's SOC).
    std::vector<uint64_t> starts;
    if (ds.FindDataElement(gdcm::Tag(0x7fe0, 0x0001))) {
        const gdcm::ByteValue* v = ds.GetDataElement(gdcm::Tag(0x7fe0, 0x0001)).GetByteValue();
        if (v && v->GetPointer()) {
            starts.resize(v->GetLength() / 8);
            std::memcpy(starts.data(), v->GetPointer(), starts.size() * 8);
        }
    }
    if (starts.empty())
        starts.assign(offsetTable.begin(), offsetTable.end());
    if (starts.empty() && qint64(fragments.size()) != in.frameCount && in.frameCount > 1) {
        for (const Fragment& f : fragments) {
            const uint8_t* p = bytes + f.itemAt + 8;
            if (f.length >= 2 && p[0] == 0xFF && (p[1] == 0xD8 || p[1] == 0x4F))
                starts.push_back(f.itemAt - firstFragment);
        }
    }
    if (starts.empty()) {
        if (in.frameCount == 1 && fragments.size() > 1) {
            starts.push_back(0);
        } else {
            for (const Fragment& f : fragments)
                in.frames.push_back({f.itemAt, f.length + 8u, 1});
            return;
        }
    }
    // Map each start to its fragment; a frame runs to the next frame's first fragment.
    std::size_t fragment = 0;
    for (std::size_t i = 0; i < starts.size(); ++i) {
        const uint64_t itemAt = firstFragment + starts[i];
        while (fragment < fragments.size() && fragments[fragment].itemAt < itemAt)
            ++fragment;
        if (fragment >= fragments.size() || fragments[fragment].itemAt != itemAt)
            break; // the offset points past the fragments the file holds, or between them
        const uint64_t endItem = i + 1 < starts.size()
                                     ? firstFragment + starts[i + 1]
                                     : fragments.back().itemAt + 8 + fragments.back().length;
        std::size_t last = fragment;
        while (last + 1 < fragments.size() && fragments[last + 1].itemAt < endItem)
            ++last;
        const uint64_t end = fragments[last].itemAt + 8 + fragments[last].length;
        if (end - fragments[fragment].itemAt > UINT32_MAX)
            refuse(in.path, QStringLiteral("frame %1 is larger than 4 GiB").arg(i + 1));
        in.frames.push_back({fragments[fragment].itemAt, uint32_t(end - fragments[fragment].itemAt),
                             uint32_t(last - fragment + 1)});
        if (i + 1 < starts.size() && (last + 1 >= fragments.size() || fragments[last + 1].itemAt != endItem))
            break; // the next frame's fragments are not all there
    }
}

// TILED_SPARSE: each frame's place from its Plane Position (Slide) item; frames of other focal
// planes than the first one seen at a place are ignored.
void placeSparseFrames(DicomInstance& in, const gdcm::DataSet& ds)
{
    const gdcm::Tag perFrameTag(0x5200, 0x9230);
    if (!ds.FindDataElement(perFrameTag))
        refuse(in.path, QStringLiteral("TILED_SPARSE without a Per-Frame Functional Groups Sequence"));
    const gdcm::SmartPointer<gdcm::SequenceOfItems> perFrame = ds.GetDataElement(perFrameTag).GetValueAsSQ();
    if (!perFrame || qint64(perFrame->GetNumberOfItems()) != in.frameCount)
        refuse(in.path, QStringLiteral("TILED_SPARSE with %1 per-frame items for %2 frames")
                            .arg(perFrame ? qint64(perFrame->GetNumberOfItems()) : 0)
                            .arg(in.frameCount));
    const int across = in.tilesAcross();
    in.frameAtTile.reserve(std::size_t(std::min<qint64>(in.frameCount, 1 << 20)));
    for (qint64 f = 0; f < in.frameCount; ++f) {
        gdcm::SmartPointer<gdcm::SequenceOfItems> keep;
        const gdcm::DataSet* position = firstItem(perFrame->GetItem(std::size_t(f) + 1).GetNestedDataSet(),
                                                  gdcm::Tag(0x0048, 0x021a), keep);
        const auto column =
            position ? binaryInteger(*position, gdcm::Tag(0x0048, 0x021e), true) : std::nullopt;
        const auto row = position ? binaryInteger(*position, gdcm::Tag(0x0048, 0x021f), true) : std::nullopt;
        if (!column || !row)
            refuse(in.path, QStringLiteral("frame %1 has no position in the total pixel matrix").arg(f + 1));
        // Positions are 1-based and fall on the tile grid in every file we know of.
        const int64_t x = *column - 1, y = *row - 1;
        if (x < 0 || y < 0 || x >= in.matrixSize.width() || y >= in.matrixSize.height() ||
            x % in.tileSize.width() || y % in.tileSize.height())
            refuse(in.path, QStringLiteral("frame %1 lies at (%2, %3), off the %4×%5 tile grid of the image")
                                .arg(f + 1)
                                .arg(*column)
                                .arg(*row)
                                .arg(in.tileSize.width())
                                .arg(in.tileSize.height()));
        in.frameAtTile.emplace(uint64_t(y / in.tileSize.height()) * uint64_t(across) +
                                   uint64_t(x / in.tileSize.width()),
                               int32_t(f)); // the first frame at a place wins
    }
}

} // namespace

qint64 DicomInstance::framesPresent() const
{
    if (codec != DicomCodec::Native)
        return qint64(frames.size());
    const uint64_t bytes = nativeFrameBytes();
    const uint64_t available =
        std::min(pixelDataLength, fileSize > pixelDataOffset ? fileSize - pixelDataOffset : 0);
    return std::min<qint64>(frameCount, qint64(available / bytes));
}

bool isDicomFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray head = file.read(132);
    return head.size() == 132 && head.endsWith("DICM");
}

DicomInstance readDicomInstance(const QString& path, bool withFrames)
{
    // GDCM prints its complaints to stderr; the reason reaches the user in our Error instead.
    static const bool quiet = [] {
        gdcm::Trace::SetWarning(false);
        gdcm::Trace::SetError(false);
        return true;
    }();
    (void)quiet;
    DicomInstance in;
    in.path = path;
    in.fileSize = uint64_t(QFileInfo(path).size());
    const MappedFile mapped(path, in.fileSize);
    // Lengths checked before GDCM reads them: it trusts them (gigabytes allocated, or an abort).
    if (const QString damage = checkDicomStructure(mapped.bytes(), in.fileSize); !damage.isEmpty())
        refuse(path, QStringLiteral("its header is damaged: %1").arg(damage));
    gdcm::Reader reader;
    reader.SetFileName(QFile::encodeName(path).constData());
    // Stops at the pixel data without loading it: its value starts at the stream position.
    if (!reader.ReadUpToTag(kPixelData, {kPixelData}))
        refuse(path, QStringLiteral("GDCM cannot parse its header (not DICOM, or damaged)"));
    const gdcm::DataSet& ds = reader.GetFile().GetDataSet();
    const QString sopClass = text(ds, gdcm::Tag(0x0008, 0x0016));
    if (sopClass != QLatin1String(kWholeSlideSopClass))
        refuse(path,
               QStringLiteral("it is a DICOM object of SOP class %1, not VL Whole Slide Microscopy (%2)")
                   .arg(sopClass.isEmpty() ? QStringLiteral("(none)") : sopClass,
                        QLatin1String(kWholeSlideSopClass)));
    in.seriesUid = text(ds, gdcm::Tag(0x0020, 0x000e));
    in.imageFlavour =
        text(ds, gdcm::Tag(0x0008, 0x0008)).split(QLatin1Char('\\')).value(2).trimmed().toUpper();
    in.transferSyntax = text(reader.GetFile().GetHeader(), gdcm::Tag(0x0002, 0x0010));
    in.codec = codecOf(path, in.transferSyntax);
    in.photometric = text(ds, gdcm::Tag(0x0028, 0x0004)).toUpper();
    in.samplesPerPixel = int(binaryInteger(ds, gdcm::Tag(0x0028, 0x0002)).value_or(0));
    in.planarConfiguration = int(binaryInteger(ds, gdcm::Tag(0x0028, 0x0006)).value_or(0));
    const int64_t bits = binaryInteger(ds, gdcm::Tag(0x0028, 0x0100)).value_or(0);
    if (bits != 8 || (in.samplesPerPixel != 3 && in.samplesPerPixel != 1))
        refuse(path,
               QStringLiteral("it holds %1 sample(s) of %2 bits per pixel (%3); Tessera reads 8-bit RGB "
                              "or grayscale brightfield images")
                   .arg(in.samplesPerPixel)
                   .arg(bits)
                   .arg(in.photometric));
    in.tileSize = QSize(int(binaryInteger(ds, gdcm::Tag(0x0028, 0x0011)).value_or(0)),
                        int(binaryInteger(ds, gdcm::Tag(0x0028, 0x0010)).value_or(0)));
    const auto totalColumns = binaryInteger(ds, gdcm::Tag(0x0048, 0x0006));
    const auto totalRows = binaryInteger(ds, gdcm::Tag(0x0048, 0x0007));
    in.matrixSize = totalColumns && totalRows ? QSize(int(std::min<int64_t>(*totalColumns, kLargestSide)),
                                                      int(std::min<int64_t>(*totalRows, kLargestSide)))
                                              : in.tileSize;
    // A damaged count (1e30, inf, nan) must not reach an integer conversion.
    const double frames = decimal(ds, gdcm::Tag(0x0028, 0x0008)).value_or(1);
    in.frameCount = frames >= 1 && frames <= 1e15 ? qint64(frames) : 0;
    // Frames under 8 px a side are no whole-slide tiling (a region would take thousands of decodes).
    if (in.tileSize.width() < 8 || in.tileSize.height() < 8 || in.matrixSize.isEmpty() || in.frameCount < 1)
        refuse(path, QStringLiteral("its header gives no usable image size (frames of Rows %1 × Columns %2, "
                                    "at least 8 each; total %3×%4; %5 frames)")
                         .arg(in.tileSize.height())
                         .arg(in.tileSize.width())
                         .arg(in.matrixSize.width())
                         .arg(in.matrixSize.height())
                         .arg(in.frameCount));
    const qint64 tiles = qint64(in.tilesAcross()) * in.tilesDown();
    in.sparse = text(ds, gdcm::Tag(0x0020, 0x9311)).toUpper() == QLatin1String("TILED_SPARSE");
    // A header that claims more frames than its grid has places (× focal planes and optical paths
    // of at most a few hundred) is damaged; refusing it keeps a claimed 10⁹ frames from being believed.
    if (!in.sparse && in.frameCount > tiles * 256)
        refuse(path, QStringLiteral("its header claims %1 frames for a grid of %2 tiles")
                         .arg(in.frameCount)
                         .arg(tiles));

    // Pixel spacing (mm) and objective power, from the shared functional groups and optical path.
    gdcm::SmartPointer<gdcm::SequenceOfItems> keepShared, keepMeasures, keepOptical;
    if (const gdcm::DataSet* shared = firstItem(ds, gdcm::Tag(0x5200, 0x9229), keepShared))
        if (const gdcm::DataSet* measures = firstItem(*shared, gdcm::Tag(0x0028, 0x9110), keepMeasures)) {
            in.pixelSpacingMm[0] = decimal(*measures, gdcm::Tag(0x0028, 0x0030), 0).value_or(0);
            in.pixelSpacingMm[1] = decimal(*measures, gdcm::Tag(0x0028, 0x0030), 1).value_or(0);
        }
    if (const gdcm::DataSet* optical = firstItem(ds, gdcm::Tag(0x0048, 0x0105), keepOptical))
        in.objectivePower = decimal(*optical, gdcm::Tag(0x0048, 0x0112)).value_or(0);
    in.manufacturer = text(ds, gdcm::Tag(0x0008, 0x0070));
    in.modelName = text(ds, gdcm::Tag(0x0008, 0x1090));
    in.seriesDescription = text(ds, gdcm::Tag(0x0008, 0x103e));
    in.containerId = text(ds, gdcm::Tag(0x0040, 0x0512));
    if (in.sparse)
        placeSparseFrames(in, ds);

    // The pixel data element's header ends where the reader stopped; its last 4 bytes are the length.
    const uint64_t valueStart = reader.GetStreamCurrentPosition();
    QFile file(path);
    if (valueStart < 12 || valueStart > in.fileSize || !file.open(QIODevice::ReadOnly) ||
        !file.seek(qint64(valueStart) - 12))
        refuse(path, QStringLiteral("it has no pixel data"));
    // Explicit VR: tag, VR, 2 reserved bytes, 4-byte length; implicit VR: tag, 4-byte length.
    const QByteArray header = file.read(12);
    uint32_t explicitTag = 0, implicitTag = 0, length = 0;
    if (header.size() == 12) {
        std::memcpy(&explicitTag, header.constData(), 4);
        std::memcpy(&implicitTag, header.constData() + 4, 4);
        std::memcpy(&length, header.constData() + 8, 4);
    }
    if (explicitTag != 0x00107fe0u && implicitTag != 0x00107fe0u)
        refuse(path, QStringLiteral("it has no pixel data"));
    in.pixelDataOffset = valueStart;
    if (in.codec == DicomCodec::Native) {
        if (length == 0xFFFFFFFFu)
            refuse(path,
                   QStringLiteral("its transfer syntax is uncompressed but the pixel data is encapsulated"));
        in.pixelDataLength = length;
    } else {
        if (length != 0xFFFFFFFFu)
            refuse(path, QStringLiteral(
                             "its transfer syntax is compressed but the pixel data is not encapsulated"));
        if (withFrames)
            listEncapsulatedFrames(in, ds, valueStart, mapped);
    }
    return in;
}

namespace {

std::vector<QString> dicomFilesBeside(const QString& folder)
{
    std::vector<QString> files;
    const QFileInfoList entries = QDir(folder).entryInfoList(QDir::Files | QDir::Readable, QDir::Name);
    for (const QFileInfo& entry : entries)
        if (isDicomFile(entry.filePath()))
            files.push_back(entry.filePath());
    return files;
}

QString crashReason(const HelperOutcome& outcome)
{
    return outcome.ending == HelperOutcome::Ending::TimedOut
               ? QStringLiteral(
                     "GDCM does not finish reading its header (a trial read by tessera-dicom-check %1)")
                     .arg(outcome.how)
               : QStringLiteral("the file is damaged in a way that crashes GDCM (a trial read by "
                                "tessera-dicom-check was %1); Tessera did not read it")
                     .arg(outcome.how);
}

// The files a trial read in the helper survived (all of them when it cannot run); the reason for
// each that crashed it goes to `crashed`.
std::vector<QString> safeToRead(const std::vector<QString>& files, std::map<QString, QString>* crashed)
{
    QStringList list;
    for (const QString& file : files)
        list << file;
    std::map<QString, QString> reasons;
    for (const CrashingFile& c : filesThatCrash(QStringLiteral("tessera-dicom-check"), list))
        reasons[c.path] = crashReason(c.outcome);
    std::vector<QString> safe;
    for (const QString& file : files)
        if (!reasons.count(file))
            safe.push_back(file);
    if (crashed)
        *crashed = std::move(reasons);
    return safe;
}

// Headers of every whole-slide instance in `files` that GDCM reads without crashing; others are
// skipped.
std::vector<DicomInstance> readAll(const std::vector<QString>& files)
{
    std::vector<DicomInstance> all;
    for (const QString& file : safeToRead(files, nullptr)) {
        try {
            all.push_back(readDicomInstance(file, /*withFrames=*/false)); // headers tell flavour and size
        } catch (const Error&) {
            // another SOP class, a damaged header …: not part of the slide
        }
    }
    return all;
}

} // namespace

std::vector<DicomInstance> readDicomSeries(const QString& path)
{
    if (QFileInfo(path).isDir()) {
        const QString entry = dicomSeriesEntry(path);
        if (entry.isEmpty())
            refuse(path, QStringLiteral("the folder holds no DICOM whole-slide image"));
        return readDicomSeries(entry);
    }
    // One trial read in the helper for the opened file and its neighbours, before GDCM reads any
    // of them here.
    const QString canonical = QFileInfo(path).canonicalFilePath();
    std::vector<QString> others;
    for (const QString& file : dicomFilesBeside(QFileInfo(path).absolutePath()))
        if (QFileInfo(file).canonicalFilePath() != canonical)
            others.push_back(file);
    std::vector<QString> everything = others;
    everything.insert(everything.begin(), path);
    std::map<QString, QString> crashed;
    const std::vector<QString> safe = safeToRead(everything, &crashed);
    if (const auto found = crashed.find(path); found != crashed.end())
        refuse(path, found->second);
    DicomInstance opened = readDicomInstance(path); // its own refusal, by name, when it is not one
    std::vector<DicomInstance> series;
    for (const QString& file : others) {
        if (crashed.count(file))
            continue;
        try {
            DicomInstance one = readDicomInstance(file);
            if (one.seriesUid == opened.seriesUid)
                series.push_back(std::move(one));
        } catch (const Error&) {
            // another SOP class, a damaged header …: not part of the slide
        }
    }
    series.insert(series.begin(), std::move(opened));
    return series;
}

QString dicomSeriesEntry(const QString& folder)
{
    const std::vector<DicomInstance> all = readAll(dicomFilesBeside(folder));
    const DicomInstance* best = nullptr;
    for (const DicomInstance& in : all)
        if (in.imageFlavour == QLatin1String("VOLUME") &&
            (!best || qint64(in.matrixSize.width()) * in.matrixSize.height() >
                          qint64(best->matrixSize.width()) * best->matrixSize.height()))
            best = &in;
    return best ? best->path : QString();
}

} // namespace tessera::core
