// Whether a job's process is still there: alive, not a zombie, and running the program we
// started (a pid reused by another program does not count). Linux (/proc).
#pragma once

#include <QString>

namespace tessera::core {

// True when `pid` is alive and, if `executable` is given, its program file is named so.
bool isProcessRunning(qint64 pid, const QString& executable = {});

} // namespace tessera::core
