#include "ProcessMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tessera::core {

void returnLargeFreedBlocksToTheSystem()
{
#if defined(__GLIBC__)
    // A fixed threshold also turns off glibc's dynamic raising of it. That raising had also set
    // the heap's trim threshold to twice the mmap threshold (up to 64 MiB); put it back to
    // glibc's initial 128 KiB, or freed heap pages stay resident all the same (measured).
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
    mallopt(M_TRIM_THRESHOLD, 128 << 10);
#endif
}

} // namespace tessera::core
