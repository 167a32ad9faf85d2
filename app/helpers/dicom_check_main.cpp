// tessera-dicom-check FILE…: reads each DICOM file's header the way Tessera's DICOM reader does
// (GDCM; the frame table, Tessera's own bounds-checked code, is left out), and exits 0. Tessera
// runs it before reading DICOM files in its own process: the Debian build of GDCM aborts on some
// damaged headers (an assertion), and then it is this helper that dies, and Tessera refuses the
// file instead of ending with every open tab.
#include "common/Error.h"
#include "slide/DicomSeries.h"

#include <QString>

#include <sys/prctl.h>
#include <sys/resource.h>
#ifdef __SANITIZE_ADDRESS__
#include <sanitizer/common_interface_defs.h>
#endif

int main(int argc, char* argv[])
{
    // A damaged file is expected here: no core dump or crash report for it, and no runaway.
    prctl(PR_SET_DUMPABLE, 0);
    const rlimit noCore{0, 0};
    setrlimit(RLIMIT_CORE, &noCore);
    const rlimit cpu{120, 130};
    setrlimit(RLIMIT_CPU, &cpu);
#ifdef __SANITIZE_ADDRESS__
    __sanitizer_set_report_path("stderr"); // a report on a damaged file is this helper's expected end
#endif
    for (int i = 1; i < argc; ++i) {
        try {
            tessera::core::readDicomInstance(QString::fromLocal8Bit(argv[i]), false);
        } catch (const tessera::core::Error&) {
            // Refused cleanly: Tessera will say why when it reads it itself.
        }
    }
    return 0;
}
