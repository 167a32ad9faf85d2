#include "CrashContainment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace tessera::core {

namespace {

using Ending = HelperOutcome::Ending;

HelperOutcome outcomeOf(int status)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {Ending::Finished, {}};
    if (WIFEXITED(status)) // 1: a sanitizer's report in sanitizer builds; the helper itself uses 0 and 2
        return {WEXITSTATUS(status) == 1 ? Ending::Crashed : Ending::Unchecked,
                QStringLiteral("exited with status %1").arg(WEXITSTATUS(status))};
    const int signal = WTERMSIG(status);
    const QString how = QStringLiteral("killed by signal %1 (%2)")
                            .arg(signal)
                            .arg(QString::fromLocal8Bit(::strsignal(signal)));
    for (const int crash : {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL, SIGTRAP, SIGSYS, SIGXCPU})
        if (signal == crash)
            return {Ending::Crashed, how};
    return {Ending::Unchecked, how}; // SIGKILL (the OOM killer?), SIGTERM …: not the file's doing
}

} // namespace

HelperOutcome runHelper(const QString& program, const QStringList& arguments, int timeoutMs)
{
    std::vector<QByteArray> encoded{QFile::encodeName(program)};
    for (const QString& argument : arguments)
        encoded.push_back(QFile::encodeName(argument));
    std::vector<char*> argv;
    for (QByteArray& a : encoded)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&files, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&files, 2, "/dev/null", O_WRONLY, 0);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t all, none;
    sigfillset(&all);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attributes, &all);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setpgroup(&attributes, 0);
    posix_spawnattr_setflags(&attributes,
                             POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
    pid_t child = 0;
    const int failed = posix_spawn(&child, argv[0], &files, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    posix_spawn_file_actions_destroy(&files);
    if (failed != 0)
        return {
            Ending::Unchecked,
            QStringLiteral("could not be started (%1)").arg(QString::fromLocal8Bit(std::strerror(failed)))};

    // Most runs end within milliseconds: poll often at first, then less.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    auto pause = std::chrono::microseconds(200);
    for (;;) {
        int status = 0;
        const pid_t done = ::waitpid(child, &status, WNOHANG);
        if (done == child)
            return outcomeOf(status);
        if (done < 0 && errno != EINTR)
            return {Ending::Unchecked, QStringLiteral("could not be waited for")};
        if (std::chrono::steady_clock::now() >= deadline) {
            ::kill(child, SIGKILL);
            while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
            }
            return {Ending::TimedOut, QStringLiteral("did not finish within %1 s").arg(timeoutMs / 1000)};
        }
        std::this_thread::sleep_for(pause);
        pause = std::min(pause * 2, std::chrono::microseconds(20000));
    }
}

QString findHelper(const QString& name)
{
    const QByteArray variable =
        "TESSERA_" + name.toUpper().replace(QLatin1Char('-'), QLatin1Char('_')).toLatin1();
    if (const QString set = qEnvironmentVariable(variable.constData()); !set.isEmpty())
        return QFileInfo(set).isExecutable() ? set : QString();
    const QString folder =
        QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath().section(QLatin1Char('/'), 0, -2);
    for (const QString& candidate : {folder + QLatin1Char('/') + name,
                                     QDir::cleanPath(folder + QStringLiteral("/../libexec/tessera/") + name),
                                     QDir::cleanPath(folder + QStringLiteral("/../app/") + name)})
        if (QFileInfo(candidate).isFile() && QFileInfo(candidate).isExecutable())
            return candidate;
    return {};
}

} // namespace tessera::core
