// TileLoader: tiles equal direct reads; requests that left the viewport are cancelled.
#include "slide/TileLoader.h"
#include "support/TestSlides.h"

#include <QSignalSpy>
#include <QtTest>

using namespace tessera;
using core::TileLoader;

class TestTileLoader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadedTilesEqualDirectReads();
    void staleRequestsAreCancelled();
    void edgeTilesAreClipped();
};

void TestTileLoader::loadedTilesEqualDirectReads()
{
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    core::TileCache cache;
    TileLoader loader(slide, &cache, 2);
    // tileLoaded comes from the loader's threads; QSignalSpy would record it there, racing with
    // this thread's reads (ThreadSanitizer). Counted on this thread instead, as the viewer does.
    int loaded = 0;
    QObject receiver;
    QObject::connect(
        &loader, &TileLoader::tileLoaded, &receiver, [&loaded] { ++loaded; }, Qt::QueuedConnection);
    QList<core::TileRequest> wanted;
    for (int c = 0; c < 3; ++c)
        wanted.append({loader.keyAt(1, c, 1), 10});
    loader.request(wanted);
    QTRY_COMPARE(loaded, 3);
    for (const core::TileRequest& r : wanted) {
        const auto image = cache.find(r.key);
        QVERIFY(image);
        const QRectF area = loader.tileRectLevel0(r.key);
        const QImage direct = slide->readRegion(area.topLeft().toPoint(), 1, image->size());
        QCOMPARE(*image, direct);
    }
    // Asking again for cached tiles loads nothing.
    loader.request(wanted);
    QCOMPARE(loader.pendingCount(), 0);
}

void TestTileLoader::staleRequestsAreCancelled()
{
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    core::TileCache cache;
    TileLoader loader(slide, &cache, 1);
    QList<core::TileRequest> first;
    const QSize grid = loader.gridSize(0);
    for (int r = 0; r < grid.height(); ++r)
        for (int c = 0; c < grid.width(); ++c)
            first.append({loader.keyAt(0, c, r), 1});
    loader.request(first);
    // The viewport moves: only one tile is wanted now.
    const core::TileKey kept = loader.keyAt(0, 0, 0);
    loader.request({{kept, 5}});
    QVERIFY(loader.cancelledCount() > first.size() / 2);
    QTRY_COMPARE(loader.pendingCount(), 0);
    QTRY_VERIFY(cache.contains(kept));
    // Only the few tiles that had already started were read.
    QVERIFY2(loader.loadedCount() <= 4, qPrintable(QString::number(loader.loadedCount())));
}

void TestTileLoader::edgeTilesAreClipped()
{
    const core::SlidePtr slide = core::Slide::open(test::smallTumourSlide());
    core::TileCache cache;
    const TileLoader loader(slide, &cache, 1);
    const QSize grid = loader.gridSize(0);
    QCOMPARE(grid, QSize((3000 + 255) / 256, (2400 + 255) / 256));
    const core::TileKey corner = loader.keyAt(0, grid.width() - 1, grid.height() - 1);
    QCOMPARE(loader.readTile(corner).size(), QSize(3000 - 11 * 256, 2400 - 9 * 256));
    QCOMPARE(loader.tileRectLevel0(corner), QRectF(11 * 256, 9 * 256, 3000 - 11 * 256, 2400 - 9 * 256));
}

QTEST_GUILESS_MAIN(TestTileLoader)
#include "tst_tileloader.moc"
