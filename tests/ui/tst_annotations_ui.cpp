// Annotating in the main window, driven through real widgets: draw with each tool, select, move
// and reshape, undo and redo, delete and duplicate, classes, the list dock with measurements,
// import and export, pixels of a drawn outline, and everything back after reopening the project.
#include "MainWindow.h"
#include "document/HeatmapSettings.h"
#include "annotations/AnnotationFiles.h"
#include "annotations/AnnotationPanel.h"
#include "document/AnnotationSelection.h"
#include "annotations/AnnotationSet.h"
#include "annotations/AnnotationTableModel.h"
#include "annotations/AnnotationWorkbench.h"
#include "annotations/tools/DrawingTools.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "slide/TileCache.h"
#include "support/KnownResults.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "canvas/LayerStack.h"

#include <QDockWidget>
#include <QListWidget>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

using namespace tessera;

namespace {

void drag(QWidget* view, QPoint from, QPoint to)
{
    QTest::mousePress(view, Qt::LeftButton, {}, from);
    for (int i = 1; i <= 4; ++i)
        QTest::mouseMove(view, from + (to - from) * i / 4);
    QTest::mouseRelease(view, Qt::LeftButton, {}, to);
}

} // namespace

class TestAnnotationsUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void drawEditUndoAndKeep();
    void importExportAndReport();
    void anEditRedecoratesOnlyTheTilesItTouches();

private:
    QTemporaryDir m_dir;
    QString m_project, m_slide;
};

void TestAnnotationsUi::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
    m_project = m_dir.filePath(QStringLiteral("p"));
    core::Project::create(m_project);
    m_slide = m_dir.filePath(QStringLiteral("slide.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), m_slide));
}

void TestAnnotationsUi::drawEditUndoAndKeep()
{
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(window.openProject(m_project));
    ui::SlideView* view = test::openAndWait(window, m_slide);
    QVERIFY(view);
    ui::AnnotationWorkbench* bench = window.annotationWorkbench();
    ui::AnnotationPanel* panel = bench->panel();
    ui::SlideDocument* doc = view->document();
    core::AnnotationSet& set = doc->annotations();
    QVERIFY2(panel->saveStatus().contains(QLatin1String("Saved")), qPrintable(panel->saveStatus()));

    // A class for what is drawn next.
    panel->addClass(QStringLiteral("Tumor"), QColor(220, 0, 0));
    QCOMPARE(panel->currentClass(), QStringLiteral("Tumor"));

    // Rectangle: dragged corner to corner, kept in level-0 pixels.
    bench->activateTool(QStringLiteral("rectangle"));
    QCOMPARE(view->tool()->name(), QStringLiteral("rectangle"));
    const QPoint a(300, 200), b(500, 350);
    drag(view, a, b);
    QCOMPARE(set.size(), 1);
    const core::Annotation rect = set.annotations().front();
    QCOMPARE(rect.geometry.kind, core::ShapeKind::Rectangle);
    QCOMPARE(rect.className, QStringLiteral("Tumor"));
    const QRectF expected(view->transform().widgetToLevel0(a), view->transform().widgetToLevel0(b));
    QVERIFY(std::abs(rect.geometry.bounds().left() - expected.left()) < 1e-6);
    QVERIFY(std::abs(rect.geometry.area() - expected.width() * expected.height()) <
            1e-3 * expected.width() * expected.height());

    // The outline is drawn in the class colour where it was dragged.
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
    const QImage shot = view->grab().toImage();
    const QColor edge = shot.pixelColor(a.x(), (a.y() + b.y()) / 2);
    QVERIFY2(edge.red() > 150 && edge.green() < 90 && edge.blue() < 90, qPrintable(edge.name()));
    const QColor inside = shot.pixelColor((a.x() + b.x()) / 2, (a.y() + b.y()) / 2);
    QVERIFY2(inside.red() >= inside.green(), qPrintable(inside.name())); // a faint tint of the class

    // Polygon click by click, closed by a double-click; ellipse; point; freehand lasso.
    bench->activateTool(QStringLiteral("polygon"));
    for (const QPoint p : {QPoint(700, 200), QPoint(800, 220), QPoint(760, 320)})
        QTest::mouseClick(view, Qt::LeftButton, {}, p);
    QTest::mouseDClick(view, Qt::LeftButton, {}, QPoint(760, 320));
    QCOMPARE(set.size(), 2);
    bench->activateTool(QStringLiteral("ellipse"));
    drag(view, QPoint(300, 450), QPoint(420, 520));
    bench->activateTool(QStringLiteral("point"));
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(600, 600));
    bench->activateTool(QStringLiteral("freehand"));
    QTest::mousePress(view, Qt::LeftButton, {}, QPoint(900, 400));
    for (int i = 0; i <= 36; ++i)
        QTest::mouseMove(
            view, QPoint(950 + int(50 * std::cos(i * M_PI / 18)), 450 + int(50 * std::sin(i * M_PI / 18))));
    QTest::mouseRelease(view, Qt::LeftButton, {}, QPoint(1000, 450));
    QCOMPARE(set.size(), 5);
    std::map<core::ShapeKind, int> kinds;
    for (const core::Annotation& x : set.annotations())
        ++kinds[x.geometry.kind];
    QCOMPARE(kinds[core::ShapeKind::Polygon], 2);
    QCOMPARE(kinds[core::ShapeKind::Ellipse], 1);
    QCOMPARE(kinds[core::ShapeKind::Point], 1);

    // The list: one row each, with measurements in µm; the summary per class.
    QCOMPARE(panel->table()->model()->rowCount(), 5);
    // Summed up in the background.
    QTRY_VERIFY2(panel->summaryText().contains(QLatin1String("Tumor: 5 annotation")),
                 qPrintable(panel->summaryText()));
    panel->setFilterClass(QStringLiteral("Tumor"));
    QCOMPARE(panel->table()->model()->rowCount(), 5);
    panel->setFilterClass(QString()); // unclassified
    QCOMPARE(panel->table()->model()->rowCount(), 0);
    panel->setFilterClass(QStringLiteral("*"));
    // Clicking a row selects the annotation and fits the view to it.
    QTableView* table = panel->table();
    const QPointF centre = view->transform().centre();
    const double scale = view->transform().scale();
    const QModelIndex first = table->model()->index(0, 0);
    const QUuid firstId = first.data(ui::AnnotationTableModel::kIdRole).toUuid();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(first).center());
    QCOMPARE(doc->selection().ids(), QList<QUuid>{firstId});
    const QRectF fitted = set.find(firstId)->geometry.bounds();
    QVERIFY(fitted.adjusted(-1, -1, 1, 1).contains(view->transform().centre()));
    QVERIFY(view->transform().level0ToWidget(fitted).width() > 100 ||
            view->transform().level0ToWidget(fitted).height() > 100); // zoomed to it
    doc->selection().clear();
    view->setView(centre, scale); // back to where the drawing happened

    // Select the rectangle by clicking inside it, move it by dragging, and undo the move.
    bench->activateTool(QStringLiteral("select"));
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(400, 275));
    QCOMPARE(doc->selection().ids(), QList<QUuid>{rect.id});
    QCOMPARE(panel->table()->selectionModel()->selectedRows().size(), 1); // the list follows
    drag(view, QPoint(400, 275), QPoint(450, 300));
    const double moved = set.find(rect.id)->geometry.bounds().left() - rect.geometry.bounds().left();
    QVERIFY2(std::abs(moved - 50 / view->transform().scale()) < 1e-6, qPrintable(QString::number(moved)));
    doc->undoStack()->undo();
    QCOMPARE(set.find(rect.id)->geometry, rect.geometry);
    doc->undoStack()->redo();

    // Reshape: drag one corner handle; the rectangle becomes a polygon.
    const QPointF corner = view->transform().level0ToWidget(set.find(rect.id)->geometry.vertices()[2]);
    drag(view, corner.toPoint(), corner.toPoint() + QPoint(40, 30));
    QCOMPARE(set.find(rect.id)->geometry.kind, core::ShapeKind::Polygon);
    QVERIFY(set.find(rect.id)->geometry.area() > rect.geometry.area());

    // Rubber band around the ellipse and the point; Ctrl+D duplicates them, Delete removes.
    drag(view, QPoint(280, 430), QPoint(620, 620));
    QCOMPARE(doc->selection().ids().size(), 2);
    QTest::keyClick(view, Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(set.size(), 7);
    QTest::keyClick(view, Qt::Key_Delete);
    QCOMPARE(set.size(), 5);

    // Assign a new class to a selection.
    panel->addClass(QStringLiteral("Stroma"), QColor(0, 150, 0));
    QTest::mouseClick(view, Qt::LeftButton, {}, QPoint(400, 275));
    panel->assignToSelection();
    QCOMPARE(set.find(rect.id)->className, QStringLiteral("Stroma"));
    QTRY_VERIFY(panel->summaryText().contains(QLatin1String("Stroma: 1 annotation")));
    // Hiding a class hides its annotations from picking.
    QListWidget* classes = panel->classList();
    const QList<QListWidgetItem*> stroma = classes->findItems(QStringLiteral("Stroma"), Qt::MatchExactly);
    QCOMPARE(stroma.size(), 1);
    stroma.front()->setCheckState(Qt::Unchecked);
    QVERIFY(!set.isClassVisible(QStringLiteral("Stroma")));
    QVERIFY(!set.hit(view->transform().widgetToLevel0(QPointF(400, 275)), 1));
    stroma.front()->setCheckState(Qt::Checked);
    // "Unclassified" is in the list too, and hides the annotations without a class.
    const QList<QListWidgetItem*> unclassified =
        classes->findItems(QStringLiteral("Unclassified"), Qt::MatchExactly);
    QCOMPARE(unclassified.size(), 1);
    QCOMPARE(classes->item(0), unclassified.front());
    core::Annotation loose;
    loose.id = QUuid::createUuid();
    loose.geometry = core::Geometry::rectangle(QRectF(10, 10, 40, 40)); // far from the others
    loose.created = loose.modified = QDateTime::currentDateTimeUtc();
    set.add({loose}, QStringLiteral("loose"));
    QVERIFY(set.hit(QPointF(30, 30), 1));
    unclassified.front()->setCheckState(Qt::Unchecked);
    QVERIFY(!set.isClassVisible(QString()));
    QVERIFY(!set.hit(QPointF(30, 30), 1));
    unclassified.front()->setCheckState(Qt::Checked);
    QVERIFY(set.hit(QPointF(30, 30), 1));
    set.remove({loose.id}, QStringLiteral("loose"));
    // A new class starts from a colour unlike any class's and unlike the unclassified red.
    const QColor suggested = panel->suggestedNewClassColor();
    const auto distance = [](const QColor& a, const QColor& b) {
        return std::hypot(a.red() - b.red(), a.green() - b.green(), a.blue() - b.blue());
    };
    QVERIFY(distance(suggested, core::unclassifiedColor()) >= 60);
    for (const core::AnnotationClass& c : set.classes())
        QVERIFY2(distance(suggested, c.color) >= 60, qPrintable(c.name));

    // Every change reaches the project (written in the background), as the dock says.
    QTRY_VERIFY2(panel->saveStatus().contains(QLatin1String("5 annotation")),
                 qPrintable(panel->saveStatus()));
    const std::vector<core::Annotation> expectedSaved = set.annotations();
    window.close();

    // Reopened: the same annotations and classes.
    ui::MainWindow again;
    again.show();
    QVERIFY(again.openProject(m_project));
    ui::SlideView* reopened = test::openAndWait(again, m_slide);
    QVERIFY(reopened);
    core::AnnotationSet& back = reopened->document()->annotations();
    QCOMPARE(back.size(), 5);
    for (const core::Annotation& x : expectedSaved) {
        const core::Annotation* y = back.find(x.id);
        QVERIFY(y);
        QCOMPARE(y->geometry, x.geometry);
        QCOMPARE(y->className, x.className);
    }
    QVERIFY(core::findClass(back.classes(), QStringLiteral("Stroma")));
}

void TestAnnotationsUi::importExportAndReport()
{
    ui::MainWindow window;
    window.resize(1200, 800);
    window.show();
    ui::SlideView* view = test::openAndWait(window, m_slide); // no project: kept in memory only
    QVERIFY(view);
    ui::AnnotationWorkbench* bench = window.annotationWorkbench();
    QVERIFY(bench->panel()->saveStatus().contains(QLatin1String("Not saved")));
    const QString geojson = m_dir.filePath(QStringLiteral("in.geojson"));
    {
        core::Annotation a;
        a.id = QUuid::createUuid();
        a.className = QStringLiteral("Necrosis");
        a.geometry = core::Geometry::polygon(QPolygonF{{100, 100}, {900, 100}, {900, 700}, {100, 700}},
                                             {QPolygonF{{200, 200}, {300, 200}, {300, 300}, {200, 300}}});
        core::exportAnnotations(geojson, {a}, {{QStringLiteral("Necrosis"), QColor(60, 60, 200), true}});
    }
    // The menu's way: read in the background, added as one edit, a sentence at the end.
    QSignalSpy imported(bench, &ui::AnnotationWorkbench::importFinished);
    bench->startImport(geojson);
    QVERIFY(imported.wait(10000));
    QVERIFY(imported.first().at(1).toBool());
    const QString report = imported.first().first().toString();
    QVERIFY2(report.contains(QLatin1String("1 annotation")) && report.contains(QLatin1String("Necrosis")),
             qPrintable(report));
    core::AnnotationSet& set = view->document()->annotations();
    QCOMPARE(set.size(), 1);
    view->document()->undoStack()->undo(); // an import is one undoable step
    QCOMPARE(set.size(), 0);
    view->document()->undoStack()->redo();
    // To ASAP XML: the hole cannot go, and the export says so.
    const QString xml = m_dir.filePath(QStringLiteral("out.xml"));
    const QString written = bench->exportFile(xml);
    QVERIFY2(written.contains(QLatin1String("hole")), qPrintable(written));
    QCOMPARE(core::importAnnotations(xml).annotations.size(), std::size_t(1));
    // A broken file changes nothing and names itself.
    const QString broken = m_dir.filePath(QStringLiteral("broken.geojson"));
    QFile f(broken);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\"type\": \"FeatureCollection\", \"features\": [");
    f.close();
    try {
        bench->importFile(broken);
        QFAIL("a truncated file was imported");
    } catch (const core::Error& e) {
        QVERIFY(e.message().contains(broken));
    }
    imported.clear();
    bench->startImport(broken);
    QVERIFY(imported.wait(10000));
    QVERIFY(!imported.first().at(1).toBool());
    QVERIFY(imported.first().first().toString().contains(broken));
    QCOMPARE(set.size(), 1);
    // Exported in the background too.
    QSignalSpy exported(bench, &ui::AnnotationWorkbench::exportFinished);
    const QString geojsonOut = m_dir.filePath(QStringLiteral("out.geojson"));
    bench->startExport(geojsonOut);
    QVERIFY(exported.wait(10000));
    QVERIFY2(exported.first().at(1).toBool(), qPrintable(exported.first().first().toString()));
    QCOMPARE(core::importAnnotations(geojsonOut).annotations.size(), std::size_t(1));
    // Opening a project afterwards keeps what was drawn and saves it.
    QVERIFY(window.openProject(m_project));
    QTRY_VERIFY2(bench->panel()->saveStatus().contains(QLatin1String("6 annotation")),
                 qPrintable(bench->panel()->saveStatus()));
    QVERIFY(set.find(set.annotations().front().id));
    const auto project = core::Project::open(m_project);
    const qint64 slide = project->annotations().slideIdFor(m_slide);
    QCOMPARE(project->annotations().count(slide), 6); // 5 from the first test + the import
    // Screenshot for the docs (looked at by a person, not compared).
    bench->activateTool(QStringLiteral("select"));
    QVERIFY(bench->dock()->isVisible());
    if (!qEnvironmentVariableIsEmpty("TESSERA_SCREENSHOTS"))
        window.grab().save(qEnvironmentVariable("TESSERA_SCREENSHOTS") + QStringLiteral("/annotations.png"));
}

// An edit changes the decoration key of the tiles its old and new outline touch, and of no
// other: those tiles stay cached. The view then shows the shape where it went, never a stale tile
// where it was.
void TestAnnotationsUi::anEditRedecoratesOnlyTheTilesItTouches()
{
    core::TileCache cache(64 << 20);
    ui::SlideView view(&cache);
    view.resize(1000, 800);
    view.show();
    view.setSlide(core::Slide::open(m_slide));
    core::AnnotationSet& set = view.document()->annotations();
    const auto rectangle = [](const QRectF& r) {
        core::Annotation a;
        a.id = QUuid::createUuid();
        a.geometry = core::Geometry::rectangle(r);
        a.created = a.modified = QDateTime::currentDateTimeUtc();
        return a;
    };
    core::Annotation moved = rectangle(QRectF(1000, 1000, 150, 150));
    const core::Annotation still = rectangle(QRectF(2600, 300, 150, 150));
    set.add({moved, still}, QStringLiteral("two"));
    const ui::LayerStack& layers = view.document()->layers();
    const QSizeF pixels(256, 256); // tiles of level 0
    const QRectF near(1024, 1024, 256, 256), far(2560, 256, 256, 256);
    const size_t nearBefore = layers.tileBlendKey(near, pixels), farBefore = layers.tileBlendKey(far, pixels);
    QVERIFY(nearBefore != 0 && farBefore != 0);

    // At 1:1 over the first rectangle, then moved 120 px to the right.
    view.setView(QPointF(1150, 1075), 1.0);
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
    const auto outlinedAt = [&](double x) { // red (unclassified) within 3 px of x, mid-height
        const QImage frame = view.grab().toImage();
        const QPoint p = view.level0ToWidget(QPointF(x, 1075)).toPoint();
        for (int dx = -3; dx <= 3; ++dx) {
            const QColor c = frame.pixelColor(p + QPoint(dx, 0));
            if (c.red() > 200 && c.green() < 80 && c.blue() < 80)
                return true;
        }
        return false;
    };
    QVERIFY(outlinedAt(1000));
    moved.geometry = core::Geometry::rectangle(QRectF(1120, 1000, 150, 150));
    set.modify({moved}, QStringLiteral("move"));
    QVERIFY(layers.tileBlendKey(near, pixels) != nearBefore);
    QCOMPARE(layers.tileBlendKey(far, pixels), farBefore); // far away: still cached
    QVERIFY(outlinedAt(1120));
    QVERIFY(!outlinedAt(1000)); // no stale tile where it was
    // Redrawing only the changed part of a tile gives the pixels a whole redraw gives, over a
    // heatmap too, at 1:1 and zoomed out, after several edits and a selection.
    const auto sameAsAWholeRedraw = [&] {
        QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
        const QImage patched = view.grab().toImage();
        set.setClasses(set.classes()); // restyled: every tile drawn whole
        const QImage whole = view.grab().toImage();
        QCOMPARE(patched, whole);
    };
    sameAsAWholeRedraw();
    // Small shapes of two classes overlapping around it (dots when zoomed out), over a heatmap.
    set.setClasses({{QStringLiteral("Tumor"), QColor(200, 0, 0), true},
                    {QStringLiteral("Stroma"), QColor(0, 150, 0), true}});
    std::vector<core::Annotation> small;
    for (int k = 0; k < 300; ++k) {
        core::Annotation a = rectangle(QRectF(700 + (k * 37) % 900, 800 + (k * 53) % 700, 14, 12));
        a.className = k % 2 ? QStringLiteral("Tumor") : QStringLiteral("Stroma");
        small.push_back(a);
    }
    // The last two overlap, far from the first few (which are removed below): the last one
    // changes its place in the drawing order without being touched.
    for (const auto& [x, name] :
         {std::pair{1500.0, QStringLiteral("Tumor")}, std::pair{1506.0, QStringLiteral("Stroma")}}) {
        core::Annotation a = rectangle(QRectF(x, 1380, 60, 40));
        a.className = name;
        small.push_back(a);
    }
    set.add(small, QStringLiteral("small"));
    view.document()->showAnalysis(test::knownPrediction(), QString(), ui::HeatmapSettings{});
    int removed = 0;
    for (const double scale : {1.0, 0.3, 0.08}) {
        view.setView(QPointF(1150, 1075), scale);
        QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
        view.grab(); // decorated as it stands
        for (int step = 1; step <= 3; ++step) {
            moved.geometry = core::Geometry::rectangle(QRectF(1120 + 40 * step, 1000 + 25 * step, 150, 150));
            set.modify({moved}, QStringLiteral("move"));
            view.grab();
        }
        view.document()->selection().set({moved.id});
        view.grab();
        view.document()->selection().clear();
        view.grab();
        // A removal puts the last shape in its place, and so in its drawing order.
        set.remove({small[size_t(removed++)].id}, QStringLiteral("remove"));
        sameAsAWholeRedraw();
    }
    QVERIFY(view.tileRedraws().second > 0); // the parts were redrawn alone, not whole tiles

    // Selecting the far one (painted on top, out of the tiles) changes only its tiles.
    const size_t nearAfter = layers.tileBlendKey(near, pixels);
    view.document()->selection().set({still.id});
    QVERIFY(layers.tileBlendKey(far, pixels) != farBefore);
    QCOMPARE(layers.tileBlendKey(near, pixels), nearAfter);
    // A class restyled changes every tile.
    set.setClasses({{QStringLiteral("Tumor"), QColor(0, 0, 200), true}});
    QVERIFY(layers.tileBlendKey(near, pixels) != nearAfter);
}

QTEST_MAIN(TestAnnotationsUi)
#include "tst_annotations_ui.moc"
