// Fault suite, slides: every bad slide file is an error that names the file and the reason, never
// a crash; a slide that breaks while open keeps the viewer usable and the other tabs unaffected.
// Each case states the fault it injects (docs/RELIABILITY.md lists them with their outcome).
#include "common/Error.h"
#include "slide/Slide.h"
#include "support/CliRunner.h"
#include "support/FileBytes.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "synth/SynthSpec.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <tiffio.h>
#include <unistd.h>

using namespace tessera;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The error of opening `path` and reading one region of every level; empty if all of it read.
QString openAndReadError(const QString& path)
{
    try {
        const core::SlidePtr slide = core::Slide::open(path);
        for (int level = 0; level < slide->levelCount(); ++level) {
            const QSize size = slide->levelSize(level);
            slide->readLevelRegion(level,
                                   QRect(0, 0, std::min(size.width(), 2048), std::min(size.height(), 2048)));
        }
        return {};
    } catch (const core::Error& e) {
        return e.message();
    }
}

} // namespace

class TestFaultsSlides : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qRegisterMetaType<ui::SlideView*>(); }
    void unreadableFilesAreRefusedWithTheReason_data();
    void unreadableFilesAreRefusedWithTheReason();
    void truncatedSlidesFailOnOpenOrRead_data();
    void truncatedSlidesFailOnOpenOrRead();
    void aCorruptTileFailsAloneNamingTheTile();
    void hugeDimensionsAllocateNothingUpFront();
    void unreadablePermissions();
    void aSlideDeletedOrReplacedWhileOpenKeepsTheViewerUsable();

private:
    QTemporaryDir m_dir;
};

void TestFaultsSlides::unreadableFilesAreRefusedWithTheReason_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QTest::newRow("empty file") << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("empty.svs")), {})
                                << QStringLiteral("empty");
    QTest::newRow("text with a slide extension")
        << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("notes.svs")), "not a slide\n")
        << QStringLiteral("not a slide format");
    QDir().mkpath(m_dir.filePath(QStringLiteral("folder.svs")));
    QTest::newRow("a directory named .svs") << m_dir.filePath(QStringLiteral("folder.svs"))
                                            << QStringLiteral("holds no DICOM whole-slide series");
    QTest::newRow("missing file") << m_dir.filePath(QStringLiteral("gone.ndpi"))
                                  << QStringLiteral("does not exist");
    // DICOM whose header is garbage after the preamble and "DICM": the DICOM reader says so (its
    // own damage cases are in tst_dicom).
    QByteArray dicom(128, '\0');
    dicom += "DICM";
    dicom += QByteArray(512, '\x02');
    QTest::newRow("plain DICOM") << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("image.dcm")),
                                                              dicom)
                                 << QStringLiteral("its header is damaged");
    QTest::newRow("DICOM WSI") << tessera::test::writeBytes(
                                      m_dir.filePath(QStringLiteral("wsi-level0.dcm")),
                                      dicom + "1.2.840.10008.5.1.4.1.1.77.1.6") // VL Whole Slide Microscopy
                               << QStringLiteral("its header is damaged");
    // OME-TIFF as most tools write small ones: stripped, OME-XML description; not a pyramid.
    const QString ome = m_dir.filePath(QStringLiteral("cells.ome.tiff"));
    {
        TIFF* tif = TIFFOpen(QFile::encodeName(ome).constData(), "w");
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 64u);
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 64u);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, uint16_t(8));
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, uint16_t(1));
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
        TIFFSetField(tif, TIFFTAG_ROWSPERSTRIP, 64u);
        TIFFSetField(
            tif, TIFFTAG_IMAGEDESCRIPTION,
            "<?xml version=\"1.0\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\"/>");
        std::vector<uint8_t> row(64, 128);
        for (uint32_t y = 0; y < 64; ++y)
            TIFFWriteScanline(tif, row.data(), y, 0);
        TIFFClose(tif);
    }
    QTest::newRow("OME-TIFF (stripped)") << ome << QStringLiteral("not a slide format");
    if (const QString unopenable = test::sampleSlide(QStringLiteral("unopenable.tiff"));
        !unopenable.isEmpty())
        QTest::newRow("unsupported compression")
            << unopenable << QStringLiteral("Unsupported TIFF compression");
}

void TestFaultsSlides::unreadableFilesAreRefusedWithTheReason()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    const QString error = openAndReadError(path);
    QVERIFY2(error.contains(path), qPrintable(error));
    QVERIFY2(error.contains(reason, Qt::CaseInsensitive), qPrintable(error));
}

void TestFaultsSlides::truncatedSlidesFailOnOpenOrRead_data()
{
    QTest::addColumn<QString>("path");
    const QByteArray whole = readAll(test::smallTumourSlide());
    for (int percent : {10, 50, 90})
        QTest::newRow(qPrintable(QStringLiteral("cut at %1 %").arg(percent)))
            << tessera::test::writeBytes(m_dir.filePath(QStringLiteral("cut-%1.tiff").arg(percent)),
                                         whole.left(whole.size() * percent / 100));
    // The same slide as an OME-TIFF cut inside its first level, and as a DICOM series whose
    // level-0 instance stops inside its frames (each copy in a folder of its own: a folder is a series).
    core::SynthSpec spec = test::smallTumourSpec();
    spec.format = QStringLiteral("ome-tiff");
    const QByteArray ome = readAll(test::synthSlide(spec, QStringLiteral("small-tumour.ome.tiff")));
    QTest::newRow("OME-TIFF cut at 33 %") << tessera::test::writeBytes(
        m_dir.filePath(QStringLiteral("cut.ome.tiff")), ome.left(ome.size() / 3));
    const QString series = m_dir.filePath(QStringLiteral("dicom"));
    const test::CliRun converted =
        test::runCli({QStringLiteral("convert"), QStringLiteral("--slide"), test::smallTumourSlide(),
                      QStringLiteral("--out"), series, QStringLiteral("--format"), QStringLiteral("dicom")});
    QVERIFY2(converted.exitCode == 0, qPrintable(converted.err));
    const QByteArray level0 = readAll(series + QStringLiteral("/level-0.dcm"));
    for (int percent : {10, 50}) {
        const QString folder = m_dir.filePath(QStringLiteral("dicom-cut-%1").arg(percent));
        QDir().mkpath(folder);
        QTest::newRow(qPrintable(QStringLiteral("DICOM level 0 cut at %1 %").arg(percent)))
            << tessera::test::writeBytes(folder + QStringLiteral("/level-0.dcm"),
                                         level0.left(level0.size() * percent / 100));
    }
}

void TestFaultsSlides::truncatedSlidesFailOnOpenOrRead()
{
    QFETCH(QString, path);
    const QString error = openAndReadError(path);
    QVERIFY2(!error.isEmpty(), "a truncated slide read without error");
    QVERIFY2(error.contains(path), qPrintable(error));
}

void TestFaultsSlides::aCorruptTileFailsAloneNamingTheTile()
{
    const core::SlidePtr slide = core::Slide::open(test::slideWithCorruptTile(0, 3, 2));
    try {
        slide->readLevelRegion(0, QRect(3 * 256, 2 * 256, 256, 256));
        QFAIL("the corrupt tile decoded");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(slide->path()), qPrintable(e.message()));
        QVERIFY2(e.message().contains(QLatin1String("tile (3, 2)")) ||
                     e.message().contains(QLatin1String("JPEG")),
                 qPrintable(e.message()));
    }
    QCOMPARE(slide->readLevelRegion(0, QRect(2 * 256, 2 * 256, 256, 256)).size(), QSize(256, 256));
}

void TestFaultsSlides::hugeDimensionsAllocateNothingUpFront()
{
    // A 400 000 × 400 000 tiled TIFF whose tiles were never written (all empty): the header
    // promises 480 GB of pixels. Opening must not allocate for them; reading says what is wrong.
    const QString path = m_dir.filePath(QStringLiteral("huge.tiff"));
    {
        TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "w8");
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 400000u);
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 400000u);
        TIFFSetField(tif, TIFFTAG_TILEWIDTH, 1024u);
        TIFFSetField(tif, TIFFTAG_TILELENGTH, 1024u);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, uint16_t(8));
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, uint16_t(3));
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_ADOBE_DEFLATE);
        TIFFWriteDirectory(tif);
        TIFFClose(tif);
    }
    try {
        const core::SlidePtr slide = core::Slide::open(path);
        QCOMPARE(slide->size(), QSize(400000, 400000));
        slide->readLevelRegion(0, QRect(200000, 200000, 256, 256));
        // OpenSlide may paint a never-written tile as empty: then it must be transparent.
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
    }
}

void TestFaultsSlides::unreadablePermissions()
{
    if (::geteuid() == 0)
        QSKIP("running as root: file permissions do not stop root from reading");
    const QString path = m_dir.filePath(QStringLiteral("locked.tiff"));
    QFile::copy(test::smallTumourSlide(), path);
    QFile::setPermissions(path, QFileDevice::Permissions());
    const QString error = openAndReadError(path);
    QVERIFY2(error.contains(path) && error.contains(QLatin1String("permission denied")), qPrintable(error));
}

void TestFaultsSlides::aSlideDeletedOrReplacedWhileOpenKeepsTheViewerUsable()
{
    const QString doomed = m_dir.filePath(QStringLiteral("doomed.tiff"));
    const QString swapped = m_dir.filePath(QStringLiteral("swapped.tiff"));
    QFile::copy(test::smallTumourSlide(), doomed);
    QFile::copy(test::smallTumourSlide(), swapped);
    ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    ui::SlideView* first = test::openAndWait(window, doomed);
    ui::SlideView* second = test::openAndWait(window, swapped);
    ui::SlideView* other = test::openAndWait(window, test::smallTumourSlide());
    QVERIFY(first && second && other);
    // The fault: one file deleted, another replaced by garbage under the same name.
    QVERIFY(QFile::remove(doomed));
    tessera::test::writeBytes(swapped + QStringLiteral(".new"), QByteArray(4096, 'x'));
    QVERIFY(::rename(QFile::encodeName(swapped + QStringLiteral(".new")).constData(),
                     QFile::encodeName(swapped).constData()) == 0);
    // Panning all three to tiles never read before: the direct reader reads through the file it
    // opened, which outlives its name, so every tile of all three still arrives, pixel-equal.
    for (ui::SlideView* view : {first, second, other}) {
        view->setView(QPointF(2600, 2000), 1.0);
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        QCOMPARE(view->loader()->failedCount(), 0);
    }
    QCOMPARE(first->grab().toImage(), other->grab().toImage());
    QCOMPARE(second->grab().toImage(), other->grab().toImage());
}

QTEST_MAIN(TestFaultsSlides)
#include "tst_faults_slides.moc"
