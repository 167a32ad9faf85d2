// Writes a tiled, JPEG-compressed, pyramidal RGB TIFF that OpenSlide reads as generic-tiff.
#pragma once

#include "PyramidWriter.h"

#include <QString>
#include <memory>
#include <opencv2/core.hpp>

namespace tessera::core {

struct PyramidTiffOptions {
    int tileSize = 256;
    int jpegQuality = 90;
    double mpp = 0.5;    // of level 0; written as XResolution/YResolution per cm
    QString description; // ImageDescription of level 0
    bool bigTiff = false;
    // Levels after the first written as SubIFDs of level 0 (OME-TIFF's pyramid layout) instead of
    // directories after it: how many there will be (0: none).
    int subIfdLevels = 0;
};

// OME-XML for one interleaved 8-bit RGB image of `width` × `height` at `mpp` µm per pixel (0:
// unknown), with `description` as its Description: the ImageDescription of an OME-TIFF's level 0.
QString omeXmlForRgb(int width, int height, double mpp, const QString& description);

// One directory per level (or level 0 and its SubIFDs), written in order: beginLevel(), then every tile of
// the level row by row, then the next level. Errors (e.g. a full disk) throw Error naming the file.
class PyramidTiffWriter : public PyramidWriter {
public:
    PyramidTiffWriter(const QString& path, PyramidTiffOptions options);
    ~PyramidTiffWriter() override;
    PyramidTiffWriter(const PyramidTiffWriter&) = delete;
    PyramidTiffWriter& operator=(const PyramidTiffWriter&) = delete;

    void beginLevel(int width, int height, double downsample) override;
    // `tile` is 8-bit RGB, at most tileSize×tileSize; smaller edge tiles are padded.
    void writeTile(int column, int row, const cv::Mat& tile);
    // Writes every tile of an image whose top edge is tile row `firstTileRow` of the level.
    void writeImage(const cv::Mat& image, int firstTileRow = 0) override;
    void finish() override;

    int tileSize() const override { return m_options.tileSize; }

private:
    void finishLevel();
    [[noreturn]] void fail(const QString& what) const;

    struct TiffCloser {
        void operator()(void* tiff) const;
    };
    QString m_path;
    PyramidTiffOptions m_options;
    std::unique_ptr<void, TiffCloser> m_tiff;
    bool m_levelOpen = false;
    int m_levelIndex = -1;
    cv::Mat m_tileBuffer;
};

} // namespace tessera::core
