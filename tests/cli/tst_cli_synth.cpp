// tessera-cli synth end to end: good runs write all files, bad arguments fail cleanly; and
// tessera-cli convert, whose files OpenSlide and Tessera read back with the source's pixels.
#include "slide/Slide.h"

#include "support/CliRunner.h"
#include "support/TestSlides.h"

#include <openslide.h>

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
    void convertWritesTiffAndOmeTiffWithTheSourcePixels();
    void synthAndConvertWriteDicomSeries();
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

void TestCliSynth::convertWritesTiffAndOmeTiffWithTheSourcePixels()
{
    QTemporaryDir dir;
    const QString source = test::smallTumourSlide(); // 3000 × 2400, 0.5 µm
    const core::SlidePtr original = core::Slide::open(source);
    const QRect region(500, 400, 1200, 900);
    const QString tiff = dir.filePath(QStringLiteral("region.tiff"));
    const QString ome = dir.filePath(QStringLiteral("region.ome.tiff"));
    Run run = cli({QStringLiteral("convert"), QStringLiteral("--slide"), source, QStringLiteral("--out"),
                   tiff, QStringLiteral("--region"), QStringLiteral("500,400,1200,900")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    run = cli({QStringLiteral("convert"), QStringLiteral("--slide"), source, QStringLiteral("--out"), ome,
               QStringLiteral("--region"), QStringLiteral("500,400,1200,900"), QStringLiteral("--format"),
               QStringLiteral("ome-tiff")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));

    // OpenSlide reads the TIFF as a pyramid of the region.
    openslide_t* osr = openslide_open(QFile::encodeName(tiff).constData());
    QVERIFY(osr && !openslide_get_error(osr));
    QVERIFY(openslide_get_level_count(osr) >= 2);
    int64_t width = 0, height = 0;
    openslide_get_level0_dimensions(osr, &width, &height);
    QCOMPARE(QSize(int(width), int(height)), region.size());
    openslide_close(osr);

    // Tessera's reader takes the OME-TIFF's levels from its SubIFDs and its pixel size from OME-XML;
    // both files hold the source's pixels, within JPEG's re-encoding.
    for (const QString& path : {tiff, ome}) {
        const core::SlidePtr converted = core::Slide::open(path);
        QCOMPARE(converted->size(), region.size());
        QVERIFY(converted->levelCount() >= 2);
        QVERIFY(converted->micronsPerPixel() && std::abs(*converted->micronsPerPixel() - 0.5) < 1e-6);
        const QImage copy = converted->readRegion(QPoint(100, 100), 0, QSize(600, 500));
        const QImage truth = original->readRegion(region.topLeft() + QPoint(100, 100), 0, QSize(600, 500));
        const double difference = test::meanAbsDifference(copy, truth);
        QVERIFY2(difference < 3.0, qPrintable(QStringLiteral("%1: %2").arg(path).arg(difference)));
        // Level 1 is the region halved, as the source's level 1 shows it.
        const QImage half = converted->readRegion(QPoint(0, 0), 1, QSize(400, 300));
        const QImage sourceHalf = original->readRegion(region.topLeft(), 1, QSize(400, 300));
        QVERIFY2(test::meanAbsDifference(half, sourceHalf) < 6.0, qPrintable(path));
    }

    // A region outside the slide is a usage error that writes nothing.
    const QString refused = dir.filePath(QStringLiteral("refused.tiff"));
    run = cli({QStringLiteral("convert"), QStringLiteral("--slide"), source, QStringLiteral("--out"), refused,
               QStringLiteral("--region"), QStringLiteral("2500,2000,1000,1000")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("inside the slide")), qPrintable(run.err));
    QVERIFY(!QFileInfo::exists(refused));
}

void TestCliSynth::synthAndConvertWriteDicomSeries()
{
    QTemporaryDir dir;
    // synth --format dicom: a series folder with the same pixels as --format tiff, within JPEG's
    // re-encoding, and the ground truth beside the file the folder opens as.
    const QString series = dir.filePath(QStringLiteral("synthetic-dicom"));
    Run run = cli({QStringLiteral("synth"), QStringLiteral("--out"), series, QStringLiteral("--width"),
                   QStringLiteral("2048"), QStringLiteral("--height"), QStringLiteral("1536"),
                   QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--format"),
                   QStringLiteral("dicom")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString tiff = dir.filePath(QStringLiteral("synthetic.tiff"));
    run = cli({QStringLiteral("synth"), QStringLiteral("--out"), tiff, QStringLiteral("--width"),
               QStringLiteral("2048"), QStringLiteral("--height"), QStringLiteral("1536"),
               QStringLiteral("--seed"), QStringLiteral("3")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const core::SlidePtr dicom = core::Slide::open(series);
    const core::SlidePtr plain = core::Slide::open(tiff);
    QCOMPARE(dicom->readerName(), QStringLiteral("dicom"));
    QCOMPARE(dicom->levelCount(), plain->levelCount());
    QCOMPARE(*dicom->micronsPerPixel(), *plain->micronsPerPixel());
    for (int level = 0; level < dicom->levelCount(); ++level) {
        QCOMPARE(dicom->levelSize(level), plain->levelSize(level));
        const QSize size = dicom->levelSize(level).boundedTo(QSize(700, 600));
        const double difference =
            test::meanAbsDifference(dicom->readLevelRegion(level, QRect(QPoint(0, 0), size)),
                                    plain->readLevelRegion(level, QRect(QPoint(0, 0), size)));
        QVERIFY2(difference < 3.0, qPrintable(QStringLiteral("level %1: %2").arg(level).arg(difference)));
    }
    QVERIFY(QFile::exists(series + QStringLiteral("/level-0.geojson")));
    QVERIFY(QFile::exists(series + QStringLiteral("/level-0.mask.png")));

    // convert --format dicom --codec jpeg2000: a region, losslessly, so level 0 is the source's
    // pixels exactly; an existing folder that is not empty is refused and left alone.
    const QString region = dir.filePath(QStringLiteral("region-dicom"));
    run = cli({QStringLiteral("convert"), QStringLiteral("--slide"), tiff, QStringLiteral("--out"), region,
               QStringLiteral("--format"), QStringLiteral("dicom"), QStringLiteral("--codec"),
               QStringLiteral("jpeg2000"), QStringLiteral("--region"), QStringLiteral("300,200,900,700")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const core::SlidePtr converted = core::Slide::open(region);
    QCOMPARE(converted->size(), QSize(900, 700));
    QCOMPARE(converted->property(QStringLiteral("dicom.TransferSyntaxUID")),
             QStringLiteral("1.2.840.10008.1.2.4.90"));
    const QImage copy = converted->readRegion(QPoint(0, 0), 0, QSize(900, 700));
    const QImage truth = plain->readRegion(QPoint(300, 200), 0, QSize(900, 700));
    QCOMPARE(test::meanAbsDifference(copy, truth), 0.0);
    run = cli({QStringLiteral("convert"), QStringLiteral("--slide"), tiff, QStringLiteral("--out"), series,
               QStringLiteral("--format"), QStringLiteral("dicom")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QStringLiteral("not an empty folder")), qPrintable(run.err));
    QCOMPARE(core::Slide::open(series)->size(), QSize(2048, 1536));
    run = cli({QStringLiteral("convert"), QStringLiteral("--slide"), tiff, QStringLiteral("--out"),
               dir.filePath(QStringLiteral("x.tiff")), QStringLiteral("--codec"), QStringLiteral("none")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QStringLiteral("--codec applies to --format dicom only")), qPrintable(run.err));
}

QTEST_GUILESS_MAIN(TestCliSynth)
#include "tst_cli_synth.moc"
