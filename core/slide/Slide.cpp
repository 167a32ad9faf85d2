#include "Slide.h"

#include "common/Error.h"

#include <QFile>
#include <QFileInfo>
#include <openslide.h>

#include <atomic>
#include <cmath>

namespace tessera::core {

namespace {

std::optional<double> positiveNumber(const QString& text)
{
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok && value > 0 && std::isfinite(value) ? std::optional<double>(value) : std::nullopt;
}

// Generic TIFFs carry resolution tags that OpenSlide 3.4 does not turn into an MPP.
std::optional<double> mppFromTiffTags(const QMap<QString, QString>& properties)
{
    const auto resolution = positiveNumber(properties.value(QStringLiteral("tiff.XResolution")));
    if (!resolution)
        return std::nullopt;
    const QString unit = properties.value(QStringLiteral("tiff.ResolutionUnit"));
    if (unit == QLatin1String("centimeter"))
        return 1e4 / *resolution;
    if (unit == QLatin1String("inch"))
        return 25400.0 / *resolution;
    return std::nullopt;
}

} // namespace

Slide::Handle Slide::openHandle(const QString& path)
{
    openslide_t* raw = openslide_open(QFile::encodeName(path).constData());
    return raw ? Handle(raw, openslide_close) : Handle();
}

Slide::Handle Slide::handle() const
{
    std::lock_guard lock(m_handleMutex);
    return m_handle;
}

Slide::Slide(QString path) : m_path(std::move(path))
{
    static std::atomic<quint64> nextId{1};
    m_id = nextId++;
}

Slide::~Slide() = default;

std::shared_ptr<const Slide> Slide::open(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QStringLiteral("Cannot open %1: the file does not exist").arg(path));
    if (!info.isFile())
        throw Error(QStringLiteral("Cannot open %1: not a regular file").arg(path));
    if (!info.isReadable())
        throw Error(QStringLiteral("Cannot open %1: permission denied").arg(path));
    if (info.size() == 0)
        throw Error(QStringLiteral("Cannot open %1: the file is empty (0 bytes)").arg(path));

    if (!openslide_detect_vendor(QFile::encodeName(path).constData()))
        throw Error(QStringLiteral("Cannot open %1: not a slide format OpenSlide recognizes "
                                   "(SVS, NDPI, MRXS, SCN, VMS, BIF, generic tiled TIFF …)")
                        .arg(path));
    std::shared_ptr<Slide> slide(new Slide(path));
    slide->m_handle = openHandle(path);
    if (!slide->m_handle)
        throw Error(QStringLiteral("Cannot open %1: OpenSlide could not read it").arg(path));
    if (const char* error = openslide_get_error(slide->m_handle.get()))
        throw Error(QStringLiteral("Cannot open %1: %2").arg(path, QString::fromUtf8(error)));
    slide->readMetadata();
    return slide;
}

void Slide::throwIfFailed(const Handle& failed, const QString& action) const
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

void Slide::readMetadata()
{
    const Handle h = handle();
    openslide_t* osr = h.get();
    const int count = openslide_get_level_count(osr);
    throwIfFailed(h, QStringLiteral("read the levels of"));
    if (count < 1)
        throw Error(QStringLiteral("Cannot open %1: it has no image levels").arg(m_path));
    for (int level = 0; level < count; ++level) {
        int64_t w = 0, h = 0;
        openslide_get_level_dimensions(osr, level, &w, &h);
        if (w <= 0 || h <= 0 || w > INT32_MAX || h > INT32_MAX)
            throw Error(QStringLiteral("Cannot open %1: level %2 has invalid size %3×%4")
                            .arg(m_path)
                            .arg(level)
                            .arg(w)
                            .arg(h));
        m_levels.push_back({QSize(int(w), int(h)), openslide_get_level_downsample(osr, level)});
    }
    for (const char* const* name = openslide_get_property_names(osr); *name; ++name)
        m_properties.insert(QString::fromUtf8(*name),
                            QString::fromUtf8(openslide_get_property_value(osr, *name)));
    for (const char* const* name = openslide_get_associated_image_names(osr); *name; ++name)
        m_associatedNames << QString::fromUtf8(*name);
    throwIfFailed(h, QStringLiteral("read the properties of"));

    m_mpp = positiveNumber(property(QString::fromLatin1(OPENSLIDE_PROPERTY_NAME_MPP_X)));
    if (!m_mpp)
        m_mpp = mppFromTiffTags(m_properties);
    m_objectivePower = positiveNumber(property(QString::fromLatin1(OPENSLIDE_PROPERTY_NAME_OBJECTIVE_POWER)));
    if (!m_objectivePower && m_mpp) {
        // 10 µm / mpp is the usual convention (0.25 µm ≈ 40×, 0.5 µm ≈ 20×).
        m_objectivePower = std::round(10.0 / *m_mpp * 10) / 10;
        m_objectiveEstimated = true;
    }
}

QString Slide::vendor() const
{
    return property(QString::fromLatin1(OPENSLIDE_PROPERTY_NAME_VENDOR));
}

int Slide::bestLevelForDownsample(double downsample) const
{
    int best = 0;
    for (int level = 0; level < levelCount(); ++level)
        if (m_levels[level].downsample <= downsample * 1.0001)
            best = level;
    return best;
}

QImage Slide::associatedImage(const QString& name) const
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

QImage Slide::readRegion(QPoint level0TopLeft, int level, QSize size) const
{
    if (level < 0 || level >= levelCount())
        throw Error(QStringLiteral("%1 has no level %2").arg(m_path).arg(level));
    if (size.isEmpty())
        return {};
    // OpenSlide writes premultiplied 0xAARRGGBB words: exactly QImage's ARGB32_Premultiplied.
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        throw Error(QStringLiteral("Cannot allocate a %1×%2 region of %3")
                        .arg(size.width())
                        .arg(size.height())
                        .arg(m_path));
    static_assert(sizeof(uint32_t) == 4);
    if (image.bytesPerLine() != size.width() * 4)
        throw Error(QStringLiteral("Unexpected image stride for %1").arg(m_path));
    const Handle h = handle();
    openslide_read_region(h.get(), reinterpret_cast<uint32_t*>(image.bits()), level0TopLeft.x(),
                          level0TopLeft.y(), level, size.width(), size.height());
    throwIfFailed(h, QStringLiteral("read a region of"));
    return image;
}

} // namespace tessera::core
