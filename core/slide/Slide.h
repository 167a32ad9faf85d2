// An open whole-slide image: levels, properties, associated images and region reads.
#pragma once

#include <QImage>
#include <QMap>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

namespace tessera::core {

class SlideReader;

// A slide file opened with the reader that suits it (SlideReaderRegistry: Tessera's direct
// TIFF/SVS reader, else OpenSlide). Reads are thread-safe; every failure is an Error naming
// the file and the reason, and one bad tile never blanks the rest of the slide.
class Slide {
public:
    // Throws Error for a missing, unreadable, unsupported or corrupt file.
    static std::shared_ptr<const Slide> open(const QString& path);
    ~Slide();
    Slide(const Slide&) = delete;
    Slide& operator=(const Slide&) = delete;

    const QString& path() const { return m_path; }
    // Unique for the life of the process; keys this slide's tiles in a shared TileCache.
    quint64 id() const { return m_id; }
    QString vendor() const;
    // "tiff" (direct) or "openslide"; and why the direct reader declined, if it did.
    QString readerName() const;
    const QString& readerFallbackReason() const { return m_fallbackReason; }
    int levelCount() const;
    QSize levelSize(int level) const;
    double levelDownsample(int level) const;
    QSize size() const { return levelSize(0); }
    // The level OpenSlide would read for this downsample (the finest not finer than asked).
    int bestLevelForDownsample(double downsample) const;

    const QMap<QString, QString>& properties() const;
    QString property(const QString& name) const { return properties().value(name); }
    // Microns per level-0 pixel; from OpenSlide, else from TIFF resolution tags.
    std::optional<double> micronsPerPixel() const { return m_mpp; }
    // Scanner objective power; estimated from the resolution (10 µm / mpp) when not recorded.
    std::optional<double> objectivePower() const { return m_objectivePower; }
    bool objectivePowerEstimated() const { return m_objectiveEstimated; }

    QStringList associatedImageNames() const;
    QImage associatedImage(const QString& name) const;

    // Reads `size` pixels of `level`, with the top-left given in level-0 coordinates.
    // Returns ARGB32 premultiplied (transparent outside the slide). Throws Error on failure.
    QImage readRegion(QPoint level0TopLeft, int level, QSize size) const;
    // Reads `levelRect`, given in the pixels of `level` itself (the viewer's tiles).
    QImage readLevelRegion(int level, QRect levelRect) const;

private:
    explicit Slide(QString path);
    void readMetadata();
    void checkLevel(int level) const;

    QString m_path;
    quint64 m_id;
    std::unique_ptr<SlideReader> m_reader;
    QString m_fallbackReason;
    std::optional<double> m_mpp;
    std::optional<double> m_objectivePower;
    bool m_objectiveEstimated = false;
};

using SlidePtr = std::shared_ptr<const Slide>;

} // namespace tessera::core
