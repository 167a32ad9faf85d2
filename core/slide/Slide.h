// An open whole-slide image: levels, properties, associated images and region reads.
#pragma once

#include <QImage>
#include <QMap>
#include <QSize>
#include <QString>
#include <QStringList>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

typedef struct _openslide openslide_t;

namespace tessera::core {

// RAII over openslide_t. Reads are thread-safe (OpenSlide allows concurrent reads on one
// handle). Any OpenSlide error becomes an Error naming the file and OpenSlide's reason.
// OpenSlide puts a handle into a permanent error state after one failed read (e.g. one
// corrupt tile); Slide then reopens the file, so one bad tile does not blank the slide.
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
    int levelCount() const { return int(m_levels.size()); }
    QSize levelSize(int level) const { return m_levels.at(level).size; }
    double levelDownsample(int level) const { return m_levels.at(level).downsample; }
    QSize size() const { return levelSize(0); }
    // The level OpenSlide would read for this downsample (the finest not finer than asked).
    int bestLevelForDownsample(double downsample) const;

    const QMap<QString, QString>& properties() const { return m_properties; }
    QString property(const QString& name) const { return m_properties.value(name); }
    // Microns per level-0 pixel; from OpenSlide, else from TIFF resolution tags.
    std::optional<double> micronsPerPixel() const { return m_mpp; }
    // Scanner objective power; estimated from the resolution (10 µm / mpp) when not recorded.
    std::optional<double> objectivePower() const { return m_objectivePower; }
    bool objectivePowerEstimated() const { return m_objectiveEstimated; }

    QStringList associatedImageNames() const { return m_associatedNames; }
    QImage associatedImage(const QString& name) const;

    // Reads `size` pixels of `level`, with the top-left given in level-0 coordinates.
    // Returns ARGB32 premultiplied (transparent outside the slide). Throws Error on failure.
    QImage readRegion(QPoint level0TopLeft, int level, QSize size) const;

private:
    struct Level {
        QSize size;
        double downsample;
    };
    using Handle = std::shared_ptr<openslide_t>;

    explicit Slide(QString path);
    static Handle openHandle(const QString& path);
    Handle handle() const;
    // Throws Error if `handle` is in OpenSlide's error state, after replacing it with a fresh one.
    void throwIfFailed(const Handle& handle, const QString& action) const;
    void readMetadata();

    QString m_path;
    quint64 m_id;
    mutable std::mutex m_handleMutex;
    mutable Handle m_handle;
    std::vector<Level> m_levels;
    QMap<QString, QString> m_properties;
    QStringList m_associatedNames;
    std::optional<double> m_mpp;
    std::optional<double> m_objectivePower;
    bool m_objectiveEstimated = false;
};

using SlidePtr = std::shared_ptr<const Slide>;

} // namespace tessera::core
