#include "SpatialGrid.h"

#include <algorithm>
#include <cmath>

namespace tessera::core {

void SpatialGrid::rebuild(const std::vector<QRectF>& bounds)
{
    m_bounds = bounds;
    m_buckets.clear();
    m_large.clear();
    m_extent = QRectF();
    for (const QRectF& b : bounds)
        m_extent =
            m_extent.isNull() ? b.adjusted(0, 0, 1e-9, 1e-9) : m_extent.united(b.adjusted(0, 0, 1e-9, 1e-9));
    if (bounds.empty())
        return;
    // About two shapes per cell on average, no finer than 16 level-0 pixels.
    const double area = std::max(1.0, m_extent.width() * m_extent.height());
    m_cell = std::max(16.0, std::sqrt(area / double(bounds.size()) * 2));
    m_columns = std::max(1, int(std::ceil(m_extent.width() / m_cell)));
    m_rows = std::max(1, int(std::ceil(m_extent.height() / m_cell)));
    m_buckets.assign(size_t(m_columns) * size_t(m_rows), {});
    for (int i = 0; i < int(bounds.size()); ++i)
        insert(i, bounds[size_t(i)]);
}

SpatialGrid::CellSpan SpatialGrid::cellsOf(const QRectF& b) const
{
    return {std::clamp(int((b.left() - m_extent.left()) / m_cell), 0, m_columns - 1),
            std::clamp(int((b.top() - m_extent.top()) / m_cell), 0, m_rows - 1),
            std::clamp(int((b.right() - m_extent.left()) / m_cell), 0, m_columns - 1),
            std::clamp(int((b.bottom() - m_extent.top()) / m_cell), 0, m_rows - 1)};
}

bool SpatialGrid::inside(const QRectF& b) const
{
    return !m_buckets.empty() && b.left() >= m_extent.left() && b.top() >= m_extent.top() &&
           b.right() <= m_extent.right() && b.bottom() <= m_extent.bottom();
}

// Adds `index` to its buckets (or the large list), keeping each in increasing order.
void SpatialGrid::insert(int index, const QRectF& b)
{
    const CellSpan s = cellsOf(b);
    const auto add = [index](std::vector<int>& list) {
        list.insert(std::lower_bound(list.begin(), list.end(), index), index);
    };
    if (s.large()) {
        add(m_large);
        return;
    }
    for (int y = s.y0; y <= s.y1; ++y)
        for (int x = s.x0; x <= s.x1; ++x)
            add(m_buckets[size_t(y) * size_t(m_columns) + size_t(x)]);
}

bool SpatialGrid::replace(int index, const QRectF& bounds)
{
    if (index < 0 || index >= size() || !inside(bounds))
        return false;
    const CellSpan old = cellsOf(m_bounds[size_t(index)]);
    const auto drop = [index](std::vector<int>& list) {
        if (const auto it = std::lower_bound(list.begin(), list.end(), index);
            it != list.end() && *it == index)
            list.erase(it);
    };
    if (old.large()) {
        drop(m_large);
    } else {
        for (int y = old.y0; y <= old.y1; ++y)
            for (int x = old.x0; x <= old.x1; ++x)
                drop(m_buckets[size_t(y) * size_t(m_columns) + size_t(x)]);
    }
    m_bounds[size_t(index)] = bounds;
    insert(index, bounds);
    return true;
}

bool SpatialGrid::append(const QRectF& bounds)
{
    if (!inside(bounds))
        return false;
    m_bounds.push_back(bounds);
    insert(size() - 1, bounds);
    return true;
}

std::vector<int> SpatialGrid::query(const QRectF& area) const
{
    std::vector<int> found;
    if (m_bounds.empty())
        return found;
    const auto hits = [&](int i) {
        const QRectF& b = m_bounds[size_t(i)];
        return b.left() <= area.right() && area.left() <= b.right() && b.top() <= area.bottom() &&
               area.top() <= b.bottom();
    };
    for (int i : m_large)
        if (hits(i))
            found.push_back(i);
    if (area.right() >= m_extent.left() && area.left() <= m_extent.right() &&
        area.bottom() >= m_extent.top() && area.top() <= m_extent.bottom()) {
        const int x0 = std::clamp(int((area.left() - m_extent.left()) / m_cell), 0, m_columns - 1);
        const int x1 = std::clamp(int((area.right() - m_extent.left()) / m_cell), 0, m_columns - 1);
        const int y0 = std::clamp(int((area.top() - m_extent.top()) / m_cell), 0, m_rows - 1);
        const int y1 = std::clamp(int((area.bottom() - m_extent.top()) / m_cell), 0, m_rows - 1);
        const bool single = x0 == x1 && y0 == y1;
        for (int y = y0; y <= y1; ++y)
            for (int x = x0; x <= x1; ++x)
                for (int i : m_buckets[size_t(y) * size_t(m_columns) + size_t(x)])
                    if (hits(i))
                        found.push_back(i);
        if (single && m_large.empty())
            return found; // one bucket holds each index once, already in order
    }
    std::sort(found.begin(), found.end());
    found.erase(std::unique(found.begin(), found.end()), found.end());
    return found;
}

} // namespace tessera::core
