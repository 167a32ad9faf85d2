// A network's weights on disk (best.pt) and the atomic save every torch archive goes through.
// Internal to torch translation units.
#pragma once

#include "MilNet.h"

#include <QString>
#include <functional>

namespace tessera::core::nets {

// Lets `fill` write the archive's entries, serializes it in memory and writes the bytes atomically;
// throws Error naming `path` and the system's reason (disk full, unwritable folder). LibTorch's own
// file writer throws from its destructor when the disk fills, which terminates the process.
void saveArchiveAtomically(const QString& path,
                           const std::function<void(torch::serialize::OutputArchive&)>& fill);

// Saves the net's weights alone, atomically; loads them, throwing Error naming the file when it
// is missing, damaged or from another network.
void saveWeights(const QString& path, MilNet& net);
void loadWeights(const QString& path, MilNet& net, const torch::Device& device);

// The first line of a LibTorch message (the rest is a C++ backtrace).
QString firstLine(const char* text);

} // namespace tessera::core::nets
