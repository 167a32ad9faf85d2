#include "CachingCpuAllocator.h"

#include <c10/core/Allocator.h>
#include <c10/core/CPUAllocator.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <cstdlib>
#include <list>
#include <map>
#include <mutex>
#include <new>
#include <unordered_map>
#include <vector>

#include <sys/mman.h>

namespace tessera::core {

namespace {

constexpr std::size_t kSmallest = std::size_t(1) << 20; // below: malloc's own bins do well
constexpr std::size_t kAlignment = 64;                  // as c10's default CPU allocator
constexpr std::size_t kPage = 4096;
constexpr std::size_t kHugePage = std::size_t(2) << 20;
constexpr std::size_t kMostCached = std::size_t(1) << 30; // an idle process holds no more
// A cached block may serve a request up to this much smaller than itself: bags of different
// sizes reuse each other's blocks (a TransMIL epoch on bags of 800–1 200 patches: 913 instead of
// 2 060 fresh mappings, measured).
constexpr double kSlack = 1.25;

// Rounds n up to one of eight classes per power of two (at most 1/8 wasted).
std::size_t sizeClass(std::size_t n)
{
    const std::size_t step = std::bit_floor(n) / 8;
    return (n + step - 1) / step * step;
}

class CachingCpuAllocator final : public c10::Allocator {
public:
    c10::DataPtr allocate(std::size_t n) const override
    {
        const c10::Device cpu(c10::DeviceType::CPU);
        if (n < kSmallest) { // no lock, no lookup: the common case stays as cheap as before
            void* p = systemAllocate(n == 0 ? kAlignment : n);
            return {p, p, &std::free, cpu};
        }
        void* p = const_cast<CachingCpuAllocator*>(this)->obtain(n);
        return {p, p, &CachingCpuAllocator::release, cpu};
    }
    c10::DeleterFnPtr raw_deleter() const override { return &CachingCpuAllocator::release; }

    static CachingCpuAllocator& instance()
    {
        static auto* allocator = new CachingCpuAllocator; // outlives every tensor
        return *allocator;
    }

    void releaseAll()
    {
        std::lock_guard lock(m_mutex);
        while (!m_lru.empty())
            evictOldest();
    }

    CpuCacheStatistics statistics()
    {
        std::lock_guard lock(m_mutex);
        CpuCacheStatistics s = m_statistics;
        s.cachedBytes = m_cachedBytes;
        s.liveBytes = m_liveBytes;
        s.windowPeakLiveBytes = m_windowPeak;
        return s;
    }

    void restartWindow()
    {
        std::lock_guard lock(m_mutex);
        m_windowPeak = m_liveBytes;
    }

private:
    struct Block {
        void* data;
        std::size_t bytes; // its size class
    };

    static void release(void* p)
    {
        if (p)
            instance().give(p);
    }

    void* obtain(std::size_t n)
    {
        const std::size_t bytes = sizeClass(n);
        {
            std::lock_guard lock(m_mutex);
            // The smallest cached block that fits, if it wastes at most kSlack of itself.
            const auto fit = m_free.lower_bound(bytes);
            if (fit != m_free.end() && double(fit->first) <= double(bytes) * kSlack) {
                const auto block = fit->second;
                m_free.erase(fit);
                void* data = block->data;
                m_cachedBytes -= block->bytes;
                m_sizes[data] = block->bytes;
                m_liveBytes += block->bytes;
                m_windowPeak = std::max(m_windowPeak, m_liveBytes);
                m_lru.erase(block);
                ++m_statistics.hits;
                return data;
            }
            // Make room first: live and cached blocks together stay within the most that was
            // ever live at once, so the cache never raises the peak.
            while (!m_lru.empty() &&
                   m_liveBytes + m_cachedBytes + bytes > std::max(m_peakLiveBytes, m_liveBytes + bytes))
                evictOldest();
            ++m_statistics.misses;
        }
        void* data = mapBlock(bytes);
        std::lock_guard lock(m_mutex);
        m_sizes[data] = bytes;
        m_liveBytes += bytes;
        m_peakLiveBytes = std::max(m_peakLiveBytes, m_liveBytes);
        m_windowPeak = std::max(m_windowPeak, m_liveBytes);
        return data;
    }

    void give(void* p)
    {
        std::unique_lock lock(m_mutex);
        const auto found = m_sizes.find(p);
        if (found == m_sizes.end()) { // a small block (raw_deleter): malloc's
            lock.unlock();
            std::free(p);
            return;
        }
        const std::size_t bytes = found->second;
        m_sizes.erase(found);
        m_liveBytes -= bytes;
        m_lru.push_front({p, bytes});
        m_free.emplace(bytes, m_lru.begin());
        m_cachedBytes += bytes;
        while (m_cachedBytes > kMostCached)
            evictOldest();
    }

    // Under the lock: returns the least recently freed block to the system; its size.
    std::size_t evictOldest()
    {
        const Block block = m_lru.back();
        const auto [first, last] = m_free.equal_range(block.bytes);
        for (auto it = first; it != last; ++it)
            if (&*it->second == &m_lru.back()) {
                m_free.erase(it);
                break;
            }
        m_lru.pop_back();
        m_cachedBytes -= block.bytes;
        ++m_statistics.evictions;
        unmapBlock(block.data, block.bytes);
        return block.bytes;
    }

    // A block of its own mapping, 2 MiB-aligned so that transparent huge pages can back it: the
    // kernel then faults and zeroes it 2 MiB at a time, not 4 KiB.
    static void* mapBlock(std::size_t bytes)
    {
        const std::size_t length = mappedLength(bytes);
        const std::size_t extra = kHugePage;
        void* raw =
            ::mmap(nullptr, length + extra, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (raw == MAP_FAILED)
            throw std::bad_alloc();
        auto* begin = static_cast<char*>(raw);
        const auto address = reinterpret_cast<std::uintptr_t>(begin);
        const std::size_t head = (kHugePage - address % kHugePage) % kHugePage;
        if (head)
            ::munmap(begin, head);
        if (extra - head)
            ::munmap(begin + head + length, extra - head);
        begin += head;
        ::madvise(begin, length, MADV_HUGEPAGE); // a hint: fine where THP is off
        return begin;
    }

    static void unmapBlock(void* data, std::size_t bytes) { ::munmap(data, mappedLength(bytes)); }

    static std::size_t mappedLength(std::size_t bytes) { return (bytes + kPage - 1) / kPage * kPage; }

    static void* systemAllocate(std::size_t n)
    {
        void* p = std::aligned_alloc(kAlignment, (n + kAlignment - 1) / kAlignment * kAlignment);
        if (!p)
            throw std::bad_alloc();
        return p;
    }

    std::mutex m_mutex;
    std::list<Block> m_lru;                                        // cached blocks, most recently freed first
    std::multimap<std::size_t, std::list<Block>::iterator> m_free; // by size
    std::unordered_map<void*, std::size_t> m_sizes;                // live blocks of this cache: their class
    std::size_t m_cachedBytes = 0;
    std::size_t m_liveBytes = 0;     // this cache's blocks in use
    std::size_t m_peakLiveBytes = 0; // the most ever in use at once
    std::size_t m_windowPeak = 0;    // the same since restartWindow()
    CpuCacheStatistics m_statistics;
};

std::atomic<bool> g_installed{false};

} // namespace

void installCachingCpuAllocator()
{
    if (g_installed.exchange(true))
        return;
    // Priority above the default (0): LibTorch keeps the highest-priority allocator set.
    c10::SetCPUAllocator(&CachingCpuAllocator::instance(), 1);
}

bool cachingCpuAllocatorInstalled()
{
    return g_installed;
}

void releaseCachedCpuMemory()
{
    if (g_installed)
        CachingCpuAllocator::instance().releaseAll();
}

void restartLivePeak()
{
    if (g_installed)
        CachingCpuAllocator::instance().restartWindow();
}

CpuCacheStatistics cpuCacheStatistics()
{
    return g_installed ? CachingCpuAllocator::instance().statistics() : CpuCacheStatistics{};
}

} // namespace tessera::core
