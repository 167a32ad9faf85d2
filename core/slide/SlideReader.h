// One way of reading a slide file: its levels, metadata and pixels. Slide picks a reader per
// file (SlideReaderRegistry); nothing above Slide knows which one it got.
#pragma once

#include <QImage>
#include <QMap>
#include <QRect>
#include <QSize>
#include <QString>
#include <QStringList>
#include <cmath>
#include <vector>

namespace tessera::core {

struct SlideLevelInfo {
    QSize size;
    double downsample = 1.0;
    QSize tileSize; // the file's native tile; empty when it has none
};

class SlideReader {
public:
    virtual ~SlideReader() = default;

    // "tiff" (Tessera's direct reader) or "openslide".
    virtual QString name() const = 0;
    const std::vector<SlideLevelInfo>& levels() const { return m_levels; }
    // OpenSlide's property names (openslide.*, tiff.*, aperio.* …).
    const QMap<QString, QString>& properties() const { return m_properties; }
    const QStringList& associatedImageNames() const { return m_associatedNames; }

    // All reads return ARGB32 premultiplied and throw Error naming the file and the reason.
    virtual QImage associatedImage(const QString& name) const = 0;
    // `levelRect` in the level's own pixels; transparent outside the level.
    virtual QImage readLevelRegion(int level, QRect levelRect) const = 0;
    // OpenSlide's read_region: the top-left in level-0 pixels, rounded to the level's pixels
    // (readLevelRegion refuses a level the slide lacks, naming the file).
    virtual QImage readRegion(QPoint level0TopLeft, int level, QSize size) const
    {
        const bool known = level >= 0 && level < int(m_levels.size());
        const double ds = known ? m_levels[std::size_t(level)].downsample : 1.0;
        return readLevelRegion(level, QRect(QPoint(int(std::llround(level0TopLeft.x() / ds)),
                                                   int(std::llround(level0TopLeft.y() / ds))),
                                            size));
    }

protected:
    std::vector<SlideLevelInfo> m_levels;
    QMap<QString, QString> m_properties;
    QStringList m_associatedNames;
};

} // namespace tessera::core
