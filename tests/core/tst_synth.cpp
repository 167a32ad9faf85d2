// Synthetic slides: OpenSlide reads them as generic TIFF, content and ground truth agree.
#include "common/Error.h"
#include "slide/Slide.h"
#include "support/TestSlides.h"
#include "synth/GroundTruth.h"
#include "synth/SyntheticSlideGenerator.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPolygonF>
#include <QTemporaryDir>
#include <QtTest>

#include <openslide.h>

using namespace tessera;

namespace {

QByteArray sha(const QString& path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

bool looksLikeTissue(QRgb p)
{
    // Glass is near-white and grey; stained tissue is darker or clearly coloured.
    const int hi = std::max({qRed(p), qGreen(p), qBlue(p)}), lo = std::min({qRed(p), qGreen(p), qBlue(p)});
    return hi - lo > 25 || hi < 215;
}

} // namespace

class TestSynth : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void levelSizesHalveUntilBelow1024();
    void openSlideReadsLevelsAndResolution();
    void sameSeedGivesIdenticalBytes();
    void maskAgreesWithImage();
    void tumourIsDarkerAndMorePurple();
    void geoJsonNestsTumoursInTissue();
    void invalidSpecIsRejectedWithItsSettingName();
};

void TestSynth::levelSizesHalveUntilBelow1024()
{
    const auto sizes = core::SyntheticSlideGenerator::levelSizes(20000, 15001);
    QCOMPARE(int(sizes.size()), 6);
    QCOMPARE(sizes[1], std::make_pair(10000, 7501));
    QCOMPARE(sizes[5], std::make_pair(625, 469));
    QCOMPARE(int(core::SyntheticSlideGenerator::levelSizes(1000, 800).size()), 1);
}

void TestSynth::openSlideReadsLevelsAndResolution()
{
    const QString path = test::smallTumourSlide();
    openslide_t* osr = openslide_open(path.toLocal8Bit().constData());
    QVERIFY(osr);
    QVERIFY2(!openslide_get_error(osr), openslide_get_error(osr));
    QCOMPARE(QString::fromLatin1(openslide_get_property_value(osr, "openslide.vendor")),
             QStringLiteral("generic-tiff"));
    const auto expected = core::SyntheticSlideGenerator::levelSizes(3000, 2400);
    QCOMPARE(openslide_get_level_count(osr), int(expected.size()));
    for (int level = 0; level < int(expected.size()); ++level) {
        int64_t w = 0, h = 0;
        openslide_get_level_dimensions(osr, level, &w, &h);
        QCOMPARE(int(w), expected[level].first);
        QCOMPARE(int(h), expected[level].second);
    }
    openslide_close(osr);

    const core::SlidePtr slide = core::Slide::open(path);
    QVERIFY(slide->micronsPerPixel());
    QVERIFY(std::abs(*slide->micronsPerPixel() - 0.5) < 1e-4);
    QCOMPARE(*slide->objectivePower(), 20.0);
    QVERIFY(slide->objectivePowerEstimated());
}

void TestSynth::sameSeedGivesIdenticalBytes()
{
    QTemporaryDir dir;
    core::SynthSpec spec;
    spec.width = 1500;
    spec.height = 1200;
    spec.tumourCount = 1;
    spec.seed = 42;
    core::SyntheticSlideGenerator(spec).write(dir.filePath(QStringLiteral("a.tiff")));
    core::SyntheticSlideGenerator(spec).write(dir.filePath(QStringLiteral("b.tiff")));
    spec.seed = 43;
    core::SyntheticSlideGenerator(spec).write(dir.filePath(QStringLiteral("c.tiff")));
    QCOMPARE(sha(dir.filePath(QStringLiteral("a.tiff"))), sha(dir.filePath(QStringLiteral("b.tiff"))));
    QCOMPARE(sha(dir.filePath(QStringLiteral("a.mask.png"))),
             sha(dir.filePath(QStringLiteral("b.mask.png"))));
    QCOMPARE(sha(dir.filePath(QStringLiteral("a.geojson"))), sha(dir.filePath(QStringLiteral("b.geojson"))));
    QVERIFY(sha(dir.filePath(QStringLiteral("a.tiff"))) != sha(dir.filePath(QStringLiteral("c.tiff"))));
    // No temporary files are left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 9);
}

void TestSynth::maskAgreesWithImage()
{
    const QString path = test::smallTumourSlide();
    const auto truth = core::GroundTruthPaths::forSlide(path);
    const QImage mask(truth.mask);
    QVERIFY(!mask.isNull());
    const int ds = core::GroundTruth::maskDownsample(mask, truth.mask);
    QCOMPARE(ds, 16);
    QCOMPARE(mask.size(), QSize((3000 + 15) / 16, (2400 + 15) / 16));

    // Compare with the level-0 image sampled at each mask pixel's centre neighbourhood.
    const core::SlidePtr slide = core::Slide::open(path);
    const QImage image = slide->readRegion({0, 0}, 0, slide->size()).convertToFormat(QImage::Format_RGB32);
    int agree = 0, total = 0, tissuePixels = 0, tumourPixels = 0;
    for (int y = 1; y < mask.height() - 1; ++y)
        for (int x = 1; x < mask.width() - 1; ++x) {
            const int label = qGray(mask.pixel(x, y));
            // Count "tissue" among a 4×4 block at the centre of the mask pixel.
            int votes = 0;
            for (int dy = 6; dy < 10; ++dy)
                for (int dx = 6; dx < 10; ++dx)
                    votes += looksLikeTissue(image.pixel(x * ds + dx, y * ds + dy));
            const bool tissue = votes >= 8;
            agree += tissue == (label != 0);
            ++total;
            tissuePixels += label != 0;
            tumourPixels += label == 255;
        }
    const double agreement = double(agree) / total;
    qInfo("mask/image agreement %.4f, tissue %d, tumour %d mask pixels", agreement, tissuePixels,
          tumourPixels);
    QVERIFY(agreement > 0.97);
    QVERIFY(tissuePixels > total / 10);
    QVERIFY(tumourPixels > 200);
}

void TestSynth::tumourIsDarkerAndMorePurple()
{
    const QString path = test::smallTumourSlide();
    const QImage mask(core::GroundTruthPaths::forSlide(path).mask);
    const core::SlidePtr slide = core::Slide::open(path);
    const QImage image = slide->readRegion({0, 0}, 0, slide->size()).convertToFormat(QImage::Format_RGB32);
    double sum[2][3] = {}, count[2] = {};
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2) {
            const int label = qGray(mask.pixel(x / 16, y / 16));
            if (label == 0)
                continue;
            const int k = label == 255 ? 1 : 0;
            const QRgb p = image.pixel(x, y);
            sum[k][0] += qRed(p);
            sum[k][1] += qGreen(p);
            sum[k][2] += qBlue(p);
            ++count[k];
        }
    QVERIFY(count[0] > 0 && count[1] > 0);
    const double normalRed = sum[0][0] / count[0], tumourRed = sum[1][0] / count[1];
    const double normalGrey = (sum[0][0] + sum[0][1] + sum[0][2]) / (3 * count[0]);
    const double tumourGrey = (sum[1][0] + sum[1][1] + sum[1][2]) / (3 * count[1]);
    qInfo("mean grey normal %.1f tumour %.1f; red normal %.1f tumour %.1f", normalGrey, tumourGrey, normalRed,
          tumourRed);
    // Denser, larger, darker nuclei: tumour is darker overall and less red (more haematoxylin).
    QVERIFY(tumourGrey < normalGrey - 25);
    QVERIFY(tumourRed < normalRed - 40);
}

void TestSynth::geoJsonNestsTumoursInTissue()
{
    const QString path = test::smallTumourSlide();
    QFile file(core::GroundTruthPaths::forSlide(path).geojson);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("type")).toString(), QStringLiteral("FeatureCollection"));
    QList<QPolygonF> tissue, tumours;
    for (const QJsonValue f : root.value(QStringLiteral("features")).toArray()) {
        const QJsonObject feature = f.toObject();
        const QJsonArray rings = feature[QStringLiteral("geometry")][QStringLiteral("coordinates")].toArray();
        QPolygonF outer;
        for (const QJsonValue p : rings[0].toArray())
            outer << QPointF(p[0].toDouble(), p[1].toDouble());
        QCOMPARE(outer.first(), outer.last()); // closed ring
        const QString cls =
            feature[QStringLiteral("properties")][QStringLiteral("classification")][QStringLiteral("name")]
                .toString();
        (cls == QLatin1String("Tumor") ? tumours : tissue) << outer;
    }
    QCOMPARE(tumours.size(), 2);
    QVERIFY(tissue.size() >= 2);
    for (const QPolygonF& t : tumours) {
        bool inside = false;
        for (const QPolygonF& piece : tissue)
            inside = inside || std::all_of(t.begin(), t.end(), [&](QPointF p) {
                         return piece.containsPoint(p, Qt::OddEvenFill);
                     });
        QVERIFY(inside);
        QVERIFY(QRectF(0, 0, 3000, 2400).contains(t.boundingRect()));
    }
}

void TestSynth::invalidSpecIsRejectedWithItsSettingName()
{
    core::SynthSpec spec;
    spec.width = -5;
    spec.tumourCount = 99;
    // Every problem is listed, each under its setting; the words name no command-line flag.
    const std::vector<core::FieldProblem> problems = spec.problems();
    QCOMPARE(problems.size(), std::size_t(2));
    QCOMPARE(problems[0].field, QStringLiteral("width"));
    QCOMPARE(problems[1].field, QStringLiteral("tumour"));
    try {
        core::SyntheticSlideGenerator generator(spec);
        QFAIL("a negative width was accepted");
    } catch (const core::FieldError& e) {
        QCOMPARE(e.problem().field, QStringLiteral("width"));
        QVERIFY2(e.message().contains(QLatin1String("width")) && !e.message().contains(QLatin1String("--")),
                 qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
