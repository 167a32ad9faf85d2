#include "TiffSlideReader.h"

#include "OmeXml.h"

#include "JpegTileDecoder.h"
#include "common/Error.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <openslide.h>
#include <tiffio.h>

#include <algorithm>
#include <cmath>
#include <cstdarg>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tessera::core {

struct TiffSlideReader::Level {
    int directory = 0;      // of the main chain (a SubIFD level: of its parent image)
    uint64_t ifdOffset = 0; // where its directory lies: how a libtiff handle finds it, SubIFD or not
    int width = 0, height = 0;
    int tileWidth = 0, tileHeight = 0;
    int across = 0, down = 0;
    uint16_t compression = COMPRESSION_NONE;
    uint16_t photometric = PHOTOMETRIC_RGB;
    std::vector<uint64_t> offsets, byteCounts;
    QByteArray jpegTables;
};

struct TiffSlideReader::Associated {
    QString name;
    int directory = 0;
    uint64_t ifdOffset = 0;
    int width = 0, height = 0;
};

namespace {

// libtiff reports through process-wide handlers; keep its last error per thread for messages.
thread_local QString lastTiffError;

void installTiffHandlers()
{
    static std::once_flag once;
    std::call_once(once, [] {
        TIFFSetWarningHandler(nullptr);
        TIFFSetErrorHandler([](const char* module, const char* format, va_list args) {
            char text[512];
            std::vsnprintf(text, sizeof text, format, args);
            lastTiffError =
                module ? QStringLiteral("%1: %2").arg(QString::fromUtf8(module), QString::fromUtf8(text))
                       : QString::fromUtf8(text);
        });
    });
}

QString compressionName(uint16_t compression)
{
    switch (compression) {
    case 33003:
    case 33005:
        return QStringLiteral("compression %1 (Aperio JPEG 2000)").arg(compression);
    case COMPRESSION_OJPEG:
        return QStringLiteral("compression 6 (old-style JPEG)");
    default:
        return QStringLiteral("compression %1").arg(compression);
    }
}

bool isSupportedCompression(uint16_t c)
{
    return c == COMPRESSION_JPEG || c == COMPRESSION_LZW || c == COMPRESSION_ADOBE_DEFLATE ||
           c == COMPRESSION_DEFLATE || c == COMPRESSION_NONE;
}

template <typename T> T field(TIFF* tif, ttag_t tag, T fallback)
{
    T value{};
    return TIFFGetField(tif, tag, &value) ? value : fallback;
}

QString stringField(TIFF* tif, ttag_t tag)
{
    const char* text = nullptr;
    return TIFFGetField(tif, tag, &text) && text ? QString::fromUtf8(text) : QString();
}

// OpenSlide prints doubles with 15 significant digits when that reads back to the same value,
// else with 17 ("0.499", "4.0161290322580641").
QString formatDouble(double value)
{
    const QString short15 = QString::asprintf("%.15g", value);
    return short15.toDouble() == value ? short15 : QString::asprintf("%.17g", value);
}

// Reads one level's layout; returns why the direct reader cannot read it, or an empty string.
QString readLevel(TIFF* tif, int directory, qint64 fileSize, TiffSlideReader::Level& level, int subIfd = -1)
{
    level.directory = directory;
    level.ifdOffset = TIFFCurrentDirOffset(tif);
    level.width = int(field<uint32_t>(tif, TIFFTAG_IMAGEWIDTH, 0));
    level.height = int(field<uint32_t>(tif, TIFFTAG_IMAGELENGTH, 0));
    level.tileWidth = int(field<uint32_t>(tif, TIFFTAG_TILEWIDTH, 0));
    level.tileHeight = int(field<uint32_t>(tif, TIFFTAG_TILELENGTH, 0));
    level.compression = field<uint16_t>(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
    level.photometric = field<uint16_t>(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
    const uint16_t planar = field<uint16_t>(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
    const uint16_t bits = field<uint16_t>(tif, TIFFTAG_BITSPERSAMPLE, 1);
    const uint16_t samples = field<uint16_t>(tif, TIFFTAG_SAMPLESPERPIXEL, 1);
    const uint32_t depth = field<uint32_t>(tif, TIFFTAG_IMAGEDEPTH, 1);
    const QString where = subIfd < 0 ? QStringLiteral("directory %1: ").arg(directory)
                                     : QStringLiteral("directory %1, SubIFD %2: ").arg(directory).arg(subIfd);
    if (level.width <= 0 || level.height <= 0 || level.tileWidth <= 0 || level.tileHeight <= 0 ||
        level.tileWidth > 4096 || level.tileHeight > 4096)
        return where + QStringLiteral("unusual image or tile size");
    if (!isSupportedCompression(level.compression))
        return where + compressionName(level.compression);
    if (planar != PLANARCONFIG_CONTIG || bits != 8 || samples != 3 || depth != 1)
        return where + QStringLiteral("%1 samples of %2 bits, planar configuration %3")
                           .arg(samples)
                           .arg(bits)
                           .arg(planar);
    const bool jpeg = level.compression == COMPRESSION_JPEG;
    if (level.photometric != PHOTOMETRIC_RGB && !(jpeg && level.photometric == PHOTOMETRIC_YCBCR))
        return where + QStringLiteral("photometric interpretation %1").arg(level.photometric);
    level.across = int((int64_t(level.width) + level.tileWidth - 1) / level.tileWidth);
    level.down = int((int64_t(level.height) + level.tileHeight - 1) / level.tileHeight);
    const std::size_t tiles = std::size_t(level.across) * std::size_t(level.down);
    uint64_t* offsets = nullptr;
    uint64_t* counts = nullptr;
    if (TIFFNumberOfTiles(tif) != tiles || !TIFFGetField(tif, TIFFTAG_TILEOFFSETS, &offsets) ||
        !TIFFGetField(tif, TIFFTAG_TILEBYTECOUNTS, &counts) || !offsets || !counts)
        return where + QStringLiteral("the tile table does not match the image size");
    level.offsets.assign(offsets, offsets + tiles);
    level.byteCounts.assign(counts, counts + tiles);
    // A compressed tile is never much larger than its raw pixels; a larger count is a corrupt table.
    const uint64_t largest = uint64_t(level.tileWidth) * uint64_t(level.tileHeight) * 3 * 2 + 65536;
    for (std::size_t i = 0; i < tiles; ++i) {
        const uint64_t offset = level.offsets[i], count = level.byteCounts[i];
        // Aperio leaves some tiles empty; OpenSlide paints them from the level above.
        if (count == 0)
            return where + QStringLiteral("tile %1 is empty (OpenSlide fills it in)").arg(i);
        if (count > largest)
            return where + QStringLiteral("tile %1 claims %2 bytes (corrupt tile table?)").arg(i).arg(count);
        if (count > uint64_t(fileSize) || offset > uint64_t(fileSize) - count)
            return where + QStringLiteral("tile %1 lies beyond the end of the file (truncated?)").arg(i);
    }
    if (jpeg) {
        uint32_t size = 0;
        const void* tables = nullptr;
        if (TIFFGetField(tif, TIFFTAG_JPEGTABLES, &size, &tables) && tables && size > 0)
            level.jpegTables = QByteArray(static_cast<const char*>(tables), qsizetype(size));
    }
    return {};
}

// The reduced-resolution images in the SubIFDs of directory `directory` (where OME-TIFF keeps
// its pyramid), appended to `levels`; the handle is back on `directory` after. Returns why they
// cannot be read, or an empty string.
QString readSubIfdLevels(TIFF* tif, int directory, qint64 fileSize,
                         std::vector<TiffSlideReader::Level>& levels)
{
    uint16_t count = 0;
    uint64_t* offsets = nullptr;
    if (!TIFFGetField(tif, TIFFTAG_SUBIFD, &count, &offsets) || count == 0 || !offsets)
        return {};
    const std::vector<uint64_t> subIfds(offsets, offsets + count); // the handle's copy moves on
    for (std::size_t i = 0; i < subIfds.size(); ++i) {
        if (subIfds[i] >= uint64_t(fileSize))
            return QStringLiteral("directory %1: SubIFD %2 lies beyond the end of the file (truncated?)")
                .arg(directory)
                .arg(i);
        if (!TIFFSetSubDirectory(tif, subIfds[i]))
            return QStringLiteral("directory %1: SubIFD %2 cannot be read (%3)")
                .arg(directory)
                .arg(i)
                .arg(lastTiffError);
        if (!(field<uint32_t>(tif, TIFFTAG_SUBFILETYPE, 0) & FILETYPE_REDUCEDIMAGE))
            continue; // a thumbnail or mask, not a level
        TiffSlideReader::Level level;
        if (QString why = readLevel(tif, directory, fileSize, level, int(i)); !why.isEmpty())
            return why;
        levels.push_back(std::move(level));
    }
    if (!TIFFSetDirectory(tif, tdir_t(directory)))
        return QStringLiteral("directory %1 cannot be read again after its SubIFDs").arg(directory);
    return {};
}

} // namespace

// libtiff handles are not thread-safe: each read borrows one from the pool.
class TiffSlideReader::HandlePool {
public:
    explicit HandlePool(QString path) : m_path(std::move(path)) {}
    void setFile(int fd) { m_fd = fd; }
    ~HandlePool()
    {
        for (TIFF* tif : m_free)
            TIFFClose(tif);
    }

    class Lease {
    public:
        // By the directory's offset: SubIFDs (OME-TIFF's pyramid levels) have no index in the
        // main chain.
        Lease(HandlePool& pool, uint64_t ifdOffset) : m_pool(pool), m_tif(pool.acquire())
        {
            if (m_tif && TIFFCurrentDirOffset(m_tif) != ifdOffset && !TIFFSetSubDirectory(m_tif, ifdOffset)) {
                TIFFClose(m_tif);
                m_tif = nullptr;
            }
        }
        ~Lease()
        {
            if (m_tif)
                m_pool.release(m_tif);
        }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        TIFF* get() const { return m_tif; }

    private:
        HandlePool& m_pool;
        TIFF* m_tif;
    };

private:
    TIFF* acquire()
    {
        {
            std::lock_guard lock(m_mutex);
            if (!m_free.empty()) {
                TIFF* tif = m_free.back();
                m_free.pop_back();
                return tif;
            }
        }
        // Through the reader's open file, not its name: a slide deleted or replaced while open
        // keeps reading what was opened. /proc gives a file description with its own offset
        // (libtiff seeks; a dup() would share one offset between threads).
        if (m_fd >= 0) {
            const int own = ::open(QStringLiteral("/proc/self/fd/%1").arg(m_fd).toLocal8Bit().constData(),
                                   O_RDONLY | O_CLOEXEC);
            if (own >= 0) {
                if (TIFF* tif = TIFFFdOpen(own, QFile::encodeName(m_path).constData(), "rm"))
                    return tif;
                ::close(own);
            }
        }
        // No memory mapping: a file that shrinks under us must give an error, not SIGBUS.
        return TIFFOpen(QFile::encodeName(m_path).constData(), "rm");
    }
    void release(TIFF* tif)
    {
        std::lock_guard lock(m_mutex);
        m_free.push_back(tif);
    }

    QString m_path;
    int m_fd = -1;
    std::mutex m_mutex;
    std::vector<TIFF*> m_free;
};

TiffSlideReader::TiffSlideReader(QString path) : m_path(std::move(path)), m_handles(new HandlePool(m_path)) {}

TiffSlideReader::~TiffSlideReader()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

void TiffSlideReader::fail(const QString& what) const
{
    throw Error(QStringLiteral("Cannot read a region of %1: %2").arg(m_path, what));
}

std::unique_ptr<SlideReader> TiffSlideReader::tryOpen(const QString& path, QString* whyNot)
{
    installTiffHandlers();
    lastTiffError.clear();
    const QByteArray encoded = QFile::encodeName(path);
    const char* vendorName = openslide_detect_vendor(encoded.constData());
    const QString vendor = vendorName ? QString::fromUtf8(vendorName) : QString();
    if (vendor != QLatin1String("aperio") && vendor != QLatin1String("generic-tiff")) {
        *whyNot = vendor.isEmpty() ? QStringLiteral("not a TIFF pyramid")
                                   : QStringLiteral("%1 files are read by OpenSlide").arg(vendor);
        return nullptr;
    }
    const bool aperio = vendor == QLatin1String("aperio");
    std::unique_ptr<TIFF, void (*)(TIFF*)> tif(TIFFOpen(encoded.constData(), "rm"), TIFFClose);
    if (!tif) {
        *whyNot = QStringLiteral("libtiff cannot open it (%1)").arg(lastTiffError);
        return nullptr;
    }
    // An OME-TIFF whose first image is not brightfield RGB (fluorescence channels, 16-bit planes):
    // refused by name here, since OpenSlide would show its first plane as if it were the slide.
    const std::optional<OmeImage> ome = parseOmeXml(stringField(tif.get(), TIFFTAG_IMAGEDESCRIPTION));
    if (ome && !ome->isBrightfieldRgb())
        throw Error(
            QStringLiteral("%1 is an OME-TIFF of %2 (fluorescence or separate channel planes): Tessera "
                           "reads brightfield RGB OME-TIFF only (one channel of three 8-bit samples)")
                .arg(path, ome->describe()));
    std::unique_ptr<TiffSlideReader> reader(new TiffSlideReader(path));
    const qint64 fileSize = QFileInfo(path).size();
    int directory = 0;
    do {
        directory = int(TIFFCurrentDirectory(tif.get()));
        if (TIFFIsTiled(tif.get())) {
            // Generic TIFF: only the first image and reduced-resolution ones are levels.
            const uint32_t subfile = field<uint32_t>(tif.get(), TIFFTAG_SUBFILETYPE, 0);
            if (!aperio && directory != 0 && !(subfile & FILETYPE_REDUCEDIMAGE))
                continue;
            Level level;
            if (QString why = readLevel(tif.get(), directory, fileSize, level); !why.isEmpty()) {
                *whyNot = why;
                return nullptr;
            }
            reader->m_tiffLevels.push_back(std::move(level));
            if (!aperio)
                if (QString why = readSubIfdLevels(tif.get(), directory, fileSize, reader->m_tiffLevels);
                    !why.isEmpty()) {
                    *whyNot = why;
                    return nullptr;
                }
        } else if (aperio) {
            // Aperio: the stripped image after the first is the thumbnail; the others name
            // themselves on the second line of their description ("label 387x463").
            QString name;
            if (directory == 1) {
                name = QStringLiteral("thumbnail");
            } else {
                const QStringList lines = stringField(tif.get(), TIFFTAG_IMAGEDESCRIPTION)
                                              .split(QRegularExpression(QStringLiteral("[\r\n]")));
                if (lines.size() > 1)
                    name = lines[1].split(QLatin1Char(' ')).value(0);
            }
            char message[1024] = {};
            if (name.isEmpty())
                continue;
            if (!TIFFRGBAImageOK(tif.get(), message)) {
                *whyNot = QStringLiteral("associated image '%1': %2").arg(name, QString::fromUtf8(message));
                return nullptr;
            }
            reader->m_associated.push_back({name, directory, TIFFCurrentDirOffset(tif.get()),
                                            int(field<uint32_t>(tif.get(), TIFFTAG_IMAGEWIDTH, 0)),
                                            int(field<uint32_t>(tif.get(), TIFFTAG_IMAGELENGTH, 0))});
            reader->m_associatedNames << name;
        }
    } while (TIFFReadDirectory(tif.get()));
    reader->m_associatedNames.sort();
    if (reader->m_tiffLevels.empty()) {
        *whyNot = QStringLiteral("no tiled image");
        return nullptr;
    }
    if (!aperio)
        std::stable_sort(reader->m_tiffLevels.begin(), reader->m_tiffLevels.end(),
                         [](const Level& a, const Level& b) { return a.width > b.width; });

    // Levels and properties exactly as OpenSlide 3.4 reports them for these vendors.
    QMap<QString, QString>& p = reader->m_properties;
    const Level& base = reader->m_tiffLevels.front();
    for (std::size_t i = 0; i < reader->m_tiffLevels.size(); ++i) {
        const Level& l = reader->m_tiffLevels[i];
        const double downsample =
            i == 0 ? 1.0 : (double(base.height) / l.height + double(base.width) / l.width) / 2.0;
        if (i > 0 && downsample < reader->m_levels.back().downsample) {
            *whyNot = QStringLiteral("levels are not ordered by size");
            return nullptr;
        }
        reader->m_levels.push_back({QSize(l.width, l.height), downsample, QSize(l.tileWidth, l.tileHeight)});
        const QString prefix = QStringLiteral("openslide.level[%1].").arg(i);
        p.insert(prefix + QLatin1String("width"), QString::number(l.width));
        p.insert(prefix + QLatin1String("height"), QString::number(l.height));
        p.insert(prefix + QLatin1String("downsample"), formatDouble(downsample));
        p.insert(prefix + QLatin1String("tile-width"), QString::number(l.tileWidth));
        p.insert(prefix + QLatin1String("tile-height"), QString::number(l.tileHeight));
    }
    p.insert(QStringLiteral("openslide.level-count"), QString::number(reader->m_tiffLevels.size()));
    p.insert(QStringLiteral("openslide.vendor"), vendor);

    TIFFSetDirectory(tif.get(), 0);
    const std::pair<const char*, ttag_t> strings[] = {{"ImageDescription", TIFFTAG_IMAGEDESCRIPTION},
                                                      {"Make", TIFFTAG_MAKE},
                                                      {"Model", TIFFTAG_MODEL},
                                                      {"Software", TIFFTAG_SOFTWARE},
                                                      {"DateTime", TIFFTAG_DATETIME},
                                                      {"Artist", TIFFTAG_ARTIST},
                                                      {"HostComputer", TIFFTAG_HOSTCOMPUTER},
                                                      {"Copyright", TIFFTAG_COPYRIGHT},
                                                      {"DocumentName", TIFFTAG_DOCUMENTNAME}};
    for (const auto& [name, tag] : strings) {
        const char* text = nullptr;
        if (TIFFGetField(tif.get(), tag, &text) && text)
            p.insert(QStringLiteral("tiff.") + QLatin1String(name), QString::fromUtf8(text));
    }
    if (p.contains(QStringLiteral("tiff.ImageDescription")))
        p.insert(QStringLiteral("openslide.comment"), p.value(QStringLiteral("tiff.ImageDescription")));
    const std::pair<const char*, ttag_t> floats[] = {{"XResolution", TIFFTAG_XRESOLUTION},
                                                     {"YResolution", TIFFTAG_YRESOLUTION},
                                                     {"XPosition", TIFFTAG_XPOSITION},
                                                     {"YPosition", TIFFTAG_YPOSITION}};
    for (const auto& [name, tag] : floats) {
        float value = 0;
        if (TIFFGetField(tif.get(), tag, &value))
            p.insert(QStringLiteral("tiff.") + QLatin1String(name), formatDouble(double(value)));
    }
    const uint16_t unit = field<uint16_t>(tif.get(), TIFFTAG_RESOLUTIONUNIT, RESUNIT_INCH);
    p.insert(QStringLiteral("tiff.ResolutionUnit"), unit == RESUNIT_NONE   ? QStringLiteral("none")
                                                    : unit == RESUNIT_INCH ? QStringLiteral("inch")
                                                    : unit == RESUNIT_CENTIMETER
                                                        ? QStringLiteral("centimeter")
                                                        : QStringLiteral("unknown"));
    if (aperio) {
        // "Aperio Image Library …|AppMag = 20|MPP = 0.4990|…": the first part is not a property.
        const QStringList parts = p.value(QStringLiteral("tiff.ImageDescription")).split(QLatin1Char('|'));
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const qsizetype equals = parts[i].indexOf(QLatin1Char('='));
            if (equals >= 0)
                p.insert(QStringLiteral("aperio.") + parts[i].left(equals).trimmed(),
                         parts[i].mid(equals + 1).trimmed());
        }
        bool ok = false;
        const qlonglong magnification = p.value(QStringLiteral("aperio.AppMag")).toLongLong(&ok);
        if (ok)
            p.insert(QStringLiteral("openslide.objective-power"), QString::number(magnification));
        const double mpp = p.value(QStringLiteral("aperio.MPP")).toDouble(&ok);
        if (ok && std::isfinite(mpp)) {
            p.insert(QStringLiteral("openslide.mpp-x"), formatDouble(mpp));
            p.insert(QStringLiteral("openslide.mpp-y"), formatDouble(mpp));
        }
    }

    if (ome) {
        // OME-XML's pixel size wins over the TIFF resolution tags, which writers often leave at 72 dpi.
        p.insert(QStringLiteral("ome.SizeC"), QString::number(ome->sizeC));
        p.insert(QStringLiteral("ome.Type"), ome->pixelType);
        if (ome->micronsX && ome->micronsY) {
            p.insert(QStringLiteral("openslide.mpp-x"), formatDouble(*ome->micronsX));
            p.insert(QStringLiteral("openslide.mpp-y"), formatDouble(*ome->micronsY));
        }
    }

    reader->m_fd = ::open(encoded.constData(), O_RDONLY | O_CLOEXEC);
    if (reader->m_fd < 0) {
        *whyNot = QStringLiteral("cannot open the file for reading");
        return nullptr;
    }
    reader->m_handles->setFile(reader->m_fd);
    return reader;
}

void TiffSlideReader::decodeTile(const Level& level, int column, int row, uint8_t* dest,
                                 std::size_t stride) const
{
    const std::size_t index = std::size_t(row) * std::size_t(level.across) + std::size_t(column);
    const auto tileName = [&] {
        return QStringLiteral("tile (%1, %2) of directory %3").arg(column).arg(row).arg(level.directory);
    };
    thread_local std::vector<uint8_t> buffer;
    if (level.compression == COMPRESSION_JPEG) {
        const uint64_t size = level.byteCounts[index];
        buffer.resize(size);
        const ssize_t got = ::pread(m_fd, buffer.data(), size, off_t(level.offsets[index]));
        if (got != ssize_t(size))
            fail(tileName() + (got < 0
                                   ? QStringLiteral(": %1").arg(QString::fromLocal8Bit(std::strerror(errno)))
                                   : QStringLiteral(": the file ends inside the tile")));
        JpegTileSource source;
        source.tables = reinterpret_cast<const uint8_t*>(level.jpegTables.constData());
        source.tablesSize = std::size_t(level.jpegTables.size());
        if (level.jpegTables.isEmpty())
            source.tables = nullptr;
        source.data = buffer.data();
        source.size = size;
        source.rgbStream = level.photometric == PHOTOMETRIC_RGB;
        if (const QString error = decodeJpegTile(source, level.tileWidth, level.tileHeight, dest, stride);
            !error.isEmpty())
            fail(tileName() + QStringLiteral(": ") + error);
        return;
    }
    // LZW, deflate or raw: libtiff decodes (predictors included) into packed RGB.
    const std::size_t rgbBytes = std::size_t(level.tileWidth) * std::size_t(level.tileHeight) * 3;
    buffer.resize(rgbBytes);
    {
        lastTiffError.clear();
        HandlePool::Lease lease(*m_handles, level.ifdOffset);
        if (!lease.get())
            fail(tileName() + QStringLiteral(": libtiff cannot open it (%1)").arg(lastTiffError));
        if (TIFFReadEncodedTile(lease.get(), ttile_t(index), buffer.data(), tmsize_t(rgbBytes)) < 0)
            fail(tileName() + QStringLiteral(": %1").arg(lastTiffError));
    }
    for (int y = 0; y < level.tileHeight; ++y) {
        const uint8_t* in = buffer.data() + std::size_t(y) * std::size_t(level.tileWidth) * 3;
        auto* out = reinterpret_cast<uint32_t*>(dest + std::size_t(y) * stride);
        for (int x = 0; x < level.tileWidth; ++x, in += 3)
            out[x] = 0xFF000000u | uint32_t(in[0]) << 16 | uint32_t(in[1]) << 8 | uint32_t(in[2]);
    }
}

QImage TiffSlideReader::readLevelRegion(int level, QRect rect) const
{
    if (level < 0 || level >= int(m_tiffLevels.size()))
        throw Error(QStringLiteral("%1 has no level %2").arg(m_path).arg(level));
    const Level& l = m_tiffLevels[std::size_t(level)];
    return m_nativeTiles.compose(
        level, rect, QSize(l.width, l.height), QSize(l.tileWidth, l.tileHeight),
        [&](int column, int row, uint8_t* dest, std::size_t stride) {
            decodeTile(l, column, row, dest, stride);
        },
        [&](const QString& why) { fail(why); });
}

QImage TiffSlideReader::associatedImage(const QString& name) const
{
    const auto found = std::find_if(m_associated.begin(), m_associated.end(),
                                    [&](const Associated& a) { return a.name == name; });
    if (found == m_associated.end())
        throw Error(QStringLiteral("%1 has no associated image '%2'").arg(m_path, name));
    const auto failHere = [&](const QString& why) -> void {
        throw Error(QStringLiteral("Cannot read associated image '%1' of %2: %3").arg(name, m_path, why));
    };
    QImage image(found->width, found->height, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        failHere(QStringLiteral("cannot allocate it"));
    lastTiffError.clear();
    HandlePool::Lease lease(*m_handles, found->ifdOffset);
    if (!lease.get())
        failHere(lastTiffError);
    if (field<uint32_t>(lease.get(), TIFFTAG_IMAGEWIDTH, 0) != uint32_t(found->width) ||
        field<uint32_t>(lease.get(), TIFFTAG_IMAGELENGTH, 0) != uint32_t(found->height))
        failHere(QStringLiteral("its size changed since the file was opened"));
    char message[1024] = {};
    TIFFRGBAImage rgba{};
    if (!TIFFRGBAImageBegin(&rgba, lease.get(), 1, message))
        failHere(QString::fromUtf8(message));
    rgba.req_orientation = ORIENTATION_TOPLEFT;
    auto* pixels = reinterpret_cast<uint32_t*>(image.bits());
    const bool ok = TIFFRGBAImageGet(&rgba, pixels, uint32_t(found->width), uint32_t(found->height));
    TIFFRGBAImageEnd(&rgba);
    if (!ok)
        failHere(lastTiffError.isEmpty() ? QStringLiteral("libtiff could not decode it") : lastTiffError);
    // libtiff packs ABGR; Qt wants ARGB.
    for (uint32_t* p = pixels; p < pixels + std::size_t(found->width) * std::size_t(found->height); ++p)
        *p = (*p & 0xFF00FF00u) | (*p & 0xFFu) << 16 | (*p >> 16 & 0xFFu);
    return image;
}

} // namespace tessera::core
