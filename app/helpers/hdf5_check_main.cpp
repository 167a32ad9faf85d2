// tessera-hdf5-check FILE: reads an HDF5 file the way Tessera's readers would, and exits 0. Tessera
// runs it before reading a features or results file in its own process; if libhdf5 crashes on the
// file, it is this helper that dies, and Tessera reports the file as damaged instead of crashing.
#include "common/Hdf5Walk.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/common_interface_defs.h>
#endif

int main(int argc, char* argv[])
{
    if (argc != 2)
        return 2;
    // A damaged file is expected here: no core dump or crash report for it, and no runaway.
    prctl(PR_SET_DUMPABLE, 0);
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    const rlimit cpu{120, 130}; // seconds of CPU; Tessera's own deadline is shorter
    setrlimit(RLIMIT_CPU, &cpu);
#ifdef __SANITIZE_ADDRESS__
    // Its report on a damaged file is the expected ending: to its own (discarded) stream, never to
    // the test runs' report folder (log_path), where any report fails the run.
    __sanitizer_set_report_path("stderr");
#endif
    tessera::core::hdf5::walkEverything(argv[1]);
    return 0;
}

// In sanitizer builds: libhdf5 leaks on damaged files, which is no reason to call a file damaged.
// (A function, not default options: ASAN_OPTIONS in the environment cannot turn it back on.)
extern "C" int __lsan_is_turned_off()
{
    return 1;
}
