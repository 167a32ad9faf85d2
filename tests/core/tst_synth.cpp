// Synthetic slides: OpenSlide reads them as generic TIFF, content and ground truth agree.
#include "common/Error.h"
#include "slide/Slide.h"
#include "support/TestSlides.h"
#include "synth/GroundTruth.h"
#include "synth/SlideScene.h"
#include "synth/SyntheticSlideGenerator.h"
#include "synth/TileRenderer.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPolygonF>
#include <QTemporaryDir>
#include <QtTest>

#include <opencv2/imgproc.hpp>
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
    void shiftsAndArtefactsChangeTheSlideAndStaySeamless();
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
    spec.format = QStringLiteral("png");
    // Every problem is listed, each under its setting; the words name no command-line flag.
    const std::vector<core::FieldProblem> problems = spec.problems();
    QCOMPARE(problems.size(), std::size_t(3));
    QCOMPARE(problems[0].field, QStringLiteral("width"));
    QCOMPARE(problems[1].field, QStringLiteral("tumour"));
    QCOMPARE(problems[2].field, QStringLiteral("format"));
    try {
        core::SyntheticSlideGenerator generator(spec);
        QFAIL("a negative width was accepted");
    } catch (const core::FieldError& e) {
        QCOMPARE(e.problem().field, QStringLiteral("width"));
        QVERIFY2(e.message().contains(QLatin1String("width")) && !e.message().contains(QLatin1String("--")),
                 qPrintable(e.message()));
    }
}

void TestSynth::shiftsAndArtefactsChangeTheSlideAndStaySeamless()
{
    core::SynthSpec plain;
    plain.width = 4096;
    plain.height = 4096;
    plain.seed = 5;
    plain.tumourCount = 1;
    const core::SlideScene plainScene(plain);
    const core::TileRenderer plainRenderer(plainScene);
    const QRectF piece = plainScene.pieces().front().outline.boundingRect();
    const QRect region(QPoint(int(piece.center().x()) - 256, int(piece.center().y()) - 256), QSize(512, 512));
    const cv::Mat original = plainRenderer.render(region);
    cv::Mat tissue;
    cv::inRange(original, cv::Scalar(0, 0, 0), cv::Scalar(230, 230, 230), tissue); // not glass
    QVERIFY(cv::countNonZero(tissue) > 512 * 512 / 3);
    const auto meanHsv = [&](const cv::Mat& rgb) {
        cv::Mat hsv;
        cv::cvtColor(rgb, hsv, cv::COLOR_RGB2HSV_FULL);
        return cv::mean(hsv, tissue);
    };
    const auto rendered = [&](const auto& change, const QRect& where) {
        core::SynthSpec spec = plain;
        change(spec);
        const core::SlideScene scene(spec);
        return core::TileRenderer(scene).render(where);
    };

    // Hue rotated by 15° (about 11 of 256 steps), saturation × 0.7.
    const cv::Mat stained = rendered(
        [](core::SynthSpec& s) {
            s.hueShift = 15;
            s.saturationScale = 0.7;
        },
        region);
    const cv::Scalar before = meanHsv(original), after = meanHsv(stained);
    const double hueSteps = std::fmod(after[0] - before[0] + 256, 256);
    QVERIFY2(std::abs(hueSteps - 15.0 / 360 * 256) < 3, qPrintable(QString::number(hueSteps)));
    QVERIFY2(std::abs(after[1] / before[1] - 0.7) < 0.05, qPrintable(QString::number(after[1] / before[1])));

    // Out of focus: far less fine detail, and tiles still join without a seam.
    const auto blurred = [](core::SynthSpec& s) { s.blurSigma = 3; };
    const auto detail = [](const cv::Mat& rgb) {
        cv::Mat grey, laplacian;
        cv::cvtColor(rgb, grey, cv::COLOR_RGB2GRAY);
        cv::Laplacian(grey, laplacian, CV_32F);
        cv::Scalar mean, sd;
        cv::meanStdDev(laplacian, mean, sd);
        return sd[0];
    };
    const cv::Mat soft = rendered(blurred, region);
    QVERIFY2(detail(soft) < 0.3 * detail(original),
             qPrintable(QStringLiteral("%1 vs %2").arg(detail(soft)).arg(detail(original))));
    const cv::Mat left = rendered(blurred, QRect(region.topLeft(), QSize(256, 512)));
    const cv::Mat right = rendered(blurred, QRect(region.topLeft() + QPoint(256, 0), QSize(256, 512)));
    cv::Mat joined;
    cv::hconcat(left, right, joined);
    QCOMPARE(cv::norm(joined, soft, cv::NORM_INF), 0.0);
    // The widest reach: spindle nuclei (4× elongated) under the strongest blur.
    const auto widest = [](core::SynthSpec& s) {
        s.otherTexture = true;
        s.blurSigma = 5;
    };
    const cv::Mat whole = rendered(widest, region);
    cv::Mat halves;
    cv::vconcat(rendered(widest, QRect(region.topLeft(), QSize(512, 256))),
                rendered(widest, QRect(region.topLeft() + QPoint(0, 256), QSize(512, 256))), halves);
    QCOMPARE(cv::norm(halves, whole, cv::NORM_INF), 0.0);

    // Pen marks: green ink over roughly a tenth of the piece.
    const auto marked = [](core::SynthSpec& s) { s.penMarks = true; };
    const QRect pieceArea = piece.toAlignedRect();
    const cv::Mat inked = rendered(marked, pieceArea);
    cv::Mat ink;
    cv::inRange(inked, cv::Scalar(28, 96, 64), cv::Scalar(28, 96, 64), ink);
    const double share = double(cv::countNonZero(ink)) / double(pieceArea.width() * pieceArea.height());
    QVERIFY2(share > 0.05 && share < 0.2, qPrintable(QString::number(share)));
    QVERIFY(!plain.isShifted());
    core::SynthSpec bad = plain;
    bad.blurSigma = 9;
    bad.hueShift = 400;
    QCOMPARE(bad.problems().size(), std::size_t(2));
}

QTEST_GUILESS_MAIN(TestSynth)
#include "tst_synth.moc"
