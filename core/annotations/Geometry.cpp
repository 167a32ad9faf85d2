#include "Geometry.h"

#include "HoleCheck.h"

#include <QCoreApplication>
#include <QObject>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace tessera::core {

namespace {

double ringLength(const QPolygonF& ring, bool closed)
{
    double length = 0;
    for (qsizetype i = 1; i < ring.size(); ++i)
        length += std::hypot(ring[i].x() - ring[i - 1].x(), ring[i].y() - ring[i - 1].y());
    if (closed && ring.size() > 2)
        length += std::hypot(ring.front().x() - ring.back().x(), ring.front().y() - ring.back().y());
    return length;
}

bool ringContains(const QPolygonF& ring, QPointF p)
{
    bool inside = false;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const QPointF a = ring[i], b = ring[j];
        if ((a.y() > p.y()) != (b.y() > p.y()) &&
            p.x() < (b.x() - a.x()) * (p.y() - a.y()) / (b.y() - a.y()) + a.x())
            inside = !inside;
    }
    return inside;
}

double cross(QPointF o, QPointF a, QPointF b)
{
    return (a.x() - o.x()) * (b.y() - o.y()) - (a.y() - o.y()) * (b.x() - o.x());
}

bool onSegment(QPointF a, QPointF b, QPointF p)
{
    return std::min(a.x(), b.x()) <= p.x() && p.x() <= std::max(a.x(), b.x()) &&
           std::min(a.y(), b.y()) <= p.y() && p.y() <= std::max(a.y(), b.y());
}

bool segmentsTouch(QPointF a, QPointF b, QPointF c, QPointF d)
{
    const double d1 = cross(c, d, a), d2 = cross(c, d, b), d3 = cross(a, b, c), d4 = cross(a, b, d);
    if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
        return true;
    return (d1 == 0 && onSegment(c, d, a)) || (d2 == 0 && onSegment(c, d, b)) ||
           (d3 == 0 && onSegment(a, b, c)) || (d4 == 0 && onSegment(a, b, d));
}

bool finite(QPointF p)
{
    return std::isfinite(p.x()) && std::isfinite(p.y()) && std::abs(p.x()) <= kMaxSlideCoordinate &&
           std::abs(p.y()) <= kMaxSlideCoordinate;
}

std::optional<QString> ringProblem(const QPolygonF& ring, const QString& what)
{
    for (const QPointF& p : ring)
        if (!finite(p))
            return QObject::tr("%1 has a coordinate that is not a number or beyond any slide (%2, %3)")
                .arg(what)
                .arg(p.x())
                .arg(p.y());
    QPolygonF distinct;
    for (const QPointF& p : ring)
        if (distinct.isEmpty() || distinct.back() != p)
            distinct << p;
    if (distinct.size() > 1 && distinct.front() == distinct.back())
        distinct.removeLast();
    if (distinct.size() < 3)
        return QObject::tr("%1 has %2 distinct points; a ring needs at least 3")
            .arg(what)
            .arg(distinct.size());
    if (ringSelfIntersects(distinct))
        return QObject::tr("%1 crosses itself").arg(what);
    if (ringArea(distinct) <= 0)
        return QObject::tr("%1 encloses no area (its points lie on one line)").arg(what);
    return std::nullopt;
}

} // namespace

QString shapeKindName(ShapeKind kind)
{
    switch (kind) {
    case ShapeKind::Point:
        return QStringLiteral("point");
    case ShapeKind::Points:
        return QStringLiteral("points");
    case ShapeKind::Polyline:
        return QStringLiteral("polyline");
    case ShapeKind::Rectangle:
        return QStringLiteral("rectangle");
    case ShapeKind::Ellipse:
        return QStringLiteral("ellipse");
    case ShapeKind::Polygon:
        return QStringLiteral("polygon");
    }
    return {};
}

std::optional<ShapeKind> shapeKindFromName(const QString& name)
{
    for (ShapeKind kind : {ShapeKind::Point, ShapeKind::Points, ShapeKind::Polyline, ShapeKind::Rectangle,
                           ShapeKind::Ellipse, ShapeKind::Polygon})
        if (shapeKindName(kind) == name)
            return kind;
    return std::nullopt;
}

Geometry Geometry::point(QPointF p)
{
    Geometry g;
    g.kind = ShapeKind::Point;
    g.points << p;
    return g;
}

Geometry Geometry::multiPoint(const QPolygonF& points)
{
    Geometry g;
    g.kind = ShapeKind::Points;
    g.points = points;
    return g;
}

Geometry Geometry::polyline(const QPolygonF& line)
{
    Geometry g;
    g.kind = ShapeKind::Polyline;
    g.points = line;
    return g;
}

Geometry Geometry::rectangle(const QRectF& rect)
{
    const QRectF r = rect.normalized();
    Geometry g;
    g.kind = ShapeKind::Rectangle;
    g.parts.push_back({QPolygonF{r.topLeft(), r.topRight(), r.bottomRight(), r.bottomLeft()}, {}});
    return g;
}

Geometry Geometry::ellipse(const QRectF& rect, int segments)
{
    const QRectF r = rect.normalized();
    QPolygonF ring;
    for (int i = 0; i < segments; ++i) {
        const double t = 2 * std::numbers::pi * i / segments;
        ring << QPointF(r.center().x() + r.width() / 2 * std::cos(t),
                        r.center().y() + r.height() / 2 * std::sin(t));
    }
    Geometry g;
    g.kind = ShapeKind::Ellipse;
    g.parts.push_back({ring, {}});
    return g;
}

Geometry Geometry::polygon(const QPolygonF& outer, std::vector<QPolygonF> holes)
{
    Geometry g;
    g.kind = ShapeKind::Polygon;
    g.parts.push_back({openRing(outer), {}});
    for (QPolygonF& hole : holes)
        g.parts.back().holes.push_back(openRing(std::move(hole)));
    return g;
}

QRectF Geometry::bounds() const
{
    double x0 = INFINITY, y0 = INFINITY, x1 = -INFINITY, y1 = -INFINITY;
    const auto take = [&](const QPolygonF& ring) {
        for (const QPointF& p : ring) {
            x0 = std::min(x0, p.x());
            y0 = std::min(y0, p.y());
            x1 = std::max(x1, p.x());
            y1 = std::max(y1, p.y());
        }
    };
    for (const PolygonPart& part : parts)
        take(part.outer); // holes lie inside
    take(points);
    if (x0 > x1)
        return {};
    return QRectF(QPointF(x0, y0), QPointF(x1, y1));
}

Geometry Geometry::translated(QPointF offset) const
{
    Geometry g = *this;
    for (PolygonPart& part : g.parts) {
        part.outer.translate(offset);
        for (QPolygonF& hole : part.holes)
            hole.translate(offset);
    }
    g.points.translate(offset);
    return g;
}

int Geometry::vertexCount() const
{
    qsizetype n = points.size();
    for (const PolygonPart& part : parts) {
        n += part.outer.size();
        for (const QPolygonF& hole : part.holes)
            n += hole.size();
    }
    return int(n);
}

std::vector<QPointF> Geometry::vertices() const
{
    std::vector<QPointF> all;
    all.reserve(size_t(vertexCount()));
    for (const PolygonPart& part : parts) {
        all.insert(all.end(), part.outer.begin(), part.outer.end());
        for (const QPolygonF& hole : part.holes)
            all.insert(all.end(), hole.begin(), hole.end());
    }
    all.insert(all.end(), points.begin(), points.end());
    return all;
}

Geometry Geometry::withVertex(int index, QPointF to) const
{
    Geometry g = *this;
    // A moved corner no longer makes a rectangle or an ellipse: it becomes a polygon.
    if (g.kind == ShapeKind::Rectangle || g.kind == ShapeKind::Ellipse)
        g.kind = ShapeKind::Polygon;
    int i = index;
    const auto visit = [&](QPolygonF& ring) {
        if (i >= 0 && i < ring.size()) {
            ring[i] = to;
            i = -1;
        } else if (i >= 0) {
            i -= int(ring.size());
        }
    };
    for (PolygonPart& part : g.parts) {
        visit(part.outer);
        for (QPolygonF& hole : part.holes)
            visit(hole);
    }
    visit(g.points);
    return g;
}

bool Geometry::contains(QPointF p) const
{
    for (const PolygonPart& part : parts) {
        if (!ringContains(part.outer, p))
            continue;
        if (std::none_of(part.holes.begin(), part.holes.end(),
                         [&](const QPolygonF& hole) { return ringContains(hole, p); }))
            return true;
    }
    return false;
}

double Geometry::area() const
{
    double sum = 0;
    for (const PolygonPart& part : parts) {
        sum += ringArea(part.outer);
        for (const QPolygonF& hole : part.holes)
            sum -= ringArea(hole);
    }
    return sum;
}

double Geometry::perimeter() const
{
    double sum = 0;
    for (const PolygonPart& part : parts) {
        sum += ringLength(part.outer, true);
        for (const QPolygonF& hole : part.holes)
            sum += ringLength(hole, true);
    }
    if (kind == ShapeKind::Polyline)
        sum += ringLength(points, false);
    return sum;
}

QPointF Geometry::centroid() const
{
    double a = 0, cx = 0, cy = 0;
    for (const PolygonPart& part : parts) {
        const QPolygonF& r = part.outer;
        for (qsizetype i = 0, j = r.size() - 1; i < r.size(); j = i++) {
            const double f = r[j].x() * r[i].y() - r[i].x() * r[j].y();
            a += f;
            cx += (r[j].x() + r[i].x()) * f;
            cy += (r[j].y() + r[i].y()) * f;
        }
    }
    if (std::abs(a) > 1e-12)
        return QPointF(cx / (3 * a), cy / (3 * a));
    if (points.isEmpty())
        return bounds().center();
    QPointF sum;
    for (const QPointF& p : points)
        sum += p;
    return sum / double(points.size());
}

std::optional<QString> Geometry::problem() const
{
    switch (kind) {
    case ShapeKind::Point:
    case ShapeKind::Points:
    case ShapeKind::Polyline: {
        const qsizetype needed = kind == ShapeKind::Polyline ? 2 : 1;
        if (points.size() < needed || (kind == ShapeKind::Point && points.size() != 1))
            return kind == ShapeKind::Polyline ? QObject::tr("a line needs at least 2 points")
                                               : QObject::tr("a point annotation needs its point");
        for (const QPointF& p : points)
            if (!finite(p))
                return QObject::tr("a coordinate is not a number or beyond any slide (%1, %2)")
                    .arg(p.x())
                    .arg(p.y());
        return std::nullopt;
    }
    case ShapeKind::Rectangle:
    case ShapeKind::Ellipse:
    case ShapeKind::Polygon:
        if (parts.empty())
            return QObject::tr("the polygon has no rings");
        for (size_t p = 0; p < parts.size(); ++p) {
            const QString part = parts.size() > 1 ? QObject::tr("part %1: ").arg(p + 1) : QString();
            if (auto problem = ringProblem(parts[p].outer, part + QObject::tr("the outer ring")))
                return problem;
            for (size_t h = 0; h < parts[p].holes.size(); ++h)
                if (auto problem = ringProblem(parts[p].holes[h], part + QObject::tr("hole %1").arg(h + 1)))
                    return problem;
            if (auto problem = holesProblem(parts[p], part))
                return problem;
        }
        return std::nullopt;
    }
    return std::nullopt;
}

QPolygonF openRing(QPolygonF ring)
{
    if (ring.size() > 1 && ring.front() == ring.back())
        ring.removeLast();
    return ring;
}

double ringArea(const QPolygonF& ring)
{
    double twice = 0;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++)
        twice += ring[j].x() * ring[i].y() - ring[i].x() * ring[j].y();
    return std::abs(twice) / 2;
}

bool ringSelfIntersects(const QPolygonF& ring)
{
    const qsizetype n = ring.size();
    if (n < 4)
        return false;
    // Edges sorted by their left end; each is tested only against edges whose x-range overlaps
    // (a sweep): near-linear for the rings people draw, quadratic only for pathological ones.
    struct Edge {
        double minX, maxX;
        qsizetype index;
    };
    std::vector<Edge> edges;
    edges.reserve(size_t(n));
    for (qsizetype i = 0; i < n; ++i) {
        const QPointF a = ring[i], b = ring[(i + 1) % n];
        edges.push_back({std::min(a.x(), b.x()), std::max(a.x(), b.x()), i});
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& a, const Edge& b) { return a.minX < b.minX; });
    for (size_t e = 0; e < edges.size(); ++e) {
        const qsizetype i = edges[e].index;
        const QPointF a = ring[i], b = ring[(i + 1) % n];
        for (size_t f = e + 1; f < edges.size() && edges[f].minX <= edges[e].maxX; ++f) {
            const qsizetype j = edges[f].index;
            const qsizetype gap = std::abs(i - j);
            if (gap == 1 || gap == n - 1)
                continue; // neighbours share a vertex
            if (segmentsTouch(a, b, ring[j], ring[(j + 1) % n]))
                return true;
        }
    }
    return false;
}

} // namespace tessera::core
