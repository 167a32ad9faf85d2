// Runs code that may crash inside a third-party library in a helper process first, so that a crash
// becomes an Error instead of killing Tessera (and every open tab or running job with it).
#pragma once

#include <QString>
#include <QStringList>

namespace tessera::core {

// How a helper process ended.
struct HelperOutcome {
    bool survived = false; // exited normally with status 0
    QString how;           // when not: "killed by signal 11 (Segmentation fault)", "exited with status 1"
};

// Starts `program` with `arguments` (posix_spawn: no fork of this process, so no fork handler of
// OpenBLAS, OpenMP or Qt runs, and threads holding locks here cannot deadlock the child) and waits.
HelperOutcome runHelper(const QString& program, const QStringList& arguments);

// A helper program shipped beside Tessera's executables: in the running executable's folder, in
// ../libexec/tessera from it (installed), or at `buildPath` (tests in the build tree). Empty if none.
QString findHelper(const QString& name, const QString& buildPath);

} // namespace tessera::core
