// Colour maps, score normalization, heatmap pixels, patch lookup, legends and result files.
#include "common/Error.h"
#include "features/FeatureStore.h"
#include "heatmap/Heatmap.h"
#include "heatmap/HeatmapSnapshot.h"
#include "heatmap/MapDifference.h"
#include "heatmap/ScoreMap.h"
#include "infer/Predictor.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;
using core::Colormap;
using core::Normalization;

namespace {
// A 4 × 3 grid of 100-px patches with a hole at (1, 1); values 0, 1, 2, … in row-major order.
core::PatchScores gridScores()
{
    core::PatchScores s;
    s.step = 100;
    float v = 0;
    for (int y = 0; y < 3; ++y)
        for (int x = 0; x < 4; ++x) {
            if (x == 1 && y == 1)
                continue;
            s.coords.push_back(x * 100);
            s.coords.push_back(y * 100);
            s.values.push_back(v++);
        }
    return s;
}

int channelDistance(QRgb a, QRgb b)
{
    return std::max(
        {std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}
} // namespace

class TestHeatmap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void percentileDifferenceMatchesPatchesByPlace();
    void differenceIsDrawnOnAFixedDivergingScale();
    void colormapsHaveTheirKnownEnds();
    void colormapNamesRoundTrip();
    void rawNormalizationIsMinMax();
    void percentileNormalizationRanksWithTies();
    void heatmapPixelsSitOnTheirPatches();
    void thresholdHidesLowScores();
    void smoothingBlendsNeighboursButNeverFillsBackground();
    void mismatchedScoresAreRefused();
    void patchIndexFindsPatches();
    void legendShowsTheColourBar();
    void consistencyIsDrawnHotWhereItIsLow();
    void evidenceIsDrawnSymmetricAboutZero();
    void scoreMapNamesRoundTrip();
    void snapshotBlendsTheHeatmapOverTheThumbnail();
    void predictionsRoundTripThroughHdf5();
    void damagedResultsAreRefused();
};

void TestHeatmap::colormapsHaveTheirKnownEnds()
{
    QCOMPARE(core::colormapColour(Colormap::Viridis, 0), qRgb(0x44, 0x01, 0x54));
    QCOMPARE(core::colormapColour(Colormap::Viridis, 1), qRgb(0xfd, 0xe7, 0x25));
    QCOMPARE(core::colormapColour(Colormap::Coolwarm, 0.5), qRgb(221, 221, 221));
    QVERIFY(qBlue(core::colormapColour(Colormap::Coolwarm, 0)) >
            qRed(core::colormapColour(Colormap::Coolwarm, 0)));
    QVERIFY(qRed(core::colormapColour(Colormap::Coolwarm, 1)) >
            qBlue(core::colormapColour(Colormap::Coolwarm, 1)));
    // Turbo: dark blue, through green at the middle, to dark red.
    const QRgb low = core::colormapColour(Colormap::Turbo, 0),
               mid = core::colormapColour(Colormap::Turbo, 0.5),
               high = core::colormapColour(Colormap::Turbo, 1);
    QVERIFY(qGreen(mid) > 200 && qGreen(mid) > qRed(mid) && qGreen(mid) > qBlue(mid));
    QVERIFY(qRed(high) > 100 && qGreen(high) < 40);
    QVERIFY(qGreen(low) < 60 && qRed(low) < 80);
    // Viridis is perceptually ordered: its luminance rises monotonically.
    double previous = -1;
    for (int i = 0; i <= 100; ++i) {
        const QColor c = QColor::fromRgb(core::colormapColour(Colormap::Viridis, i / 100.0));
        const double luminance = 0.2126 * c.redF() + 0.7152 * c.greenF() + 0.0722 * c.blueF();
        QVERIFY2(luminance > previous, qPrintable(QString::number(i)));
        previous = luminance;
    }
    // Outside [0, 1] and NaN are clamped, never garbage.
    QCOMPARE(core::colormapColour(Colormap::Viridis, -3), core::colormapColour(Colormap::Viridis, 0));
    QCOMPARE(core::colormapColour(Colormap::Viridis, 7), core::colormapColour(Colormap::Viridis, 1));
    QCOMPARE(core::colormapColour(Colormap::Viridis, std::nan("")),
             core::colormapColour(Colormap::Viridis, 0));
}

void TestHeatmap::colormapNamesRoundTrip()
{
    for (const QString& name : core::colormapNames())
        QCOMPARE(core::colormapName(*core::colormapFromName(name)), name);
    QCOMPARE(core::colormapFromName(QStringLiteral("TURBO")), Colormap::Turbo);
    QVERIFY(!core::colormapFromName(QStringLiteral("jet")));
}

void TestHeatmap::rawNormalizationIsMinMax()
{
    const auto n = core::normalizeScores({2, 4, 3, 6}, Normalization::Raw);
    QCOMPARE(n, (std::vector<float>{0, 0.5f, 0.25f, 1}));
    QCOMPARE(core::normalizeScores({5, 5}, Normalization::Raw), (std::vector<float>{0.5f, 0.5f}));
    QVERIFY(core::normalizeScores({}, Normalization::Raw).empty());
}

void TestHeatmap::percentileNormalizationRanksWithTies()
{
    // Ranks 0, 3, (1, 2 tied → 1.5), 4 over N − 1 = 4.
    const auto n = core::normalizeScores({0.1f, 0.7f, 0.3f, 0.3f, 9.0f}, Normalization::Percentile);
    QCOMPARE(n, (std::vector<float>{0, 0.75f, 0.375f, 0.375f, 1}));
    // Percentiles ignore the scale: a monotone transform gives the same result.
    QCOMPARE(core::normalizeScores({1, 100, 10, 1000}, Normalization::Percentile),
             core::normalizeScores({0, 2, 1, 3}, Normalization::Percentile));
}

void TestHeatmap::heatmapPixelsSitOnTheirPatches()
{
    const core::PatchScores scores = gridScores(); // 11 patches, values 0 … 10
    core::HeatmapStyle style;
    style.normalization = Normalization::Raw;
    const core::HeatmapImage h = core::renderHeatmap(scores, style, QSize(450, 290));
    QCOMPARE(h.downsample, 100.0);
    QCOMPARE(h.image.size(), QSize(5, 3)); // covers the slide: ceil(450 / 100) × ceil(290 / 100)
    QCOMPARE(h.low, 0.f);
    QCOMPARE(h.high, 10.f);
    QCOMPARE(h.image.pixel(0, 0), core::colormapColour(Colormap::Viridis, 0));
    QCOMPARE(h.image.pixel(3, 2), core::colormapColour(Colormap::Viridis, 1));
    QCOMPARE(h.image.pixel(2, 1), core::colormapColour(Colormap::Viridis, 0.5)); // value 5 of 10
    QCOMPARE(qAlpha(h.image.pixel(1, 1)), 0);                                    // the hole
    QCOMPARE(qAlpha(h.image.pixel(4, 0)), 0);                                    // beyond the patches
    style.colormap = Colormap::Coolwarm;
    QCOMPARE(core::renderHeatmap(scores, style, QSize(450, 290)).image.pixel(2, 1),
             core::colormapColour(Colormap::Coolwarm, 0.5));
}

void TestHeatmap::thresholdHidesLowScores()
{
    core::HeatmapStyle style;
    style.normalization = Normalization::Percentile;
    style.threshold = 0.5; // ranks 0 … 10 over 10: values below 5 disappear
    const QImage image = core::renderHeatmap(gridScores(), style, QSize(400, 300)).image;
    int drawn = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            drawn += qAlpha(image.pixel(x, y)) == 255;
    QCOMPARE(drawn, 6); // values 5 … 10
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);
    QCOMPARE(image.pixel(3, 2), core::colormapColour(Colormap::Viridis, 1));
}

void TestHeatmap::smoothingBlendsNeighboursButNeverFillsBackground()
{
    core::PatchScores s;
    s.step = 10;
    for (int x = 0; x < 6; ++x) { // one row: low low low high high high
        s.coords.insert(s.coords.end(), {x * 10, 0});
        s.values.push_back(x < 3 ? 0.f : 1.f);
    }
    core::HeatmapStyle style;
    style.normalization = Normalization::Raw;
    const QImage crisp = core::renderHeatmap(s, style, QSize(60, 20)).image;
    style.smoothing = 1;
    const QImage smooth = core::renderHeatmap(s, style, QSize(60, 20)).image;
    QCOMPARE(crisp.pixel(2, 0), core::colormapColour(Colormap::Viridis, 0));
    QVERIFY(channelDistance(smooth.pixel(2, 0), crisp.pixel(2, 0)) >
            20); // pulled towards its bright neighbour
    QVERIFY(channelDistance(smooth.pixel(0, 0), crisp.pixel(0, 0)) <
            channelDistance(smooth.pixel(2, 0), crisp.pixel(2, 0)));
    QCOMPARE(qAlpha(smooth.pixel(2, 1)), 0); // no patch there: stays transparent
}

void TestHeatmap::mismatchedScoresAreRefused()
{
    core::PatchScores s = gridScores();
    s.values.pop_back();
    QVERIFY_THROWS_EXCEPTION(core::Error, core::renderHeatmap(s, {}, QSize(400, 300)));
    s = gridScores();
    s.step = 0;
    QVERIFY_THROWS_EXCEPTION(core::Error, core::renderHeatmap(s, {}, QSize(400, 300)));
}

void TestHeatmap::patchIndexFindsPatches()
{
    const core::PatchScores s = gridScores();
    const core::PatchIndex index(s.coords, s.step);
    QCOMPARE(index.patchAt(5, 5), 0);
    QCOMPARE(index.patchAt(399.9, 0), 3);
    QCOMPARE(index.patchAt(150, 150), -1); // the hole
    QCOMPARE(index.patchAt(250, 150), 5);  // row 1: patches 4 (x 0), 5 (x 2), 6 (x 3)
    QCOMPARE(index.patchAt(-1, 0), -1);
    QCOMPARE(index.patchAt(400, 0), -1);
    QCOMPARE(index.patchAt(0, 300), -1);
}

void TestHeatmap::legendShowsTheColourBar()
{
    const QImage legend = core::renderLegend(
        {QStringLiteral("Attention"), QString(), QStringLiteral("0.1"), QStringLiteral("0.9")},
        Colormap::Turbo, 200);
    QCOMPARE(legend.width(), 200);
    // Somewhere in the bar row lie both ends of the map.
    bool low = false, high = false;
    for (int y = 0; y < legend.height(); ++y) {
        low = low || channelDistance(legend.pixel(8, y), core::colormapColour(Colormap::Turbo, 0)) <= 6;
        high = high || channelDistance(legend.pixel(191, y), core::colormapColour(Colormap::Turbo, 1)) <= 6;
    }
    QVERIFY(low);
    QVERIFY(high);
    // Scaled for print: every size triples; a note adds a line.
    const QImage print = core::renderLegend({QStringLiteral("Attention"), QStringLiteral("hot end: …"),
                                             QStringLiteral("0.1"), QStringLiteral("0.9")},
                                            Colormap::Turbo, 200, 3);
    QCOMPARE(print.width(), 600);
    QVERIFY(print.height() > 3 * legend.height());
    const core::LegendText text =
        core::scoreMapLegend(core::ScoreMap::Attention, Normalization::Percentile, 0.001f, 0.02f);
    QCOMPARE(text.low, QStringLiteral("p0 = 0.001"));
    QCOMPARE(text.high, QStringLiteral("p100 = 0.02"));
}

void TestHeatmap::consistencyIsDrawnHotWhereItIsLow()
{
    // Three patches: consistency 0.9 (like its neighbours), 0.5, 0.1 (unlike them).
    core::PatchScores scores;
    scores.values = {0.9f, 0.5f, 0.1f};
    scores.coords = {0, 0, 100, 0, 200, 0};
    scores.step = 100;
    core::HeatmapSettings settings;
    QVERIFY(settings.colormap(core::ScoreMap::Attention) != settings.colormap(core::ScoreMap::Consistency));
    const core::ScoreMapPicture picture =
        core::renderScoreMap(core::ScoreMap::Consistency, scores, settings, QSize(300, 100));
    const Colormap map = settings.colormap(core::ScoreMap::Consistency);
    QCOMPARE(picture.heatmap.image.pixel(2, 0), core::colormapColour(map, 1)); // 0.1: hot
    QCOMPARE(picture.heatmap.image.pixel(0, 0), core::colormapColour(map, 0)); // 0.9: cold
    // The legend keeps the stored units, cold end first, and says what hot means.
    QCOMPARE(picture.heatmap.low, 0.1f);
    QCOMPARE(picture.heatmap.high, 0.9f);
    QCOMPARE(picture.legend.low, QStringLiteral("p100 = 0.9"));
    QCOMPARE(picture.legend.high, QStringLiteral("p0 = 0.1"));
    QVERIFY2(picture.legend.note.contains(QStringLiteral("low = unlike its neighbours")),
             qPrintable(picture.legend.note));
    // The threshold hides the cold end: here the patch most like its neighbours.
    settings.threshold = 0.4;
    const core::ScoreMapPicture hidden =
        core::renderScoreMap(core::ScoreMap::Consistency, scores, settings, QSize(300, 100));
    QCOMPARE(qAlpha(hidden.heatmap.image.pixel(0, 0)), 0);
    QCOMPARE(hidden.heatmap.image.pixel(2, 0), core::colormapColour(map, 1));
    // Attention is drawn as it is: high is hot.
    const core::ScoreMapPicture attention =
        core::renderScoreMap(core::ScoreMap::Attention, scores, core::HeatmapSettings{}, QSize(300, 100));
    QCOMPARE(attention.heatmap.image.pixel(0, 0), core::colormapColour(Colormap::Viridis, 1));
}

void TestHeatmap::evidenceIsDrawnSymmetricAboutZero()
{
    // −1, 0, 0.5, 2: zero stays grey (the diverging map's middle) and ±2 bounds the scale, so the
    // strongest patch against (−1) is half as blue as +2 is red, whatever the normalization.
    core::PatchScores scores{{-1, 0, 0.5f, 2}, {0, 0, 10, 0, 20, 0, 30, 0}, 10};
    for (const core::Normalization n : {core::Normalization::Percentile, core::Normalization::Raw}) {
        core::HeatmapSettings settings;
        settings.normalization = n;
        const core::ScoreMapPicture picture =
            core::renderScoreMap(core::ScoreMap::Evidence, scores, settings, QSize(40, 10));
        const QImage& image = picture.heatmap.image;
        QCOMPARE(image.pixel(0, 0), core::colormapColour(core::Colormap::Coolwarm, 0.25));
        QCOMPARE(image.pixel(1, 0), core::colormapColour(core::Colormap::Coolwarm, 0.5));
        QCOMPARE(image.pixel(2, 0), core::colormapColour(core::Colormap::Coolwarm, 0.625));
        QCOMPARE(image.pixel(3, 0), core::colormapColour(core::Colormap::Coolwarm, 1.0));
        QCOMPARE(picture.legend.low, QStringLiteral("-2"));
        QCOMPARE(picture.legend.high, QStringLiteral("+2"));
        QVERIFY(picture.legend.title.startsWith(QStringLiteral("Evidence")));
    }
    QCOMPARE(core::HeatmapSettings{}.colormap(core::ScoreMap::Evidence), core::Colormap::Coolwarm);
}

void TestHeatmap::scoreMapNamesRoundTrip()
{
    QCOMPARE(core::scoreMapNames().size(), qsizetype(core::kScoreMapCount));
    for (const core::ScoreMap map : core::kScoreMaps)
        QCOMPARE(core::scoreMapFromName(core::scoreMapName(map)), std::optional(map));
    QVERIFY(!core::scoreMapFromName(QStringLiteral("Evidence"))); // names are lower case, as in files
}

void TestHeatmap::snapshotBlendsTheHeatmapOverTheThumbnail()
{
    QImage thumbnail(400, 300, QImage::Format_RGB888);
    thumbnail.fill(Qt::white);
    core::HeatmapStyle style;
    style.normalization = Normalization::Raw;
    const core::HeatmapImage h = core::renderHeatmap(gridScores(), style, QSize(800, 600)); // thumbnail = ½
    const QImage out = core::renderHeatmapSnapshot(thumbnail, QSize(800, 600), h, 0.5, QImage());
    // Patch (0, 0) covers thumbnail pixels 0 … 49: half white, half viridis(0).
    const QRgb c = core::colormapColour(Colormap::Viridis, 0);
    const QRgb expected = qRgb((255 + qRed(c)) / 2, (255 + qGreen(c)) / 2, (255 + qBlue(c)) / 2);
    QVERIFY2(channelDistance(out.pixel(25, 25), expected) <= 2,
             qPrintable(QString::number(out.pixel(25, 25), 16)));
    QCOMPARE(out.pixel(75, 75) | 0xff000000, qRgb(255, 255, 255));   // the hole
    QCOMPARE(out.pixel(300, 250) | 0xff000000, qRgb(255, 255, 255)); // no patches there
}

void TestHeatmap::predictionsRoundTripThroughHdf5()
{
    QTemporaryDir dir;
    core::Prediction p;
    p.run = QStringLiteral("/runs/a");
    p.model = QStringLiteral("srmil");
    p.classNames = {QStringLiteral("normal"), QStringLiteral("tumour")};
    p.probabilities = {0.25f, 0.75f};
    p.attention = {0.5f, 0.3f, 0.2f};
    p.consistency = {0.9f, -0.1f, 0.4f};
    p.coords = {0, 0, 512, 0, 512, 512};
    p.patchStep = 512;
    p.extractor = QStringLiteral("handcrafted");
    const QString path = dir.filePath(QStringLiteral("r.h5"));
    p.write(path);
    const core::Prediction q = core::Prediction::read(path);
    QCOMPARE(q.run, p.run);
    QCOMPARE(q.model, p.model);
    QCOMPARE(q.classNames, p.classNames);
    QCOMPARE(q.probabilities, p.probabilities);
    QCOMPARE(q.attention, p.attention);
    QCOMPARE(q.consistency, p.consistency);
    QCOMPARE(q.coords, p.coords);
    QCOMPARE(q.patchStep, 512);
    QCOMPARE(q.extractor, p.extractor);
    QVERIFY(q.evidence.empty());
    QCOMPARE(q.evidenceClass, -1);
    // The evidence map and the class it points to.
    p.evidence = {0.25f, -0.5f, 0.0f};
    p.evidenceClass = 1;
    p.write(path);
    const core::Prediction e = core::Prediction::read(path);
    QCOMPARE(e.evidence, p.evidence);
    QCOMPARE(e.evidenceClass, 1);
    QCOMPARE(&e.scores(core::ScoreMap::Evidence), &e.evidence);
    // A class beyond the probabilities' is damage, named as such.
    p.evidenceClass = 2;
    p.write(path);
    try {
        (void)core::Prediction::read(path);
        QFAIL("an evidence map toward a class that does not exist was read");
    } catch (const core::Error& err) {
        QVERIFY2(err.message().contains(QStringLiteral("evidence")), qPrintable(err.message()));
    }
    p.evidence.clear();
    p.evidenceClass = -1;
    // Without consistency (ABMIL) the dataset is absent and reads back empty.
    p.consistency.clear();
    p.write(path);
    QVERIFY(core::Prediction::read(path).consistency.empty());
}

void TestHeatmap::damagedResultsAreRefused()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(QStringLiteral("none.h5"));
    try {
        core::Prediction::read(missing);
        QFAIL("a missing file was read");
    } catch (const core::Error& e) {
        QVERIFY(e.message().contains(missing));
    }
    const QString text = dir.filePath(QStringLiteral("text.h5"));
    QFile f(text);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not hdf5 at all");
    f.close();
    QVERIFY_THROWS_EXCEPTION(core::Error, core::Prediction::read(text));
    // A valid HDF5 file that is not a results file (a feature bag).
    core::FeatureBag bag;
    bag.count = 2;
    bag.dimension = 3;
    bag.features.assign(6, 0.5f);
    bag.coords = {0, 0, 256, 0};
    const QString features = dir.filePath(QStringLiteral("features.h5"));
    core::FeatureStore::write(features, bag);
    try {
        core::Prediction::read(features);
        QFAIL("a feature bag was read as results");
    } catch (const core::Error& e) {
        QVERIFY(e.message().contains(QStringLiteral("not a Tessera results file")));
    }
}

void TestHeatmap::percentileDifferenceMatchesPatchesByPlace()
{
    // A: patches at x = 0, 1, 2, 3 (step 10) scored 1, 2, 3, 4; B lists the same patches in
    // another order plus one A lacks, with raw scores on another scale.
    core::PatchScores a{{1, 2, 3, 4}, {0, 0, 10, 0, 20, 0, 30, 0}, 10};
    core::PatchScores b{{0.9f, 0.1f, 0.5f, 0.7f, 0.3f}, {30, 0, 0, 0, 20, 0, 10, 0, 40, 0}, 10};
    const core::PatchScores d = core::percentileDifference(a, b);
    QCOMPARE(d.step, 10);
    QCOMPARE(d.coords, (std::vector<std::int64_t>{0, 0, 10, 0, 20, 0, 30, 0}));
    // Ranked among the four shared patches: A 0, 1/3, 2/3, 1; B (0.1, 0.7, 0.5, 0.9) 0, 2/3, 1/3, 1.
    // B's extra patch (40, 0) changes no rank.
    const std::vector<float> expected{0.0f, -1.0f / 3, 1.0f / 3, 0.0f};
    for (std::size_t i = 0; i < expected.size(); ++i)
        QVERIFY2(std::abs(d.values[i] - expected[i]) < 1e-6f, qPrintable(QString::number(d.values[i])));
    // A map against itself differs nowhere; reversed, everywhere by the full range at the ends.
    for (const float v : core::percentileDifference(a, a).values)
        QCOMPARE(v, 0.0f);
    core::PatchScores reversed = a;
    reversed.values = {4, 3, 2, 1};
    const auto r = core::percentileDifference(a, reversed).values;
    QCOMPARE(r.front(), -1.0f);
    QCOMPARE(r.back(), 1.0f);
    // Other grids, or no shared patch: refused with the reason.
    core::PatchScores other = b;
    other.step = 20;
    QVERIFY_THROWS_EXCEPTION(core::Error, core::percentileDifference(a, other));
    core::PatchScores elsewhere{{1}, {500, 500}, 10};
    QVERIFY_THROWS_EXCEPTION(core::Error, core::percentileDifference(a, elsewhere));
}

void TestHeatmap::differenceIsDrawnOnAFixedDivergingScale()
{
    // Values −1, 0, 0.5 only: a per-slide normalization would stretch 0.5 to the red end; the
    // fixed scale keeps it between grey and red.
    core::PatchScores d{{-1, 0, 0.5f}, {0, 0, 10, 0, 20, 0}, 10};
    const core::HeatmapImage image = core::renderDifference(d, QSize(40, 10));
    QCOMPARE(image.image.size(), QSize(4, 1));
    QCOMPARE(image.image.pixel(0, 0), core::colormapColour(core::Colormap::Coolwarm, 0.0));
    QCOMPARE(image.image.pixel(1, 0), core::colormapColour(core::Colormap::Coolwarm, 0.5));
    QCOMPARE(image.image.pixel(2, 0), core::colormapColour(core::Colormap::Coolwarm, 0.75));
    QCOMPARE(qAlpha(image.image.pixel(3, 0)), 0);
    const core::LegendText legend = core::differenceLegend(QStringLiteral("A"), QStringLiteral("B"));
    QVERIFY(legend.title.contains(QStringLiteral("A − B")));
    QCOMPARE(legend.low, QStringLiteral("−100"));
}

QTEST_MAIN(TestHeatmap) // legends need fonts: a QGuiApplication
#include "tst_heatmap.moc"
