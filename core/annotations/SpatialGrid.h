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
    // One shape's new bounds, or a shape added at the end (index size()), without a rebuild: an
    // edit among 100 000 shapes costs microseconds. False — and nothing changed — when the bounds
    // leave the grid's extent; rebuild then.
    bool replace(int index, const QRectF& bounds);
    bool append(const QRectF& bounds);
    // Indices (into the bounds given to rebuild) whose bounds intersect `area`, each once, in
    // increasing order.
    std::vector<int> query(const QRectF& area) const;
    int size() const { return int(m_bounds.size()); }
    const QRectF& bounds(int index) const { return m_bounds[size_t(index)]; }

private:
    struct CellSpan {
        int x0, y0, x1, y1;
        bool large() const { return (x1 - x0 + 1) * (y1 - y0 + 1) > 64; }
    };
    CellSpan cellsOf(const QRectF& b) const;
    bool inside(const QRectF& b) const;
    void insert(int index, const QRectF& b);

    std::vector<QRectF> m_bounds;
    QRectF m_extent;
    double m_cell = 1;
    int m_columns = 0, m_rows = 0;
    std::vector<std::vector<int>> m_buckets;
    std::vector<int> m_large;
};

} // namespace tessera::core
