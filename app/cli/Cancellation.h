// SIGINT and SIGTERM ask a running job to stop at its next safe point (a finished slide, a
// finished epoch) instead of killing it: what is done stays, a rerun resumes.
#pragma once

#include <atomic>

namespace tessera::cli {

// Installs the handlers (once) and returns the flag they set.
const std::atomic<bool>& cancelOnSignals();

} // namespace tessera::cli
