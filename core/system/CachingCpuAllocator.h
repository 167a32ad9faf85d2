// A caching allocator for LibTorch's CPU tensors that never raises the peak.
//
// Why: with glibc, every tensor above the mmap threshold is a fresh mapping that the kernel
// faults in and zeroes page by page, and freeing it unmaps it again; training small bags spent
// up to half its CPU time in the kernel that way (docs/BENCHMARKS.md, "CPU time"). Keeping freed
// blocks for reuse removes that, but a plain cache grows the peak (4.5 GB instead of 2.2 GB for
// a 100k-patch step, measured).
//
// How: blocks of 1 MiB and more are rounded up to one of eight size classes per power of two,
// mapped on their own (2 MiB-aligned, so that transparent huge pages can back them: faults and
// zeroing 2 MiB at a time) and, when freed, kept for a later request that they fit with at most
// 25 % to spare. A request that finds none first returns cached blocks to the system (oldest
// first) until live and cached blocks together, with the new one, stay within the most that was
// ever live at once: the cache never raises the process's peak, it only refills the room the
// peak already took. Smaller blocks go to malloc as before.
#pragma once

#include <cstddef>
#include <cstdint>

namespace tessera::core {

struct CpuCacheStatistics {
    std::uint64_t hits = 0;              // requests served from the cache
    std::uint64_t misses = 0;            // requests that allocated
    std::uint64_t evictions = 0;         // cached blocks given back to make room
    std::size_t cachedBytes = 0;         // held for reuse now
    std::size_t liveBytes = 0;           // in tensors now (blocks of 1 MiB and more)
    std::size_t windowPeakLiveBytes = 0; // the most live since restartLivePeak()
};

// Makes the caching allocator LibTorch's CPU allocator for the rest of the process (tensors
// allocated before keep their own deleter). Idempotent.
void installCachingCpuAllocator();
bool cachingCpuAllocatorInstalled();
// Gives every cached block back to the system (after a job: an idle process holds nothing).
void releaseCachedCpuMemory();
CpuCacheStatistics cpuCacheStatistics();
// Restarts CpuCacheStatistics::windowPeakLiveBytes at the live bytes now (to see which phase of
// a computation peaks; the cache's own bound is not changed).
void restartLivePeak();

} // namespace tessera::core
