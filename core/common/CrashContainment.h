// Runs code that may crash inside a third-party library in a helper process first, so that a crash
// becomes an Error instead of killing Tessera (and every open tab or running job with it).
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace tessera::core {

// How a helper process ended.
struct HelperOutcome {
    enum class Ending {
        Finished, // exited normally with status 0
        Crashed,  // died of a crash signal (SEGV, BUS, ABRT, FPE, ILL, TRAP, SYS, XCPU) or a sanitizer report
        TimedOut, // still running at the deadline: killed
        Unchecked, // could not be started or waited for, or was stopped from outside (SIGKILL, SIGTERM …)
    };
    Ending ending = Ending::Unchecked;
    QString how; // "killed by signal 11 (Segmentation fault)", "did not finish within 60 s" …
};

// Starts `program` with `arguments` and waits at most `timeoutMs`. posix_spawn: no fork of this
// process, so no fork handler (OpenBLAS, OpenMP, Qt) runs and threads holding locks here cannot
// deadlock the child. The helper gets /dev/null for its standard streams and a process group of
// its own (a Ctrl-C in the terminal is for Tessera, not for it).
HelperOutcome runHelper(const QString& program, const QStringList& arguments, int timeoutMs);

// A helper program shipped with Tessera: $TESSERA_<NAME> (upper case, '-' → '_') if set, else beside
// the running executable, in ../libexec/tessera (installed) or in ../app (the build tree, for tests
// and benchmarks). Empty if none.
QString findHelper(const QString& name);

// A file that crashed (or hung) a helper's trial read, and how.
struct CrashingFile {
    QString path;
    HelperOutcome outcome;
};

// Runs the helper `helperName` (findHelper) as `helper FILE…` on those of `paths` it has not read
// safely before (regular files only; a file is known by device, inode, size and times, so a
// changed file is read again). One run for all of them; when it crashes or hangs, one run per file
// finds which. Returns those that crashed or hung; empty when all survived, or when the helper is
// missing or could not run (warned once per helper: the caller then reads as before, unprotected).
std::vector<CrashingFile> filesThatCrash(const QString& helperName, const QStringList& paths,
                                         int timeoutMs = 60000);

} // namespace tessera::core
