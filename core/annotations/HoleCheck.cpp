#include "HoleCheck.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace tessera::core {

namespace {

enum class Where { Inside, Outside, OnBoundary };

// Which side of the line through a and b the point p lies on: 0 within `tolerance` of it.
int side(QPointF a, QPointF b, QPointF p, double tolerance)
{
    const double dx = b.x() - a.x(), dy = b.y() - a.y();
    const double twiceArea = dx * (p.y() - a.y()) - dy * (p.x() - a.x()); // distance × length
    const double margin = tolerance * std::sqrt(dx * dx + dy * dy);
    return twiceArea > margin ? 1 : twiceArea < -margin ? -1 : 0;
}

// The segments cross at a point inside both, by more than the tolerance: touching is not crossing.
bool segmentsCross(QPointF a, QPointF b, QPointF c, QPointF d, double tolerance)
{
    return side(c, d, a, tolerance) * side(c, d, b, tolerance) < 0 &&
           side(a, b, c, tolerance) * side(a, b, d, tolerance) < 0;
}

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF ab = b - a;
    const double lengthSquared = QPointF::dotProduct(ab, ab);
    const double t =
        lengthSquared == 0 ? 0 : std::clamp(QPointF::dotProduct(p - a, ab) / lengthSquared, 0.0, 1.0);
    const QPointF nearest = a + t * ab;
    return std::hypot(p.x() - nearest.x(), p.y() - nearest.y());
}

// Locates points against one ring in about O(√n) each rather than O(n): the ring's edges are filed
// into horizontal bands by the y-range they span, and a point meets only the edges of its band.
class RingLocator {
public:
    RingLocator(const QPolygonF& ring, double tolerance)
        : m_ring(ring),
          m_tolerance(tolerance),
          m_bounds(ring.boundingRect().adjusted(-tolerance, -tolerance, tolerance, tolerance))
    {
        const qsizetype n = ring.size();
        // About √n bands, none shorter than the tolerance (else every edge is filed in every band).
        int bands =
            int(std::clamp(std::min(std::sqrt(double(n)), m_bounds.height() / tolerance), 1.0, 1024.0));
        // A ring whose edges each span most of its height (a zigzag) would be filed many times
        // over: one band then, and plain O(n) answers.
        if (spanned(bands) > 16 * n + 1024)
            bands = 1;
        m_bandHeight = m_bounds.height() / bands;
        m_bands.resize(size_t(bands));
        for (qsizetype i = 0, j = n - 1; i < n; j = i++) {
            const auto [first, last] = bandsOf(ring[j].y(), ring[i].y());
            for (int b = first; b <= last; ++b)
                m_bands[size_t(b)].push_back(i);
        }
    }

    Where locate(QPointF p) const
    {
        if (!m_bounds.contains(p))
            return Where::Outside;
        bool inside = false;
        for (const qsizetype i : m_bands[size_t(bandOf(p.y()))]) {
            const QPointF a = m_ring[i], b = m_ring[i > 0 ? i - 1 : m_ring.size() - 1];
            // An edge wholly above, below or left of p neither holds p nor meets the ray to its right.
            if (p.y() < std::min(a.y(), b.y()) - m_tolerance ||
                p.y() > std::max(a.y(), b.y()) + m_tolerance || p.x() > std::max(a.x(), b.x()) + m_tolerance)
                continue;
            if (distanceToSegment(p, a, b) <= m_tolerance)
                return Where::OnBoundary;
            if ((a.y() > p.y()) != (b.y() > p.y()) &&
                p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
                inside = !inside;
        }
        return inside ? Where::Inside : Where::Outside;
    }

    const QRectF& bounds() const { return m_bounds; }

private:
    int bandOf(double y) const
    {
        if (!(m_bandHeight > 0))
            return 0;
        return std::clamp(int((y - m_bounds.top()) / m_bandHeight), 0, int(m_bands.size()) - 1);
    }

    // Every band an edge from y0 to y1 could meet a point within the tolerance in.
    std::pair<int, int> bandsOf(double y0, double y1) const
    {
        return {bandOf(std::min(y0, y1) - m_tolerance), bandOf(std::max(y0, y1) + m_tolerance)};
    }

    qsizetype spanned(int bands) const
    {
        const double height = m_bounds.height() / bands;
        if (!(height > 0))
            return m_ring.size();
        qsizetype total = 0;
        for (qsizetype i = 0, j = m_ring.size() - 1; i < m_ring.size(); j = i++)
            total += qsizetype((std::abs(m_ring[i].y() - m_ring[j].y()) + 2 * m_tolerance) / height) + 2;
        return total;
    }

    const QPolygonF& m_ring;
    double m_tolerance;
    QRectF m_bounds;
    double m_bandHeight = 0;
    std::vector<std::vector<qsizetype>> m_bands;
};

// Where a ring lies relative to another ring it does not cross: whether any of its vertices is
// inside the other or outside it. An edge with both ends on the other ring is judged by its
// midpoint (a chord across an L-shaped ring touches it only at its ends).
struct Placement {
    bool inside = false;
    bool outside = false;
};

Placement placementOf(const QPolygonF& ring, const RingLocator& other)
{
    Placement placement;
    std::vector<Where> where(size_t(ring.size()));
    for (qsizetype i = 0; i < ring.size(); ++i)
        where[size_t(i)] = other.locate(ring[i]);
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        Where w = where[size_t(i)];
        if (w == Where::OnBoundary && where[size_t(j)] == Where::OnBoundary)
            w = other.locate((ring[i] + ring[j]) / 2);
        placement.inside = placement.inside || w == Where::Inside;
        placement.outside = placement.outside || w == Where::Outside;
    }
    return placement;
}

// Two rings of a part whose edges cross, as (-1 for the outer ring or a hole's index, a hole's
// index), or nullopt. One sweep by x over every ring's edges, so each edge meets only the edges
// beside it, however many holes the part has.
std::optional<std::pair<int, int>> crossingRings(const PolygonPart& part, double tolerance)
{
    struct Edge {
        double minX, maxX;
        QPointF a, b;
        int ring;
    };
    std::vector<Edge> edges;
    const auto add = [&](const QPolygonF& ring, int index) {
        for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
            edges.push_back({std::min(ring[j].x(), ring[i].x()), std::max(ring[j].x(), ring[i].x()), ring[j],
                             ring[i], index});
    };
    add(part.outer, -1);
    for (size_t h = 0; h < part.holes.size(); ++h)
        add(part.holes[h], int(h));
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.minX < b.minX; });
    for (size_t e = 0; e < edges.size(); ++e)
        for (size_t f = e + 1; f < edges.size() && edges[f].minX <= edges[e].maxX; ++f)
            if (edges[e].ring != edges[f].ring &&
                std::min(edges[e].a.y(), edges[e].b.y()) <= std::max(edges[f].a.y(), edges[f].b.y()) &&
                std::min(edges[f].a.y(), edges[f].b.y()) <= std::max(edges[e].a.y(), edges[e].b.y()) &&
                segmentsCross(edges[e].a, edges[e].b, edges[f].a, edges[f].b, tolerance))
                return std::pair{std::min(edges[e].ring, edges[f].ring),
                                 std::max(edges[e].ring, edges[f].ring)};
    return std::nullopt;
}

// Decimal coordinates that meet on paper rarely meet in binary: distances below a billionth of the
// coordinates' size (0.01 px on the largest slide) count as touching.
double toleranceFor(const QPolygonF& outer)
{
    const QRectF b = outer.boundingRect();
    return 1e-9 *
           std::max({1.0, std::abs(b.left()), std::abs(b.right()), std::abs(b.top()), std::abs(b.bottom())});
}

} // namespace

std::optional<QString> holesProblem(const PolygonPart& part, const QString& prefix)
{
    if (part.holes.empty())
        return std::nullopt;
    const auto hole = [&](int h) { return prefix + QObject::tr("hole %1").arg(h + 1); };
    const double tolerance = toleranceFor(part.outer);
    if (const auto rings = crossingRings(part, tolerance))
        return rings->first < 0
                   ? QObject::tr("%1 crosses the outer ring").arg(hole(rings->second))
                   : QObject::tr("%1 crosses hole %2").arg(hole(rings->second)).arg(rings->first + 1);

    // No edges cross, so each ring lies inside, outside or along another as a whole. A hole whose
    // edges pass through corners of the outer ring can still hold some of the outside while all its
    // vertices are inside or on the ring: then an outer vertex lies inside the hole.
    const RingLocator outer(part.outer, tolerance);
    std::vector<QPointF> outerByX(part.outer.begin(), part.outer.end());
    std::sort(outerByX.begin(), outerByX.end(), [](QPointF a, QPointF b) { return a.x() < b.x(); });
    std::vector<RingLocator> holes;
    holes.reserve(part.holes.size());
    for (size_t h = 0; h < part.holes.size(); ++h) {
        const RingLocator& locator = holes.emplace_back(part.holes[h], tolerance);
        const Placement placement = placementOf(part.holes[h], outer);
        bool holdsOuterVertex = false;
        const QRectF& b = locator.bounds();
        auto v = std::lower_bound(outerByX.begin(), outerByX.end(), b.left(),
                                  [](QPointF p, double x) { return p.x() < x; });
        for (; v != outerByX.end() && v->x() <= b.right() && !holdsOuterVertex; ++v)
            holdsOuterVertex =
                v->y() >= b.top() && v->y() <= b.bottom() && locator.locate(*v) == Where::Inside;
        if (placement.outside || !placement.inside || holdsOuterVertex) // !inside: the outer ring itself
            return QObject::tr("%1 is not inside the outer ring").arg(hole(int(h)));
    }
    // Holes over one another (nested, or the same ring twice) would take their area twice.
    // Only holes whose bounds meet are compared: a sweep by their left edges.
    std::vector<int> order(part.holes.size());
    for (size_t h = 0; h < order.size(); ++h)
        order[h] = int(h);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return holes[size_t(a)].bounds().left() < holes[size_t(b)].bounds().left();
    });
    for (size_t e = 0; e < order.size(); ++e) {
        const int a = order[e];
        for (size_t f = e + 1;
             f < order.size() && holes[size_t(order[f])].bounds().left() <= holes[size_t(a)].bounds().right();
             ++f) {
            const int b = order[f];
            if (!holes[size_t(a)].bounds().intersects(holes[size_t(b)].bounds()))
                continue;
            const Placement bInA = placementOf(part.holes[size_t(b)], holes[size_t(a)]);
            const bool same = !bInA.inside && !bInA.outside;
            if (same || bInA.inside || placementOf(part.holes[size_t(a)], holes[size_t(b)]).inside)
                return QObject::tr("%1 overlaps hole %2").arg(hole(std::max(a, b))).arg(std::min(a, b) + 1);
        }
    }
    return std::nullopt;
}

} // namespace tessera::core
