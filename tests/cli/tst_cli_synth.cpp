// tessera-cli synth end to end: good runs write all files, bad arguments fail cleanly.
#include "slide/Slide.h"

#include "support/CliRunner.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {
using Run = test::CliRun;
Run cli(const QStringList& arguments)
{
    return test::runCli(arguments);
}
} // namespace

class TestCliSynth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesSlideAndGroundTruth();
    void badArgumentsFailWithoutPartialFiles_data();
    void badArgumentsFailWithoutPartialFiles();
    void unknownCommandIsAUsageError();
    void runtimeSettingsAreInPlaceFromTheStart();
    void unwritablePathFailsWithItsName_data();
    void unwritablePathFailsWithItsName();
};

void TestCliSynth::unwritablePathFailsWithItsName_data()
{
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("message");
    QTest::newRow("missing folder") << QStringLiteral("/nonexistent-tessera-dir/x.tiff")
                                    << QStringLiteral("does not exist");
    // /proc refuses new files even for root.
    QTest::newRow("read-only file system")
        << QStringLiteral("/proc/tessera-synth.tiff") << QStringLiteral("Cannot write /proc/tessera-synth");
}

void TestCliSynth::unwritablePathFailsWithItsName()
{
    QFETCH(QString, out);
    QFETCH(QString, message);
    const Run run = cli({QStringLiteral("synth"), QStringLiteral("--out"), out, QStringLiteral("--width"),
                         QStringLiteral("512"), QStringLiteral("--height"), QStringLiteral("512")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(out));
}

void TestCliSynth::writesSlideAndGroundTruth()
{
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("demo.tiff"));
    const Run run =
        cli({QStringLiteral("synth"), QStringLiteral("--out"), out, QStringLiteral("--width"),
             QStringLiteral("2048"), QStringLiteral("--height"), QStringLiteral("1536"),
             QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--tumour"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QLatin1String("1 tumour regions")));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
             QStringList({QStringLiteral("demo.geojson"), QStringLiteral("demo.mask.png"),
                          QStringLiteral("demo.tiff")}));
    QCOMPARE(core::Slide::open(out)->size(), QSize(2048, 1536));

    const Run info = cli({QStringLiteral("info"), QStringLiteral("--slide"), out});
    QCOMPARE(info.exitCode, 0);
    QVERIFY(info.out.contains(QStringLiteral("Level 0: 2048 × 1536")));
    QVERIFY(info.out.contains(QStringLiteral("Objective: 20× (estimated")));
}

void TestCliSynth::badArgumentsFailWithoutPartialFiles_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("message");
    QTest::newRow("negative width") << QStringList{QStringLiteral("--width"), QStringLiteral("-5")} << 2
                                    << QStringLiteral("--width: the slide width must be between");
    QTest::newRow("not a number") << QStringList{QStringLiteral("--height"), QStringLiteral("big")} << 2
                                  << QStringLiteral("--height expects an integer");
    QTest::newRow("too many tumours") << QStringList{QStringLiteral("--tumour"), QStringLiteral("99")} << 2
                                      << QStringLiteral("--tumour: the number of tumours must be between");
    QTest::newRow("unknown option") << QStringList{QStringLiteral("--colour"), QStringLiteral("red")} << 2
                                    << QStringLiteral("Unknown option");
}

void TestCliSynth::badArgumentsFailWithoutPartialFiles()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const Run run = cli(QStringList{QStringLiteral("synth"), QStringLiteral("--out"),
                                    dir.filePath(QStringLiteral("x.tiff"))} +
                        arguments);
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.err.contains(message), qPrintable(run.err));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).isEmpty());
}

void TestCliSynth::unknownCommandIsAUsageError()
{
    const Run run = cli({QStringLiteral("frobnicate")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(run.err.contains(QLatin1String("unknown command 'frobnicate'")));
    QVERIFY(run.err.contains(QLatin1String("synth")));
    // The overview lines every command up in a column and documents the exit codes.
    const Run help = cli({QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    QVERIFY2(help.out.contains(QRegularExpression(QStringLiteral("\n  synth-bags {2,}synthetic"))),
             qPrintable(help.out));
    QVERIFY(help.out.contains(QLatin1String("3 cancelled")));
    const Run synthHelp = cli({QStringLiteral("synth"), QStringLiteral("--help")});
    QVERIFY2(synthHelp.out.contains(QLatin1String("[default: 20000]")), qPrintable(synthHelp.out));
}

void TestCliSynth::runtimeSettingsAreInPlaceFromTheStart()
{
    // Unset, the settings are added and the program runs again, so that it starts with them
    // (/proc/self/environ, which setenv() alone would not change); a user's own value stays.
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(QStringLiteral("OMP_WAIT_POLICY"));
    environment.remove(QStringLiteral("MALLOC_MMAP_THRESHOLD_"));
    const Run defaults = test::runCli({QStringLiteral("info")}, 60000, environment);
    QCOMPARE(defaults.exitCode, 0);
    QVERIFY2(defaults.out.contains(QRegularExpression(QStringLiteral("OMP_WAIT_POLICY: +passive\n"))),
             qPrintable(defaults.out));
    QVERIFY2(defaults.out.contains(QRegularExpression(QStringLiteral("MALLOC_MMAP_THRESHOLD_: +1048576\n"))),
             qPrintable(defaults.out));

    // On a CPU with AVX2 and FMA, OpenBLAS runs their kernels even where it does not know the
    // CPU model (it falls back to an SSE3 core then, unless told).
    const QRegularExpressionMatch blasCore =
        QRegularExpression(QStringLiteral("OpenBLAS core: +(\\w+)\n")).match(defaults.out);
#if defined(__x86_64__)
    if (blasCore.hasMatch() && __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        const QStringList sse = {QStringLiteral("Prescott"), QStringLiteral("Core2"),
                                 QStringLiteral("Penryn"), QStringLiteral("Nehalem"),
                                 QStringLiteral("Sandybridge")};
        QVERIFY2(!sse.contains(blasCore.captured(1), Qt::CaseInsensitive), qPrintable(defaults.out));
    }
#endif

    // One thread pool: OpenBLAS runs in LibTorch's OpenMP threads (dev.sh installs Debian's
    // OpenMP build), and large tensors come from the caching allocator.
    QVERIFY2(defaults.out.contains(QRegularExpression(QStringLiteral("OpenBLAS threads: +OpenMP"))),
             qPrintable(defaults.out));
#if !defined(__SANITIZE_ADDRESS__)
    QVERIFY2(defaults.out.contains(QRegularExpression(QStringLiteral("CPU tensor allocator: +caching"))),
             qPrintable(defaults.out));
#endif
    environment.insert(QStringLiteral("TESSERA_CPU_ALLOCATOR"), QStringLiteral("malloc"));

    environment.insert(QStringLiteral("OMP_WAIT_POLICY"), QStringLiteral("active"));
    const Run userValue = test::runCli({QStringLiteral("info")}, 60000, environment);
    QCOMPARE(userValue.exitCode, 0);
    QVERIFY2(userValue.out.contains(QRegularExpression(QStringLiteral("OMP_WAIT_POLICY: +active\n"))),
             qPrintable(userValue.out));
    QVERIFY(userValue.out.contains(QRegularExpression(QStringLiteral("MALLOC_MMAP_THRESHOLD_: +1048576\n"))));
    QVERIFY2(userValue.out.contains(QRegularExpression(QStringLiteral("CPU tensor allocator: +malloc"))),
             qPrintable(userValue.out));
}

QTEST_GUILESS_MAIN(TestCliSynth)
#include "tst_cli_synth.moc"
