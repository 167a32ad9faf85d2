// Tissue detection against the synthetic ground truth, and the patch grid built on it.
#include "common/Error.h"
#include "support/TestSlides.h"
#include "synth/GroundTruth.h"
#include "tissue/PatchGrid.h"
#include "tissue/TissueDetector.h"

#include <QtTest>
#include <opencv2/imgproc.hpp>

using namespace tessera;

namespace {
core::SynthSpec holeySpec()
{
    core::SynthSpec spec;
    spec.width = 9000;
    spec.height = 7000;
    spec.seed = 23;
    spec.tumourCount = 2;
    spec.tissuePieces = 4;
    return spec;
}
} // namespace

class TestTissue : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void matchesGroundTruthWithIoUAbove90();
    void blankImageHasNoTissue();
    void realSlideHasAPlausibleTissueFraction();
    void gridIsGlobalAndOnTissue();
    void gridAtLowerMagnificationReadsACoarserLevel();
    void gridRefusesUpsampling();
};

void TestTissue::matchesGroundTruthWithIoUAbove90()
{
    const QString path = test::synthSlide(holeySpec(), QStringLiteral("holey.tiff"));
    const core::SlidePtr slide = core::Slide::open(path);
    const core::TissueMask tissue = core::TissueDetector().detect(*slide);
    const auto truthPath = core::GroundTruthPaths::forSlide(path).mask;
    const QImage truth(truthPath);
    const int ds = core::GroundTruth::maskDownsample(truth, truthPath);
    int both = 0, either = 0, holePixels = 0;
    for (int y = 0; y < truth.height(); ++y)
        for (int x = 0; x < truth.width(); ++x) {
            const bool expected = qGray(truth.pixel(x, y)) != 0;
            const bool found = tissue.fractionIn(QRectF(x * ds + ds / 2.0, y * ds + ds / 2.0, 1, 1)) > 0;
            both += expected && found;
            either += expected || found;
        }
    const double iou = double(both) / either;
    for (const auto& hole : tissue.holes)
        holePixels += int(hole.size());
    qInfo("tissue IoU %.4f (threshold %d, %zu pieces, %zu holes)", iou, tissue.threshold,
          tissue.outlines.size(), tissue.holes.size());
    QVERIFY(iou >= 0.9);
    QCOMPARE(int(tissue.outlines.size()), 4);
    QVERIFY(holePixels > 0); // the lumens are found as holes, not filled in
}

void TestTissue::blankImageHasNoTissue()
{
    cv::Mat glass(400, 500, CV_8UC3, cv::Scalar(242, 241, 244));
    cv::randn(glass, cv::Scalar(242, 241, 244), cv::Scalar(2, 2, 2)); // scanner noise
    const core::TissueMask tissue = core::TissueDetector().detect(glass, 16, QSize(8000, 6400), 0.5);
    QCOMPARE(tissue.tissueFraction(), 0.0);
    QVERIFY(tissue.outlines.empty());
}

void TestTissue::realSlideHasAPlausibleTissueFraction()
{
    const QString svs = test::sampleSlide(QStringLiteral("CMU-1-Small-Region.svs"));
    if (svs.isEmpty())
        QSKIP("shared/testdata is not present");
    const core::TissueMask tissue = core::TissueDetector().detect(*core::Slide::open(svs));
    qInfo("CMU-1-Small-Region tissue fraction %.3f", tissue.tissueFraction());
    QVERIFY(tissue.tissueFraction() > 0.25 && tissue.tissueFraction() < 0.8);
}

void TestTissue::gridIsGlobalAndOnTissue()
{
    const core::SlidePtr slide =
        core::Slide::open(test::synthSlide(holeySpec(), QStringLiteral("holey.tiff")));
    const core::TissueMask tissue = core::TissueDetector().detect(*slide);
    core::PatchGridParams params;
    params.minTissueFraction = 0.5;
    const core::PatchGrid grid = core::PatchGrid::build(*slide, tissue, params);
    QCOMPARE(grid.patchSizeLevel0, 256);
    QCOMPARE(grid.readLevel, 0);
    QVERIFY(grid.coords.size() > 100);
    for (std::size_t i = 0; i < grid.coords.size(); ++i) {
        QCOMPARE(grid.coords[i].x() % 256, 0);
        QCOMPARE(grid.coords[i].y() % 256, 0);
        QVERIFY(grid.tissueFractions[i] >= 0.5f);
        QVERIFY(grid.coords[i].x() + 256 <= 9000 && grid.coords[i].y() + 256 <= 7000);
    }
    // Patches cover roughly the tissue area.
    const double covered = grid.coords.size() * 256.0 * 256.0 / (9000.0 * 7000.0);
    QVERIFY(std::abs(covered - tissue.tissueFraction()) < 0.1);
}

void TestTissue::gridAtLowerMagnificationReadsACoarserLevel()
{
    const core::SlidePtr slide =
        core::Slide::open(test::synthSlide(holeySpec(), QStringLiteral("holey.tiff")));
    const core::TissueMask tissue = core::TissueDetector().detect(*slide);
    core::PatchGridParams params;
    params.magnification = 10;
    params.patchSize = 224;
    const core::PatchGrid grid = core::PatchGrid::build(*slide, tissue, params);
    QCOMPARE(grid.patchSizeLevel0, 448);
    QCOMPARE(grid.readLevel, 1);
    QCOMPARE(grid.readSize, 224);
    for (const QPoint& p : grid.coords)
        QVERIFY(p.x() % 448 == 0 && p.y() % 448 == 0);
}

void TestTissue::gridRefusesUpsampling()
{
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    core::PatchGridParams params;
    params.magnification = 40; // the slide is 20×
    try {
        core::PatchGrid::build(*slide, core::TissueDetector().detect(*slide), params);
        QFAIL("40× patches from a 20× slide were accepted");
    } catch (const core::Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("scanned at 20×")), qPrintable(e.message()));
    }
}

QTEST_GUILESS_MAIN(TestTissue)
#include "tst_tissue.moc"
