#include "OpenSlideReader.h"

#include "common/Error.h"

#include <QFile>
#include <openslide.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace tessera::core {

OpenSlideReader::Handle OpenSlideReader::openHandle(const QString& path)
{
    openslide_t* raw = openslide_open(QFile::encodeName(path).constData());
    return raw ? Handle(raw, openslide_close) : Handle();
}

OpenSlideReader::Handle OpenSlideReader::handle() const
{
    std::lock_guard lock(m_handleMutex);
    return m_handle;
}

std::unique_ptr<SlideReader> OpenSlideReader::open(const QString& path)
{
    if (!openslide_detect_vendor(QFile::encodeName(path).constData()))
        throw Error(QStringLiteral("Cannot open %1: not a slide format OpenSlide recognizes "
                                   "(SVS, NDPI, MRXS, SCN, VMS, BIF, generic tiled TIFF …)")
                        .arg(path));
    std::unique_ptr<OpenSlideReader> reader(new OpenSlideReader(path));
    reader->m_handle = openHandle(path);
    if (!reader->m_handle)
        throw Error(QStringLiteral("Cannot open %1: OpenSlide could not read it").arg(path));
    if (const char* error = openslide_get_error(reader->m_handle.get()))
        throw Error(QStringLiteral("Cannot open %1: %2").arg(path, QString::fromUtf8(error)));
    reader->readMetadata();
    return reader;
}

void OpenSlideReader::throwIfFailed(const Handle& failed, const QString& action) const
{
    const char* error = openslide_get_error(failed.get());
    if (!error)
        return;
    const QString message = QStringLiteral("Cannot %1 %2: %3").arg(action, m_path, QString::fromUtf8(error));
    {
        // Replace the dead handle once (other threads may have failed on it too). Reads still
        // running on it keep it alive through their own reference.
        std::lock_guard lock(m_handleMutex);
        if (m_handle == failed) {
            if (Handle fresh = openHandle(m_path); fresh && !openslide_get_error(fresh.get()))
                m_handle = std::move(fresh);
        }
    }
    throw Error(message);
}

void OpenSlideReader::readMetadata()
{
    const Handle h = handle();
    openslide_t* osr = h.get();
    const int count = openslide_get_level_count(osr);
    throwIfFailed(h, QStringLiteral("read the levels of"));
    if (count < 1)
        throw Error(QStringLiteral("Cannot open %1: it has no image levels").arg(m_path));
    for (const char* const* name = openslide_get_property_names(osr); *name; ++name)
        m_properties.insert(QString::fromUtf8(*name),
                            QString::fromUtf8(openslide_get_property_value(osr, *name)));
    for (int level = 0; level < count; ++level) {
        int64_t w = 0, h = 0;
        openslide_get_level_dimensions(osr, level, &w, &h);
        if (w <= 0 || h <= 0 || w > INT32_MAX || h > INT32_MAX)
            throw Error(QStringLiteral("Cannot open %1: level %2 has invalid size %3×%4")
                            .arg(m_path)
                            .arg(level)
                            .arg(w)
                            .arg(h));
        const auto tile = [&](const char* what) {
            return m_properties
                .value(QStringLiteral("openslide.level[%1].tile-%2").arg(level).arg(QLatin1String(what)))
                .toInt();
        };
        m_levels.push_back({QSize(int(w), int(h)), openslide_get_level_downsample(osr, level),
                            QSize(tile("width"), tile("height"))});
    }
    for (const char* const* name = openslide_get_associated_image_names(osr); *name; ++name)
        m_associatedNames << QString::fromUtf8(*name);
    throwIfFailed(h, QStringLiteral("read the properties of"));
}

QImage OpenSlideReader::associatedImage(const QString& name) const
{
    const QByteArray key = name.toUtf8();
    const Handle h = handle();
    int64_t w = 0, height = 0;
    openslide_get_associated_image_dimensions(h.get(), key.constData(), &w, &height);
    throwIfFailed(h, QStringLiteral("read associated image '%1' of").arg(name));
    if (w <= 0 || height <= 0)
        throw Error(QStringLiteral("%1 has no associated image '%2'").arg(m_path, name));
    QImage image(int(w), int(height), QImage::Format_ARGB32_Premultiplied);
    openslide_read_associated_image(h.get(), key.constData(), reinterpret_cast<uint32_t*>(image.bits()));
    throwIfFailed(h, QStringLiteral("read associated image '%1' of").arg(name));
    return image;
}

QImage OpenSlideReader::readLevelRegion(int level, QRect levelRect) const
{
    const double ds = m_levels.at(level).downsample;
    // OpenSlide takes the top-left in level-0 pixels.
    const QPoint topLeft(int(std::floor(levelRect.x() * ds)), int(std::floor(levelRect.y() * ds)));
    return readRegion(topLeft, level, levelRect.size());
}

QImage OpenSlideReader::readRegion(QPoint level0TopLeft, int level, QSize size) const
{
    // OpenSlide writes premultiplied 0xAARRGGBB words: exactly QImage's ARGB32_Premultiplied.
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw Error(QStringLiteral("Cannot allocate a %1×%2 region of %3")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(m_path));
    if (image.bytesPerLine() != size.width() * 4)
        throw Error(QStringLiteral("Unexpected image stride for %1").arg(m_path));
    // OpenSlide clears the destination, then composites tiles into it (read, blend, write):
    // on a thread's reused, cache-warm buffer that is cheaper than on fresh memory. One
    // streaming copy then fills the new image.
    constexpr qsizetype kScratchLimit = 1024 * 1024;
    thread_local std::vector<uint32_t> scratch;
    const bool viaScratch = image.sizeInBytes() <= kScratchLimit;
    if (viaScratch)
        scratch.resize(std::size_t(size.width()) * std::size_t(size.height()));
    uint32_t* dest = viaScratch ? scratch.data() : reinterpret_cast<uint32_t*>(image.bits());
    const Handle h = handle();
    openslide_read_region(h.get(), dest, level0TopLeft.x(), level0TopLeft.y(), level, size.width(),
                          size.height());
    throwIfFailed(h, QStringLiteral("read a region of"));
    if (viaScratch)
        std::memcpy(image.bits(), dest, std::size_t(image.sizeInBytes()));
    return image;
}

} // namespace tessera::core
