// Keeps glibc from returning freed heap to the system while a training run is under way.
//
// Why: the runtime settings fix glibc's mmap threshold (RuntimeEnvironment.h), which also fixes
// its trim threshold at 128 KiB, so every training step's freed heap top can go back to the
// system and be faulted in again by the next step: ≈ 15 % of an SR-MIL epoch on the dev VM one
// day, within the noise the next on another host (docs/BENCHMARKS.md). A viewer must trim (its
// soak test reads a never-trimmed heap as a leak), so the threshold is raised only for a run's
// duration and the heap is trimmed when the last run in the process ends.
#pragma once

#include <cstddef>

namespace tessera::core {

class HeapTrimScope {
public:
    HeapTrimScope();
    ~HeapTrimScope();
    HeapTrimScope(const HeapTrimScope&) = delete;
    HeapTrimScope& operator=(const HeapTrimScope&) = delete;

    // The trim threshold while a scope is open, where MALLOC_MMAP_THRESHOLD_ pinned it low (a
    // user's MALLOC_TRIM_THRESHOLD_ is kept).
    static constexpr std::size_t kTrainingTrimThreshold = std::size_t(256) << 20;
    // How many scopes are open in this process now.
    static int openScopes();
};

} // namespace tessera::core
