// Runs code that may crash inside a third-party library in a forked child first, so that a crash
// becomes an Error instead of killing Tessera (and every open tab or running job with it).
#pragma once

#include <QString>

#include <functional>

namespace tessera::core {

// How a trial run in a child process ended.
struct ChildOutcome {
    bool survived = false; // exited normally with status 0 (an Error thrown inside counts: it is safe)
    QString how;           // when not: "killed by signal 11 (Segmentation fault)", "exited with status 1"
};

// Forks, runs `work` in the child and waits. The child only runs `work` and leaves with _exit(), so
// no atexit handler or destructor of the parent's state runs there. The caller must make sure no
// other thread holds a lock `work` needs (e.g. hold the library's own mutex around this call):
// after fork() only the calling thread exists in the child.
ChildOutcome runInChild(const std::function<void()>& work);

} // namespace tessera::core
