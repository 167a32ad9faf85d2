// TileCache: LRU order, byte bound (also under concurrent inserts), per-slide removal.
#include "slide/TileCache.h"

#include <QtConcurrent>
#include <QtTest>

using namespace tessera::core;

namespace {
QImage tile(int side, QRgb colour)
{
    QImage image(side, side, QImage::Format_ARGB32_Premultiplied);
    image.fill(colour);
    return image;
}
TileKey key(int column, quint64 slide = 1)
{
    return {slide, 0, column, 0};
}
} // namespace

class TestTileCache : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void evictsLeastRecentlyUsed();
    void replacingATileKeepsTheByteCountExact();
    void neverExceedsItsBoundUnderConcurrentInserts();
    void removeSlideDropsOnlyThatSlide();
    void shrinkingTheCapacityEvicts();
};

void TestTileCache::evictsLeastRecentlyUsed()
{
    const qint64 one = tile(64, 0).sizeInBytes();
    TileCache cache(3 * one);
    cache.insert(key(0), tile(64, 0xff000000));
    cache.insert(key(1), tile(64, 0xff000001));
    cache.insert(key(2), tile(64, 0xff000002));
    QVERIFY(cache.find(key(0))); // 0 becomes most recent; 1 is now the oldest
    cache.insert(key(3), tile(64, 0xff000003));
    QVERIFY(!cache.contains(key(1)));
    QVERIFY(cache.contains(key(0)) && cache.contains(key(2)) && cache.contains(key(3)));
    QCOMPARE(cache.bytes(), 3 * one);
    QCOMPARE(cache.find(key(3))->pixel(0, 0), QRgb(0xff000003));
    QVERIFY(!cache.find(key(1)));
    QCOMPARE(cache.hits(), 2);
    QCOMPARE(cache.misses(), 1);
}

void TestTileCache::replacingATileKeepsTheByteCountExact()
{
    TileCache cache(1 << 20);
    cache.insert(key(0), tile(64, 0));
    cache.insert(key(0), tile(32, 0));
    QCOMPARE(cache.count(), 1);
    QCOMPARE(cache.bytes(), tile(32, 0).sizeInBytes());
    // A tile larger than the whole cache is not kept (and evicts nothing).
    cache.insert(key(1), tile(1024, 0));
    QVERIFY(!cache.contains(key(1)));
    QCOMPARE(cache.count(), 1);
}

void TestTileCache::neverExceedsItsBoundUnderConcurrentInserts()
{
    const qint64 one = tile(32, 0).sizeInBytes();
    TileCache cache(10 * one);
    std::atomic<qint64> worst{0};
    QList<int> workers{0, 1, 2, 3};
    QtConcurrent::blockingMap(workers, [&](int w) {
        for (int i = 0; i < 500; ++i) {
            cache.insert(key(w * 1000 + i), tile(32 + (i % 3) * 8, 0));
            cache.find(key(w * 1000 + i / 2));
            const qint64 now = cache.bytes();
            qint64 seen = worst.load();
            while (now > seen && !worst.compare_exchange_weak(seen, now)) {
            }
        }
    });
    QVERIFY(worst.load() <= cache.capacity());
    QVERIFY(cache.count() > 0);
}

void TestTileCache::removeSlideDropsOnlyThatSlide()
{
    TileCache cache(1 << 20);
    cache.insert(key(0, 1), tile(16, 0));
    cache.insert(key(1, 1), tile(16, 0));
    cache.insert(key(0, 2), tile(16, 0));
    cache.removeSlide(1);
    QCOMPARE(cache.count(), 1);
    QVERIFY(cache.contains(key(0, 2)));
    QCOMPARE(cache.bytes(), tile(16, 0).sizeInBytes());
}

void TestTileCache::shrinkingTheCapacityEvicts()
{
    const qint64 one = tile(16, 0).sizeInBytes();
    TileCache cache(10 * one);
    for (int i = 0; i < 10; ++i)
        cache.insert(key(i), tile(16, 0));
    cache.setCapacity(4 * one);
    QCOMPARE(cache.count(), 4);
    QVERIFY(cache.contains(key(9)) && !cache.contains(key(5)));
}

QTEST_GUILESS_MAIN(TestTileCache)
#include "tst_tilecache.moc"
