// End to end on synthetic slides: demo-data (slides → features → SR-MIL → predictions),
// maps that find the known tumours, heatmap pictures, regions traced from them, reports read
// back with poppler, and refusals of bad input.
#include "annotations/HeatmapRegions.h"
#include "features/FeatureStore.h"
#include "heatmap/HeatmapSnapshot.h"
#include "infer/Predictor.h"
#include "run/Metrics.h"
#include "run/RunEvaluation.h"
#include "run/RunFolder.h"
#include "synth/GroundTruth.h"
#include "synth/PyramidTiffWriter.h"

#include "annotations/AnnotationFiles.h"
#include "project/Project.h"
#include "project/RunRegistry.h"
#include "slide/Slide.h"
#include "support/CliRunner.h"

#include <QProcess>

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
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

QStringList readLines(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly)
               ? QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts)
               : QStringList{};
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
    void reportReadsBackWithEverything();
    void reportRefusesAndOmitsClearly();
    // Last: it adds a slide to the project that the report tests count.
    void aRealSlideIsFlaggedAsUnlikeTheSyntheticTraining();
    // After the report tests: it adds runs and predictions.
    void foldsTrainedTogetherAreAnEnsembleWithAnUncertaintyMap();
    void annotationsTrainTheAttentionOfTrainingSlides();
    void compareWritesAPdfAndTablesOfTwoRuns();
    void suggestAsksAboutTrainingSlidesAndKeepsWhoProposedIt();
    void unlabelledSlidesTakeTheirLabelFromTheirAnnotations();
    void aDicomSeriesAndAnOmeTiffAreMappedAndReported(); // last: it adds a slide to the project

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
        // Evidence, toward the class the slide is called (tumour here).
        QCOMPARE(p.evidenceClass, 1);
        const double evidence =
            core::rocAuc(std::vector<double>(p.evidence.begin(), p.evidence.end()), truth);
        qInfo("%s: patch AUC attention %.3f, consistency %.3f, evidence %.3f", qPrintable(name), attention,
              consistency, evidence);
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
    // The evidence map: a diverging scale about 0, its ends the slide's strongest patches for and
    // against (SR-MIL's readout evidence is not a tumour map: docs/HEATMAPS.md).
    const QString evidence = m_dir.filePath(QStringLiteral("evidence.png"));
    const test::CliRun evidenceRun = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), slide, QStringLiteral("--map"), QStringLiteral("evidence"),
         QStringLiteral("--size"), QStringLiteral("800"), QStringLiteral("--opacity"), QStringLiteral("1"),
         QStringLiteral("--out"), evidence});
    QVERIFY2(evidenceRun.exitCode == 0, qPrintable(evidenceRun.err));
    const QImage evidencePicture(evidence);
    QCOMPARE(p.evidence.size(), truth.size());
    const auto [lowest, highest] = std::minmax_element(p.evidence.begin(), p.evidence.end());
    const float reach = std::max(-*lowest, *highest);
    QVERIFY(*lowest < 0 && *highest > 0);
    for (const auto patch : {lowest, highest}) {
        const std::size_t i = std::size_t(patch - p.evidence.begin());
        const QPoint at(int((double(p.coords[2 * i]) + p.patchStep / 2.0) * scale),
                        int((double(p.coords[2 * i + 1]) + p.patchStep / 2.0) * scale));
        const QRgb expected = core::colormapColour(core::Colormap::Coolwarm, 0.5 + 0.5 * *patch / reach);
        const QRgb shown = evidencePicture.pixel(at);
        QVERIFY2(std::abs(qRed(shown) - qRed(expected)) <= 2 && std::abs(qBlue(shown) - qBlue(expected)) <= 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(shown, 0, 16).arg(expected, 0, 16)));
    }
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

namespace {
QString poppler(const QString& tool, const QStringList& arguments)
{
    QProcess p;
    p.start(tool, arguments);
    p.waitForFinished(60000);
    return QString::fromUtf8(p.readAllStandardOutput());
}
} // namespace

void TestCliHeatmap::reportReadsBackWithEverything()
{
    // Annotations of two classes on a tumour slide (one a point: zero area), findings in three
    // scripts, one right to left.
    const QString slide = m_project + QStringLiteral("/slides/demo-01-tumour.tiff");
    {
        const auto project = core::Project::open(m_project);
        core::AnnotationStore& store = project->annotations();
        const qint64 id = store.slideIdFor(slide);
        store.addClasses({{QStringLiteral("Tumor"), QColor(200, 0, 0), true},
                          {QStringLiteral("Stroma"), QColor(0, 150, 0), true}});
        std::vector<core::Annotation> marks;
        const auto mark = [&](const core::Geometry& g, const QString& c) {
            core::Annotation a;
            a.id = QUuid::createUuid();
            a.geometry = g;
            a.className = c;
            a.created = a.modified = QDateTime::currentDateTimeUtc();
            marks.push_back(a);
        };
        // The rectangle around the patch with the highest attention: the tumour.
        const core::Prediction top =
            core::Prediction::read(m_project + QStringLiteral("/predictions/demo-srmil/demo-01-tumour.h5"));
        const size_t best =
            size_t(std::max_element(top.attention.begin(), top.attention.end()) - top.attention.begin());
        const double step = top.patchStep;
        mark(core::Geometry::rectangle(QRectF(double(top.coords[2 * best]) - step,
                                              double(top.coords[2 * best + 1]) - step, 3 * step, 3 * step)),
             QStringLiteral("Tumor"));
        mark(core::Geometry::ellipse(QRectF(500, 500, 800, 600)), QStringLiteral("Stroma"));
        mark(core::Geometry::point(QPointF(4000, 3000)), QStringLiteral("Stroma"));
        store.save(id, marks, {});
    }
    const QString findings = m_dir.filePath(QStringLiteral("findings.txt"));
    {
        QFile f(findings);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(
                    "Tumour in the lower right, Grad II.\nZweitmeinung: Präparat überprüfen.\nמסקנה סופית\n")
                    .toUtf8());
    }
    const QString pdf = m_dir.filePath(QStringLiteral("report/demo-01.pdf")),
                  csv = m_dir.filePath(QStringLiteral("csv"));
    QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("report"))));
    const test::CliRun run = test::runCli(
        {QStringLiteral("report"), QStringLiteral("--project"), m_project, QStringLiteral("--slide"),
         QStringLiteral("demo-01-tumour"), QStringLiteral("--out"), pdf, QStringLiteral("--csv"), csv,
         QStringLiteral("--findings"), findings, QStringLiteral("--author"), QStringLiteral("Dr. Test")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Pages and pictures: overview, two heatmaps, crops.
    const QString info = poppler(QStringLiteral("pdfinfo"), {pdf});
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    QVERIFY2(pages >= 3, qPrintable(info));
    const QStringList images = poppler(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf})
                                   .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QVERIFY2(images.size() - 2 >= 3 + 3 + 6,
             qPrintable(images.join(QLatin1Char('\n')))); // header lines, 3 maps, 3 crops, 6 patches
    // The text: slide id, probabilities, every class, the findings.
    const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    const core::Prediction p =
        core::Prediction::read(m_project + QStringLiteral("/predictions/demo-srmil/demo-01-tumour.h5"));
    for (const QString& expected :
         {QStringLiteral("demo-01-tumour"), QLocale().toString(double(p.probabilities[1]), 'f', 3),
          QStringLiteral("Tumor"), QStringLiteral("Stroma"), QStringLiteral("Präparat überprüfen"),
          QStringLiteral("Dr. Test"), QStringLiteral("For research use only"), QStringLiteral("Page 1 of")})
        QVERIFY2(text.contains(expected), qPrintable(expected));
    QVERIFY2(text.contains(QStringLiteral("מסקנה")), "the right-to-left findings");
    // The CSVs parse, and their areas are the database's.
    QFile annotations(csv + QStringLiteral("/demo-01-tumour_annotations.csv"));
    QVERIFY(annotations.open(QIODevice::ReadOnly));
    const QStringList lines =
        QString::fromUtf8(annotations.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 4);
    QVERIFY(lines[0].startsWith(QLatin1String("index,class,shape,area_um_2")));
    const auto project = core::Project::open(m_project);
    const qint64 id = project->annotations().slideIdFor(slide);
    const std::vector<core::Annotation> stored = project->annotations().load(id);
    const double mpp = *core::Slide::open(slide)->micronsPerPixel();
    for (int i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].split(QLatin1Char(','));
        QCOMPARE(cells.size(), 7);
        QVERIFY(std::abs(cells[3].toDouble() - core::measure(stored[size_t(i - 1)].geometry, mpp).area) <
                1e-6 * (1 + cells[3].toDouble()));
    }
    QVERIFY2(lines[1].split(QLatin1Char(','))[6].toDouble() > 80, qPrintable(lines[1])); // on the tumour
    QVERIFY(QFile::exists(csv + QStringLiteral("/demo-01-tumour_top_patches.csv")));
    QVERIFY(QFile::exists(csv + QStringLiteral("/demo-01-tumour_class_summary.csv")));
    // Recorded in the project, with the findings.
    QVERIFY(project->database()
                .scalar(QStringLiteral("SELECT findings FROM reports WHERE file LIKE ?"),
                        {QStringLiteral("%demo-01.pdf")})
                .toString()
                .contains(QStringLiteral("Präparat")));
}

void TestCliHeatmap::reportRefusesAndOmitsClearly()
{
    const auto report = [&](const QStringList& extra) {
        return test::runCli(QStringList{QStringLiteral("report"), QStringLiteral("--project"), m_project} +
                            extra);
    };
    // A slide or run the project does not have: exit 1, named.
    test::CliRun run = report({QStringLiteral("--slide"), QStringLiteral("nope"), QStringLiteral("--out"),
                               m_dir.filePath(QStringLiteral("x.pdf"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("nope")), qPrintable(run.err));
    run = report({QStringLiteral("--slide"), QStringLiteral("demo-01-tumour"), QStringLiteral("--run"),
                  QStringLiteral("no-such-run"), QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("x.pdf"))});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("no-such-run")), qPrintable(run.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.pdf"))));
    // A folder nothing can be written to: a message naming the file, nothing left there.
    run = report({QStringLiteral("--slide"), QStringLiteral("demo-01-tumour"), QStringLiteral("--out"),
                  QStringLiteral("/proc/report.pdf")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("/proc/report.pdf")), qPrintable(run.err));
    // A slide without a prediction: reported without model results, and the report says so.
    const QString plain = m_dir.filePath(QStringLiteral("unpredicted.tiff"));
    QVERIFY(QFile::copy(m_project + QStringLiteral("/slides/demo-02-normal.tiff"), plain));
    {
        QFile f(plain);
        QVERIFY(f.open(QIODevice::Append));
        f.write("x"); // another fingerprint
    }
    core::Project::open(m_project)->slides().add({plain});
    const QString pdf = m_dir.filePath(QStringLiteral("unpredicted.pdf"));
    run = report({QStringLiteral("--slide"), QStringLiteral("unpredicted"), QStringLiteral("--out"), pdf});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(run.out.contains(QLatin1String("no model has been applied")));
    QVERIFY(poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")})
                .contains(QLatin1String("no model has been applied")));
    // --all: one report per slide.
    const QString all = m_dir.filePath(QStringLiteral("all"));
    run = report({QStringLiteral("--all"), QStringLiteral("--out"), all});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QCOMPARE(QDir(all).entryList({QStringLiteral("*.pdf")}, QDir::Files).size(), 7);
}

void TestCliHeatmap::aRealSlideIsFlaggedAsUnlikeTheSyntheticTraining()
{
    // The GUI trial's case: the demo run (synthetic slides only) on a real H&E slide.
    const QString real = QStringLiteral(TESSERA_TESTDATA "/CMU-1-Small-Region.svs");
    const test::CliRun run = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), real, QStringLiteral("--project"), m_project, QStringLiteral("--out"),
         m_dir.filePath(QStringLiteral("real.png"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    qInfo("%s", qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("Unlike the training data: ")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QStringLiteral("reference: ")), qPrintable(run.out));
    // The database and the results file say so too; a demo slide is like its training slides.
    const auto project = core::Project::open(m_project);
    const std::vector<core::PredictionRecord> stored = project->runs().predictionsFor(real);
    QCOMPARE(stored.size(), std::size_t(1));
    QVERIFY(stored.front().ood.flagged);
    const core::Prediction results = core::Prediction::read(stored.front().file);
    QVERIFY(results.ood.flagged);
    QCOMPARE(results.ood.toJson(), stored.front().ood.toJson());
    const std::vector<core::PredictionRecord> demo =
        project->runs().predictionsFor(m_project + QStringLiteral("/slides/demo-01-tumour.tiff"));
    QVERIFY(!demo.empty() && demo.front().ood.isJudged() && !demo.front().ood.flagged);
    // The picture carries the warning across its top; the demo slide's does not.
    const auto bannerAcrossTheTop = [](const QImage& picture) {
        int red = 0;
        for (int x = 0; x < picture.width(); x += 8)
            red += picture.pixel(x, 20) == core::kWarningBannerColour;
        return red > picture.width() / 8 / 2;
    };
    QVERIFY(bannerAcrossTheTop(QImage(m_dir.filePath(QStringLiteral("real.png")))));
    QVERIFY(!bannerAcrossTheTop(QImage(m_dir.filePath(QStringLiteral("attention.png")))));

    // The report flags it in its header and explains it in the model results; --all counts it.
    const QString pdf = m_dir.filePath(QStringLiteral("real.pdf"));
    const test::CliRun report = test::runCli(
        {QStringLiteral("report"), QStringLiteral("--project"), m_project, QStringLiteral("--slide"),
         QStringLiteral("CMU-1-Small-Region"), QStringLiteral("--out"), pdf});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    QVERIFY2(report.out.contains(QStringLiteral("  flagged: Unlike the training data: ")),
             qPrintable(report.out));
    const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
    QVERIFY2(
        text.contains(QStringLiteral("Warning: this slide is unlike the slides the model was trained on")),
        qPrintable(text));
    QVERIFY(text.contains(QStringLiteral("Training data check Unlike the training data")));
    QVERIFY(text.contains(QStringLiteral("Not to be trusted")));
    QVERIFY(text.contains(QStringLiteral("slide feature mean")) &&
            text.contains(QStringLiteral("Spreads above typical")));
    const QString demoPdf = m_dir.filePath(QStringLiteral("demo.pdf"));
    const test::CliRun demoReport = test::runCli(
        {QStringLiteral("report"), QStringLiteral("--project"), m_project, QStringLiteral("--slide"),
         QStringLiteral("demo-01-tumour"), QStringLiteral("--out"), demoPdf});
    QVERIFY2(demoReport.out.contains(QStringLiteral("  trust: Like the training data")),
             qPrintable(demoReport.out));
    QVERIFY(!poppler(QStringLiteral("pdftotext"), {demoPdf, QStringLiteral("-")})
                 .contains(QStringLiteral("Warning")));
    const test::CliRun all = test::runCli({QStringLiteral("report"), QStringLiteral("--project"), m_project,
                                           QStringLiteral("--all"), QStringLiteral("--out"),
                                           m_dir.filePath(QStringLiteral("all-trust"))});
    QVERIFY2(all.out.contains(QStringLiteral("\n1 slide(s) flagged as unlike their run's training data")),
             qPrintable(all.out));
}

void TestCliHeatmap::foldsTrainedTogetherAreAnEnsembleWithAnUncertaintyMap()
{
    const QString cv = m_project + QStringLiteral("/runs/cv");
    const test::CliRun train = test::runCli(
        {QStringLiteral("train"), QStringLiteral("--project"), m_project, QStringLiteral("--folds"),
         QStringLiteral("3"), QStringLiteral("--model"), QStringLiteral("abmil"), QStringLiteral("--epochs"),
         QStringLiteral("3"), QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--name"),
         QStringLiteral("cv")});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    QVERIFY2(train.out.contains(QStringLiteral("ensemble of 3 folds (tessera-cli infer --run ")),
             qPrintable(train.out));
    // The project lists the folds and, once, the ensemble.
    const auto project = core::Project::open(m_project);
    const auto ensemble = project->runs().find(cv);
    QVERIFY(ensemble);
    QCOMPARE(ensemble->split, QStringLiteral("ensemble of 3 folds"));
    QCOMPARE(ensemble->status, core::RunStatus::kFinished);

    const QString slide = m_project + QStringLiteral("/slides/demo-01-tumour.tiff");
    const QString out = m_dir.filePath(QStringLiteral("uncertainty.png"));
    const test::CliRun map =
        test::runCli({QStringLiteral("heatmap"), QStringLiteral("--run"), cv, QStringLiteral("--slide"),
                      slide, QStringLiteral("--map"), QStringLiteral("uncertainty"), QStringLiteral("--size"),
                      QStringLiteral("800"), QStringLiteral("--opacity"), QStringLiteral("1"),
                      QStringLiteral("--out"), out});
    QVERIFY2(map.exitCode == 0, qPrintable(map.err));
    QVERIFY2(map.out.contains(QStringLiteral(" ± ")) && map.out.contains(QStringLiteral("(mean of 3 folds)")),
             qPrintable(map.out));
    // The stored results hold the map, drawn hot (turbo's red end) where the folds disagree most.
    const auto stored = project->runs().predictionsFor(slide);
    QVERIFY(!stored.empty());
    QCOMPARE(stored.front().runName, QStringLiteral("cv"));
    const core::Prediction p = core::Prediction::read(stored.front().file);
    QCOMPARE(p.members, 3);
    QCOMPARE(p.uncertainty.size(), p.attention.size());
    const auto most =
        std::size_t(std::max_element(p.uncertainty.begin(), p.uncertainty.end()) - p.uncertainty.begin());
    const auto least =
        std::size_t(std::min_element(p.uncertainty.begin(), p.uncertainty.end()) - p.uncertainty.begin());
    QVERIFY(p.uncertainty[most] > p.uncertainty[least]);
    const QImage picture(out);
    const double scale = 800.0 / 8000.0;
    const auto at = [&](std::size_t i) {
        return QColor(picture.pixel(int((double(p.coords[2 * i]) + p.patchStep / 2.0) * scale),
                                    int((double(p.coords[2 * i + 1]) + p.patchStep / 2.0) * scale)));
    };
    // Turbo runs from dark blue-purple through green to dark red.
    QVERIFY2(at(most).red() > 120 && at(most).green() < 60 && at(most).blue() < 60 && at(least).red() < 80,
             qPrintable(QStringLiteral("%1 vs %2").arg(at(most).name(), at(least).name())));

    // The report shows the spread, names the ensemble and prints the map on its own page.
    const QString pdf = m_dir.filePath(QStringLiteral("ensemble.pdf"));
    const test::CliRun report =
        test::runCli({QStringLiteral("report"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--slide"), QStringLiteral("demo-01-tumour"), QStringLiteral("--run"),
                      QStringLiteral("cv"), QStringLiteral("--out"), pdf});
    QVERIFY2(report.exitCode == 0, qPrintable(report.err));
    const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")}).simplified();
    QVERIFY2(text.contains(QStringLiteral("Spread over folds (SD)")), qPrintable(text));
    QVERIFY(
        text.contains(QStringLiteral("Ensemble")) &&
        text.contains(QStringLiteral("3 cross-validation folds; probabilities and maps are their means")));
    QVERIFY(text.contains(QStringLiteral("Uncertainty: turbo colour map over")));
    QVERIFY(text.contains(QStringLiteral("folds disagree on most")));

    // A single run has no such map, and says how to get one.
    const test::CliRun single = test::runCli(
        {QStringLiteral("heatmap"), QStringLiteral("--run"), m_project + QStringLiteral("/runs/demo-srmil"),
         QStringLiteral("--slide"), slide, QStringLiteral("--map"), QStringLiteral("uncertainty"),
         QStringLiteral("--out"), m_dir.filePath(QStringLiteral("none.png"))});
    QCOMPARE(single.exitCode, 1);
    QVERIFY2(single.err.contains(QStringLiteral("--folds")), qPrintable(single.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.png"))));
}

void TestCliHeatmap::annotationsTrainTheAttentionOfTrainingSlides()
{
    // A pathologist's tumour outlines (QuPath's class name "Tumor") on the two tumour slides of the
    // training split and on the validation one, and a stroma region; imported through the CLI.
    int trainingTumourPatches = 0;
    for (const QString& name : {QStringLiteral("demo-01-tumour"), QStringLiteral("demo-03-tumour"),
                                QStringLiteral("demo-05-tumour")}) {
        const QString slide = m_project + QStringLiteral("/slides/") + name + QStringLiteral(".tiff");
        const core::Prediction p = core::Prediction::read(
            m_project + QStringLiteral("/predictions/demo-srmil/") + name + QStringLiteral(".h5"));
        const std::vector<bool> truth = tumourPatches(slide, p);
        std::vector<core::Annotation> outlines;
        for (std::size_t i = 0; i < truth.size(); ++i) {
            if (!truth[i])
                continue;
            core::Annotation a;
            a.id = QUuid::createUuid();
            a.className = QStringLiteral("Tumor");
            a.geometry = core::Geometry::rectangle(
                QRectF(double(p.coords[2 * i]), double(p.coords[2 * i + 1]), p.patchStep, p.patchStep));
            outlines.push_back(a);
        }
        if (!name.startsWith(QStringLiteral("demo-05")))
            trainingTumourPatches += int(outlines.size());
        core::Annotation stroma;
        stroma.id = QUuid::createUuid();
        stroma.className = QStringLiteral("Stroma");
        stroma.geometry = core::Geometry::rectangle(QRectF(0, 0, 300, 300));
        outlines.push_back(stroma);
        const QString file = m_dir.filePath(name + QStringLiteral(".geojson"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(core::writeGeoJson(outlines, {}));
        out.close();
        const test::CliRun imported =
            test::runCli({QStringLiteral("annotations"), QStringLiteral("import"),
                          QStringLiteral("--project"), m_project, QStringLiteral("--slide"), name, file});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    }
    QVERIFY(trainingTumourPatches > 0);
    const test::CliRun train =
        test::runCli({QStringLiteral("train"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--annotations"), QStringLiteral("on"), QStringLiteral("--w-inst"),
                      QStringLiteral("0.5"), QStringLiteral("--model"), QStringLiteral("abmil"),
                      QStringLiteral("--epochs"), QStringLiteral("3"), QStringLiteral("--threads"),
                      QStringLiteral("1"), QStringLiteral("--name"), QStringLiteral("annotated")});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    // Only the training slides' annotations count (earlier tests may have annotated them too);
    // the stroma class is named as unused.
    const QRegularExpressionMatch counts =
        QRegularExpression(
            QStringLiteral("annotations label normal (\\d+), tumour (\\d+) patches on 2 training "
                           "slide\\(s\\); (\\d+) of them show their slide's own class"))
            .match(train.out);
    QVERIFY2(counts.hasMatch(), qPrintable(train.out));
    QVERIFY2(counts.captured(2).toInt() >= trainingTumourPatches, qPrintable(train.out));
    QVERIFY(counts.captured(3).toInt() >= trainingTumourPatches);
    QVERIFY(train.out.contains(QStringLiteral("classes that are no label class are not used: Stroma")));
    const core::RunFolder run(m_project + QStringLiteral("/runs/annotated"));
    QCOMPARE(run.readConfig()[QStringLiteral("w_inst")].toDouble(), 0.5);
    QVERIFY(run.readMetrics().back().terms.count(QStringLiteral("inst")));
    // Annotations live in a project: without one the option is refused before anything is read.
    const test::CliRun bare = test::runCli(
        {QStringLiteral("train"), QStringLiteral("--features"), m_project + QStringLiteral("/features"),
         QStringLiteral("--labels"), m_dir.filePath(QStringLiteral("none.csv")), QStringLiteral("--folds"),
         QStringLiteral("3"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("bare")),
         QStringLiteral("--annotations"), QStringLiteral("on")});
    QCOMPARE(bare.exitCode, 2);
    QVERIFY2(bare.err.contains(QStringLiteral("--annotations needs --project")), qPrintable(bare.err));
}

// The demo's SR-MIL run against the annotated ABMIL run of the test above: same split.
void TestCliHeatmap::compareWritesAPdfAndTablesOfTwoRuns()
{
    const QString pdf = m_dir.filePath(QStringLiteral("compare.pdf"));
    const QString tables = m_dir.filePath(QStringLiteral("compare-csv"));
    const test::CliRun compared =
        test::runCli({QStringLiteral("compare"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--runs"), QStringLiteral("demo-srmil"), QStringLiteral("annotated"),
                      QStringLiteral("--out"), pdf, QStringLiteral("--csv"), tables});
    QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QVERIFY2(bytes.count("/Type /Page") - bytes.count("/Type /Pages") >= 3, "fewer than three pages");
    // The summary gives each run's own validation AUC back, with the rule of its threshold.
    const QStringList summary = readLines(tables + QStringLiteral("/summary.csv"));
    QVERIFY(summary.first().startsWith(QStringLiteral("run,part,slides,auc,")));
    for (const QString& name : {QStringLiteral("demo-srmil"), QStringLiteral("annotated")}) {
        const core::RunFolder run(m_project + QStringLiteral("/runs/") + name);
        const double auc = run.readResult()->validation.macroAuc;
        const auto row = std::find_if(summary.begin(), summary.end(), [&](const QString& line) {
            return line.startsWith(name + QStringLiteral(",val,"));
        });
        QVERIFY2(row != summary.end(), qPrintable(summary.join(QLatin1Char('\n'))));
        const QStringList cells = row->split(QLatin1Char(','));
        if (std::isnan(auc))
            QVERIFY(cells[3].isEmpty());
        else
            QCOMPARE(cells[3].toDouble(), auc);
        QVERIFY(cells[11] == QLatin1String("youden") || cells[11] == QLatin1String("calibrated"));
    }
    // Every validation slide sits in one confusion cell of each run.
    const QStringList confusion = readLines(tables + QStringLiteral("/confusion.csv"));
    QStringList listed;
    for (const QString& line : confusion)
        if (line.startsWith(QStringLiteral("demo-srmil,val,")))
            listed += line.section(QLatin1Char(','), 5).split(QLatin1Char(';'), Qt::SkipEmptyParts);
    const std::vector<core::SlideOutcome> validation =
        core::RunEvaluation::read(m_project + QStringLiteral("/runs/demo-srmil/evaluation.csv"))
            .part(QStringLiteral("val"));
    QCOMPARE(listed.size(), qsizetype(validation.size()));
    for (const core::SlideOutcome& s : validation)
        QVERIFY(listed.contains(s.slide));
    // The settings that differ include the model.
    QVERIFY(readLines(tables + QStringLiteral("/settings.csv"))
                .filter(QStringLiteral("model,srmil,abmil"))
                .size() == 1);

    // One run is a usage error; an unknown run names itself.
    const test::CliRun one =
        test::runCli({QStringLiteral("compare"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--runs"), QStringLiteral("demo-srmil"), QStringLiteral("--out"), pdf});
    QCOMPARE(one.exitCode, 2);
    const test::CliRun unknown = test::runCli(
        {QStringLiteral("compare"), QStringLiteral("--project"), m_project, QStringLiteral("--runs"),
         QStringLiteral("demo-srmil"), QStringLiteral("nonesuch"), QStringLiteral("--out"), pdf});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("no run 'nonesuch'")), qPrintable(unknown.err));
}

// After the annotation test above: the tumour of both tumour training slides is annotated.
void TestCliHeatmap::suggestAsksAboutTrainingSlidesAndKeepsWhoProposedIt()
{
    const QString folder = m_dir.filePath(QStringLiteral("proposals"));
    const test::CliRun suggest =
        test::runCli({QStringLiteral("suggest"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--run"), QStringLiteral("demo-srmil"), QStringLiteral("--all"),
                      QStringLiteral("--count"), QStringLiteral("6"), QStringLiteral("--out"), folder});
    QVERIFY2(suggest.exitCode == 0, qPrintable(suggest.err));
    QVERIFY2(suggest.out.contains(QStringLiteral("6 proposal(s) by demo-srmil (disagreement)")) &&
                 suggest.out.contains(QStringLiteral("of 2 training slide(s) asked about")),
             qPrintable(suggest.out));
    // Only the tumour training slides are asked about; every proposal is an unclassified patch
    // square that says who proposed it, on no patch the project's annotations already label.
    const QStringList files = QDir(folder).entryList({QStringLiteral("*.geojson")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    int proposals = 0;
    for (const QString& file : files) {
        const QString name = QFileInfo(file).completeBaseName();
        QVERIFY2(name == QLatin1String("demo-01-tumour") || name == QLatin1String("demo-03-tumour"),
                 qPrintable(name));
        const core::AnnotationImport read = core::importAnnotations(QDir(folder).filePath(file));
        const core::Prediction p = core::Prediction::read(
            m_project + QStringLiteral("/predictions/demo-srmil/") + name + QStringLiteral(".h5"));
        const std::vector<bool> tumour =
            tumourPatches(m_project + QStringLiteral("/slides/") + name + QStringLiteral(".tiff"), p);
        for (const core::Annotation& a : read.annotations) {
            ++proposals;
            QVERIFY(a.className.isEmpty());
            QCOMPARE(a.origin.run, QStringLiteral("demo-srmil"));
            QCOMPARE(a.origin.acquisition, QStringLiteral("disagreement"));
            QVERIFY(a.origin.score >= 0 && a.origin.score <= 1);
            const QRectF box = a.geometry.bounds();
            QCOMPARE(box.width(), double(p.patchStep));
            std::size_t patch = 0;
            while (patch < tumour.size() &&
                   (double(p.coords[2 * patch]) != box.x() || double(p.coords[2 * patch + 1]) != box.y()))
                ++patch;
            QVERIFY2(patch < tumour.size(), "a proposal off the patch grid");
            QVERIFY2(!tumour[patch], "asked again about a patch annotated as tumour");
        }
        // The pathologist's answer: each proposal classified, imported back; the project keeps
        // who proposed it beside who answered.
        std::vector<core::Annotation> answered = read.annotations;
        for (core::Annotation& a : answered) {
            a.className = QStringLiteral("normal");
            a.author = QStringLiteral("dr-tester");
        }
        const QString answers = m_dir.filePath(name + QStringLiteral("-answers.geojson"));
        core::exportAnnotations(answers, core::AnnotationFormat::GeoJson, answered, {});
        const test::CliRun imported =
            test::runCli({QStringLiteral("annotations"), QStringLiteral("import"),
                          QStringLiteral("--project"), m_project, QStringLiteral("--slide"), name, answers});
        QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
        const auto project = core::Project::open(m_project);
        const std::vector<core::Annotation> stored =
            project->annotations().load(project->slides().find(name)->id);
        int kept = 0;
        for (const core::Annotation& a : stored)
            kept += a.origin.run == QLatin1String("demo-srmil") && a.author == QLatin1String("dr-tester") &&
                    a.className == QLatin1String("normal");
        QCOMPARE(kept, int(answered.size()));
    }
    QCOMPARE(proposals, 6);
    // A validation slide, or a normal training slide, has nothing to ask.
    const test::CliRun validation = test::runCli(
        {QStringLiteral("suggest"), QStringLiteral("--project"), m_project, QStringLiteral("--run"),
         QStringLiteral("demo-srmil"), QStringLiteral("--slide"), QStringLiteral("demo-05-tumour"),
         QStringLiteral("--out"), m_dir.filePath(QStringLiteral("v.geojson"))});
    QCOMPARE(validation.exitCode, 1);
    QVERIFY2(validation.err.contains(QStringLiteral("not a training slide of run demo-srmil")),
             qPrintable(validation.err));
    const test::CliRun both = test::runCli({QStringLiteral("suggest"), QStringLiteral("--project"), m_project,
                                            QStringLiteral("--run"), QStringLiteral("demo-srmil"),
                                            QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x"))});
    QCOMPARE(both.exitCode, 2);
}

// After the annotation tests above: demo-03-tumour carries Tumor outlines and normal answers.
void TestCliHeatmap::unlabelledSlidesTakeTheirLabelFromTheirAnnotations()
{
    {
        const auto project = core::Project::open(m_project);
        project->slides().setLabel(QStringLiteral("demo-03-tumour"), {});
    }
    const auto train = [&](const QString& name) {
        return test::runCli({QStringLiteral("train"), QStringLiteral("--project"), m_project,
                             QStringLiteral("--annotations"), QStringLiteral("on"), QStringLiteral("--model"),
                             QStringLiteral("abmil"), QStringLiteral("--epochs"), QStringLiteral("2"),
                             QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--name"),
                             name});
    };
    const test::CliRun run = train(QStringLiteral("relabelled"));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("slide labels from annotations: demo-03-tumour tumour")),
             qPrintable(run.out));
    // It trains as a tumour slide: its annotations count among the training slides' again.
    QVERIFY2(run.out.contains(QStringLiteral("on 2 training slide(s)")), qPrintable(run.out));
    // Normal answers alone decide nothing: with only those left the slide stays unlabelled, the
    // job says why, and the split's unlabelled slide is refused as before.
    {
        const auto project = core::Project::open(m_project);
        const qint64 slide = project->slides().find(QStringLiteral("demo-03-tumour"))->id;
        QList<QUuid> tumour;
        for (const core::Annotation& a : project->annotations().load(slide))
            if (a.className != QLatin1String("normal"))
                tumour << a.id;
        project->annotations().save(slide, {}, tumour);
    }
    const test::CliRun without = train(QStringLiteral("relabelled-normal-only"));
    QCOMPARE(without.exitCode, 1);
    QVERIFY2(without.out.contains(
                 QStringLiteral("unlabelled slides whose annotations decide no label: demo-03-tumour")),
             qPrintable(without.out));
    QVERIFY2(without.err.contains(QStringLiteral("'demo-03-tumour' is in the split but has no label")),
             qPrintable(without.err));
    core::Project::open(m_project)->slides().setLabel(QStringLiteral("demo-03-tumour"),
                                                      QStringLiteral("tumour"));
}

void TestCliHeatmap::aDicomSeriesAndAnOmeTiffAreMappedAndReported()
{
    // A demo slide as a DICOM series (JPEG frames), as a hospital archive would hand it over.
    const QString series = m_dir.filePath(QStringLiteral("demo-dicom"));
    test::CliRun run =
        test::runCli({QStringLiteral("convert"), QStringLiteral("--slide"),
                      m_project + QStringLiteral("/slides/demo-01-tumour.tiff"), QStringLiteral("--out"),
                      series, QStringLiteral("--format"), QStringLiteral("dicom")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    // Features, predictions and maps from the folder: the slide is known by the folder's name.
    run = test::runCli({QStringLiteral("heatmap"), QStringLiteral("--run"),
                        m_project + QStringLiteral("/runs/demo-srmil"), QStringLiteral("--slide"), series,
                        QStringLiteral("--project"), m_project, QStringLiteral("--out"),
                        m_dir.filePath(QStringLiteral("dicom.png"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const auto project = core::Project::open(m_project);
    const std::vector<core::PredictionRecord> stored =
        project->runs().predictionsFor(QStringLiteral("demo-dicom"));
    QCOMPARE(stored.size(), std::size_t(1));
    // The same tumour as the TIFF it came from: the model calls both alike.
    const core::Prediction fromDicom = core::Prediction::read(stored.front().file);
    const core::Prediction fromTiff =
        core::Prediction::read(m_project + QStringLiteral("/predictions/demo-srmil/demo-01-tumour.h5"));
    QCOMPARE(fromDicom.coords.size(), fromTiff.coords.size());
    QVERIFY2(std::abs(fromDicom.probabilities[1] - fromTiff.probabilities[1]) < 0.1,
             qPrintable(
                 QStringLiteral("%1 vs %2").arg(fromDicom.probabilities[1]).arg(fromTiff.probabilities[1])));
    const QString pdf = m_dir.filePath(QStringLiteral("demo-dicom.pdf"));
    run =
        test::runCli({QStringLiteral("report"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--slide"), QStringLiteral("demo-dicom"), QStringLiteral("--out"), pdf});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString text = poppler(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY2(text.contains(QStringLiteral("demo-dicom")), qPrintable(text.left(400)));

    // An OME-TIFF written by another tool (tifffile, real H&E): mapped, flagged as unlike the
    // synthetic training data, and reported.
    const QString ome = QStringLiteral(TESSERA_SOURCE_DIR "/tests/data/ome/tifffile-pyramid.ome.tif");
    run = test::runCli({QStringLiteral("heatmap"), QStringLiteral("--run"),
                        m_project + QStringLiteral("/runs/demo-srmil"), QStringLiteral("--slide"), ome,
                        QStringLiteral("--project"), m_project, QStringLiteral("--out"),
                        m_dir.filePath(QStringLiteral("ome.png"))});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.out.contains(QStringLiteral("Unlike the training data")), qPrintable(run.out));
    const QString omePdf = m_dir.filePath(QStringLiteral("ome.pdf"));
    run = test::runCli({QStringLiteral("report"), QStringLiteral("--project"), m_project,
                        QStringLiteral("--slide"), QStringLiteral("tifffile-pyramid.ome"),
                        QStringLiteral("--out"), omePdf});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(poppler(QStringLiteral("pdftotext"), {omePdf, QStringLiteral("-")})
                .contains(QStringLiteral("tifffile-pyramid.ome")));
}

QTEST_GUILESS_MAIN(TestCliHeatmap)
#include "tst_cli_heatmap.moc"
