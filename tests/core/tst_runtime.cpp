// Linked libraries answer at run time; the --device option resolves as documented.
#include "common/Error.h"
#include "model/ComputeDevice.h"
#include "system/LibraryVersions.h"
#include "system/TorchRuntime.h"

#include <QRegularExpression>
#include <QtTest>

using namespace tessera::core;

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyLibraryReportsAVersion();
    void cpuAndAutoResolve();
    void unknownOrMissingDevicesAreErrors();
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

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
