#include "DicomSlideReader.h"

#include "DicomFrameDecoder.h"
#include "common/Error.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>

namespace tessera::core {

namespace {

QString formatDouble(double value)
{
    return QString::number(value, 'g', 17);
}

// OpenSlide's names for DICOM's image flavours.
QString associatedName(const QString& flavour)
{
    if (flavour == QLatin1String("LABEL"))
        return QStringLiteral("label");
    if (flavour == QLatin1String("OVERVIEW"))
        return QStringLiteral("macro");
    if (flavour == QLatin1String("THUMBNAIL"))
        return QStringLiteral("thumbnail");
    return {};
}

} // namespace

DicomSlideReader::~DicomSlideReader()
{
    for (const Image& image : m_images)
        if (image.fd >= 0)
            ::close(image.fd);
}

std::unique_ptr<SlideReader> DicomSlideReader::tryOpen(const QString& path, QString*)
{
    if (!isDicomFile(path))
        return nullptr; // not DICOM: the other readers' business, no reason to show
    std::vector<DicomInstance> series = readDicomSeries(path);
    std::unique_ptr<DicomSlideReader> reader(new DicomSlideReader);
    std::vector<DicomInstance> levels, associated;
    for (DicomInstance& in : series) {
        if (in.imageFlavour == QLatin1String("VOLUME")) {
            // Another instance of a size already seen (a second focal plane, a duplicate): the first wins.
            const bool seen = std::any_of(levels.begin(), levels.end(), [&](const DicomInstance& l) {
                return l.matrixSize == in.matrixSize;
            });
            if (!seen)
                levels.push_back(std::move(in));
        } else if (const QString name = associatedName(in.imageFlavour);
                   !name.isEmpty() && !reader->m_imageNames.contains(name)) {
            reader->m_imageNames.push_back(name);
            associated.push_back(std::move(in));
        }
    }
    if (levels.empty())
        throw Error(
            QStringLiteral("Cannot open %1 as a DICOM whole-slide image: its series has no VOLUME image, "
                           "only %2 image(s) of another kind (label, overview, thumbnail)")
                .arg(path)
                .arg(series.size()));
    std::stable_sort(levels.begin(), levels.end(), [](const DicomInstance& a, const DicomInstance& b) {
        return a.matrixSize.width() > b.matrixSize.width();
    });

    QMap<QString, QString>& p = reader->m_properties;
    const DicomInstance& base = levels.front();
    for (std::size_t i = 0; i < levels.size(); ++i) {
        const DicomInstance& l = levels[i];
        const double downsample = (double(base.matrixSize.width()) / l.matrixSize.width() +
                                   double(base.matrixSize.height()) / l.matrixSize.height()) /
                                  2.0;
        reader->m_levels.push_back({l.matrixSize, downsample, l.tileSize});
        const QString prefix = QStringLiteral("openslide.level[%1].").arg(i);
        p.insert(prefix + QLatin1String("width"), QString::number(l.matrixSize.width()));
        p.insert(prefix + QLatin1String("height"), QString::number(l.matrixSize.height()));
        p.insert(prefix + QLatin1String("downsample"), formatDouble(downsample));
        p.insert(prefix + QLatin1String("tile-width"), QString::number(l.tileSize.width()));
        p.insert(prefix + QLatin1String("tile-height"), QString::number(l.tileSize.height()));
        const qint64 missing = l.frameCount - l.framesPresent();
        if (missing > 0)
            p.insert(QStringLiteral("dicom.level[%1].missing-frames").arg(i), QString::number(missing));
    }
    p.insert(QStringLiteral("openslide.level-count"), QString::number(levels.size()));
    p.insert(QStringLiteral("openslide.vendor"), QStringLiteral("dicom"));
    // Pixel spacing is (row, column) in millimetres: the column spacing is the width of a pixel.
    if (base.pixelSpacingMm[0] > 0 && base.pixelSpacingMm[1] > 0) {
        p.insert(QStringLiteral("openslide.mpp-x"), formatDouble(base.pixelSpacingMm[1] * 1000.0));
        p.insert(QStringLiteral("openslide.mpp-y"), formatDouble(base.pixelSpacingMm[0] * 1000.0));
    }
    if (base.objectivePower > 0)
        p.insert(QStringLiteral("openslide.objective-power"), formatDouble(base.objectivePower));
    const std::pair<const char*, QString> texts[] = {
        {"Manufacturer", base.manufacturer},
        {"ManufacturerModelName", base.modelName},
        {"SeriesDescription", base.seriesDescription},
        {"ContainerIdentifier", base.containerId},
        {"SeriesInstanceUID", base.seriesUid},
        {"TransferSyntaxUID", base.transferSyntax},
        {"DimensionOrganizationType",
         base.sparse ? QStringLiteral("TILED_SPARSE") : QStringLiteral("TILED_FULL")}};
    for (const auto& [name, value] : texts)
        if (!value.isEmpty())
            p.insert(QStringLiteral("dicom.") + QLatin1String(name), value);
    p.insert(QStringLiteral("dicom.instances"), QString::number(levels.size() + associated.size()));

    for (std::vector<DicomInstance>* group : {&levels, &associated})
        for (DicomInstance& in : *group) {
            Image image;
            image.fd = ::open(QFile::encodeName(in.path).constData(), O_RDONLY | O_CLOEXEC);
            if (image.fd < 0)
                throw Error(QStringLiteral("Cannot open %1: %2")
                                .arg(in.path, QString::fromLocal8Bit(std::strerror(errno))));
            image.instance = std::move(in);
            reader->m_images.push_back(std::move(image));
        }
    for (const QString& name : reader->m_imageNames)
        reader->m_associatedNames << name;
    reader->m_associatedNames.sort();
    return reader;
}

void DicomSlideReader::decodeTile(const Image& image, int column, int row, uint8_t* dest,
                                  std::size_t stride) const
{
    const DicomInstance& in = image.instance;
    const uint64_t tile = uint64_t(row) * uint64_t(in.tilesAcross()) + uint64_t(column);
    qint64 frame = qint64(tile);
    if (in.sparse) {
        const auto found = in.frameAtTile.find(tile);
        frame = found == in.frameAtTile.end() ? -1 : qint64(found->second);
    }
    if (frame < 0) {
        // TILED_SPARSE leaves out frames with nothing on them: glass, drawn as white.
        for (int y = 0; y < in.tileSize.height(); ++y)
            std::memset(dest + std::size_t(y) * stride, 0xFF, std::size_t(in.tileSize.width()) * 4);
        return;
    }
    const auto fail = [&](const QString& why) {
        throw Error(QStringLiteral("Cannot read frame %1 (tile %2, %3) of %4: %5")
                        .arg(frame + 1)
                        .arg(column)
                        .arg(row)
                        .arg(in.path, why));
    };
    if (frame >= in.framesPresent())
        fail(frame >= in.frameCount ? QStringLiteral("the header declares only %1 frames").arg(in.frameCount)
                                    : QStringLiteral("the file ends before it (truncated?)"));
    DicomFrameSpan span;
    if (in.codec == DicomCodec::Native)
        span = {in.pixelDataOffset + uint64_t(frame) * in.nativeFrameBytes(), uint32_t(in.nativeFrameBytes()),
                1};
    else
        span = in.frames[std::size_t(frame)];
    thread_local std::vector<uint8_t> buffer;
    buffer.resize(span.size);
    const ssize_t got = ::pread(image.fd, buffer.data(), span.size, off_t(span.offset));
    if (got != ssize_t(span.size))
        fail(got < 0 ? QString::fromLocal8Bit(std::strerror(errno))
                     : QStringLiteral("the file ends inside it"));
    // Encapsulated: the span starts at the first fragment's item header; fragments after the
    // first are joined by dropping the item headers between them.
    const uint8_t* data = buffer.data();
    std::size_t size = span.size;
    if (in.codec != DicomCodec::Native) {
        std::size_t at = 0, out = 0;
        for (uint32_t f = 0; f < span.fragments; ++f) {
            uint32_t length = 0;
            if (at + 8 > size)
                fail(QStringLiteral("its fragment %1 is cut short").arg(f + 1));
            std::memcpy(&length, buffer.data() + at + 4, 4);
            at += 8;
            if (length > size - at)
                fail(QStringLiteral("its fragment %1 is cut short").arg(f + 1));
            if (f == 0 && span.fragments == 1) {
                data = buffer.data() + at;
                out = length;
                break;
            }
            std::memmove(buffer.data() + out, buffer.data() + at, length);
            at += length;
            out += length;
        }
        size = out;
    }
    if (const QString error = decodeDicomFrame(in, data, size, dest, stride); !error.isEmpty())
        fail(error);
}

QImage DicomSlideReader::readImage(int index, QRect rect) const
{
    const Image& image = m_images[std::size_t(index)];
    return m_nativeTiles.compose(
        index, rect, image.instance.matrixSize, image.instance.tileSize,
        [&](int column, int row, uint8_t* dest, std::size_t stride) {
            decodeTile(image, column, row, dest, stride);
        },
        [&](const QString& why) {
            throw Error(QStringLiteral("Cannot read %1: %2").arg(image.instance.path, why));
        });
}

QImage DicomSlideReader::readLevelRegion(int level, QRect rect) const
{
    if (level < 0 || level >= int(m_levels.size()))
        throw Error(QStringLiteral("%1 has no level %2").arg(m_images.front().instance.path).arg(level));
    return readImage(level, rect);
}

QImage DicomSlideReader::associatedImage(const QString& name) const
{
    const qsizetype found = m_imageNames.indexOf(name);
    if (found < 0)
        throw Error(
            QStringLiteral("%1 has no associated image '%2'").arg(m_images.front().instance.path, name));
    const int index = int(m_levels.size() + std::size_t(found));
    return readImage(index, QRect(QPoint(0, 0), m_images[std::size_t(index)].instance.matrixSize));
}

} // namespace tessera::core
