#include "CrashContainment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <vector>

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

namespace tessera::core {

HelperOutcome runHelper(const QString& program, const QStringList& arguments)
{
    std::vector<QByteArray> encoded{QFile::encodeName(program)};
    for (const QString& argument : arguments)
        encoded.push_back(QFile::encodeName(argument));
    std::vector<char*> argv;
    for (QByteArray& a : encoded)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    // Default signal dispositions and no core dump request inherited: a known-bad file is no news.
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t all;
    sigfillset(&all);
    posix_spawnattr_setsigdefault(&attributes, &all);
    sigset_t none;
    sigemptyset(&none);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    pid_t child = 0;
    const int failed = posix_spawn(&child, argv[0], nullptr, &attributes, argv.data(), environ);
    posix_spawnattr_destroy(&attributes);
    if (failed != 0)
        return {
            false,
            QStringLiteral("could not be started (%1)").arg(QString::fromLocal8Bit(std::strerror(failed)))};
    int status = 0;
    while (::waitpid(child, &status, 0) < 0)
        if (errno != EINTR)
            return {false, QStringLiteral("could not be waited for")};
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
        return {true, QString()};
    if (WIFSIGNALED(status))
        return {false, QStringLiteral("killed by signal %1 (%2)")
                           .arg(WTERMSIG(status))
                           .arg(QString::fromLocal8Bit(::strsignal(WTERMSIG(status))))};
    return {false, QStringLiteral("exited with status %1").arg(WEXITSTATUS(status))};
}

QString findHelper(const QString& name, const QString& buildPath)
{
    const QString executableFolder =
        QFileInfo(QStringLiteral("/proc/self/exe")).canonicalFilePath().section(QLatin1Char('/'), 0, -2);
    for (const QString& candidate :
         {executableFolder + QLatin1Char('/') + name,
          QDir::cleanPath(executableFolder + QStringLiteral("/../libexec/tessera/") + name), buildPath})
        if (!candidate.isEmpty() && QFileInfo(candidate).isExecutable() && QFileInfo(candidate).isFile())
            return candidate;
    return {};
}

} // namespace tessera::core
