// What writes a slide pyramid level by level, whatever the format: a tiled TIFF (PyramidTiffWriter)
// or a DICOM whole-slide series (DicomSeriesWriter). `tessera-cli convert` and synth drive either.
#pragma once

#include <opencv2/core.hpp>

namespace tessera::core {

class PyramidWriter {
public:
    virtual ~PyramidWriter() = default;
    // Levels in order, largest first; after each, every tile of it row by row.
    virtual void beginLevel(int width, int height, double downsample) = 0;
    // Every tile of an 8-bit RGB image whose top edge is tile row `firstTileRow` of the level.
    virtual void writeImage(const cv::Mat& image, int firstTileRow = 0) = 0;
    virtual void finish() = 0;
    virtual int tileSize() const = 0;
};

} // namespace tessera::core
