#include "system/HeapTrimScope.h"

#include <cstdlib>
#include <cstring>
#include <mutex>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tessera::core {

namespace {

std::mutex g_mutex;
int g_open = 0;

// glibc's default, which MALLOC_MMAP_THRESHOLD_ fixes (its dynamic threshold is then off).
constexpr int kGlibcDefaultTrimThreshold = 128 * 1024;

// Only a fixed mmap threshold pins the trim threshold low; with glibc's dynamic one it grows by
// itself (twice the largest mapped block freed), and a user's own trim threshold is kept. Read
// from the environment as the runtime settings leave it (were their re-execution to fail, the
// setting would be there but glibc's threshold dynamic: mallopt then only freezes it).
bool trimThresholdIsPinnedLow()
{
    const char* tunables = std::getenv("GLIBC_TUNABLES");
    const bool userTunable = tunables && std::strstr(tunables, "glibc.malloc.trim_threshold") != nullptr;
    return std::getenv("MALLOC_MMAP_THRESHOLD_") != nullptr &&
           std::getenv("MALLOC_TRIM_THRESHOLD_") == nullptr && !userTunable;
}

} // namespace

HeapTrimScope::HeapTrimScope()
{
    const std::lock_guard lock(g_mutex);
    if (g_open++ == 0 && trimThresholdIsPinnedLow()) {
#if defined(__GLIBC__)
        mallopt(M_TRIM_THRESHOLD, int(kTrainingTrimThreshold));
#endif
    }
}

HeapTrimScope::~HeapTrimScope()
{
    const std::lock_guard lock(g_mutex);
    if (--g_open == 0 && trimThresholdIsPinnedLow()) {
#if defined(__GLIBC__)
        mallopt(M_TRIM_THRESHOLD, kGlibcDefaultTrimThreshold);
        malloc_trim(0);
#endif
    }
}

int HeapTrimScope::openScopes()
{
    const std::lock_guard lock(g_mutex);
    return g_open;
}

} // namespace tessera::core
