// Decodes one JPEG tile of a TIFF (abbreviated stream + the file's JPEGTables) into 32-bit
// pixels with libjpeg-turbo, the way OpenSlide does, so pixels are bit-identical to it.
#pragma once

#include <QString>
#include <cstddef>
#include <cstdint>

namespace tessera::core {

struct JpegTileSource {
    const uint8_t* tables = nullptr; // TIFF JPEGTables; null when the tile carries its own
    std::size_t tablesSize = 0;
    const uint8_t* data = nullptr;
    std::size_t size = 0;
    // TIFF photometric RGB: the stream holds RGB, not YCbCr (Aperio writes such files).
    bool rgbStream = false;
};

// Writes width × height premultiplied ARGB32 pixels (opaque) at `dest`, rows `stride` bytes
// apart. Returns an empty string on success, else libjpeg's reason; libjpeg warnings (corrupt
// data) count as errors, as in OpenSlide. Each thread reuses its own decompressor.
QString decodeJpegTile(const JpegTileSource& source, int width, int height, uint8_t* dest,
                       std::size_t stride);

} // namespace tessera::core
