// Reads and writes feature bags as HDF5 in CLAM's layout (and reads the SRMIL layout too).
#pragma once

#include "FeatureBag.h"

#include <QByteArray>
#include <cstdint>

namespace tessera::core {

// CLAM layout: datasets `features` [N,D] float32 and `coords` [N,2] int64 (int32 accepted),
// attributes patch_size, patch_level, magnification, extractor, extractor_version.
// SRMIL layout (read only): `feats` [N,D], `cords` [N,2], optional `ratios` [N], `label`.
// Files are written under a temporary name and renamed into place, with `tessera_complete`
// as the last attribute written: a file without it is treated as unfinished.
class FeatureStore {
public:
    // Throws Error naming the file on any failure; nothing is left under `path` then.
    static void write(const QString& path, const FeatureBag& bag);
    // Throws Error naming the file and what is wrong (not HDF5, missing dataset, shape
    // mismatch, non-finite values …).
    static FeatureBag read(const QString& path);
    // The same on a file's bytes held in memory (HDF5's core driver); `source` names it in errors.
    static FeatureBag readBytes(const QByteArray& bytes, const QString& source);
    // True if `path` is a complete Tessera feature file made by `extractor` (cheap: reads
    // attributes and shapes only). Never throws.
    static bool isComplete(const QString& path, const QString& extractor);

private:
    static FeatureBag readOpen(std::int64_t file, const QString& path); // an open HDF5 file (hid_t)
};

} // namespace tessera::core
