// tessera-hdf5-check FILE: reads everything in an HDF5 file and exits 0. Tessera runs it before
// reading a features or results file in its own process; if libhdf5 crashes on the file, it is this
// helper that dies, and Tessera reports the file as damaged instead of crashing with it.
#include "common/Hdf5Walk.h"

int main(int argc, char* argv[])
{
    if (argc != 2)
        return 2;
    tessera::core::hdf5::walkEverything(argv[1]);
    return 0;
}

// In sanitizer builds: libhdf5 leaks on damaged files, which is no reason to call a file damaged.
extern "C" const char* __asan_default_options()
{
    return "detect_leaks=0";
}
