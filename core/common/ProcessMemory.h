// Process-wide memory settings for training and inference on large bags.
#pragma once

namespace tessera::core {

// Every allocation of 1 MiB or more gets its own mapping, returned to the system when freed.
// Why: glibc raises its mmap threshold once large blocks are freed (up to 32 MiB) and then
// serves tensors of that size from the heap, whose freed pages stay resident. Measured on one
// 100k-patch, 1024-d SR-MIL step: peak 2 312 MiB with glibc's default, 1 899 MiB with this
// (docs/BENCHMARKS.md). It costs page faults on medium tensors (≈ 10 % on bags of 2 000
// patches), so the trainer sets it only for large bags. Process-wide; a no-op off glibc.
void returnLargeFreedBlocksToTheSystem();

} // namespace tessera::core
