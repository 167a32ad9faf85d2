// Heatmaps in the viewer and the Analysis panel, offscreen: pixels where the scores say,
// the panel's controls changing what is drawn, galleries that navigate, and bad results
// reported in the panel while the viewer keeps working.
#include "MainWindow.h"
#include "analysis/AnalysisPanel.h"
#include "annotations/AnnotationSet.h"
#include "annotations/AnnotationWorkbench.h"
#include "canvas/ImageLayer.h"
#include "canvas/OutlineLayer.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "features/ExtractionPipeline.h"
#include "features/HandcraftedExtractor.h"
#include "project/Project.h"
#include "slide/TileCache.h"
#include "support/KnownResults.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "train/Dataset.h"
#include "train/Trainer.h"
#include "viewer/LegendPainter.h"
#include "viewer/SlideView.h"
#include "workspace/SlideTabs.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSettings>
#include <QSlider>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {
constexpr int kStep = test::kKnownStep;

using test::knownPrediction;

ui::HeatmapSettings opaqueRaw()
{
    ui::HeatmapSettings s;
    s.normalization = core::Normalization::Raw;
    s.opacity = 1;
    return s;
}

// A 1000 × 1000 view of the small tumour slide.
void showTumourSlide(ui::SlideView& view)
{
    view.resize(1000, 1000);
    view.show();
    view.setSlide(core::Slide::open(test::smallTumourSlide()));
}

int distance(QRgb a, QRgb b)
{
    return std::max(
        {std::abs(qRed(a) - qRed(b)), std::abs(qGreen(a) - qGreen(b)), std::abs(qBlue(a) - qBlue(b))});
}
} // namespace

class TestAnalysis : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void heatmapColoursAlignWithPatchesAtThreeZooms();
    void thresholdShowsTheSlideUnderLowScores();
    void panelControlsChangeTheLayers();
    void twoMapsShownTogetherCanBeToldApart();
    void anEnsembleShowsItsSpreadAndUncertaintyMap();
    void theEvidenceMapShowsForAndAgainstAroundGrey();
    void aProjectSlideOpensWithItsStoredPrediction();
    void galleryThumbnailsNavigateAndHoverShowsScores();
    void badResultsAreReportedInThePanel();
    void aSlideUnlikeTheTrainingDataIsFlaggedInThePanelAndOnTheMap();
    void annotateFromHeatmapTracesInTheBackground();
    void runModelOnSlideExtractsPredictsAndReuses();

private:
    QString writeKnownResults(const core::Prediction& p, const QString& name);
    QTemporaryDir m_dir;
};

void TestAnalysis::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
}

QString TestAnalysis::writeKnownResults(const core::Prediction& p, const QString& name)
{
    const QString path = m_dir.filePath(name);
    p.write(path);
    return path;
}

void TestAnalysis::heatmapColoursAlignWithPatchesAtThreeZooms()
{
    core::TileCache cache(64 << 20);
    ui::SlideView view(&cache);
    showTumourSlide(view);
    const core::Prediction p = knownPrediction();
    ui::SlideAnalysis* analysis = view.document()->showAnalysis(p, QStringLiteral("known.h5"), opaqueRaw());
    const QRect clear(0, 0, 1000, 850); // clear of the scale bar and the legend
    QVERIFY(analysis->isLayerVisible(ui::MapLayer::Attention));
    const auto normalized = core::normalizeScores(p.attention, core::Normalization::Raw);

    for (const double scale : {view.fitScale(), 0.5, 2.0}) {
        view.setView(QPointF(4.5 * kStep, 5 * kStep), scale);
        QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000); // layers are blended into the tiles
        const QImage shot = view.grab().toImage();
        int checked = 0;
        for (std::size_t i = 0; i < p.attention.size(); ++i) {
            // Sample well inside the patch: its centre and a point a quarter in.
            for (const QPointF offset : {QPointF(0.5, 0.5), QPointF(0.25, 0.75)}) {
                const QPointF level0(double(p.coords[2 * i]) + offset.x() * kStep,
                                     double(p.coords[2 * i + 1]) + offset.y() * kStep);
                const QPoint w = view.level0ToWidget(level0).toPoint();
                if (!clear.contains(w))
                    continue;
                const QRgb expected = core::colormapColour(core::Colormap::Viridis, normalized[i]);
                QVERIFY2(distance(shot.pixel(w), expected) <= 1,
                         qPrintable(QStringLiteral("patch %1 at scale %2: %3 instead of %4")
                                        .arg(i)
                                        .arg(scale)
                                        .arg(shot.pixel(w), 0, 16)
                                        .arg(expected, 0, 16)));
                ++checked;
            }
        }
        QVERIFY2(checked >= (scale < 1 ? 2 * int(p.attention.size()) : 4),
                 qPrintable(QStringLiteral("%1 points at scale %2").arg(checked).arg(scale)));
        // Just outside the block (a patch step left of the first column) the heatmap is absent.
        const QPoint outside = view.level0ToWidget(QPointF(0.5 * kStep, 4.5 * kStep)).toPoint();
        if (clear.contains(outside))
            QVERIFY(distance(shot.pixel(outside), core::colormapColour(core::Colormap::Viridis, 0)) > 30);
    }
}

void TestAnalysis::thresholdShowsTheSlideUnderLowScores()
{
    core::TileCache cache(64 << 20);
    ui::SlideView view(&cache);
    showTumourSlide(view);
    const core::Prediction p = knownPrediction();
    ui::HeatmapSettings settings = opaqueRaw();
    ui::SlideAnalysis* analysis = view.document()->showAnalysis(p, QString(), settings);
    view.setView(QPointF(4.5 * kStep, 5 * kStep), 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
    const QPoint lowest = view.level0ToWidget(QPointF(1.5 * kStep, 2.5 * kStep)).toPoint();  // score 21: min
    const QPoint highest = view.level0ToWidget(QPointF(6.5 * kStep, 6.5 * kStep)).toPoint(); // score 66: max
    QCOMPARE(view.grab().toImage().pixel(lowest), core::colormapColour(core::Colormap::Viridis, 0));
    settings.threshold = 0.5;
    analysis->setSettings(settings);
    const QImage thresholded = view.grab().toImage();
    QCOMPARE(thresholded.pixel(highest), core::colormapColour(core::Colormap::Viridis, 1));
    analysis->setLayerVisible(ui::MapLayer::Attention, false);
    const QImage slideOnly = view.grab().toImage();
    QCOMPARE(thresholded.pixel(lowest), slideOnly.pixel(lowest)); // the slide shows through
    // Opacity ½ blends: the pixel lies halfway between the slide and the colour.
    settings.threshold = 0;
    settings.opacity = 0.5;
    analysis->setSettings(settings);
    analysis->setLayerVisible(ui::MapLayer::Attention, true);
    const QRgb blended = view.grab().toImage().pixel(lowest), under = slideOnly.pixel(lowest),
               colour = core::colormapColour(core::Colormap::Viridis, 0);
    const QRgb half = qRgb((qRed(under) + qRed(colour)) / 2, (qGreen(under) + qGreen(colour)) / 2,
                           (qBlue(under) + qBlue(colour)) / 2);
    QVERIFY2(distance(blended, half) <= 2, qPrintable(QString::number(blended, 16)));
}

void TestAnalysis::annotateFromHeatmapTracesInTheBackground()
{
    ui::MainWindow window;
    window.show();
    ui::SlideView* view = test::openAndWait(window, test::smallTumourSlide());
    QVERIFY(view);
    ui::AnnotationWorkbench* bench = window.annotationWorkbench();
    QSignalSpy traced(bench, &ui::AnnotationWorkbench::heatmapTraced);
    core::HeatmapRegionOptions options;
    options.mode = core::HeatmapRegionOptions::Threshold::Percentile;
    options.threshold = 80;
    // Without results there is nothing to trace, and it says so.
    bench->startAnnotateFromHeatmap(false, options, QStringLiteral("Tumor"));
    QCOMPARE(traced.count(), 1);
    QCOMPARE(traced.first().first().toInt(), -1);
    traced.clear();
    QVERIFY(
        test::openResultsAndWait(window, writeKnownResults(knownPrediction(), QStringLiteral("trace.h5"))));
    core::AnnotationSet& set = view->document()->annotations();
    bench->startAnnotateFromHeatmap(false, options, QStringLiteral("Tumor"));
    QVERIFY(traced.wait(10000));
    const int regions = traced.first().first().toInt();
    QVERIFY(regions >= 1);
    QCOMPARE(set.size(), regions);
    // The highest-attention patch (6, 6) lies inside what was traced; the lowest (1, 2) does not.
    const auto centre = [](int x, int y) {
        return QPointF((x + 0.5) * test::kKnownStep, (y + 0.5) * test::kKnownStep);
    };
    QVERIFY(set.hit(centre(6, 6), 1) != nullptr);
    QVERIFY(set.hit(centre(1, 2), 1) == nullptr);
    for (const core::Annotation& a : set.annotations())
        QCOMPARE(a.className, QStringLiteral("Tumor"));
    // One undoable step, and the same regions as tracing here and now.
    view->document()->undoStack()->undo();
    QCOMPARE(set.size(), 0);
    QCOMPARE(bench->annotateFromHeatmap(false, options, QStringLiteral("Tumor")), regions);
}

void TestAnalysis::panelControlsChangeTheLayers()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QVERIFY(
        test::openResultsAndWait(window, writeKnownResults(knownPrediction(), QStringLiteral("panel.h5"))));
    ui::AnalysisPanel* panel = window.analysisPanel();
    ui::SlideView* view = window.currentView();
    QVERIFY(panel->analysis());
    auto* tumour = panel->findChild<QProgressBar*>(QStringLiteral("probability_tumour"));
    QVERIFY(tumour);
    QCOMPARE(tumour->value(), 800);
    QVERIFY(tumour->text().contains(QStringLiteral("80.0")));

    ui::SlideAnalysis* analysis = view->document()->analysis();
    QVERIFY(analysis->mapLayer(ui::MapLayer::Attention)->isVisible());
    QVERIFY(!analysis->mapLayer(ui::MapLayer::Consistency)->isVisible());
    panel->consistencyBox()->click();
    QVERIFY(analysis->mapLayer(ui::MapLayer::Consistency)->isVisible());
    panel->attentionBox()->click();
    QVERIFY(!analysis->mapLayer(ui::MapLayer::Attention)->isVisible());
    panel->gridBox()->click();
    QVERIFY(analysis->patchGridLayer()->isVisible());

    // Consistency is drawn reversed in its own colours: its lowest patch (the least like its
    // neighbours) is inferno's hot end, its highest the cold end; another colour map re-renders it.
    view->setView(QPointF(4.5 * kStep, 5 * kStep), 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    panel->opacitySlider()->setValue(100);
    panel->gridBox()->click();
    const QPoint lowest = view->level0ToWidget(QPointF(6.5 * kStep, 6.5 * kStep)).toPoint();  // −12: min
    const QPoint highest = view->level0ToWidget(QPointF(1.5 * kStep, 2.5 * kStep)).toPoint(); // −3: max
    QCOMPARE(view->grab().toImage().pixel(lowest), core::colormapColour(core::Colormap::Inferno, 1));
    QCOMPARE(view->grab().toImage().pixel(highest), core::colormapColour(core::Colormap::Inferno, 0));
    QComboBox* colours = panel->colormapBox(ui::MapLayer::Consistency);
    colours->setCurrentIndex(colours->findData(QStringLiteral("coolwarm")));
    QCOMPARE(view->grab().toImage().pixel(lowest), core::colormapColour(core::Colormap::Coolwarm, 1));
    panel->thresholdSlider()->setValue(100); // only the hottest stays: the least consistent patch
    QCOMPARE(view->grab().toImage().pixel(lowest), core::colormapColour(core::Colormap::Coolwarm, 1));
    QVERIFY(view->grab().toImage().pixel(highest) != core::colormapColour(core::Colormap::Coolwarm, 0));
    panel->thresholdSlider()->setValue(0);

    // The tissue box drives the same layer as View ▸ Show Tissue Mask.
    panel->tissueBox()->click();
    QTRY_VERIFY_WITH_TIMEOUT(view->document()->isTissueDetected(), 10000);
    QVERIFY(view->document()->isTissueVisible());

    // A second slide has no results: the panel says so; going back restores them.
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QVERIFY(!panel->analysis());
    QVERIFY(!panel->attentionBox()->isEnabled());
    window.findChild<QTabWidget*>()->setCurrentIndex(0);
    QVERIFY(panel->analysis());
    QVERIFY(panel->consistencyBox()->isChecked());
}

void TestAnalysis::twoMapsShownTogetherCanBeToldApart()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QVERIFY(
        test::openResultsAndWait(window, writeKnownResults(knownPrediction(), QStringLiteral("both.h5"))));
    ui::AnalysisPanel* panel = window.analysisPanel();
    panel->consistencyBox()->click(); // both maps ticked
    ui::SlideAnalysis* analysis = window.currentView()->document()->analysis();
    QVERIFY(analysis->isLayerVisible(ui::MapLayer::Attention) &&
            analysis->isLayerVisible(ui::MapLayer::Consistency));
    // Each legend shows its own colour bar: the hot ends differ.
    const auto hotEnd = [](const QImage& legend) {
        QSet<QRgb> colours;
        for (int y = 0; y < legend.height(); ++y)
            colours.insert(legend.pixel(legend.width() - 9, y) | 0xff000000u);
        return colours;
    };
    const QImage attentionLegend = analysis->mapLayer(ui::MapLayer::Attention)->legend();
    const QImage consistencyLegend = analysis->mapLayer(ui::MapLayer::Consistency)->legend();
    const QRgb viridisHot = core::colormapColour(core::Colormap::Viridis, 1);
    const QRgb infernoHot = core::colormapColour(core::Colormap::Inferno, 1);
    QVERIFY(hotEnd(attentionLegend).contains(viridisHot) && !hotEnd(attentionLegend).contains(infernoHot));
    QVERIFY(hotEnd(consistencyLegend).contains(infernoHot) &&
            !hotEnd(consistencyLegend).contains(viridisHot));
    // On the slide: the patch most attended and least consistent (6, 6) shows both colours
    // blended; a patch where only consistency is hot shows inferno's, not viridis'.
    panel->opacitySlider()->setValue(100);
    panel->attentionBox()->click(); // attention off: consistency alone, opaque
    ui::SlideView* view = window.currentView();
    view->setView(QPointF(4.5 * kStep, 5 * kStep), 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    const QPoint corner = view->level0ToWidget(QPointF(6.5 * kStep, 6.5 * kStep)).toPoint();
    QCOMPARE(view->grab().toImage().pixel(corner), infernoHot);
    // The hover names what low consistency means.
    QVERIFY2(analysis->describePatch(int(knownPrediction().attention.size()) - 1)
                 .contains(QStringLiteral("low = unlike its neighbours")),
             qPrintable(analysis->describePatch(0)));
}

void TestAnalysis::anEnsembleShowsItsSpreadAndUncertaintyMap()
{
    ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    ui::AnalysisPanel* panel = window.analysisPanel();
    // A single run: no uncertainty map to tick.
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(knownPrediction(), QStringLiteral("one.h5"))));
    QVERIFY(!panel->mapBox(ui::MapLayer::Uncertainty)->isEnabled());
    QVERIFY(!window.currentView()->document()->analysis()->mapLayer(ui::MapLayer::Uncertainty));

    // An ensemble of three folds: uncertainty rises along the block's rows (y 2…6).
    core::Prediction p = knownPrediction();
    p.members = 3;
    p.probabilitySpread = {0.05f, 0.05f};
    for (std::size_t i = 0; i < p.attention.size(); ++i)
        p.uncertainty.push_back(float(p.coords[2 * i + 1] / kStep) * 0.05f);
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(p, QStringLiteral("ensemble.h5"))));
    QVERIFY(panel->mapBox(ui::MapLayer::Uncertainty)->isEnabled());
    auto* value = panel->findChild<QLabel*>(QStringLiteral("probabilityValue_tumour"));
    QVERIFY(value);
    QCOMPARE(value->text(), QStringLiteral("80.0 ± 5.0 %"));
    panel->mapBox(ui::MapLayer::Uncertainty)->click();
    panel->attentionBox()->click(); // uncertainty alone, opaque, min–max (a row's patches tie)
    panel->opacitySlider()->setValue(100);
    panel->normalizationBox()->setCurrentIndex(
        panel->normalizationBox()->findData(int(core::Normalization::Raw)));
    ui::SlideAnalysis* analysis = window.currentView()->document()->analysis();
    QVERIFY(analysis->isLayerVisible(ui::MapLayer::Uncertainty));
    ui::SlideView* view = window.currentView();
    view->setView(QPointF(4.5 * kStep, 5 * kStep), 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    const QImage shot = view->grab().toImage();
    // The bottom row (most uncertain) is turbo's hot end, the top row its cold end.
    const QPoint bottom = view->level0ToWidget(QPointF(3.5 * kStep, 6.5 * kStep)).toPoint();
    const QPoint top = view->level0ToWidget(QPointF(3.5 * kStep, 2.5 * kStep)).toPoint();
    QVERIFY(distance(shot.pixel(bottom), core::colormapColour(core::Colormap::Turbo, 1)) <= 1);
    QVERIFY(distance(shot.pixel(top), core::colormapColour(core::Colormap::Turbo, 0)) <= 1);
    QComboBox* colours = panel->colormapBox(ui::MapLayer::Uncertainty);
    colours->setCurrentIndex(colours->findData(QStringLiteral("viridis")));
    QVERIFY(distance(view->grab().toImage().pixel(bottom),
                     core::colormapColour(core::Colormap::Viridis, 1)) <= 1);
    colours->setCurrentIndex(colours->findData(QStringLiteral("turbo")));
    QVERIFY(analysis->describePatch(0).contains(QStringLiteral("high = the folds disagree")));
    // Its gallery lists the most uncertain patches first (the bottom row).
    QListWidget* gallery = panel->gallery(ui::MapLayer::Uncertainty);
    QVERIFY(gallery->count() > 0);
    const int first = gallery->item(0)->data(Qt::UserRole).toInt();
    QCOMPARE(p.coords[2 * std::size_t(first) + 1], 6 * kStep);
    if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty()) {
        QTest::qWait(300);
        window.grab().save(shots + QStringLiteral("/ensemble-uncertainty.png"));
    }
}

void TestAnalysis::theEvidenceMapShowsForAndAgainstAroundGrey()
{
    ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    ui::AnalysisPanel* panel = window.analysisPanel();
    // Results without evidence (TransMIL's, or made before Tessera kept it): nothing to tick.
    QVERIFY(
        test::openResultsAndWait(window, writeKnownResults(knownPrediction(), QStringLiteral("plain.h5"))));
    QVERIFY(!panel->mapBox(ui::MapLayer::Evidence)->isEnabled());

    // Evidence toward tumour from −0.2 (row 2, against) through 0 (row 4) to +0.2 (row 6, for).
    core::Prediction p = knownPrediction();
    p.evidenceClass = 1;
    for (std::size_t i = 0; i < p.attention.size(); ++i)
        p.evidence.push_back(float(p.coords[2 * i + 1] / kStep - 4) * 0.1f);
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(p, QStringLiteral("evidence.h5"))));
    QVERIFY(panel->mapBox(ui::MapLayer::Evidence)->isEnabled());
    panel->mapBox(ui::MapLayer::Evidence)->click();
    panel->attentionBox()->click(); // evidence alone, opaque
    panel->opacitySlider()->setValue(100);
    ui::SlideAnalysis* analysis = window.currentView()->document()->analysis();
    QVERIFY(analysis->isLayerVisible(ui::MapLayer::Evidence));
    ui::SlideView* view = window.currentView();
    view->setView(QPointF(4.5 * kStep, 5 * kStep), 0.5);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    // Whatever the scale setting: 0 is the diverging map's grey middle, ±0.2 its ends.
    for (const core::Normalization n : {core::Normalization::Percentile, core::Normalization::Raw}) {
        panel->normalizationBox()->setCurrentIndex(panel->normalizationBox()->findData(int(n)));
        const QImage shot = view->grab().toImage();
        const auto at = [&](int row) {
            return shot.pixel(view->level0ToWidget(QPointF(3.5 * kStep, (row + 0.5) * kStep)).toPoint());
        };
        QVERIFY(distance(at(6), core::colormapColour(core::Colormap::Coolwarm, 1)) <= 1);
        QVERIFY(distance(at(4), core::colormapColour(core::Colormap::Coolwarm, 0.5)) <= 1);
        QVERIFY(distance(at(2), core::colormapColour(core::Colormap::Coolwarm, 0)) <= 1);
    }
    QVERIFY(analysis->describePatch(0).contains(QStringLiteral("for the predicted class")));
    // Its gallery lists the patches that push hardest toward tumour first (the bottom row).
    QListWidget* gallery = panel->gallery(ui::MapLayer::Evidence);
    QVERIFY(gallery->count() > 0);
    QCOMPARE(p.coords[2 * std::size_t(gallery->item(0)->data(Qt::UserRole).toInt()) + 1], 6 * kStep);
    if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty()) {
        panel->opacitySlider()->setValue(60);
        view->setView(QPointF(4 * kStep, 4.5 * kStep), 0.25);
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
        QTest::qWait(300);
        window.grab().save(shots + QStringLiteral("/evidence-map.png"));
    }
}

void TestAnalysis::aProjectSlideOpensWithItsStoredPrediction()
{
    // A project whose slide two runs predicted: "old" first, then "new".
    const QString folder = m_dir.filePath(QStringLiteral("stored"));
    const QString slide = m_dir.filePath(QStringLiteral("stored-slide.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), slide));
    QString files[2];
    {
        const auto project = core::Project::create(folder);
        project->slides().add({slide});
        for (int i = 0; i < 2; ++i) {
            core::Prediction p = knownPrediction();
            p.probabilities = i == 0 ? std::vector<float>{0.9f, 0.1f} : std::vector<float>{0.3f, 0.7f};
            files[i] = test::recordPrediction(
                *project, i == 0 ? QStringLiteral("old") : QStringLiteral("new"), slide, p);
            QTest::qWait(5); // recorded a few milliseconds apart
        }
    }
    ui::MainWindow window;
    window.show();
    QVERIFY(window.openProject(folder));
    QVERIFY(test::openAndWait(window, slide));
    ui::AnalysisPanel* panel = window.analysisPanel();
    // The latest prediction is shown without running anything.
    QTRY_VERIFY_WITH_TIMEOUT(panel->analysis() != nullptr, 10000);
    QCOMPARE(QFileInfo(panel->analysis()->resultsPath()), QFileInfo(files[1]));
    auto* tumour = panel->findChild<QProgressBar*>(QStringLiteral("probability_tumour"));
    QVERIFY(tumour);
    QCOMPARE(tumour->value(), 700);
    QVERIFY(!window.isAnalysisRunning());
    // Both runs are offered, the latest first and chosen; picking the other shows it.
    QComboBox* stored = panel->storedResultsBox();
    QVERIFY(stored->isVisibleTo(panel));
    // Listed in the background: the list made once the results are shown marks them.
    QTRY_COMPARE(stored->count(), 2);
    QTRY_COMPARE(stored->currentIndex(), 0);
    QVERIFY2(stored->itemText(0).startsWith(QStringLiteral("new (srmil)")), qPrintable(stored->itemText(0)));
    stored->setCurrentIndex(1);
    Q_EMIT stored->activated(1);
    QTRY_VERIFY_WITH_TIMEOUT(
        panel->analysis() && QFileInfo(panel->analysis()->resultsPath()) == QFileInfo(files[0]), 10000);
    QTRY_COMPARE(panel->findChild<QProgressBar*>(QStringLiteral("probability_tumour"))->value(), 100);
    QTRY_COMPARE(stored->currentIndex(), 1);
    // A slide the project has no prediction for keeps saying how to get one; the other slide's
    // runs are not offered on it, not even for a moment.
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QVERIFY(!panel->analysis());
    QVERIFY(!stored->isVisibleTo(panel));
}

void TestAnalysis::galleryThumbnailsNavigateAndHoverShowsScores()
{
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    core::Prediction p = knownPrediction();
    p.evidenceClass = 1; // strongest on the first patch: its gallery differs from the others
    for (std::size_t i = 0; i < p.attention.size(); ++i)
        p.evidence.push_back(-float(i));
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(p, QStringLiteral("gallery.h5"))));
    ui::AnalysisPanel* panel = window.analysisPanel();
    QListWidget* attention = panel->gallery(ui::MapLayer::Attention);
    QListWidget* consistency = panel->gallery(ui::MapLayer::Consistency);
    QCOMPARE(attention->count(), 12);
    QTRY_VERIFY_WITH_TIMEOUT(panel->thumbnailsLoaded(), 10000);
    // Highest attention first: score 66 at grid (6, 6) is the last patch.
    const int top = attention->item(0)->data(Qt::UserRole).toInt();
    QCOMPARE(top, int(p.attention.size()) - 1);
    QCOMPARE(consistency->item(0)->data(Qt::UserRole).toInt(), top); // −12 is the lowest consistency
    QVERIFY(!attention->item(0)->icon().isNull());
    // The thumbnail shows the slide there (tissue colours, not the grey placeholder).
    const QImage thumb = attention->item(0)->icon().pixmap(96).toImage();
    QVERIFY(thumb.pixel(48, 48) != qRgb(230, 230, 230));
    // Each gallery gets its own patches' thumbnails: the same patch, the same picture.
    QListWidget* evidence = panel->gallery(ui::MapLayer::Evidence);
    QCOMPARE(evidence->item(0)->data(Qt::UserRole).toInt(), 0);
    QCOMPARE(consistency->item(0)->icon().pixmap(96).toImage(), thumb);
    QVERIFY(evidence->item(0)->icon().pixmap(96).toImage() != thumb);

    Q_EMIT attention->itemActivated(attention->item(3));
    const int chosen = attention->item(3)->data(Qt::UserRole).toInt();
    ui::SlideView* view = window.currentView();
    const QPointF centre(double(p.coords[2 * std::size_t(chosen)]) + kStep / 2.0,
                         double(p.coords[2 * std::size_t(chosen) + 1]) + kStep / 2.0);
    QVERIFY(QLineF(view->centre(), centre).length() < 1);
    QVERIFY(view->scale() > view->fitScale());
    // The target patch is outlined for a moment, then the outline goes.
    ui::OutlineLayer* outline = view->document()->analysis()->highlightLayer();
    QVERIFY(outline->isVisible());
    QCOMPARE(outline->outlines().size(), std::size_t(1));
    QCOMPARE(outline->outlines().front().boundingRect(),
             QRectF(centre - QPointF(kStep / 2.0, kStep / 2.0), QSizeF(kStep, kStep)));
    const QPoint edge = view->level0ToWidget(centre - QPointF(kStep / 2.0, 0)).toPoint();
    const QImage frame = view->grab().toImage();
    bool outlined = false; // a 2-pixel line covers at least one pixel fully
    for (int dx = -2; dx <= 2; ++dx)
        outlined = outlined || frame.pixel(edge + QPoint(dx, 0)) == qRgb(0, 229, 255);
    QVERIFY(outlined);
    QTRY_VERIFY_WITH_TIMEOUT(!outline->isVisible(), 5000);

    // Hovering the chosen patch (now in the middle of the view) shows its scores.
    QTest::mouseMove(view, QPoint(view->width() / 2, view->height() / 2));
    QTRY_VERIFY(std::ranges::any_of(window.statusBar()->findChildren<QLabel*>(), [](const QLabel* l) {
        return l->text().contains(QStringLiteral("attention")) &&
               l->text().contains(QStringLiteral("consistency"));
    }));
}

void TestAnalysis::aSlideUnlikeTheTrainingDataIsFlaggedInThePanelAndOnTheMap()
{
    ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    ui::AnalysisPanel* panel = window.analysisPanel();
    ui::SlideView* view = window.currentView();
    const auto shoot = [&](const QString& name) { // for looking at, not for asserting
        if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty()) {
            QTest::qWait(300); // the dock's scroll area settles its layout a frame later
            window.grab().save(shots + QLatin1Char('/') + name + QStringLiteral(".png"));
        }
    };
    const auto bannerPixels = [&] { // the warning colour along the top of the view
        const QImage frame = view->grab().toImage();
        int count = 0;
        for (int x = 0; x < frame.width(); x += 4)
            count += frame.pixel(x, 14) == ui::LegendPainter::kWarningColour;
        return count;
    };

    // Judged and like the training data: a plain badge, bars as they are, no banner.
    core::Prediction like = knownPrediction();
    like.ood.score = 0.4;
    like.ood.threshold = 2.5;
    like.ood.part = QStringLiteral("features");
    like.ood.parts = {{QStringLiteral("features"), 0.7, 0.65, 0.1, 0.4}};
    like.ood.reference = QStringLiteral("40 training and 20 validation slides");
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(like, QStringLiteral("like.h5"))));
    QVERIFY(panel->trustBadge()->isVisible());
    QVERIFY2(panel->trustBadge()->text().contains(QStringLiteral("Like the training data")),
             qPrintable(panel->trustBadge()->text()));
    QVERIFY(panel->findChild<QProgressBar*>(QStringLiteral("probability_tumour"))->isEnabled());
    QVERIFY(!panel->findChild<QLabel*>(QStringLiteral("probabilityCaveat")));
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    QTRY_VERIFY(panel->findChild<QProgressBar*>(QStringLiteral("probability_tumour"))->height() >
                4); // laid out
    QCOMPARE(bannerPixels(), 0);
    shoot(QStringLiteral("like-training-data"));

    // Unlike it: the badge says which score, the probabilities are greyed with a caveat, and a
    // banner crosses the top of the map while a map is shown.
    core::Prediction unlike = like;
    unlike.ood.score = 243;
    unlike.ood.flagged = true;
    unlike.ood.part = QStringLiteral("stain");
    unlike.ood.parts.push_back({QStringLiteral("stain"), 11.3, 0.86, 0.1, 243});
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(unlike, QStringLiteral("unlike.h5"))));
    const QString badge = panel->trustBadge()->text();
    QVERIFY2(badge.contains(QStringLiteral("Unlike the training data")) &&
                 badge.contains(QStringLiteral("stain")),
             qPrintable(badge));
    QVERIFY(panel->trustBadge()->toolTip().contains(QStringLiteral("40 training and 20 validation slides")));
    QVERIFY(!panel->findChild<QProgressBar*>(QStringLiteral("probability_tumour"))->isEnabled());
    QVERIFY(panel->findChild<QLabel*>(QStringLiteral("probabilityCaveat")));
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    QVERIFY2(bannerPixels() > view->width() / 8, qPrintable(QString::number(bannerPixels())));
    QTRY_VERIFY(panel->findChild<QLabel*>(QStringLiteral("probabilityCaveat"))->height() > 4);
    shoot(QStringLiteral("unlike-training-data"));
    panel->attentionBox()->click(); // no map shown: no banner over the bare slide
    QTRY_COMPARE(bannerPixels(), 0);

    // A run without a reference: not checked, and the tooltip says why.
    core::Prediction unjudged = knownPrediction();
    unjudged.trustNote = QStringLiteral("run old keeps no reference of its training data");
    QVERIFY(test::openResultsAndWait(window, writeKnownResults(unjudged, QStringLiteral("unjudged.h5"))));
    QVERIFY(panel->trustBadge()->text().contains(QStringLiteral("Not checked")));
    QVERIFY(panel->trustBadge()->toolTip().contains(QStringLiteral("keeps no reference")));
}

void TestAnalysis::badResultsAreReportedInThePanel()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QSignalSpy failed(&window, &ui::MainWindow::analysisFailed);

    const QString damaged = m_dir.filePath(QStringLiteral("damaged.h5"));
    QFile f(damaged);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    QVERIFY(!test::openResultsAndWait(window, damaged));
    QVERIFY(window.analysisPanel()->message().contains(damaged));
    QCOMPARE(failed.count(), 1);

    // Results of a bigger slide: patches beyond this one's edge.
    core::Prediction other = knownPrediction();
    other.coords[0] = 90000;
    QVERIFY2(!test::openResultsAndWait(window, writeKnownResults(other, QStringLiteral("other.h5"))),
             qPrintable(window.analysisPanel()->message()));
    QVERIFY(window.analysisPanel()->message().contains(QStringLiteral("does not belong")));

    // A folder that is not a training run.
    window.runModel(m_dir.filePath(QStringLiteral("no-such-run")), m_dir.path());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, 10000);
    QVERIFY(window.analysisPanel()->message().contains(QStringLiteral("config.json")));

    // The viewer kept working through all of it.
    QCOMPARE(window.slideCount(), 1);
    QVERIFY(!window.analysisPanel()->analysis());
    ui::SlideView* view = window.currentView();
    const double before = view->scale();
    view->zoomBy(2, QPointF(100, 100));
    QVERIFY(view->scale() > before);
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
}

void TestAnalysis::runModelOnSlideExtractsPredictsAndReuses()
{
    // A tiny real run: handcrafted features of a tumour and a normal slide, two SR-MIL epochs.
    QTemporaryDir project;
    core::SynthSpec normalSpec = test::smallTumourSpec();
    normalSpec.tumourCount = 0;
    normalSpec.seed = 8;
    const QString tumourSlide = test::smallTumourSlide();
    const QString normalSlide = test::synthSlide(normalSpec, QStringLiteral("small-normal"));
    const QString trainingFeatures = project.filePath(QStringLiteral("training-features"));
    core::HandcraftedExtractor extractor;
    for (const QString& slide : {tumourSlide, normalSlide})
        core::ExtractionPipeline(extractor, {}).run(slide, trainingFeatures);
    const QString labelsPath = project.filePath(QStringLiteral("labels.csv"));
    QFile labels(labelsPath);
    QVERIFY(labels.open(QIODevice::WriteOnly));
    labels.write("slide_id,label\nsmall-tumour,tumour\nsmall-normal,normal\n");
    labels.close();
    core::Split split;
    split.train = split.val = {QStringLiteral("small-tumour"), QStringLiteral("small-normal")};
    const core::MilDataset data =
        core::MilDataset::load(trainingFeatures, core::LabelTable::readCsv(labelsPath), split);
    core::TrainConfig config;
    config.epochs = 2;
    const QString runDir = project.filePath(QStringLiteral("run"));
    core::Trainer(config, data, runDir).run();

    ui::MainWindow window;
    window.show();
    QVERIFY(test::openAndWait(window, tumourSlide));
    QSignalSpy ready(&window, &ui::MainWindow::analysisReady);
    window.runModel(runDir); // project = the run's parent: features/ is empty, so it extracts
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 1, 60000);
    const QString results = project.filePath(QStringLiteral("predictions/run/small-tumour.h5"));
    QVERIFY(QFile::exists(project.filePath(QStringLiteral("features/small-tumour.h5"))));
    QVERIFY(QFile::exists(results));
    ui::SlideAnalysis* analysis = window.currentView()->document()->analysis();
    QVERIFY(analysis);
    QCOMPARE(analysis->resultsPath(), results);
    QCOMPARE(analysis->prediction().attention.size(),
             data.samples(QStringLiteral("train"))[0].bag.coords.size() / 2);
    QVERIFY(analysis->hasConsistency());
    QVERIFY(analysis->isLayerVisible(ui::MapLayer::Attention));

    // Running again reuses the stored results: the file is not rewritten.
    const QDateTime written = QFileInfo(results).lastModified();
    QTest::qWait(1100);
    window.runModel(runDir);
    QTRY_COMPARE_WITH_TIMEOUT(ready.count(), 2, 60000);
    QCOMPARE(QFileInfo(results).lastModified(), written);

    // Closing the slide's tab cancels a job that is still extracting: it stops with a message,
    // writes nothing, and the window carries on.
    QSignalSpy failed(&window, &ui::MainWindow::analysisFailed);
    QTemporaryDir elsewhere;
    window.runModel(runDir, elsewhere.path());
    QVERIFY(window.isAnalysisRunning());
    window.tabs()->closeTab(window.tabs()->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 60000);
    QVERIFY(!window.isAnalysisRunning());
    QVERIFY(!QFile::exists(elsewhere.filePath(QStringLiteral("predictions/run/small-tumour.h5"))));
    QCOMPARE(window.slideCount(), 0);
}

QTEST_MAIN(TestAnalysis)
#include "tst_analysis.moc"
