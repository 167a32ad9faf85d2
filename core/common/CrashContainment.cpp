#include "CrashContainment.h"

#include <cerrno>
#include <cstring>
#include <exception>

#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tessera::core {

ChildOutcome runInChild(const std::function<void()>& work)
{
    const pid_t child = ::fork();
    if (child < 0) // no process to spare: run as before, without the safety net
        return {true, QString()};
    if (child == 0) {
        // Death by signal must stay visible to the parent: a core dump of a known-bad file is noise.
        ::signal(SIGABRT, SIG_DFL);
        const rlimit noCore{0, 0};
        ::setrlimit(RLIMIT_CORE, &noCore);
        try {
            work();
        } catch (...) {
            // Any exception is an orderly refusal: the parent repeats the work and reports it.
        }
        ::_exit(0);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR)
            return {true, QString()};
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {true, QString()};
    if (WIFSIGNALED(status))
        return {false, QStringLiteral("killed by signal %1 (%2)")
                           .arg(WTERMSIG(status))
                           .arg(QString::fromLocal8Bit(::strsignal(WTERMSIG(status))))};
    return {false, QStringLiteral("exited with status %1").arg(WEXITSTATUS(status))};
}

} // namespace tessera::core
