// Decodes one frame of a DICOM whole-slide instance — uncompressed, JPEG baseline (libjpeg-turbo),
// JPEG 2000 and HTJ2K (OpenJPEG) or JPEG-LS (CharLS) — into opaque premultiplied ARGB32.
#pragma once

#include "DicomSeries.h"

#include <cstddef>
#include <cstdint>

namespace tessera::core {

// Writes the instance's tileSize of pixels at `dest`, rows `stride` bytes apart. Returns an empty
// string on success, else the decoder's reason (corrupt data, a frame of the wrong size …).
QString decodeDicomFrame(const DicomInstance& instance, const uint8_t* data, std::size_t size, uint8_t* dest,
                         std::size_t stride);

} // namespace tessera::core
