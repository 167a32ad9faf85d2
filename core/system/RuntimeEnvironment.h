// Settings that the OpenMP runtime, OpenBLAS and glibc's allocator read only once, when a process
// starts.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace tessera::core {

// Called first thing in main(): when one of the settings is missing from the environment, sets
// it and executes the program again with the same arguments, so that the runtime libraries see
// it from the start; returns when nothing was missing (or the re-execution failed). A value the
// user set is kept; with TESSERA_RUNTIME_DEFAULTS set, nothing is changed (for benchmarks).
// Cost: the dynamic loader runs twice (≈ 0.5–1 s with LibTorch on the dev VM) for a process
// started without the settings; the processes it starts inherit them and start once. The settings, measured
// in docs/BENCHMARKS.md:
//  - OMP_WAIT_POLICY=passive: libgomp's threads otherwise spin after each parallel region and
//    starve OpenBLAS's threads on few cores (training steps 1.4–2× slower);
//  - MALLOC_MMAP_THRESHOLD_=1048576: tensors of 1 MiB and more get their own mappings, returned
//    when freed, instead of heap pages that stay resident (SR-MIL on a 100k-patch bag: 1.9 GiB
//    instead of 2.3 GiB) — not faster or slower on small bags;
//  - OPENBLAS_CORETYPE, only where OpenBLAS fell back to a generic core on a CPU with AVX2 or
//    AVX-512 (unknown CPU models, VMs): the matching kernels, 3× faster products;
//  - LD_LIBRARY_PATH to Debian's OpenMP build of OpenBLAS when the pthreads build was loaded (one
//    thread pool, no sched_yield storms), or OPENBLAS_NUM_THREADS=1 when it is not installed.
// Then, in the process that runs on, LibTorch's CPU tensors get the caching allocator
// (CachingCpuAllocator.h) unless TESSERA_CPU_ALLOCATOR=malloc.
void restartWithRuntimeSettings(char* argv[]);

// For the viewer process, before it starts threads: at most two malloc arenas. Tile loader threads
// allocate tiles that the GUI thread frees; with glibc's arena per thread the freed space
// fragments, and RSS rose about 80 KB per slide opened and closed (tst_faults_soak: +27 % over 800
// slides; +0.8 % with two arenas). Training keeps glibc's default (its threads allocate in parallel).
void limitMallocArenasForViewer();

// How OpenBLAS runs its threads ("OpenMP (LibTorch's pool)", …), or empty without OpenBLAS.
QString blasThreadingName();

// The core OpenBLAS runs on ("SkylakeX", "Haswell", ...), or empty when LibTorch uses another BLAS.
QString blasCoreName();

// OpenBLAS keeps its own thread pool beside LibTorch's: this sizes it (no-op without OpenBLAS).
void setBlasThreads(int threads);

// (variable, value this process started with, or "unset"), read from /proc/self/environ, which
// setenv() does not change: what the runtime libraries actually saw.
QList<QPair<QString, QString>> runtimeSettingsAtStart();

} // namespace tessera::core
