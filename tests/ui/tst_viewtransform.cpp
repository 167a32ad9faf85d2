// ViewTransform without a widget: fitting, clamping, anchored zoom, panning and the mappings
// between widget and level-0 pixels, worked out by hand.
#include "canvas/ViewTransform.h"

#include <QtTest>

using tessera::ui::ViewTransform;

namespace {
bool near(QPointF a, QPointF b, double tolerance = 1e-9)
{
    return std::abs(a.x() - b.x()) <= tolerance && std::abs(a.y() - b.y()) <= tolerance;
}
} // namespace

class TestViewTransform : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fitsTheSlideInTheViewport();
    void mapsBetweenWidgetAndLevel0();
    void zoomKeepsTheAnchoredPointStill();
    void clampsScaleAndCentre();
    void pansWithThePointer();
    void resizingKeepsCentreAndScale();
    void painterTransformAgreesWithTheMapping();
};

void TestViewTransform::fitsTheSlideInTheViewport()
{
    // 3000 × 2400 slide in 600 × 400: height limits, 0.98 × 400 / 2400.
    const ViewTransform v(QSizeF(3000, 2400), QSize(600, 400));
    QCOMPARE(v.scale(), 0.98 * 400 / 2400);
    QCOMPARE(v.centre(), QPointF(1500, 1200));
    QCOMPARE(v.minScale(), 0.5 * v.fitScale());
    QCOMPARE(v.maxScale(), ViewTransform::kMaxScreenPerLevel0);
    // A slide smaller than the viewport may still be seen 1:1 (min is not above 1).
    const ViewTransform tiny(QSizeF(100, 80), QSize(600, 400));
    QCOMPARE(tiny.minScale(), 1.0);
    QVERIFY(tiny.maxScale() >= tiny.fitScale());
}

void TestViewTransform::mapsBetweenWidgetAndLevel0()
{
    const ViewTransform v = ViewTransform(QSizeF(3000, 2400), QSize(600, 400)).at({1500, 1200}, 0.5);
    // The widget's centre is the view's centre; 100 widget px = 200 level-0 px at scale 0.5.
    QCOMPARE(v.widgetToLevel0({300, 200}), QPointF(1500, 1200));
    QCOMPARE(v.widgetToLevel0({400, 200}), QPointF(1700, 1200));
    QCOMPARE(v.level0ToWidget({900, 800}), QPointF(0, 0));
    QCOMPARE(v.visibleLevel0Rect(), QRectF(900, 800, 1200, 800));
    QCOMPARE(v.level0ToWidget(QRectF(1500, 1200, 200, 100)), QRectF(300, 200, 100, 50));
    for (const QPointF p : {QPointF(12.5, 7), QPointF(599, 399), QPointF(-40, 500)})
        QVERIFY(near(v.level0ToWidget(v.widgetToLevel0(p)), p));
}

void TestViewTransform::zoomKeepsTheAnchoredPointStill()
{
    const ViewTransform v = ViewTransform(QSizeF(3000, 2400), QSize(600, 400)).at({1500, 1200}, 0.5);
    const QPointF cursor(100, 300);
    const QPointF under = v.widgetToLevel0(cursor);
    const ViewTransform zoomed = v.zoomedBy(2.0, cursor);
    QCOMPARE(zoomed.scale(), 1.0);
    QVERIFY(near(zoomed.widgetToLevel0(cursor), under));
    // Zooming back out returns to where it was.
    const ViewTransform back = zoomed.zoomedBy(0.5, cursor);
    QVERIFY(near(back.centre(), v.centre()));
    QCOMPARE(back.scale(), v.scale());
}

void TestViewTransform::clampsScaleAndCentre()
{
    const ViewTransform v(QSizeF(3000, 2400), QSize(600, 400));
    QCOMPARE(v.at({0, 0}, 1000).scale(), ViewTransform::kMaxScreenPerLevel0);
    QCOMPARE(v.at({0, 0}, 1e-9).scale(), v.minScale());
    QCOMPARE(v.at({-50, 9000}, 1).centre(), QPointF(0, 2400));
    QCOMPARE(v.zoomedBy(1e6, {10, 10}).scale(), v.maxScale());
}

void TestViewTransform::pansWithThePointer()
{
    const ViewTransform v = ViewTransform(QSizeF(3000, 2400), QSize(600, 400)).at({1500, 1200}, 0.25);
    // Dragging 40 px right moves the content right: the centre moves 160 level-0 px left.
    QCOMPARE(v.pannedBy({40, -20}).centre(), QPointF(1340, 1280));
    QCOMPARE(v.pannedBy({40, -20}).scale(), 0.25);
}

void TestViewTransform::resizingKeepsCentreAndScale()
{
    const ViewTransform v = ViewTransform(QSizeF(3000, 2400), QSize(600, 400)).at({1000, 700}, 0.5);
    const ViewTransform r = v.resized(QSize(1200, 900));
    QCOMPARE(r.centre(), v.centre());
    QCOMPARE(r.scale(), v.scale());
    QCOMPARE(r.viewport(), QSize(1200, 900));
    QCOMPARE(r.visibleLevel0Rect().size(), QSizeF(2400, 1800));
}

void TestViewTransform::painterTransformAgreesWithTheMapping()
{
    const ViewTransform v = ViewTransform(QSizeF(3000, 2400), QSize(640, 480)).at({777, 555}, 1.7);
    const QTransform t = v.level0ToWidgetTransform();
    for (const QPointF p : {QPointF(0, 0), QPointF(777, 555), QPointF(2999, 10)})
        QVERIFY(near(t.map(p), v.level0ToWidget(p), 1e-6));
}

QTEST_APPLESS_MAIN(TestViewTransform)
#include "tst_viewtransform.moc"
