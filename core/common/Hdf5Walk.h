// Touches what a reader of an HDF5 file could: every object, by iteration and by name, every
// attribute, and the chunks (index and filters) of chunked datasets. Run by the tessera-hdf5-check helper on
// files from disk before Tessera reads them in its own process (see refuseFilesThatCrashHdf5): libhdf5 itself
// crashes on some damaged files. No Qt, so that the helper starts in milliseconds.
#pragma once

namespace tessera::core::hdf5 {

// Returns normally whether or not HDF5 reports errors; only a crash inside HDF5 stops it.
void walkEverything(const char* path);

} // namespace tessera::core::hdf5
