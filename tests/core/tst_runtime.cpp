// Linked libraries answer at run time; the --device option resolves as documented.
#include "common/Error.h"
#include "model/ComputeDevice.h"
#include "system/HeapTrimScope.h"
#include "system/LibraryVersions.h"
#include "system/TorchRuntime.h"

#include <QRegularExpression>
#include <QtTest>

#include <array>
#include <cstdlib>
#include <cstring>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

using namespace tessera::core;

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyLibraryReportsAVersion();
    void cpuAndAutoResolve();
    void unknownOrMissingDevicesAreErrors();
    void heapTrimScopeKeepsFreedHeapUntilTheLastScopeCloses();
};

void TestRuntime::everyLibraryReportsAVersion()
{
    const auto versions = libraryVersions();
    QStringList names;
    const QRegularExpression number(QStringLiteral("^\\d+\\.\\d+"));
    for (const auto& [name, version] : versions) {
        names << name;
        QVERIFY2(number.match(version).hasMatch(), qPrintable(name + QStringLiteral(": ") + version));
    }
    QCOMPARE(names, QStringList({QStringLiteral("Qt"), QStringLiteral("OpenSlide"), QStringLiteral("libtiff"),
                                 QStringLiteral("HDF5"), QStringLiteral("OpenCV"), QStringLiteral("SQLite"),
                                 QStringLiteral("LibTorch")}));
    QVERIFY(sqliteVersion().startsWith(QLatin1String("3.")));
}

void TestRuntime::cpuAndAutoResolve()
{
    const ComputeDevice cpu = resolveComputeDevice(QStringLiteral("cpu"));
    QVERIFY(!cpu.cuda);
    QCOMPARE(cpu.name(), QStringLiteral("cpu"));
    const ComputeDevice automatic = resolveComputeDevice(QStringLiteral("auto"));
    QCOMPARE(automatic.cuda, torchRuntime().cudaAvailable);
    QCOMPARE(automatic.name(),
             torchRuntime().cudaAvailable ? QStringLiteral("cuda:0") : QStringLiteral("cpu"));
    QVERIFY(torchRuntime().cpuThreads >= 1);
}

void TestRuntime::unknownOrMissingDevicesAreErrors()
{
    QVERIFY_THROWS_EXCEPTION(Error, resolveComputeDevice(QStringLiteral("gpu")));
    QVERIFY_THROWS_EXCEPTION(Error, resolveComputeDevice(QStringLiteral("cuda:x")));
    try {
        resolveComputeDevice(QStringLiteral("cuda:64"));
        QFAIL("cuda:64 resolved");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("cuda:64")), qPrintable(e.message()));
    }
}

#if defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
namespace {

constexpr std::size_t kMiB = std::size_t(1) << 20;

// Heap bytes glibc holds from the system after 16 MiB of 64 KiB blocks were used and freed.
std::size_t heapHeldAfterFreeing16MiB()
{
    // The pointers live on the stack: a vector's buffer, allocated between the blocks, would sit
    // on the heap above the first ones and keep glibc from shrinking the heap below it.
    std::array<void*, 256> blocks{};
    for (void*& block : blocks) {
        block = std::malloc(64 * 1024);
        std::memset(block, 1, 64 * 1024); // resident, as a tensor's
    }
    for (auto block = blocks.rbegin(); block != blocks.rend(); ++block)
        std::free(*block);
    return mallinfo2().arena;
}

} // namespace
#endif

void TestRuntime::heapTrimScopeKeepsFreedHeapUntilTheLastScopeCloses()
{
#if !defined(__GLIBC__) || defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
    QSKIP("reads glibc's own heap (the sanitizers replace malloc)");
#else
    // As a process started with the runtime settings: mmap threshold fixed at 1 MiB, which pins
    // the trim threshold at 128 KiB.
    qputenv("MALLOC_MMAP_THRESHOLD_", "1048576");
    qunsetenv("MALLOC_TRIM_THRESHOLD_");
    mallopt(M_MMAP_THRESHOLD, int(kMiB));
    // (These settings stay for the rest of this test process; the other slots do not allocate
    // much.) First, that glibc's heap is what malloc uses here and can grow and shrink at its top
    // (not so under a preloaded allocator or with sbrk refused).
    mallopt(M_TRIM_THRESHOLD, int(HeapTrimScope::kTrainingTrimThreshold));
    const std::size_t before = mallinfo2().arena;
    if (heapHeldAfterFreeing16MiB() < before + 12 * kMiB)
        QSKIP("malloc here is not glibc's own sbrk heap");
    mallopt(M_TRIM_THRESHOLD, 128 * 1024);
    malloc_trim(0);
    const std::size_t start = mallinfo2().arena;

    QVERIFY2(heapHeldAfterFreeing16MiB() < start + 4 * kMiB, "freed heap trimmed outside a run");
    {
        const HeapTrimScope outer;
        {
            const HeapTrimScope inner; // nested: WGenSearch's candidates inside one job
            QCOMPARE(HeapTrimScope::openScopes(), 2);
        }
        QCOMPARE(HeapTrimScope::openScopes(), 1);
        QVERIFY2(heapHeldAfterFreeing16MiB() >= start + 12 * kMiB, "freed heap kept during a run");
    }
    QCOMPARE(HeapTrimScope::openScopes(), 0);
    QVERIFY2(mallinfo2().arena < start + 4 * kMiB, "heap given back when the last run ends");

    // A user's own trim threshold is left alone.
    qputenv("MALLOC_TRIM_THRESHOLD_", "131072");
    {
        const HeapTrimScope scope;
        QVERIFY(heapHeldAfterFreeing16MiB() < start + 4 * kMiB);
    }
    qunsetenv("MALLOC_TRIM_THRESHOLD_");
    qunsetenv("MALLOC_MMAP_THRESHOLD_");
#endif
}

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
