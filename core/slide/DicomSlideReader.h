// Tessera's reader for DICOM whole-slide images (VL Whole Slide Microscopy, tiled multi-frame):
// one instance per level, found beside the opened file by its SeriesInstanceUID; TILED_FULL and
// TILED_SPARSE frames (absent ones drawn as white background); uncompressed, JPEG baseline, JPEG
// 2000 and JPEG-LS frames; label and overview instances as associated images. Headers are parsed
// by GDCM; frames are read by pread and decoded on the calling thread (DicomFrameDecoder).
#pragma once

#include "DicomSeries.h"
#include "NativeTileComposer.h"
#include "SlideReader.h"

#include <memory>

namespace tessera::core {

class DicomSlideReader : public SlideReader {
public:
    // Declines (null, no reason) a file that is not DICOM; throws Error, naming the file and the
    // reason, for DICOM that is not a whole-slide image it can read — no later reader could.
    static std::unique_ptr<SlideReader> tryOpen(const QString& path, QString* whyNot);
    ~DicomSlideReader() override;

    QString name() const override { return QStringLiteral("dicom"); }
    QImage associatedImage(const QString& name) const override;
    QImage readLevelRegion(int level, QRect levelRect) const override;
    // Level coordinates are the level-0 ones divided by the downsample, rounded.

private:
    struct Image {
        DicomInstance instance;
        int fd = -1;
    };

    DicomSlideReader() = default;
    void decodeTile(const Image& image, int column, int row, uint8_t* dest, std::size_t stride) const;
    QImage readImage(int index, QRect rect) const;

    std::vector<Image> m_images; // levels first, largest first; then associated images
    QStringList m_imageNames;    // associated images' names, from m_levels.size() on
    NativeTileComposer m_nativeTiles;
};

} // namespace tessera::core
