// Slide: real sample slides open with the right metadata; broken files give clear errors.
#include "common/Error.h"
#include "slide/Slide.h"
#include "support/TestSlides.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <openslide.h>

using namespace tessera;

class TestSlide : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void svsMetadataAndAssociatedImages();
    void readRegionMatchesOpenSlide();
    void genericTiffLevels();
    void brokenFilesGiveClearErrors_data();
    void brokenFilesGiveClearErrors();
    void truncatedSyntheticSlideFailsCleanly();
    void bestLevelForDownsample();
    void corruptTileFailsAloneAndTheSlideRecovers();

private:
    QTemporaryDir m_dir;
};

void TestSlide::svsMetadataAndAssociatedImages()
{
    const QString path = test::sampleSlide(QStringLiteral("CMU-1-Small-Region.svs"));
    if (path.isEmpty())
        QSKIP("shared/testdata is not present");
    const core::SlidePtr slide = core::Slide::open(path);
    QCOMPARE(slide->vendor(), QStringLiteral("aperio"));
    QCOMPARE(slide->size(), QSize(2220, 2967));
    QVERIFY(std::abs(*slide->micronsPerPixel() - 0.499) < 1e-3);
    QCOMPARE(*slide->objectivePower(), 20.0);
    QVERIFY(!slide->objectivePowerEstimated());
    QVERIFY(slide->associatedImageNames().contains(QStringLiteral("label")));
    QVERIFY(slide->associatedImageNames().contains(QStringLiteral("macro")));
    const QImage label = slide->associatedImage(QStringLiteral("label"));
    QVERIFY(!label.isNull() && label.width() > 10);
    QVERIFY_THROWS_EXCEPTION(core::Error, slide->associatedImage(QStringLiteral("nonexistent")));
}

void TestSlide::readRegionMatchesOpenSlide()
{
    const QString path = test::sampleSlide(QStringLiteral("CMU-1-Small-Region.svs"));
    if (path.isEmpty())
        QSKIP("shared/testdata is not present");
    const core::SlidePtr slide = core::Slide::open(path);
    const QImage ours = slide->readRegion({1000, 1200}, 0, {300, 200});
    openslide_t* osr = openslide_open(path.toLocal8Bit().constData());
    std::vector<uint32_t> raw(300 * 200);
    openslide_read_region(osr, raw.data(), 1000, 1200, 0, 300, 200);
    openslide_close(osr);
    QCOMPARE(ours.format(), QImage::Format_ARGB32_Premultiplied);
    QVERIFY(std::memcmp(ours.constBits(), raw.data(), raw.size() * 4) == 0);
    // Outside the slide is transparent, not an error.
    const QImage outside = slide->readRegion({5000, 5000}, 0, {16, 16});
    QCOMPARE(qAlpha(outside.pixel(0, 0)), 0);
}

void TestSlide::genericTiffLevels()
{
    const QString path = test::sampleSlide(QStringLiteral("boxes.tiff"));
    if (path.isEmpty())
        QSKIP("shared/testdata is not present");
    const core::SlidePtr slide = core::Slide::open(path);
    QCOMPARE(slide->levelCount(), 4);
    QCOMPARE(slide->levelSize(1), QSize(150, 125));
    for (int level = 0; level < 4; ++level)
        QVERIFY(!slide->readRegion({0, 0}, level, slide->levelSize(level)).isNull());
    // 28.35 px/cm ⇒ 352.8 µm/px: the TIFF tags are turned into an MPP.
    QVERIFY(std::abs(*slide->micronsPerPixel() - 1e4 / 28.346456527709961) < 1e-3);
}

void TestSlide::brokenFilesGiveClearErrors_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("reason");
    QFile(m_dir.filePath(QStringLiteral("empty.svs"))).open(QIODevice::WriteOnly);
    QFile text(m_dir.filePath(QStringLiteral("notes.svs")));
    text.open(QIODevice::WriteOnly);
    text.write("This is a text file with the wrong extension.\n");
    text.close();
    QTest::newRow("missing") << m_dir.filePath(QStringLiteral("nope.svs"))
                             << QStringLiteral("does not exist");
    QTest::newRow("zero bytes") << m_dir.filePath(QStringLiteral("empty.svs")) << QStringLiteral("empty");
    QTest::newRow("wrong type") << m_dir.filePath(QStringLiteral("notes.svs"))
                                << QStringLiteral("not a slide format");
    QTest::newRow("folder") << m_dir.path() << QStringLiteral("holds no DICOM whole-slide series");
    const QString unopenable = test::sampleSlide(QStringLiteral("unopenable.tiff"));
    if (!unopenable.isEmpty())
        QTest::newRow("unsupported compression")
            << unopenable << QStringLiteral("Unsupported TIFF compression");
}

void TestSlide::brokenFilesGiveClearErrors()
{
    QFETCH(QString, path);
    QFETCH(QString, reason);
    try {
        core::Slide::open(path);
        QFAIL("opened a broken file");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(path), qPrintable(e.message()));
        QVERIFY2(e.message().contains(reason, Qt::CaseInsensitive), qPrintable(e.message()));
    }
}

void TestSlide::truncatedSyntheticSlideFailsCleanly()
{
    const QString source = test::smallTumourSlide();
    const QString cut = m_dir.filePath(QStringLiteral("truncated.tiff"));
    QFile in(source);
    QVERIFY(in.open(QIODevice::ReadOnly));
    QFile out(cut);
    QVERIFY(out.open(QIODevice::WriteOnly));
    // Keep the first 40 %: the level-0 directory is at the end of it, so the file is
    // recognized as TIFF but opening or reading the tiles must fail with a message.
    out.write(in.read(in.size() * 2 / 5));
    out.close();
    try {
        const core::SlidePtr slide = core::Slide::open(cut);
        // If it opened, reading across the missing part must throw, not crash.
        for (int level = 0; level < slide->levelCount(); ++level)
            slide->readRegion({0, 0}, level, slide->levelSize(level));
        QFAIL("a truncated slide read without error");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(cut), qPrintable(e.message()));
    }
}

void TestSlide::bestLevelForDownsample()
{
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    QCOMPARE(slide->bestLevelForDownsample(1.0), 0);
    QCOMPARE(slide->bestLevelForDownsample(1.9), 0);
    QCOMPARE(slide->bestLevelForDownsample(2.0), 1);
    QCOMPARE(slide->bestLevelForDownsample(100.0), slide->levelCount() - 1);
}

void TestSlide::corruptTileFailsAloneAndTheSlideRecovers()
{
    const core::SlidePtr slide = core::Slide::open(test::slideWithCorruptTile(0, 3, 2));
    const QImage before = slide->readRegion({0, 0}, 0, {256, 256});
    try {
        slide->readRegion({3 * 256, 2 * 256}, 0, {256, 256});
        QFAIL("the corrupt tile decoded");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("read a region of")), qPrintable(e.message()));
    }
    // OpenSlide's handle is dead after an error; Slide has reopened it.
    QCOMPARE(slide->readRegion({0, 0}, 0, {256, 256}), before);
    QCOMPARE(slide->readRegion({4 * 256, 2 * 256}, 0, {256, 256}).size(), QSize(256, 256));
}

QTEST_GUILESS_MAIN(TestSlide)
#include "tst_slide.moc"
