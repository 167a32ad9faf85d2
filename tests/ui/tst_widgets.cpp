// Small widgets: the SVG app icon renders; CurvePlot keeps series and auto-ranges.
// qcustomplot.h uses the `signals`/`foreach` keywords that the rest of Tessera turns off
// (they clash with LibTorch); this file has no torch, so allow them here.
#undef QT_NO_KEYWORDS
#include "AppIcon.h"
#include "plots/CurvePlot.h"

#include <QtTest>
#include <limits>
#include <qcustomplot.h>

using namespace tessera::ui;

class TestWidgets : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void appIconRendersFromSvg();
    void curvePlotCollectsSeriesAndRanges();
};

void TestWidgets::appIconRendersFromSvg()
{
    const QImage icon = renderAppIcon(64);
    QCOMPARE(icon.size(), QSize(64, 64));
    QCOMPARE(qAlpha(icon.pixel(0, 0)), 0);                       // transparent corner
    QCOMPARE(icon.pixelColor(32, 32), QColor(0xf4, 0xf1, 0xf6)); // the white centre dot
    QCOMPARE(icon.pixelColor(12, 12), QColor(0xe8, 0x9e, 0xc0)); // eosin tile
    QCOMPARE(icon.pixelColor(50, 12), QColor(0x6b, 0x3f, 0x9e)); // haematoxylin tile
}

void TestWidgets::curvePlotCollectsSeriesAndRanges()
{
    CurvePlot plot;
    plot.resize(400, 300);
    plot.show();
    plot.setAxisLabels(QStringLiteral("epoch"), QStringLiteral("loss"));
    for (int epoch = 1; epoch <= 10; ++epoch) {
        plot.addPoint(QStringLiteral("train"), epoch, 1.0 / epoch);
        plot.addPoint(QStringLiteral("val"), epoch, 2.0 / epoch);
    }
    plot.addPoint(QStringLiteral("val"), 11, std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(plot.seriesNames().size(), 2);
    QCOMPARE(plot.pointCount(QStringLiteral("train")), 10);
    QCOMPARE(plot.pointCount(QStringLiteral("val")), 10); // NaN skipped
    // x: the first epoch to the last; y: the data and 5 % of its span on each side.
    const QRectF bounds = plot.axisBounds();
    QCOMPARE(bounds.left(), 1.0);
    QCOMPARE(bounds.right(), 10.0);
    QVERIFY(std::abs(bounds.top() - (0.1 - 0.095)) < 1e-9 &&
            std::abs(bounds.bottom() - (2.0 + 0.095)) < 1e-9);
    // The legend lies outside the plotting area; tick labels are at least 8 pt.
    QCOMPARE(plot.plot()->xAxis->tickLabelFont().pointSizeF() >= 8, true);
    plot.plot()->replot();
    QVERIFY(!plot.plot()->legend->outerRect().intersects(plot.plot()->axisRect()->rect()));
    // The curves are drawn: the first series' colour appears in the rendered plot.
    plot.plot()->replot();
    const QImage image = plot.grab().toImage();
    bool found = false;
    for (int y = 0; y < image.height() && !found; ++y)
        for (int x = 0; x < image.width() && !found; ++x)
            found = image.pixelColor(x, y) == QColor(31, 119, 180);
    QVERIFY(found);
    plot.clear();
    QVERIFY(plot.seriesNames().isEmpty());
    // No empty legend box for a new job, and the axes keep the plot's width.
    plot.plot()->replot();
    QVERIFY(!plot.plot()->legend->visible());
    QVERIFY(plot.plot()->axisRect()->rect().width() > plot.width() / 2);
    // A single point: x 0–1 around epoch 1, y its value ±5 %, not −1 to 3.
    plot.addPoint(QStringLiteral("train"), 1, 0.8);
    const QRectF single = plot.axisBounds();
    QCOMPARE(single.left(), 0.0);
    QCOMPARE(single.right(), 1.0);
    QVERIFY(std::abs(single.top() - 0.76) < 1e-9 && std::abs(single.bottom() - 0.84) < 1e-9);
}

QTEST_MAIN(TestWidgets)
#include "tst_widgets.moc"
