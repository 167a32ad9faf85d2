#include "Slide.h"

#include "DicomSeries.h"
#include "SlideReader.h"
#include "SlideReaderRegistry.h"
#include "common/Error.h"

#include <QFile>
#include <QFileInfo>

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

Slide::Slide(QString path) : m_path(std::move(path))
{
    static std::atomic<quint64> nextId{1};
    m_id = nextId++;
}

Slide::~Slide() = default;

std::shared_ptr<const Slide> Slide::open(const QString& given)
{
    QString path = given;
    QFileInfo info(path);
    if (!info.exists())
        throw Error(QStringLiteral("Cannot open %1: the file does not exist").arg(path));
    // A folder holding a DICOM series opens as its largest image; the slide's path is that file.
    if (info.isDir()) {
        path = dicomSeriesEntry(path);
        if (path.isEmpty())
            throw Error(
                QStringLiteral("Cannot open %1: it is a folder, and holds no DICOM whole-slide series")
                    .arg(given));
        info = QFileInfo(path);
    }
    if (!info.isFile())
        throw Error(QStringLiteral("Cannot open %1: not a regular file").arg(path));
    if (!info.isReadable())
        throw Error(QStringLiteral("Cannot open %1: permission denied").arg(path));
    if (info.size() == 0)
        throw Error(QStringLiteral("Cannot open %1: the file is empty (0 bytes)").arg(path));

    std::shared_ptr<Slide> slide(new Slide(path));
    ChosenReader chosen = openSlideReader(path);
    slide->m_reader = std::move(chosen.reader);
    slide->m_fallbackReason = chosen.fallbackReason;
    slide->readMetadata();
    return slide;
}

void Slide::readMetadata()
{
    for (const SlideLevelInfo& level : m_reader->levels())
        if (level.size.isEmpty())
            throw Error(QStringLiteral("Cannot open %1: a level has the invalid size %2×%3")
                            .arg(m_path)
                            .arg(level.size.width())
                            .arg(level.size.height()));
    if (m_reader->levels().empty())
        throw Error(QStringLiteral("Cannot open %1: it has no image levels").arg(m_path));
    m_mpp = positiveNumber(property(QStringLiteral("openslide.mpp-x")));
    if (!m_mpp)
        m_mpp = mppFromTiffTags(properties());
    m_objectivePower = positiveNumber(property(QStringLiteral("openslide.objective-power")));
    if (!m_objectivePower && m_mpp) {
        // 10 µm / mpp is the usual convention (0.25 µm ≈ 40×, 0.5 µm ≈ 20×).
        m_objectivePower = std::round(10.0 / *m_mpp * 10) / 10;
        m_objectiveEstimated = true;
    }
}

QString Slide::vendor() const
{
    return property(QStringLiteral("openslide.vendor"));
}

QString Slide::readerName() const
{
    return m_reader->name();
}

int Slide::levelCount() const
{
    return int(m_reader->levels().size());
}

QSize Slide::levelSize(int level) const
{
    return m_reader->levels().at(std::size_t(level)).size;
}

double Slide::levelDownsample(int level) const
{
    return m_reader->levels().at(std::size_t(level)).downsample;
}

const QMap<QString, QString>& Slide::properties() const
{
    return m_reader->properties();
}

QStringList Slide::associatedImageNames() const
{
    return m_reader->associatedImageNames();
}

void Slide::checkLevel(int level) const
{
    if (level < 0 || level >= levelCount())
        throw Error(QStringLiteral("%1 has no level %2").arg(m_path).arg(level));
}

int Slide::bestLevelForDownsample(double downsample) const
{
    int best = 0;
    for (int level = 0; level < levelCount(); ++level)
        if (levelDownsample(level) <= downsample * 1.0001)
            best = level;
    return best;
}

QImage Slide::associatedImage(const QString& name) const
{
    if (!associatedImageNames().contains(name))
        throw Error(QStringLiteral("%1 has no associated image '%2'").arg(m_path, name));
    return m_reader->associatedImage(name);
}

QImage Slide::readRegion(QPoint level0TopLeft, int level, QSize size) const
{
    checkLevel(level);
    if (size.isEmpty())
        return {};
    return m_reader->readRegion(level0TopLeft, level, size);
}

QImage Slide::readLevelRegion(int level, QRect levelRect) const
{
    checkLevel(level);
    if (levelRect.isEmpty())
        return {};
    return m_reader->readLevelRegion(level, levelRect);
}

} // namespace tessera::core
