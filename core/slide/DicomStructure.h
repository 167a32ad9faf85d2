// A bounds check of a DICOM file's element structure up to its pixel data, before GDCM reads it:
// Debian's GDCM trusts declared lengths (a damaged one makes it allocate gigabytes, or fail an
// assertion). Walks the file meta group and the data set — explicit or implicit VR little endian —
// through sequences and items, defined and undefined lengths alike.
#pragma once

#include <QString>
#include <cstdint>

namespace tessera::core {

// `bytes` is the whole file (from the preamble). Returns an empty string when every element lies
// inside the file, else what is wrong and where ("element (0028,0008) at byte 812 claims 4294967000
// bytes; 16 000 are left").
QString checkDicomStructure(const uint8_t* bytes, uint64_t size);

} // namespace tessera::core
