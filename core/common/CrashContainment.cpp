#include "CrashContainment.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <QtGlobal>

#include <optional>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
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

namespace {

// A file as it is now: a changed or replaced file is another file.
using FileIdentity = std::tuple<dev_t, ino_t, off_t, decltype(stat::st_mtim.tv_sec), long,
                                decltype(stat::st_ctim.tv_sec), long>;

std::optional<FileIdentity> identityOf(const QString& path)
{
    struct stat info {};
    if (::stat(QFile::encodeName(path).constData(), &info) != 0 || !S_ISREG(info.st_mode))
        return std::nullopt;
    // ctime too: a modification time can be set back by hand, a change time cannot.
    return FileIdentity{info.st_dev,          info.st_ino,         info.st_size,        info.st_mtim.tv_sec,
                        info.st_mtim.tv_nsec, info.st_ctim.tv_sec, info.st_ctim.tv_nsec};
}

std::mutex survivorsGuard;
std::map<QString, std::set<FileIdentity>> survivorsByHelper;

} // namespace

std::vector<CrashingFile> filesThatCrash(const QString& helperName, const QStringList& paths, int timeoutMs)
{
    QStringList unchecked;
    std::vector<FileIdentity> identities;
    {
        std::lock_guard lock(survivorsGuard);
        const std::set<FileIdentity>& survivors = survivorsByHelper[helperName];
        for (const QString& path : paths)
            if (const auto identity = identityOf(path); identity && !survivors.count(*identity)) {
                unchecked << path;
                identities.push_back(*identity);
            }
    }
    if (unchecked.isEmpty())
        return {};
    const QString helper = findHelper(helperName);
    const auto warnOnce = [&](const QString& why) {
        static std::mutex warnedGuard;
        static std::set<QString> warned;
        std::lock_guard lock(warnedGuard);
        if (warned.insert(helperName).second)
            qWarning(
                "%s: files are read without the trial read that keeps a library's crash on a damaged file "
                "from ending Tessera",
                qPrintable(why));
    };
    if (helper.isEmpty()) {
        warnOnce(QStringLiteral("%1 is not installed beside Tessera").arg(helperName));
        return {};
    }
    const HelperOutcome outcome = runHelper(helper, unchecked, timeoutMs);
    using Ending = HelperOutcome::Ending;
    if (outcome.ending == Ending::Unchecked) { // not the files' doing: read them as before
        warnOnce(QStringLiteral("%1 %2").arg(QFileInfo(helper).fileName(), outcome.how));
        return {};
    }
    if (outcome.ending == Ending::Finished) {
        std::lock_guard lock(survivorsGuard);
        for (qsizetype i = 0; i < unchecked.size(); ++i)
            if (identityOf(unchecked[i]) ==
                identities[std::size_t(i)]) // the file checked is the file to read
                survivorsByHelper[helperName].insert(identities[std::size_t(i)]);
        return {};
    }
    if (unchecked.size() == 1)
        return {{unchecked.front(), outcome}};
    std::vector<CrashingFile> crashing;
    for (const QString& path : unchecked) {
        std::vector<CrashingFile> one = filesThatCrash(helperName, {path}, timeoutMs);
        crashing.insert(crashing.end(), one.begin(), one.end());
    }
    return crashing;
}

} // namespace tessera::core
