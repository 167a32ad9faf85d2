// Which shapes lie in a rectangle, in time proportional to the answer: a uniform grid of buckets
// over the shapes' bounds (cell size from their extent and count). Shapes larger than many cells
// are kept in one list that every query scans.
#pragma once

#include <QRectF>
#include <vector>

namespace tessera::core {

class SpatialGrid {
public:
    void rebuild(const std::vector<QRectF>& bounds);
    // Indices (into the bounds given to rebuild) whose bounds intersect `area`, each once, in
    // increasing order.
    std::vector<int> query(const QRectF& area) const;
    int size() const { return int(m_bounds.size()); }
    const QRectF& bounds(int index) const { return m_bounds[size_t(index)]; }

private:
    std::vector<QRectF> m_bounds;
    QRectF m_extent;
    double m_cell = 1;
    int m_columns = 0, m_rows = 0;
    std::vector<std::vector<int>> m_buckets;
    std::vector<int> m_large;
};

} // namespace tessera::core
