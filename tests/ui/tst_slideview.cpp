// SlideView and OverviewWidget, offscreen: rendered pixels equal OpenSlide's for the same area.
#include "support/TestSlides.h"
#include "viewer/OverviewWidget.h"
#include "viewer/SlideView.h"
#include "viewer/TilePlan.h"
#include "viewer/tools/PanTool.h"

#include <QPainter>
#include <QtTest>

using namespace tessera;
using ui::SlideView;

namespace {

// What the view should show for a level-0 rectangle: OpenSlide's pixels on white glass,
// resampled to the widget size.
QImage expectedView(const core::Slide& slide, int level, QRectF level0, QSize widget)
{
    const double ds = slide.levelDownsample(level);
    const QSize levelSize((level0.size() / ds).toSize());
    const QImage region = slide.readRegion(level0.topLeft().toPoint(), level, levelSize);
    QImage onWhite(levelSize, QImage::Format_RGB32);
    onWhite.fill(Qt::white);
    QPainter(&onWhite).drawImage(0, 0, region);
    return levelSize == widget ? onWhite
                               : onWhite.scaled(widget, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
}

// The part of an image that lies above the scale bar of a view `viewHeight` pixels high.
QImage body(const QImage& image, int viewHeight)
{
    return image.copy(0, 0, image.width(), std::min(image.height(), viewHeight - 70));
}

} // namespace

class TestSlideView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pixelsMatchOpenSlideAtALevel_data();
    void pixelsMatchOpenSlideAtALevel();
    void pixelsMatchWhenScaledBetweenLevels();
    void zoomKeepsThePointUnderTheCursor();
    void pinchAndKeysZoomAndPan();
    void minimapRectangleMatchesViewport();
    void panningCancelsStaleRequests();
    void neighboursWaitForTheVisibleTiles();
    void scaleBarLengthIsANiceNumber();
    void failedTileIsDrawnAsAPlaceholder();
    void toolsGetThePointerFirst();
};

namespace {
// A tool that marks where it was clicked: takes left clicks, leaves everything else to the view.
class MarkTool : public ui::ViewerTool {
public:
    using ui::ViewerTool::ViewerTool;
    QString name() const override { return QStringLiteral("mark"); }
    bool mousePress(QMouseEvent* event) override
    {
        if (event->button() != Qt::LeftButton)
            return false;
        marks.push_back(view()->widgetToLevel0(event->position()));
        view()->update();
        return true;
    }
    void paint(QPainter& painter, const ui::ViewTransform& transform) const override
    {
        for (const QPointF& m : marks)
            painter.fillRect(QRectF(transform.level0ToWidget(m) - QPointF(3, 3), QSizeF(6, 6)), Qt::red);
    }
    std::vector<QPointF> marks;
};
} // namespace

void TestSlideView::pixelsMatchOpenSlideAtALevel_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("level");
    QTest::addColumn<QPoint>("topLeft");
    QTest::newRow("synthetic level 0") << test::smallTumourSlide() << 0 << QPoint(700, 500);
    QTest::newRow("synthetic level 1") << test::smallTumourSlide() << 1 << QPoint(400, 300);
    const QString svs = test::sampleSlide(QStringLiteral("CMU-1-Small-Region.svs"));
    if (!svs.isEmpty())
        QTest::newRow("CMU-1-Small-Region level 0") << svs << 0 << QPoint(900, 1300);
    const QString boxes = test::sampleSlide(QStringLiteral("boxes.tiff"));
    if (!boxes.isEmpty())
        QTest::newRow("boxes.tiff level 0") << boxes << 0 << QPoint(0, 0);
    const QString small = test::sampleSlide(QStringLiteral("small.svs"));
    if (!small.isEmpty())
        QTest::newRow("small.svs level 0") << small << 0 << QPoint(0, 0);
}

void TestSlideView::pixelsMatchOpenSlideAtALevel()
{
    QFETCH(QString, path);
    QFETCH(int, level);
    QFETCH(QPoint, topLeft);
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(512, 384);
    view.show();
    const core::SlidePtr slide = core::Slide::open(path);
    view.setSlide(slide);
    const double ds = slide->levelDownsample(level);
    const QSize widget = view.size();
    // Place the level-0 point `topLeft` at the widget's top-left corner (for slides smaller than
    // the widget the view keeps the slide on screen, so find where it ended up).
    view.setView(QPointF(topLeft) + QPointF(widget.width(), widget.height()) / 2 * ds, 1 / ds);
    QCOMPARE(view.displayLevel(), level);
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
    const QPoint origin = view.level0ToWidget(QPointF(topLeft)).toPoint();
    const QImage shown = view.grab().toImage();
    const QImage expected = expectedView(*slide, level, QRectF(topLeft, QSizeF(widget) * ds), widget);
    // Compare the part of the slide that is on screen (beyond its edge the view draws "outside").
    const QSize inside = ((QSizeF(slide->size()) - QSizeF(topLeft.x(), topLeft.y())) / ds)
                             .toSize()
                             .boundedTo(widget - QSize(origin.x(), origin.y()));
    const double diff =
        test::meanAbsDifference(body(shown.copy(QRect(origin, inside)), widget.height() - origin.y()),
                                body(expected.copy(QRect(QPoint(), inside)), widget.height() - origin.y()));
    qInfo("mean |view - openslide| = %.3f", diff);
    QVERIFY(diff < 0.5);
}

void TestSlideView::pixelsMatchWhenScaledBetweenLevels()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(400, 300);
    view.show();
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    view.setSlide(slide);
    const double scale = 0.37; // level 1 (downsample 2) drawn at 0.74
    view.setView({1500, 1200}, scale);
    QCOMPARE(view.displayLevel(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
    const QRectF area = view.visibleLevel0Rect();
    const QImage expected = expectedView(*slide, 1, area, view.size());
    const double diff = test::meanAbsDifference(body(view.grab().toImage(), 300), body(expected, 300));
    qInfo("mean |view - openslide| scaled = %.3f", diff);
    QVERIFY(diff < 6.0);
}

void TestSlideView::zoomKeepsThePointUnderTheCursor()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(600, 400);
    view.setSlide(core::Slide::open(test::smallTumourSlide()));
    view.setView({1500, 1200}, 0.5);
    const QPointF cursor(100, 300);
    const QPointF before = view.widgetToLevel0(cursor);
    view.zoomBy(2.0, cursor);
    QCOMPARE(view.scale(), 1.0);
    const QPointF after = view.widgetToLevel0(cursor);
    QVERIFY(std::abs(after.x() - before.x()) < 1e-6 && std::abs(after.y() - before.y()) < 1e-6);
    QCOMPARE(view.magnification(), 20.0);
    view.setMagnification(5);
    QCOMPARE(view.scale(), 0.25);
}

void TestSlideView::pinchAndKeysZoomAndPan()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(600, 400);
    view.show();
    view.setSlide(core::Slide::open(test::smallTumourSlide()));
    view.setView({1500, 1200}, 0.5);
    const QPointF at(150, 100);
    const QPointF before = view.widgetToLevel0(at);
    QNativeGestureEvent pinch(Qt::ZoomNativeGesture, QPointingDevice::primaryPointingDevice(), 2, at, at,
                              view.mapToGlobal(at), 0.5, QPointF());
    QCoreApplication::sendEvent(&view, &pinch);
    QCOMPARE(view.scale(), 0.75);
    QVERIFY((view.widgetToLevel0(at) - before).manhattanLength() < 1e-6);
    QTest::keyClick(&view, Qt::Key_Minus);
    QCOMPARE(view.scale(), 0.6);
    const QPointF centre = view.centre();
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.centre().x(), centre.x() + 600 / 8.0 / 0.6);
    QTest::keyClick(&view, Qt::Key_Home);
    QVERIFY(std::abs(view.scale() - 0.98 * 400 / 2400) < 1e-9); // fitted to the height
}

void TestSlideView::minimapRectangleMatchesViewport()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(500, 400);
    view.show();
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    view.setSlide(slide);
    view.setView({900, 700}, 0.5);
    ui::OverviewWidget overview;
    overview.resize(300, 240);
    overview.show();
    QSignalSpy ready(&overview, &ui::OverviewWidget::thumbnailReady);
    overview.setView(&view);
    QTRY_COMPARE(ready.size(), 1);
    const QImage shot = overview.grab().toImage();
    // Bounding box of the red viewport outline.
    int x0 = shot.width(), y0 = shot.height(), x1 = -1, y1 = -1;
    for (int y = 0; y < shot.height(); ++y)
        for (int x = 0; x < shot.width(); ++x) {
            const QRgb p = shot.pixel(x, y);
            if (qRed(p) > 200 && qGreen(p) < 80 && qBlue(p) < 80) {
                x0 = std::min(x0, x);
                y0 = std::min(y0, y);
                x1 = std::max(x1, x);
                y1 = std::max(y1, y);
            }
        }
    // Expected from the slide's aspect and the view's level-0 rectangle, worked out here.
    const double k = std::min(292.0 / 3000, 232.0 / 2400);
    const QPointF origin((300 - 3000 * k) / 2, (240 - 2400 * k) / 2);
    const QRectF v = view.visibleLevel0Rect();
    const QRectF expected(origin + v.topLeft() * k, v.size() * k);
    qInfo() << "outline" << QRect(QPoint(x0, y0), QPoint(x1, y1)) << "expected" << expected;
    QVERIFY(std::abs(x0 - expected.left()) <= 2 && std::abs(x1 - expected.right()) <= 2);
    QVERIFY(std::abs(y0 - expected.top()) <= 2 && std::abs(y1 - expected.bottom()) <= 2);

    // Clicking the minimap centres the view there.
    QTest::mouseClick(&overview, Qt::LeftButton, {}, (origin + QPointF(2000, 600) * k).toPoint());
    QVERIFY(std::abs(view.centre().x() - 2000) < 1 / k && std::abs(view.centre().y() - 600) < 1 / k);
}

void TestSlideView::panningCancelsStaleRequests()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(1200, 900);
    view.setSlide(core::Slide::open(test::smallTumourSlide()));
    view.setView({300, 300}, 1.0);
    view.setView({2700, 2100}, 1.0); // before the first area could load
    QVERIFY(view.loader()->cancelledCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
}

void TestSlideView::neighboursWaitForTheVisibleTiles()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(700, 500);
    view.setSlide(core::Slide::open(test::smallTumourSlide()));
    view.setView({1500, 1200}, 1.0); // level 0, nothing of it loaded yet
    const ui::TileSpan visible = ui::visibleTiles(*view.loader(), view.transform(), 0);
    const core::TileKey onScreen = view.loader()->keyAt(0, visible.c0, visible.r0);
    const core::TileKey neighbour = view.loader()->keyAt(0, visible.c1 + 1, visible.r0);
    QVERIFY(view.loader()->isRequested(onScreen) || cache.contains(onScreen));
    // The tile beside the screen is not asked for while the screen is incomplete...
    QVERIFY(!view.isFullyLoaded());
    QVERIFY(!view.loader()->isRequested(neighbour) && !cache.contains(neighbour));
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
    // ...and follows once it is, for panning.
    QTRY_VERIFY_WITH_TIMEOUT(cache.contains(neighbour), 10000);
}

void TestSlideView::scaleBarLengthIsANiceNumber()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(600, 400);
    view.setSlide(core::Slide::open(test::smallTumourSlide())); // 0.5 µm/px
    view.setView({1500, 1200}, 1.0);
    // 120 px ≈ 60 µm → 50 µm = 100 px.
    QCOMPARE(view.scaleBarLength(), std::make_pair(50.0, 100.0));
    view.setView({1500, 1200}, 0.1);
    QCOMPARE(view.scaleBarLength(), std::make_pair(500.0, 100.0));
}

void TestSlideView::failedTileIsDrawnAsAPlaceholder()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(768, 512);
    view.show();
    const core::SlidePtr slide = core::Slide::open(test::slideWithCorruptTile(0, 3, 2));
    QSignalSpy failed(&view, &SlideView::tileFailed);
    view.setSlide(slide);
    // Level 0, 1:1, widget top-left at level-0 (512, 256): tile (3, 2) covers widget (256..511, 256..511).
    view.setView(QPointF(512 + 384, 256 + 256), 1.0);
    QTRY_VERIFY_WITH_TIMEOUT(view.isFullyLoaded(), 10000);
    QTRY_VERIFY(failed.size() >= 1); // the failure signal is queued; it may follow the last tile
    const QImage shot = view.grab().toImage();
    // The placeholder's red cross runs along the tile's diagonal...
    int red = 0;
    for (int i = 20; i < 236; ++i) {
        const QRgb p = shot.pixel(256 + i, 256 + i);
        red += qRed(p) > 150 && qGreen(p) < 90 && qBlue(p) < 90;
    }
    QVERIFY2(red > 150, qPrintable(QString::number(red)));
    // ...and the neighbouring tile still shows the slide's own pixels.
    const QImage left = slide->readRegion({512, 512}, 0, {256, 256}).convertToFormat(QImage::Format_RGB32);
    QVERIFY(test::meanAbsDifference(shot.copy(0, 256, 256, 180), left.copy(0, 0, 256, 180)) < 0.5);
}

void TestSlideView::toolsGetThePointerFirst()
{
    core::TileCache cache;
    SlideView view(&cache);
    view.resize(600, 400);
    view.show();
    view.setSlide(core::Slide::open(test::smallTumourSlide()));
    view.setView({1500, 1200}, 0.5);
    QCOMPARE(view.tool(), view.panTool());
    // The pan tool: the content follows the pointer (40 px right, 20 px up at scale 0.5).
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(300, 200));
    QTest::mouseMove(&view, QPoint(340, 180));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(340, 180));
    QCOMPARE(view.centre(), QPointF(1500 - 80, 1200 + 40));

    // Another tool takes the clicks: the same drag no longer pans, the tool draws its feedback.
    MarkTool mark(&view);
    view.setTool(&mark);
    const QPointF before = view.centre();
    QTest::mousePress(&view, Qt::LeftButton, {}, QPoint(100, 100));
    QTest::mouseMove(&view, QPoint(200, 150));
    QTest::mouseRelease(&view, Qt::LeftButton, {}, QPoint(200, 150));
    QCOMPARE(view.centre(), before);
    QCOMPARE(mark.marks.size(), std::size_t(1));
    QCOMPARE(mark.marks[0], view.widgetToLevel0(QPointF(100, 100)));
    const QRgb marked = view.grab().toImage().pixel(100, 100);
    QVERIFY2(qRed(marked) > 200 && qGreen(marked) < 60 && qBlue(marked) < 60,
             qPrintable(QString::number(marked, 16)));
    // The wheel zooms whatever the tool.
    QWheelEvent wheel(QPointF(300, 200), view.mapToGlobal(QPointF(300, 200)), {}, QPoint(0, 120),
                      Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QCoreApplication::sendEvent(&view, &wheel);
    QCOMPARE(view.scale(), 0.5 * 1.25);
    // Back to panning.
    view.setTool(nullptr);
    QCOMPARE(view.tool(), view.panTool());
}

QTEST_MAIN(TestSlideView)
#include "tst_slideview.moc"
