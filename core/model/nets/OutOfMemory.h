// An allocation that failed inside a step on a bag becomes an Error a person can act on: which
// bag, how big, and what needs less memory. Internal to torch translation units.
#pragma once

#include "common/Error.h"

#include <QString>
#include <cstdint>
#include <exception>

namespace tessera::core::nets {

// std::bad_alloc, or LibTorch's CPU or CUDA allocator refusing ("can't allocate memory",
// "out of memory").
bool isOutOfMemory(const std::exception& error);

// `doing` is "training on" or "predicting"; `bag` names the slide or file.
Error outOfMemory(const QString& doing, const QString& bag, std::int64_t patches, std::int64_t dimension,
                  bool training);

} // namespace tessera::core::nets
