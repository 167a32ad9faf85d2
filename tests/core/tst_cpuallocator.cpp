// The caching CPU allocator: freed blocks are reused, and cached plus live blocks never take more
// than the most that was ever live at once.
#include "system/CachingCpuAllocator.h"

#include <QtTest>
#include <torch/torch.h>

using namespace tessera::core;

namespace {

constexpr std::int64_t kMiB = 1 << 20;

torch::Tensor block(std::int64_t mebibytes)
{
    return torch::empty({mebibytes * kMiB}, torch::kUInt8);
}

} // namespace

class TestCpuAllocator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void freedBlocksAreReused();
    void cacheNeverRaisesThePeak();
    void smallBlocksAndValuesAreUntouched();
};

void TestCpuAllocator::initTestCase()
{
    installCachingCpuAllocator();
    QVERIFY(cachingCpuAllocatorInstalled());
}

void TestCpuAllocator::init()
{
    releaseCachedCpuMemory();
    QCOMPARE(cpuCacheStatistics().cachedBytes, std::size_t(0));
}

void TestCpuAllocator::freedBlocksAreReused()
{
    const CpuCacheStatistics before = cpuCacheStatistics();
    void* first = nullptr;
    {
        const torch::Tensor t = block(10);
        first = t.data_ptr();
    }
    QCOMPARE(cpuCacheStatistics().cachedBytes, std::size_t(10 * kMiB));
    {
        const torch::Tensor same = block(9); // fits with less than 25 % to spare: the same block
        QCOMPARE(same.data_ptr(), first);
        QCOMPARE(cpuCacheStatistics().cachedBytes, std::size_t(0));
    }
    {
        const torch::Tensor smaller = block(6); // would waste 40 %: a block of its own
        QVERIFY(smaller.data_ptr() != first);
    }
    const CpuCacheStatistics after = cpuCacheStatistics();
    QCOMPARE(after.hits - before.hits, std::uint64_t(1));
    QCOMPARE(after.misses - before.misses, std::uint64_t(2));
    releaseCachedCpuMemory();
    QCOMPARE(cpuCacheStatistics().cachedBytes, std::size_t(0));
}

void TestCpuAllocator::cacheNeverRaisesThePeak()
{
    // The most live at once so far: 3 × 8 MiB (earlier tests held at most 10 MiB).
    {
        std::vector<torch::Tensor> held{block(8), block(8), block(8)};
    }
    QCOMPARE(cpuCacheStatistics().cachedBytes, std::size_t(24 * kMiB));
    // A 4 MiB request fits no cached block (8 MiB would waste half). Cached 24 + new 4 would pass
    // the 24 MiB peak: one 8 MiB block goes back first, two stay (16 + 4 ≤ 24).
    CpuCacheStatistics before = cpuCacheStatistics();
    {
        const torch::Tensor small = block(4);
        const CpuCacheStatistics after = cpuCacheStatistics();
        QCOMPARE(after.evictions - before.evictions, std::uint64_t(1));
        QCOMPARE(after.cachedBytes, std::size_t(16 * kMiB));
    }
    // A 20 MiB request with 8 + 8 + 4 cached: the two 8 MiB blocks (the oldest) go back before
    // it is mapped, the 4 MiB one may stay (4 + 20 ≤ 24).
    before = cpuCacheStatistics();
    const torch::Tensor big = block(20);
    const CpuCacheStatistics after = cpuCacheStatistics();
    QCOMPARE(after.evictions - before.evictions, std::uint64_t(2));
    QCOMPARE(after.cachedBytes, std::size_t(4 * kMiB));
}

void TestCpuAllocator::smallBlocksAndValuesAreUntouched()
{
    const CpuCacheStatistics before = cpuCacheStatistics();
    const torch::Tensor small = torch::arange(1000, torch::kFloat32); // 4 KB: malloc's
    QCOMPARE(cpuCacheStatistics().misses, before.misses);
    QCOMPARE(small.sum().item<double>(), 499500.0);
    // Large tensors computed through the cache hold the right values, also after reuse.
    for (int round = 0; round < 3; ++round) {
        const torch::Tensor a = torch::full({512, 1024}, float(round + 1)); // 2 MiB
        const torch::Tensor b = a * 2 + 1;
        QCOMPARE(b.sum().item<double>(), double(512 * 1024) * (2 * (round + 1) + 1));
    }
    QVERIFY(cpuCacheStatistics().hits > before.hits);
}

QTEST_APPLESS_MAIN(TestCpuAllocator)
#include "tst_cpuallocator.moc"
