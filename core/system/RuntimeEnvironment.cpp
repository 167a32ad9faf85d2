#include "RuntimeEnvironment.h"

#include "CachingCpuAllocator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <cstdlib>
#include <dlfcn.h>
#include <malloc.h>
#include <unistd.h>

namespace tessera::core {

namespace {

struct RuntimeSetting {
    const char* name;
    const char* value;
};

constexpr RuntimeSetting kSettings[] = {
    {"OMP_WAIT_POLICY", "passive"},
    {"MALLOC_MMAP_THRESHOLD_", "1048576"},
};

constexpr const char* kBlasCoreVariable = "OPENBLAS_CORETYPE";

// OpenBLAS's functions, looked up at run time: LibTorch may use another BLAS (MKL), or none.
template <typename Function> Function* openBlasFunction(const char* name)
{
    return reinterpret_cast<Function*>(::dlsym(RTLD_DEFAULT, name));
}

// The core OpenBLAS should use instead of the one it picked, or nullptr. OpenBLAS identifies
// the CPU by its model number; a CPU it does not know (a VM reporting a generic "Intel Xeon
// Processor", a newer model) falls back to a generic SSE3 core. Measured on such a VM: a
// 1250×256×256 product took 4.3 ms with the fallback and 1.3 ms with its AVX-512 kernels.
const char* betterBlasCore()
{
    const QString current = blasCoreName();
    static const QStringList fallbacks{QStringLiteral("Prescott"),   QStringLiteral("Core2"),
                                       QStringLiteral("Penryn"),     QStringLiteral("Dunnington"),
                                       QStringLiteral("Nehalem"),    QStringLiteral("Atom"),
                                       QStringLiteral("Sandybridge")};
    if (!fallbacks.contains(current, Qt::CaseInsensitive))
        return nullptr;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
        __builtin_cpu_supports("avx512dq") && __builtin_cpu_supports("avx512vl"))
        return "SkylakeX";
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return "Haswell";
#endif
    return nullptr;
}

// OpenBLAS's threading as it reports it: 0 sequential, 1 its own pthreads pool, 2 OpenMP.
int blasThreading()
{
    auto* parallel = openBlasFunction<int()>("openblas_get_parallel");
    return parallel ? parallel() : -1;
}

// The folder of Debian's OpenMP build of OpenBLAS (libopenblas0-openmp) beside the pthreads
// build that was loaded, or empty when it is not installed.
QString openMpBlasFolder()
{
    Dl_info info{};
    auto* parallel = openBlasFunction<int()>("openblas_get_parallel");
    if (!parallel || ::dladdr(reinterpret_cast<void*>(parallel), &info) == 0 || !info.dli_fname)
        return {};
    // e.g. /lib/x86_64-linux-gnu/libopenblas.so.0 → …/openblas-pthread/libopenblasp-r0.3.21.so
    const QFileInfo loaded(QFileInfo(QString::fromLocal8Bit(info.dli_fname)).canonicalFilePath());
    const QString folder = loaded.dir().absoluteFilePath(QStringLiteral("../openblas-openmp"));
    return QFileInfo::exists(folder + QStringLiteral("/libopenblas.so.0")) ? QDir::cleanPath(folder)
                                                                           : QString();
}

// One thread pool for LibTorch and BLAS. OpenBLAS's pthreads pool spins and yields beside
// LibTorch's OpenMP threads (≈ 355 000 sched_yield calls in 8 s of training, half the CPU time in
// the kernel); its OpenMP build runs in libgomp's pool and single-threaded inside LibTorch's own
// parallel regions. Returns whether the environment changed.
bool chooseBlasThreading()
{
    if (blasThreading() != 1)
        return false;
    if (const QString folder = openMpBlasFolder(); !folder.isEmpty()) {
        const QByteArray current = qgetenv("LD_LIBRARY_PATH");
        if (current.split(':').contains(QFile::encodeName(folder)))
            return false; // already asked for, and still pthreads: do not loop
        const QByteArray path =
            QFile::encodeName(folder) + (current.isEmpty() ? QByteArray() : ':' + current);
        ::setenv("LD_LIBRARY_PATH", path.constData(), 1);
        return true;
    }
    // Without the OpenMP build: one BLAS thread (products no longer use several cores).
    if (std::getenv("OPENBLAS_NUM_THREADS") == nullptr) {
        ::setenv("OPENBLAS_NUM_THREADS", "1", 0);
        return true;
    }
    return false;
}

} // namespace

QString blasThreadingName()
{
    switch (blasThreading()) {
    case 0:
        return QStringLiteral("sequential");
    case 1:
        return QStringLiteral("pthreads (own pool)");
    case 2:
        return QStringLiteral("OpenMP (LibTorch's pool)");
    default:
        return {};
    }
}

QString blasCoreName()
{
    auto* coreName = openBlasFunction<char*()>("openblas_get_corename");
    return coreName ? QString::fromLatin1(coreName()) : QString();
}

void setBlasThreads(int threads)
{
    if (auto* setThreads = openBlasFunction<void(int)>("openblas_set_num_threads"); setThreads && threads > 0)
        setThreads(threads);
}

void restartWithRuntimeSettings(char* argv[])
{
    if (std::getenv("TESSERA_RUNTIME_DEFAULTS") != nullptr) // to measure what the settings bring
        return;
    bool missing = chooseBlasThreading();
    for (const RuntimeSetting& setting : kSettings) {
        if (std::getenv(setting.name) == nullptr) {
            ::setenv(setting.name, setting.value, 0);
            missing = true;
        }
    }
    if (std::getenv(kBlasCoreVariable) == nullptr) {
        if (const char* core = betterBlasCore()) {
            ::setenv(kBlasCoreVariable, core, 0);
            missing = true;
        }
    }
    if (missing)
        ::execv("/proc/self/exe", argv); // returns only on failure: run on with the defaults
#if !defined(__SANITIZE_ADDRESS__)       // AddressSanitizer checks malloc's blocks, not our mappings
    if (qEnvironmentVariable("TESSERA_CPU_ALLOCATOR", QStringLiteral("caching")) != QLatin1String("malloc"))
        installCachingCpuAllocator();
#endif
}

void limitMallocArenasForViewer()
{
    mallopt(M_ARENA_MAX, 2);
}

QList<QPair<QString, QString>> runtimeSettingsAtStart()
{
    QFile file(QStringLiteral("/proc/self/environ"));
    const QList<QByteArray> environment =
        file.open(QIODevice::ReadOnly) ? file.readAll().split('\0') : QList<QByteArray>{};
    QList<QPair<QString, QString>> settings;
    const auto addSetting = [&](const char* name) {
        const QByteArray prefix = QByteArray(name) + '=';
        QString value = QStringLiteral("unset");
        for (const QByteArray& entry : environment)
            if (entry.startsWith(prefix))
                value = QString::fromLocal8Bit(entry.mid(prefix.size()));
        settings.append({QString::fromLatin1(name), value});
    };
    for (const RuntimeSetting& setting : kSettings)
        addSetting(setting.name);
    addSetting(kBlasCoreVariable);
    return settings;
}

} // namespace tessera::core
