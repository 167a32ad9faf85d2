// The direct TIFF/SVS reader against OpenSlide on the same files: the registry's choice, the
// levels, properties and associated images, and pixels at every level.
#include "common/Error.h"
#include "slide/OmeXml.h"
#include "slide/Slide.h"
#include "support/TestSlides.h"
#include "synth/SynthSpec.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <openslide.h>
#include <tiffio.h>

#include <cstring>
#include <random>

using namespace tessera;

namespace {

// OME-XML of a brightfield RGB image, or of `channels` 16-bit channel planes.
QByteArray omeXml(int width, int height, int channels, const char* type, int samplesPerPixel)
{
    return QStringLiteral(
               "<?xml version=\"1.0\"?><OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\">"
               "<Image ID=\"Image:0\"><Pixels ID=\"Pixels:0\" Type=\"%1\" SizeX=\"%2\" SizeY=\"%3\" "
               "SizeC=\"%4\" SizeZ=\"1\" SizeT=\"1\" DimensionOrder=\"XYCZT\" PhysicalSizeX=\"250\" "
               "PhysicalSizeXUnit=\"nm\" PhysicalSizeY=\"0.25\"><Channel ID=\"Channel:0:0\" "
               "SamplesPerPixel=\"%5\"/></Pixels></Image></OME>")
        .arg(QLatin1String(type))
        .arg(width)
        .arg(height)
        .arg(channels)
        .arg(samplesPerPixel)
        .toUtf8();
}

// A 3-level BigTIFF pyramid with LZW tiles of 128 px and noisy pixels (no JPEG involved); with
// `ome`, the same pixels as an OME-TIFF: OME-XML and levels 1 and 2 in SubIFDs of level 0.
QString writeLzwBigTiff(const QString& path, bool ome = false)
{
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "w8");
    std::mt19937 rng(3);
    int width = 700, height = 530;
    for (int level = 0; level < 3; ++level, width /= 2, height /= 2) {
        if (ome && level == 0) {
            const uint64_t placeholders[2] = {0, 0};
            TIFFSetField(tif, TIFFTAG_SUBIFD, uint16_t(2), placeholders);
            TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, omeXml(width, height, 3, "uint8", 3).constData());
        }
        TIFFSetField(tif, TIFFTAG_SUBFILETYPE, level == 0 ? 0 : FILETYPE_REDUCEDIMAGE);
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, uint32_t(width));
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, uint32_t(height));
        TIFFSetField(tif, TIFFTAG_TILEWIDTH, 128u);
        TIFFSetField(tif, TIFFTAG_TILELENGTH, 128u);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, uint16_t(8));
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, uint16_t(3));
        TIFFSetField(tif, TIFFTAG_PLANARCONFIG, PLANARCONFIG_CONTIG);
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_RGB);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_LZW);
        TIFFSetField(tif, TIFFTAG_PREDICTOR, PREDICTOR_HORIZONTAL);
        std::vector<uint8_t> tile(128 * 128 * 3);
        for (ttile_t t = 0; t < TIFFNumberOfTiles(tif); ++t) {
            for (std::size_t i = 0; i < tile.size(); ++i)
                tile[i] = uint8_t((i / 3 % 128) + t * 17 + (rng() % 8) * (i % 3));
            TIFFWriteEncodedTile(tif, t, tile.data(), tmsize_t(tile.size()));
        }
        TIFFWriteDirectory(tif);
    }
    TIFFClose(tif);
    return path;
}

// Two 16-bit channel planes (fluorescence), tiled, each its own directory, as bfconvert writes them.
QString writeFluorescenceOmeTiff(const QString& path)
{
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "w");
    for (int channel = 0; channel < 2; ++channel) {
        if (channel == 0)
            TIFFSetField(tif, TIFFTAG_IMAGEDESCRIPTION, omeXml(256, 256, 2, "uint16", 1).constData());
        TIFFSetField(tif, TIFFTAG_IMAGEWIDTH, 256u);
        TIFFSetField(tif, TIFFTAG_IMAGELENGTH, 256u);
        TIFFSetField(tif, TIFFTAG_TILEWIDTH, 256u);
        TIFFSetField(tif, TIFFTAG_TILELENGTH, 256u);
        TIFFSetField(tif, TIFFTAG_BITSPERSAMPLE, uint16_t(16));
        TIFFSetField(tif, TIFFTAG_SAMPLESPERPIXEL, uint16_t(1));
        TIFFSetField(tif, TIFFTAG_PHOTOMETRIC, PHOTOMETRIC_MINISBLACK);
        TIFFSetField(tif, TIFFTAG_COMPRESSION, COMPRESSION_NONE);
        std::vector<uint16_t> tile(256 * 256, uint16_t(1000 * (channel + 1)));
        TIFFWriteEncodedTile(tif, 0, tile.data(), tmsize_t(tile.size() * 2));
        TIFFWriteDirectory(tif);
    }
    TIFFClose(tif);
    return path;
}

QImage openSlideRegion(openslide_t* osr, qint64 x0, qint64 y0, int level, QSize size)
{
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    openslide_read_region(osr, reinterpret_cast<uint32_t*>(image.bits()), x0, y0, level, size.width(),
                          size.height());
    return image;
}

bool samePixels(const QImage& a, const QImage& b)
{
    return a.size() == b.size() &&
           std::memcmp(a.constBits(), b.constBits(), std::size_t(a.sizeInBytes())) == 0;
}

// libtiff's own RGBA decoding of one whole level (for levels OpenSlide 3.4.1 misreads).
QImage libtiffLevel(const QString& path, int directory, QSize size)
{
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "r");
    TIFFSetDirectory(tif, tdir_t(directory));
    uint32_t tw = 0, th = 0;
    TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tw);
    TIFFGetField(tif, TIFFTAG_TILELENGTH, &th);
    QImage level(size, QImage::Format_ARGB32_Premultiplied);
    std::vector<uint32_t> raster(std::size_t(tw) * th);
    for (uint32_t y = 0; y < uint32_t(size.height()); y += th)
        for (uint32_t x = 0; x < uint32_t(size.width()); x += tw) {
            TIFFReadRGBATile(tif, x, y, raster.data()); // bottom-up rows of ABGR
            for (uint32_t r = 0; r < th && y + r < uint32_t(size.height()); ++r)
                for (uint32_t c = 0; c < tw && x + c < uint32_t(size.width()); ++c) {
                    const uint32_t p = raster[(th - 1 - r) * tw + c];
                    level.setPixel(int(x + c), int(y + r),
                                   qRgba(int(TIFFGetR(p)), int(TIFFGetG(p)), int(TIFFGetB(p)), 255));
                }
        }
    TIFFClose(tif);
    return level;
}

} // namespace

class TestSlideReaders : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void directReaderTakesTiffAndSvs_data();
    void directReaderTakesTiffAndSvs();
    void metadataMatchesOpenSlide_data() { directReaderTakesTiffAndSvs_data(); }
    void metadataMatchesOpenSlide();
    void pixelsMatchOpenSlideAtEveryLevel_data() { directReaderTakesTiffAndSvs_data(); }
    void pixelsMatchOpenSlideAtEveryLevel();
    void fractionalDownsamplesStayWithinTolerance();
    void concurrentReadsGiveTheSamePixels();
    void othersFallBackToOpenSlideWithAReason();
    void omeTiffLevelsComeFromSubIfds_data();
    void omeTiffLevelsComeFromSubIfds();
    void fluorescenceOmeTiffIsRefusedByName();
    void truncatedOmeTiffIsRefusedOrShowsWhatIsIntact();
    void omeXmlPixelSizesInTheirUnits();
    void omeTiffWrittenByTifffileHasItsPyramidAndPixels();

private:
    QTemporaryDir m_dir;
    QStringList m_files;
};

void TestSlideReaders::initTestCase()
{
    core::SynthSpec odd = test::smallTumourSpec();
    odd.width = 1900;
    odd.height = 1300;
    odd.tileSize = 240; // Aperio's classic tile: viewer tiles straddle native ones
    m_files << test::smallTumourSlide() << test::synthSlide(odd, QStringLiteral("tiles-240.tiff"))
            << writeLzwBigTiff(m_dir.filePath(QStringLiteral("lzw-big.tiff")));
    for (const char* name : {"CMU-1-Small-Region.svs", "small.svs", "boxes.tiff"})
        if (const QString path = test::sampleSlide(QString::fromLatin1(name)); !path.isEmpty())
            m_files << path;
}

void TestSlideReaders::directReaderTakesTiffAndSvs_data()
{
    QTest::addColumn<QString>("path");
    for (const QString& path : m_files)
        QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
}

void TestSlideReaders::directReaderTakesTiffAndSvs()
{
    QFETCH(QString, path);
    const core::SlidePtr slide = core::Slide::open(path);
    QCOMPARE(slide->readerName(), QStringLiteral("tiff"));
    QVERIFY2(slide->readerFallbackReason().isEmpty(), qPrintable(slide->readerFallbackReason()));
}

void TestSlideReaders::metadataMatchesOpenSlide()
{
    QFETCH(QString, path);
    const core::SlidePtr direct = core::Slide::open(path);
    qputenv("TESSERA_SLIDE_READER", "openslide");
    const core::SlidePtr reference = core::Slide::open(path);
    qunsetenv("TESSERA_SLIDE_READER");
    QCOMPARE(reference->readerName(), QStringLiteral("openslide"));

    QCOMPARE(direct->levelCount(), reference->levelCount());
    for (int level = 0; level < direct->levelCount(); ++level) {
        QCOMPARE(direct->levelSize(level), reference->levelSize(level));
        QCOMPARE(direct->levelDownsample(level), reference->levelDownsample(level));
    }
    // Every property OpenSlide gives, with the same value; quickhash-1 is OpenSlide's own.
    QMap<QString, QString> expected = reference->properties();
    expected.remove(QStringLiteral("openslide.quickhash-1"));
    QCOMPARE(direct->properties().keys(), expected.keys());
    // The same strings, numbers included (OpenSlide prints the shortest form that reads back).
    for (auto it = expected.constBegin(); it != expected.constEnd(); ++it)
        QVERIFY2(
            direct->property(it.key()) == it.value(),
            qPrintable(QStringLiteral("%1: %2 vs %3").arg(it.key(), direct->property(it.key()), it.value())));
    QCOMPARE(direct->micronsPerPixel(), reference->micronsPerPixel());
    QCOMPARE(direct->objectivePower(), reference->objectivePower());
    QStringList names = reference->associatedImageNames();
    names.sort(); // OpenSlide lists them in hash order
    QCOMPARE(direct->associatedImageNames(), names);
    for (const QString& name : direct->associatedImageNames())
        QVERIFY2(samePixels(direct->associatedImage(name), reference->associatedImage(name)),
                 qPrintable(name));
}

void TestSlideReaders::pixelsMatchOpenSlideAtEveryLevel()
{
    QFETCH(QString, path);
    const core::SlidePtr slide = core::Slide::open(path);
    openslide_t* osr = openslide_open(QFile::encodeName(path).constData());
    QVERIFY(osr);
    std::mt19937 rng(11);
    int compared = 0;
    for (int level = 0; level < slide->levelCount(); ++level) {
        const QSize size = slide->levelSize(level);
        const double ds = slide->levelDownsample(level);
        if (QFileInfo(path).fileName() == QLatin1String("boxes.tiff") && level >= 2) {
            // OpenSlide 3.4.1 reads non-JPEG tiles through TIFFRGBAImageGet, which mangles
            // levels narrower than a tile (libtiff: "Raster width … adapted"). Here libtiff's
            // tile-by-tile RGBA decoding is the reference. (OpenSlide leaves part of the region
            // unwritten: transparent in zeroed memory, ASan's malloc fill bytes under ASan.)
            const QImage reference = libtiffLevel(path, level, size);
            QVERIFY2(!samePixels(openSlideRegion(osr, 0, 0, level, size), reference),
                     "OpenSlide reads this level right now: drop the exception");
            QVERIFY(samePixels(slide->readLevelRegion(level, QRect(QPoint(0, 0), size)), reference));
            ++compared;
            continue;
        }
        // The top-left region: level and level-0 coordinates agree at the origin.
        const QSize corner(std::min(size.width() + 20, 1200), std::min(size.height() + 20, 1200));
        QVERIFY2(samePixels(slide->readLevelRegion(level, QRect(QPoint(0, 0), corner)),
                            openSlideRegion(osr, 0, 0, level, corner)),
                 qPrintable(QStringLiteral("level %1 at the origin").arg(level)));
        ++compared;
        if (ds != std::floor(ds))
            continue; // elsewhere OpenSlide resamples by the fraction: see the tolerance test
        // The viewer's 256-px tiles, and odd rectangles that straddle native tiles and edges.
        for (int y = 0; y < size.height(); y += 256)
            for (int x = 0; x < size.width() && x < 4 * 256; x += 256) {
                const QRect tile(x, y, std::min(256, size.width() - x), std::min(256, size.height() - y));
                QVERIFY2(samePixels(slide->readLevelRegion(level, tile),
                                    openSlideRegion(osr, qint64(x * ds), qint64(y * ds), level, tile.size())),
                         qPrintable(QStringLiteral("level %1 tile %2,%3").arg(level).arg(x).arg(y)));
                ++compared;
            }
        for (int i = 0; i < 6; ++i) {
            const QRect rect(int(rng() % uint32_t(size.width())) - 30,
                             int(rng() % uint32_t(size.height())) - 30, 37 + int(rng() % 300),
                             29 + int(rng() % 300));
            QVERIFY2(
                samePixels(
                    slide->readLevelRegion(level, rect),
                    openSlideRegion(osr, qint64(rect.x() * ds), qint64(rect.y() * ds), level, rect.size())),
                qPrintable(QStringLiteral("level %1 rect %2,%3").arg(level).arg(rect.x()).arg(rect.y())));
            ++compared;
        }
    }
    openslide_close(osr);
    qInfo("%d regions identical to OpenSlide", compared);
}

void TestSlideReaders::fractionalDownsamplesStayWithinTolerance()
{
    // At levels whose downsample is not an integer (2001 × 1501 halves to 1001 × 751), a level-0
    // position falls between level pixels: OpenSlide shifts by the fraction (bilinear), the
    // direct reader takes the nearest pixel. The difference must stay below that of a shift
    // by one whole level pixel.
    core::SynthSpec spec = test::smallTumourSpec();
    spec.width = 2001;
    spec.height = 1501;
    const core::SlidePtr slide = core::Slide::open(test::synthSlide(spec, QStringLiteral("odd-size.tiff")));
    openslide_t* osr = openslide_open(QFile::encodeName(slide->path()).constData());
    int tested = 0;
    for (int level = 1; level < slide->levelCount(); ++level) {
        const double ds = slide->levelDownsample(level);
        if (ds == std::floor(ds))
            continue;
        const QPoint at(int(slide->levelSize(level).width() / 3 * ds) + 1,
                        int(slide->levelSize(level).height() / 3 * ds) + 1);
        const QSize size(40, 30);
        const QImage ours = slide->readRegion(at, level, size);
        const QImage theirs = openSlideRegion(osr, at.x(), at.y(), level, size);
        const QImage shifted = openSlideRegion(osr, qint64(at.x() + ds), at.y(), level, size);
        const double difference = test::meanAbsDifference(ours, theirs);
        const double onePixel = test::meanAbsDifference(theirs, shifted);
        qInfo("level %d (downsample %.4f): mean |direct - openslide| = %.2f, one-pixel shift = %.2f", level,
              ds, difference, onePixel);
        QVERIFY2(difference < onePixel, qPrintable(QStringLiteral("%1 vs %2").arg(difference).arg(onePixel)));
        ++tested;
    }
    openslide_close(osr);
    QVERIFY(tested > 0);
}

void TestSlideReaders::concurrentReadsGiveTheSamePixels()
{
    for (const QString& path : m_files) {
        const core::SlidePtr slide = core::Slide::open(path);
        QList<QRect> rects;
        for (int y = 0; y < slide->size().height(); y += 256)
            for (int x = 0; x < slide->size().width(); x += 256)
                rects << QRect(x, y, 256, 256);
        QList<QImage> serial;
        for (const QRect& r : rects)
            serial << slide->readLevelRegion(0, r);
        QThreadPool pool;
        pool.setMaxThreadCount(4);
        const QList<QImage> parallel = QtConcurrent::blockingMapped(
            &pool, rects, [&](const QRect& r) { return slide->readLevelRegion(0, r); });
        for (qsizetype i = 0; i < rects.size(); ++i)
            QVERIFY2(samePixels(serial[i], parallel[i]), qPrintable(path));
    }
}

void TestSlideReaders::othersFallBackToOpenSlideWithAReason()
{
    // A file cut short: the direct reader sees tiles beyond the end and leaves it to OpenSlide.
    QFile source(test::smallTumourSlide());
    QVERIFY(source.open(QIODevice::ReadOnly));
    const QByteArray whole = source.readAll();
    QByteArray cut = whole.left(whole.size() * 9 / 10);
    // Keep the directories (written after the tiles) by cutting from the middle instead.
    QFile truncated(m_dir.filePath(QStringLiteral("short.tiff")));
    QVERIFY(truncated.open(QIODevice::WriteOnly));
    truncated.write(whole.left(whole.size() - 200000));
    truncated.close();
    try {
        const core::SlidePtr slide = core::Slide::open(truncated.fileName());
        QCOMPARE(slide->readerName(), QStringLiteral("openslide"));
        QVERIFY2(slide->readerFallbackReason().contains(QLatin1String("beyond the end")),
                 qPrintable(slide->readerFallbackReason()));
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(truncated.fileName()), qPrintable(e.message()));
    }
    // An unsupported compression is still OpenSlide's clear refusal.
    if (const QString unopenable = test::sampleSlide(QStringLiteral("unopenable.tiff"));
        !unopenable.isEmpty())
        QVERIFY_THROWS_EXCEPTION(core::Error, core::Slide::open(unopenable));
    // The escape hatch.
    qputenv("TESSERA_SLIDE_READER", "openslide");
    QCOMPARE(core::Slide::open(test::smallTumourSlide())->readerName(), QStringLiteral("openslide"));
    qunsetenv("TESSERA_SLIDE_READER");
}

void TestSlideReaders::omeTiffLevelsComeFromSubIfds_data()
{
    QTest::addColumn<QString>("plain");
    QTest::addColumn<QString>("ome");
    QTest::addColumn<double>("mpp");
    // Synthetic JPEG slides written both ways from one spec, and LZW tiles through libtiff.
    core::SynthSpec spec = test::smallTumourSpec();
    spec.format = QStringLiteral("ome-tiff");
    QTest::newRow("jpeg, synth --format ome-tiff")
        << test::smallTumourSlide() << test::synthSlide(spec, QStringLiteral("small-tumour.ome.tiff"))
        << spec.mpp;
    QTest::newRow("lzw, libtiff") << writeLzwBigTiff(m_dir.filePath(QStringLiteral("lzw-plain.tiff")))
                                  << writeLzwBigTiff(m_dir.filePath(QStringLiteral("lzw.ome.tiff")), true)
                                  << 0.25;
}

void TestSlideReaders::omeTiffLevelsComeFromSubIfds()
{
    QFETCH(QString, plain);
    QFETCH(QString, ome);
    QFETCH(double, mpp);
    const core::SlidePtr reference = core::Slide::open(plain);
    const core::SlidePtr slide = core::Slide::open(ome);
    QCOMPARE(slide->readerName(), QStringLiteral("tiff"));
    // OpenSlide 3.4 sees the first level only; Tessera finds the rest in the SubIFDs.
    openslide_t* osr = openslide_open(QFile::encodeName(ome).constData());
    QVERIFY(osr);
    QCOMPARE(openslide_get_level_count(osr), 1);
    openslide_close(osr);
    QCOMPARE(slide->levelCount(), reference->levelCount());
    QVERIFY(slide->levelCount() >= 3);
    for (int level = 0; level < slide->levelCount(); ++level) {
        QCOMPARE(slide->levelSize(level), reference->levelSize(level));
        // The same pixels as the plain file, tile for tile, at every level.
        const QSize size = slide->levelSize(level).boundedTo(QSize(600, 500));
        const QPoint at(0, 0);
        QVERIFY2(samePixels(slide->readRegion(at, level, size), reference->readRegion(at, level, size)),
                 qPrintable(QStringLiteral("level %1").arg(level)));
    }
    // The pixel size from OME-XML (250 nm is 0.25 µm), not the TIFF resolution tags.
    QVERIFY(slide->micronsPerPixel().has_value());
    QVERIFY(std::abs(*slide->micronsPerPixel() - mpp) < 1e-9);
}

void TestSlideReaders::fluorescenceOmeTiffIsRefusedByName()
{
    const QString path = writeFluorescenceOmeTiff(m_dir.filePath(QStringLiteral("fluorescence.ome.tiff")));
    try {
        core::Slide::open(path);
        QFAIL("a two-channel 16-bit OME-TIFF opened");
    } catch (const core::Error& error) {
        QVERIFY2(error.message().contains(path) &&
                     error.message().contains(QStringLiteral("2 channel(s) of uint16")),
                 qPrintable(error.message()));
    }
}

void TestSlideReaders::omeXmlPixelSizesInTheirUnits()
{
    const auto image = core::parseOmeXml(QString::fromUtf8(omeXml(10, 10, 3, "uint8", 3)));
    QVERIFY(image && image->isBrightfieldRgb());
    QCOMPARE(*image->micronsX, 0.25); // 250 nm
    QCOMPARE(*image->micronsY, 0.25); // no unit: OME's default, µm
    QCOMPARE(*core::toMicrons(0.001, QStringLiteral("mm")), 1.0);
    QCOMPARE(*core::toMicrons(2500, QStringLiteral("Å")), 0.25);
    QVERIFY(!core::toMicrons(1, QStringLiteral("furlong")));
    QVERIFY(!core::parseOmeXml(QStringLiteral("Aperio Image Library v10|AppMag = 20")));
    QVERIFY(!core::parseOmeXml(QStringLiteral("<OME><Image>")).has_value()); // no Pixels: not an image
}

void TestSlideReaders::truncatedOmeTiffIsRefusedOrShowsWhatIsIntact()
{
    // An OME-TIFF cut short (a copy that stopped). libtiff writes level 0's tiles, then its
    // directory, then the SubIFD levels. Cut inside level 0, the file has no directory left and
    // is refused by name; cut inside the SubIFDs, the direct reader declines saying so, and
    // OpenSlide shows the intact level 0 alone.
    core::SynthSpec spec = test::smallTumourSpec();
    spec.format = QStringLiteral("ome-tiff");
    QFile whole(test::synthSlide(spec, QStringLiteral("small-tumour.ome.tiff")));
    QVERIFY(whole.open(QIODevice::ReadOnly));
    const QByteArray bytes = whole.readAll();
    const auto cutAt = [&](double kept) {
        const QString path = m_dir.filePath(QStringLiteral("cut-%1.ome.tiff").arg(kept));
        QFile cut(path);
        cut.open(QIODevice::WriteOnly);
        cut.write(bytes.left(qsizetype(bytes.size() * kept)));
        return path;
    };
    const QString early = cutAt(0.33);
    try {
        core::Slide::open(early);
        QFAIL("a file cut inside its first level opened");
    } catch (const core::Error& error) {
        QVERIFY2(error.message().contains(QFileInfo(early).fileName()), qPrintable(error.message()));
    }
    const core::SlidePtr slide = core::Slide::open(cutAt(0.7));
    QVERIFY2(slide->readerFallbackReason().contains(QStringLiteral("SubIFD")) &&
                 slide->readerFallbackReason().contains(QStringLiteral("truncated")),
             qPrintable(slide->readerFallbackReason()));
    QCOMPARE(slide->levelCount(), 1);
    const core::SlidePtr intact = core::Slide::open(whole.fileName());
    QVERIFY(samePixels(slide->readRegion(QPoint(0, 0), 0, QSize(800, 600)),
                       intact->readRegion(QPoint(0, 0), 0, QSize(800, 600))));
}

void TestSlideReaders::omeTiffWrittenByTifffileHasItsPyramidAndPixels()
{
    // Written by another tool (tifffile; tests/data/ome/README.md): a crop of the real H&E sample
    // at (700, 1200), its halvings by taking every 2nd and 4th pixel in SubIFDs, deflate tiles.
    const QString path = QStringLiteral(TESSERA_SOURCE_DIR "/tests/data/ome/tifffile-pyramid.ome.tif");
    const QString svs = test::sampleSlide(QStringLiteral("CMU-1-Small-Region.svs"));
    if (svs.isEmpty())
        QSKIP("the real sample slide is not here");
    const core::SlidePtr slide = core::Slide::open(path);
    QCOMPARE(slide->readerName(), QStringLiteral("tiff"));
    QCOMPARE(slide->levelCount(), 3);
    QVERIFY(slide->micronsPerPixel() && std::abs(*slide->micronsPerPixel() - 0.499) < 1e-9);
    openslide_t* osr = openslide_open(QFile::encodeName(path).constData());
    QVERIFY(osr);
    QCOMPARE(openslide_get_level_count(osr), 1); // OpenSlide 3.4 misses the SubIFDs
    openslide_close(osr);
    const QImage source = core::Slide::open(svs)->readRegion(QPoint(700, 1200), 0, QSize(768, 576));
    QVERIFY(samePixels(slide->readLevelRegion(0, QRect(0, 0, 768, 576)), source));
    for (int level = 1; level < 3; ++level) {
        const int step = 1 << level;
        const QImage read = slide->readLevelRegion(level, QRect(QPoint(0, 0), slide->levelSize(level)));
        QImage expected(slide->levelSize(level), QImage::Format_ARGB32_Premultiplied);
        for (int y = 0; y < expected.height(); ++y)
            for (int x = 0; x < expected.width(); ++x)
                expected.setPixel(x, y, source.pixel(x * step, y * step));
        QVERIFY2(samePixels(read, expected), qPrintable(QStringLiteral("level %1").arg(level)));
    }
}

QTEST_GUILESS_MAIN(TestSlideReaders)
#include "tst_slide_readers.moc"
