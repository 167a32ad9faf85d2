// The shape of one annotation in level-0 pixels, and what can be measured on it. Rings are kept
// open (the first point is not repeated at the end); the file formats close them on writing.
#pragma once

#include <QPolygonF>
#include <QRectF>
#include <QString>
#include <optional>
#include <vector>

namespace tessera::core {

enum class ShapeKind {
    Point,     // one point
    Points,    // several points (QuPath MultiPoint, ASAP PointSet)
    Polyline,  // an open line (GeoJSON LineString)
    Rectangle, // drawn as a rectangle; stored as its four corners
    Ellipse,   // drawn as an ellipse; stored as a polygon around it
    Polygon    // one or more polygons, each with holes (GeoJSON Polygon / MultiPolygon)
};

QString shapeKindName(ShapeKind kind); // "point", "points", "polyline", "rectangle", …
std::optional<ShapeKind> shapeKindFromName(const QString& name);

struct PolygonPart {
    QPolygonF outer;
    std::vector<QPolygonF> holes;
    bool operator==(const PolygonPart& other) const = default;
};

struct Geometry {
    ShapeKind kind = ShapeKind::Polygon;
    std::vector<PolygonPart> parts; // Rectangle, Ellipse, Polygon
    QPolygonF points;               // Point, Points, Polyline

    static Geometry point(QPointF p);
    static Geometry multiPoint(const QPolygonF& points);
    static Geometry polyline(const QPolygonF& line);
    static Geometry rectangle(const QRectF& rect);
    static Geometry ellipse(const QRectF& rect, int segments = 72);
    static Geometry polygon(const QPolygonF& outer, std::vector<QPolygonF> holes = {});

    bool hasArea() const { return !parts.empty(); }
    QRectF bounds() const;
    Geometry translated(QPointF offset) const;
    int vertexCount() const;
    // Every vertex, parts' outer rings first then their holes, then the points.
    std::vector<QPointF> vertices() const;
    // The same shape with vertex `index` (as numbered by vertices()) moved to `to`.
    Geometry withVertex(int index, QPointF to) const;
    bool contains(QPointF p) const; // inside an area (not in a hole), or within 0 px of nothing else
    // Area in level-0 px² (outer rings minus holes) and perimeter in px (every ring's length; a
    // polyline's length).
    double area() const;
    double perimeter() const;
    QPointF centroid() const; // of the area, or the mean of the points

    // Why this geometry cannot be kept, in words (too few points, a ring crossing itself, a hole
    // outside its polygon, a coordinate that is not a number or beyond any slide); nullopt when
    // it is sound.
    std::optional<QString> problem() const;

    bool operator==(const Geometry& other) const = default;
};

// Coordinates beyond this many level-0 pixels are refused: no scanner makes such slides, and
// they are the signature of a unit mistake (nanometres, or an overflow).
inline constexpr double kMaxSlideCoordinate = 1e7;

// Ring with first point repeated at the end removed (files close their rings).
QPolygonF openRing(QPolygonF ring);
double ringArea(const QPolygonF& ring); // absolute shoelace area
// True when two non-adjacent edges of the (open) ring touch or cross.
bool ringSelfIntersects(const QPolygonF& ring);

} // namespace tessera::core
