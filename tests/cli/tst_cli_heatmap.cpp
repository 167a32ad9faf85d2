// End to end on synthetic slides: demo-data (slides → features → SR-MIL → predictions),
// maps that find the known tumours, heatmap pictures, and refusals of bad input.
#include "annotations/HeatmapRegions.h"
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "run/Metrics.h"
#include "synth/GroundTruth.h"
#include "synth/PyramidTiffWriter.h"

#include "project/Project.h"
#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {
std::vector<bool> tumourPatches(const QString& slide, const core::Prediction& p)
{
    const auto fractions = core::GroundTruth::patchTumourFractions(
        core::GroundTruthPaths::forSlide(slide).mask, p.coords, p.patchStep);
    std::vector<bool> tumour;
    for (float f : fractions)
        tumour.push_back(f > 0.5f);
    return tumour;
}
} // namespace

class TestCliHeatmap : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void demoDataIsARealProject();
    void mapsFromATrainedModelFindTheTumours();
    void heatmapPictureColoursTheTumour();
    void regionsTracedFromAttentionCoverTheTumour();
    void heatmapRefusesMismatchedFeaturesAndBlankSlides();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestCliHeatmap::initTestCase()
{
    m_project = m_dir.filePath(QStringLiteral("demo"));
    const test::CliRun run = test::runCli(
        {QStringLiteral("demo-data"), QStringLiteral("--out"), m_project, QStringLiteral("--slides"),
         QStringLiteral("6"), QStringLiteral("--width"), QStringLiteral("8000"), QStringLiteral("--height"),
         QStringLiteral("6000"), QStringLiteral("--epochs"), QStringLiteral("20")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("demo project ready")));
}

void TestCliHeatmap::demoDataIsARealProject()
{
    // Everything the demo made is in the project's database, for the GUI to open.
    const auto project = core::Project::open(m_project);
    const std::vector<core::SlideRecord> slides = project->slides().list();
    QCOMPARE(slides.size(), std::size_t(6));
    for (const core::SlideRecord& s : slides) {
        QCOMPARE(s.label, s.key.endsWith(QLatin1String("tumour")) ? QStringLiteral("tumour")
                                                                  : QStringLiteral("normal"));
        QVERIFY(!s.part.isEmpty());
        QCOMPARE(s.featureSets, 1);
        QCOMPARE(s.predictions, 1);
        QVERIFY(!s.missing);
    }
    const auto run = project->runs().find(QStringLiteral("demo-srmil"));
    QVERIFY(run);
    QCOMPARE(run->status, core::RunStatus::kFinished);
    QCOMPARE(run->model, QStringLiteral("srmil"));
    QCOMPARE(run->epochsDone, 20);
    QCOMPARE(project->runs().epochs(run->id).size(), std::size_t(20));
    QCOMPARE(project->runs().epochs(run->id).front().terms.size(), std::size_t(3)); // every SR-MIL loss term
    QCOMPARE(project->runs().featureSets().size(), std::size_t(1));
    // `project status` says the same from the command line.
    const test::CliRun status = test::runCli(
        {QStringLiteral("project"), QStringLiteral("status"), QStringLiteral("--project"), m_project});
    QCOMPARE(status.exitCode, 0);
    QVERIFY2(status.out.contains(QLatin1String("Slides: 6")) &&
                 status.out.contains(QLatin1String("demo-srmil")) &&
                 status.out.contains(QLatin1String("finished")),
             qPrintable(status.out));
}

void TestCliHeatmap::mapsFromATrainedModelFindTheTumours()
{
    const QStringList slides = QDir(m_project + QStringLiteral("/slides"))
                                   .entryList({QStringLiteral("*.tiff")}, QDir::Files, QDir::Name);
    QCOMPARE(slides.size(), 6);
    int tumourSlides = 0;
    for (const QString& name : slides) {
        const QString slide = m_project + QStringLiteral("/slides/") + name;
        const core::Prediction p =
            core::Prediction::read(m_project + QStringLiteral("/predictions/demo-srmil/") +
                                   QFileInfo(name).completeBaseName() + QStringLiteral(".h5"));
        QCOMPARE(p.classNames, (QStringList{QStringLiteral("normal"), QStringLiteral("tumour")}));
        const bool hasTumour = name.contains(QStringLiteral("tumour"));
        // Slide level: the right class wins on every slide (training and validation).
        QCOMPARE(p.probabilities[1] > 0.5f, hasTumour);
        if (!hasTumour)
            continue;
        ++tumourSlides;
        const std::vector<bool> truth = tumourPatches(slide, p);
        QVERIFY(std::count(truth.begin(), truth.end(), true) >= 3);
        const double attention =
            core::rocAuc(std::vector<double>(p.attention.begin(), p.attention.end()), truth);
        const double consistency =
            core::rocAuc(std::vector<double>(p.consistency.begin(), p.consistency.end()), truth);
        qInfo("%s: patch AUC attention %.3f, consistency %.3f", qPrintable(name), attention, consistency);
        QVERIFY2(attention >= 0.8,
                 qPrintable(QStringLiteral("%1: attention AUC %2").arg(name).arg(attention)));
        // Consistency is label-independent: it must tell tumour from normal tissue in either
        // direction (tumour patches are reconstructed worse from their neighbours).
        QVERIFY2(std::abs(consistency - 0.5) >= 0.2, qPrintable(QString::number(consistency)));
    }
    QCOMPARE(tumourSlides, 3);
}

void TestCliHeatmap::regionsTracedFromAttentionCoverTheTumour()
{
    // "Annotate from heatmap" as the dialog starts: the top 5 % of the attention map (the demo's
    // tumours cover 2–5 % of the patches), half a patch of smoothing. The polygons cover the
    // ground-truth tumour: Dice over patches ≥ 0.7. (Otsu's automatic threshold is offered too,
    // but with a tumour this small it cuts well above or below it: docs/ANNOTATIONS.md.)
    for (const char* name : {"demo-01-tumour", "demo-03-tumour", "demo-05-tumour"}) {
        const QString slide = m_project + QStringLiteral("/slides/%1.tiff").arg(QLatin1String(name));
        const core::Prediction p = core::Prediction::read(
            m_project + QStringLiteral("/predictions/demo-srmil/%1.h5").arg(QLatin1String(name)));
        core::PatchScores scores;
        scores.values = p.attention;
        scores.coords = p.coords;
        scores.step = p.patchStep;
        core::HeatmapRegionOptions options;
        options.mode = core::HeatmapRegionOptions::Threshold::Percentile;
        options.threshold = 95;
        const core::HeatmapRegions traced = core::traceHeatmapRegions(scores, options);
        QVERIFY(!traced.regions.empty());
        const std::vector<bool> truth = tumourPatches(slide, p);
        int both = 0, inRegions = 0, inTruth = 0;
        for (size_t i = 0; i < truth.size(); ++i) {
            const QPointF centre(double(p.coords[2 * i]) + p.patchStep / 2.0,
                                 double(p.coords[2 * i + 1]) + p.patchStep / 2.0);
            const bool inside =
                std::any_of(traced.regions.begin(), traced.regions.end(),
                            [&](const core::HeatmapRegion& r) { return r.geometry.contains(centre); });
            inRegions += inside;
            inTruth += truth[i];
            both += inside && truth[i];
        }
        const double dice = 2.0 * both / std::max(1, inRegions + inTruth);
        qInfo("%s: %zu regions, Dice %.3f (%d patches traced, %d tumour)", name, traced.regions.size(), dice,
              inRegions, inTruth);
        QVERIFY2(dice >= 0.7, qPrintable(QStringLiteral("%1: Dice %2").arg(QLatin1String(name)).arg(dice)));
    }
}

void TestCliHeatmap::heatmapPictureColoursTheTumour()
{
    const QString slide = m_project + QStringLiteral("/slides/demo-01-tumour.tiff");
    const QString out = m_dir.filePath(QStringLiteral("attention.png"));
    const test::CliRun run = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), slide, QStringLiteral("--out"), out, QStringLiteral("--size"),
         QStringLiteral("800"), QStringLiteral("--opacity"), QStringLiteral("1")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QStringLiteral("stored results"))); // demo-data already predicted it
    const QImage picture(out);
    QCOMPARE(picture.size(), QSize(800, 600));
    // Opaque viridis over percentiles: tumour patches are yellow-green, most others purple-blue.
    const core::Prediction p =
        core::Prediction::read(m_project + QStringLiteral("/predictions/demo-srmil/demo-01-tumour.h5"));
    const std::vector<bool> truth = tumourPatches(slide, p);
    const double scale = 800.0 / 8000.0;
    double tumourGreen = 0, normalGreen = 0;
    int tumourCount = 0, normalCount = 0;
    for (std::size_t i = 0; i < truth.size(); ++i) {
        const QPoint at(int((double(p.coords[2 * i]) + p.patchStep / 2.0) * scale),
                        int((double(p.coords[2 * i + 1]) + p.patchStep / 2.0) * scale));
        const double green = qGreen(picture.pixel(at));
        (truth[i] ? tumourGreen : normalGreen) += green;
        ++(truth[i] ? tumourCount : normalCount);
    }
    QVERIFY(tumourCount > 0 && normalCount > 0);
    QVERIFY2(
        tumourGreen / tumourCount > normalGreen / normalCount + 60,
        qPrintable(QStringLiteral("%1 vs %2").arg(tumourGreen / tumourCount).arg(normalGreen / normalCount)));

    // The consistency map of the same slide, written next to it; unknown options are refused.
    const QString consistency = m_dir.filePath(QStringLiteral("consistency.png"));
    QCOMPARE(
        test::runCli({QStringLiteral("heatmap"), QStringLiteral("--run"),
                      m_project + QStringLiteral("/runs/demo-srmil"), QStringLiteral("--slide"), slide,
                      QStringLiteral("--map"), QStringLiteral("consistency"), QStringLiteral("--colormap"),
                      QStringLiteral("coolwarm"), QStringLiteral("--smooth"), QStringLiteral("1"),
                      QStringLiteral("--out"), consistency})
            .exitCode,
        0);
    QVERIFY(!QImage(consistency).isNull());
    const test::CliRun bad = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), slide, QStringLiteral("--colormap"), QStringLiteral("jet"),
         QStringLiteral("--out"), m_dir.filePath(QStringLiteral("jet.png"))});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY(bad.err.contains(QStringLiteral("viridis")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("jet.png"))));
}

void TestCliHeatmap::heatmapRefusesMismatchedFeaturesAndBlankSlides()
{
    // Another project whose features of this slide have another dimension.
    const QString other = m_dir.filePath(QStringLiteral("other"));
    QDir().mkpath(other + QStringLiteral("/features"));
    core::FeatureBag bag;
    bag.count = 2;
    bag.dimension = 16;
    bag.features.assign(32, 0.25f);
    bag.coords = {0, 0, 256, 0};
    bag.extractor = QStringLiteral("handcrafted");
    core::FeatureStore::write(other + QStringLiteral("/features/demo-01-tumour.h5"), bag);
    const QString out = m_dir.filePath(QStringLiteral("mismatch.png"));
    const test::CliRun mismatch = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), m_project + QStringLiteral("/slides/demo-01-tumour.tiff"),
         QStringLiteral("--project"), other, QStringLiteral("--out"), out});
    QCOMPARE(mismatch.exitCode, 1);
    QVERIFY2(mismatch.err.contains(QStringLiteral("16-dimensional")), qPrintable(mismatch.err));
    QVERIFY(!QFile::exists(out));

    // The same with the right dimension but another extractor's features.
    bag.dimension =
        int(core::FeatureStore::read(m_project + QStringLiteral("/features/demo-01-tumour.h5")).dimension);
    bag.features.assign(std::size_t(2 * bag.dimension), 0.25f);
    bag.extractor = QStringLiteral("torchscript:resnet18.pt");
    core::FeatureStore::write(other + QStringLiteral("/features/demo-01-tumour.h5"), bag);
    const test::CliRun extractor = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), m_project + QStringLiteral("/slides/demo-01-tumour.tiff"),
         QStringLiteral("--project"), other, QStringLiteral("--out"), out});
    QCOMPARE(extractor.exitCode, 1);
    QVERIFY2(extractor.err.contains(QStringLiteral("torchscript:resnet18.pt")), qPrintable(extractor.err));

    // A blank slide (glass only): no tissue, said so, nothing written.
    const QString blank = m_dir.filePath(QStringLiteral("blank.tiff"));
    {
        core::PyramidTiffWriter writer(blank, {});
        writer.beginLevel(2048, 2048, 1);
        writer.writeImage(cv::Mat(2048, 2048, CV_8UC3, cv::Scalar(244, 243, 246)));
        writer.finish();
    }
    const test::CliRun empty = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), blank, QStringLiteral("--project"), other, QStringLiteral("--out"), out});
    QCOMPARE(empty.exitCode, 1);
    QVERIFY2(empty.err.contains(QStringLiteral("tissue")), qPrintable(empty.err));
    QVERIFY(!QFile::exists(out));
    QVERIFY(!QFile::exists(other + QStringLiteral("/features/blank.h5")));
}

QTEST_GUILESS_MAIN(TestCliHeatmap)
#include "tst_cli_heatmap.moc"
