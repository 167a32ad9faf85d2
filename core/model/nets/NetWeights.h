// A network's weights on disk (best.pt) and the atomic save every torch archive goes through.
// Internal to torch translation units.
#pragma once

#include "MilNet.h"

#include <QString>
#include <functional>
#include <string>

namespace tessera::core::nets {

// Calls `save` with a temporary path and renames the file into place only when it succeeded;
// throws Error naming `path` otherwise (disk full, unwritable folder).
void saveArchiveAtomically(const QString& path, const std::function<void(const std::string&)>& save);

// Saves the net's weights alone, atomically; loads them, throwing Error naming the file when it
// is missing, damaged or from another network.
void saveWeights(const QString& path, MilNet& net);
void loadWeights(const QString& path, MilNet& net, const torch::Device& device);

// The first line of a LibTorch message (the rest is a C++ backtrace).
QString firstLine(const char* text);

} // namespace tessera::core::nets
