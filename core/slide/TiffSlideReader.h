// Tessera's own reader for tiled TIFF, BigTIFF, OME-TIFF (pyramid levels in SubIFDs, pixel size
// from OME-XML) and Aperio SVS pyramids with JPEG, LZW, deflate or uncompressed RGB tiles: raw tile bytes by
// pread, JPEG decoded by libjpeg-turbo on the calling thread. It reproduces OpenSlide's levels, properties
// and associated images for these files and declines everything else (probe), which then goes to OpenSlide.
#pragma once

#include "NativeTileComposer.h"
#include "SlideReader.h"

#include <QByteArray>
#include <memory>
#include <mutex>

namespace tessera::core {

class TiffSlideReader : public SlideReader {
public:
    // Opens `path` if the direct reader can read every level of it (an OME-TIFF's from its
    // SubIFDs too); else returns null and sets `whyNot` (e.g. "compression 33003 (Aperio JPEG
    // 2000)"). Throws Error only for an OME-TIFF that is not brightfield RGB, naming what it holds.
    static std::unique_ptr<SlideReader> tryOpen(const QString& path, QString* whyNot);
    ~TiffSlideReader() override;

    QString name() const override { return QStringLiteral("tiff"); }
    QImage associatedImage(const QString& name) const override;
    QImage readLevelRegion(int level, QRect levelRect) const override;
    // Level coordinates are the level-0 ones divided by the downsample, rounded to the
    // nearest pixel (OpenSlide instead resamples by the fraction; see docs/SLIDES.md).

    struct Level;
    struct Associated;

private:
    class HandlePool;

    explicit TiffSlideReader(QString path);
    // Decodes native tile (column, row) of `level` into `dest` (tile-sized, `stride` bytes a row).
    void decodeTile(const Level& level, int column, int row, uint8_t* dest, std::size_t stride) const;
    [[noreturn]] void fail(const QString& what) const;

    QString m_path;
    int m_fd = -1;
    std::vector<Level> m_tiffLevels;
    std::vector<Associated> m_associated;
    std::unique_ptr<HandlePool> m_handles; // libtiff handles for non-JPEG tiles and associated images
    // Reads that straddle native tiles decode each once, not once per viewer tile it touches.
    NativeTileComposer m_nativeTiles;
};

} // namespace tessera::core
