#include "ProcessMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace tessera::core {

void returnLargeFreedBlocksToTheSystem()
{
#if defined(__GLIBC__)
    // A fixed threshold also turns off glibc's dynamic raising of it.
    mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
}

} // namespace tessera::core
