// QuPath-compatible GeoJSON. Written by hand into a byte buffer (QJsonDocument would build a tree
// of 100 000 features first); read with QJsonDocument.
#include "AnnotationFiles.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QObject>

#include <charconv>
#include <cstdio>
#include <map>

namespace tessera::core {

namespace {

// ---- writing ----

void appendNumber(QByteArray& out, double v)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    out.append(buffer, result.ptr - buffer);
}

void appendUtf8String(QByteArray& out, const QString& text)
{
    out.append('"');
    for (const char ch : text.toUtf8()) {
        const auto u = static_cast<unsigned char>(ch);
        if (u == '"' || u == '\\') {
            out.append('\\');
            out.append(ch);
        } else if (u < 0x20) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04x", unsigned(u));
            out.append(escaped);
        } else {
            out.append(ch); // UTF-8 as is
        }
    }
    out.append('"');
}

void appendRing(QByteArray& out, const QPolygonF& ring, bool close)
{
    out.append('[');
    for (qsizetype i = 0; i < ring.size(); ++i) {
        if (i)
            out.append(',');
        out.append('[');
        appendNumber(out, ring[i].x());
        out.append(',');
        appendNumber(out, ring[i].y());
        out.append(']');
    }
    if (close && !ring.isEmpty()) {
        out.append(",[");
        appendNumber(out, ring.front().x());
        out.append(',');
        appendNumber(out, ring.front().y());
        out.append(']');
    }
    out.append(']');
}

void appendPolygon(QByteArray& out, const PolygonPart& part)
{
    out.append('[');
    appendRing(out, part.outer, true);
    for (const QPolygonF& hole : part.holes) {
        out.append(',');
        appendRing(out, hole, true);
    }
    out.append(']');
}

void appendGeometry(QByteArray& out, const Geometry& g)
{
    switch (g.kind) {
    case ShapeKind::Point:
        out.append(R"({"type":"Point","coordinates":[)");
        appendNumber(out, g.points.value(0).x());
        out.append(',');
        appendNumber(out, g.points.value(0).y());
        out.append("]}");
        return;
    case ShapeKind::Points:
        out.append(R"({"type":"MultiPoint","coordinates":)");
        appendRing(out, g.points, false);
        out.append('}');
        return;
    case ShapeKind::Polyline:
        out.append(R"({"type":"LineString","coordinates":)");
        appendRing(out, g.points, false);
        out.append('}');
        return;
    case ShapeKind::Rectangle:
    case ShapeKind::Ellipse:
    case ShapeKind::Polygon:
        if (g.parts.size() == 1) {
            out.append(R"({"type":"Polygon","coordinates":)");
            appendPolygon(out, g.parts.front());
        } else {
            out.append(R"({"type":"MultiPolygon","coordinates":[)");
            for (size_t i = 0; i < g.parts.size(); ++i) {
                if (i)
                    out.append(',');
                appendPolygon(out, g.parts[i]);
            }
            out.append(']');
        }
        out.append('}');
        return;
    }
}

void appendColor(QByteArray& out, const QColor& c)
{
    out.append('[');
    out.append(QByteArray::number(c.red()));
    out.append(',');
    out.append(QByteArray::number(c.green()));
    out.append(',');
    out.append(QByteArray::number(c.blue()));
    out.append(']');
}

// ---- reading ----

struct FeatureError {
    QString message;
};

[[noreturn]] void bad(const QString& message)
{
    throw FeatureError{message};
}

QPointF readPosition(const QJsonValue& value)
{
    const QJsonArray a = value.toArray();
    if (!value.isArray() || a.size() < 2 || !a[0].isDouble() || !a[1].isDouble())
        bad(QObject::tr("a position is not a pair of numbers"));
    return QPointF(a[0].toDouble(), a[1].toDouble());
}

QPolygonF readPositions(const QJsonValue& value)
{
    if (!value.isArray())
        bad(QObject::tr("the coordinates are not an array"));
    QPolygonF points;
    const QJsonArray a = value.toArray();
    points.reserve(a.size());
    for (const QJsonValue& p : a)
        points << readPosition(p);
    return points;
}

QPolygonF readRing(const QJsonValue& value, const QString& what)
{
    QPolygonF ring = readPositions(value);
    if (ring.size() < 4)
        bad(QObject::tr("%1 has %2 positions; a closed ring needs at least 4").arg(what).arg(ring.size()));
    if (ring.front() != ring.back())
        bad(QObject::tr("%1 is not closed (its last position must repeat its first)").arg(what));
    ring.removeLast();
    return ring;
}

PolygonPart readPolygon(const QJsonValue& value, const QString& prefix)
{
    const QJsonArray rings = value.toArray();
    if (!value.isArray() || rings.isEmpty())
        bad(QObject::tr("%1the polygon has no rings").arg(prefix));
    PolygonPart part;
    part.outer = readRing(rings[0], prefix + QObject::tr("the outer ring"));
    for (qsizetype h = 1; h < rings.size(); ++h)
        part.holes.push_back(readRing(rings[h], prefix + QObject::tr("hole %1").arg(h)));
    return part;
}

QColor readColor(const QJsonValue& value)
{
    if (value.isArray()) {
        const QJsonArray rgb = value.toArray();
        if (rgb.size() >= 3)
            return QColor(std::clamp(rgb[0].toInt(), 0, 255), std::clamp(rgb[1].toInt(), 0, 255),
                          std::clamp(rgb[2].toInt(), 0, 255));
    } else if (value.isDouble()) { // QuPath ≤ 0.3: packed (A)RGB, often negative
        // A 32-bit value, signed or not; anything else (1e54, NaN) is no colour, and converting
        // it to an integer would be undefined (found by fuzz_geojson).
        const double number = value.toDouble();
        if (!(number >= -2147483648.0 && number < 4294967296.0))
            return {};
        const auto packed = std::uint32_t(std::int64_t(number));
        return QColor::fromRgb(QRgb(packed | 0xff000000u));
    }
    return {};
}

Annotation readFeature(const QJsonObject& feature, std::map<QString, AnnotationClass>& classes,
                       std::map<QString, int>& dropped)
{
    if (feature.value(QLatin1String("type")).toString() != QLatin1String("Feature"))
        bad(QObject::tr("it is not a GeoJSON Feature (its type is \"%1\")")
                .arg(feature.value(QLatin1String("type")).toString()));
    const QJsonValue geometry = feature.value(QLatin1String("geometry"));
    if (!geometry.isObject())
        bad(QObject::tr("it has no geometry"));
    const QJsonObject properties = feature.value(QLatin1String("properties")).toObject();
    const QJsonObject tessera = properties.value(QLatin1String("tessera")).toObject();
    const ShapeKind hint =
        shapeKindFromName(tessera.value(QLatin1String("shape")).toString()).value_or(ShapeKind::Polygon);

    Annotation a;
    try {
        a.geometry = geometryFromGeoJson(geometry.toObject(), hint);
    } catch (const Error& e) {
        bad(e.message());
    }
    if (const auto problem = a.geometry.problem())
        bad(*problem);

    const QString idText = feature.value(QLatin1String("id")).toString();
    a.id = QUuid::fromString(idText);
    if (a.id.isNull())
        a.id = QUuid::createUuid();
    a.name = properties.value(QLatin1String("name")).toString();
    QString objectType = properties.value(QLatin1String("objectType")).toString();
    if (objectType.isEmpty()) // QuPath 0.2: the class name in "id"
        objectType = idText == QLatin1String("PathDetectionObject") ? QStringLiteral("detection")
                     : idText == QLatin1String("PathCellObject")    ? QStringLiteral("cell")
                                                                    : QStringLiteral("annotation");
    if (objectType == QLatin1String("detection") || objectType == QLatin1String("cell") ||
        objectType == QLatin1String("tile"))
        a.detection = true;
    else if (objectType != QLatin1String("annotation"))
        ++dropped[QObject::tr("QuPath object type \"%1\" (imported as an annotation)").arg(objectType)];
    if (properties.contains(QLatin1String("nucleusGeometry")))
        ++dropped[QObject::tr("nucleus outline of a cell (the cell outline is kept)")];
    if (properties.contains(QLatin1String("measurements")))
        ++dropped[QObject::tr("QuPath measurements (Tessera measures area and perimeter itself)")];
    a.locked = properties.value(QLatin1String("isLocked")).toBool() || a.detection;
    a.color = readColor(properties.value(QLatin1String("color")));

    const QJsonObject classification = properties.value(QLatin1String("classification")).toObject();
    a.className = classification.value(QLatin1String("name")).toString();
    if (a.className.isEmpty() && classification.contains(QLatin1String("names")))
        a.className = classification.value(QLatin1String("names")).toArray().first().toString();
    if (!a.className.isEmpty()) {
        QColor color = readColor(classification.value(QLatin1String("color")));
        if (!color.isValid())
            color = readColor(classification.value(QLatin1String("colorRGB")));
        AnnotationClass& c = classes[a.className];
        c.name = a.className;
        if (!c.color.isValid())
            c.color = color;
    }
    a.author = tessera.value(QLatin1String("author")).toString();
    a.created = parseIsoUtc(tessera.value(QLatin1String("created")).toString());
    a.modified = parseIsoUtc(tessera.value(QLatin1String("modified")).toString());
    if (tessera.contains(QLatin1String("proposedBy")))
        a.origin =
            AnnotationOrigin::fromJson(QJsonDocument(tessera.value(QLatin1String("proposedBy")).toObject())
                                           .toJson(QJsonDocument::Compact));
    if (!a.created.isValid())
        a.created = QDateTime::currentDateTimeUtc();
    if (!a.modified.isValid())
        a.modified = a.created;
    return a;
}

int lineOf(const QByteArray& bytes, int offset)
{
    return int(bytes.left(offset).count('\n')) + 1;
}

} // namespace

QByteArray geometryToGeoJson(const Geometry& geometry)
{
    QByteArray out;
    appendGeometry(out, geometry);
    return out;
}

Geometry geometryFromGeoJson(const QJsonObject& object, ShapeKind hint)
{
    const QString type = object.value(QLatin1String("type")).toString();
    const QJsonValue coordinates = object.value(QLatin1String("coordinates"));
    try {
        if (type == QLatin1String("Point"))
            return Geometry::point(readPosition(coordinates));
        if (type == QLatin1String("MultiPoint"))
            return Geometry::multiPoint(readPositions(coordinates));
        if (type == QLatin1String("LineString"))
            return Geometry::polyline(readPositions(coordinates));
        if (type == QLatin1String("Polygon")) {
            Geometry g;
            g.parts.push_back(readPolygon(coordinates, {}));
            // Rectangles and ellipses are polygons in the file; the shape they were drawn as
            // comes back from Tessera's own property when the ring still fits it.
            const bool simple = g.parts.front().holes.empty();
            g.kind = (hint == ShapeKind::Rectangle && simple && g.parts.front().outer.size() == 4) ||
                             (hint == ShapeKind::Ellipse && simple)
                         ? hint
                         : ShapeKind::Polygon;
            return g;
        }
        if (type == QLatin1String("MultiPolygon")) {
            const QJsonArray polygons = coordinates.toArray();
            if (!coordinates.isArray() || polygons.isEmpty())
                bad(QObject::tr("the multipolygon has no polygons"));
            Geometry g;
            g.kind = ShapeKind::Polygon;
            for (qsizetype i = 0; i < polygons.size(); ++i)
                g.parts.push_back(readPolygon(polygons[i], QObject::tr("polygon %1: ").arg(i + 1)));
            return g;
        }
    } catch (const FeatureError& e) {
        throw Error(e.message);
    }
    throw Error(type.isEmpty()
                    ? QObject::tr("the geometry has no type")
                    : QObject::tr("geometry type \"%1\" is not supported (Point, MultiPoint, LineString, "
                                  "Polygon, MultiPolygon are)")
                          .arg(type));
}

QByteArray writeGeoJson(const std::vector<Annotation>& annotations,
                        const std::vector<AnnotationClass>& classes)
{
    QByteArray out;
    out.reserve(qsizetype(annotations.size()) * 256);
    out.append(R"({"type":"FeatureCollection","features":[)");
    for (size_t i = 0; i < annotations.size(); ++i) {
        const Annotation& a = annotations[i];
        out.append(i ? ",\n" : "\n");
        out.append(R"({"type":"Feature","id":")");
        out.append(a.id.toByteArray(QUuid::WithoutBraces));
        out.append(R"(","geometry":)");
        appendGeometry(out, a.geometry);
        out.append(R"(,"properties":{"objectType":")");
        out.append(a.detection ? "detection" : "annotation");
        out.append('"');
        if (!a.name.isEmpty()) {
            out.append(R"(,"name":)");
            appendUtf8String(out, a.name);
        }
        if (!a.className.isEmpty()) {
            out.append(R"(,"classification":{"name":)");
            appendUtf8String(out, a.className);
            const AnnotationClass* c = findClass(classes, a.className);
            if (c && c->color.isValid()) {
                out.append(R"(,"color":)");
                appendColor(out, c->color);
            }
            out.append('}');
        }
        if (a.color.isValid()) {
            out.append(R"(,"color":)");
            appendColor(out, a.color);
        }
        out.append(R"(,"isLocked":)");
        out.append(a.locked ? "true" : "false");
        out.append(R"(,"tessera":{"shape":")");
        out.append(shapeKindName(a.geometry.kind).toLatin1());
        out.append('"');
        if (!a.author.isEmpty()) {
            out.append(R"(,"author":)");
            appendUtf8String(out, a.author);
        }
        if (a.created.isValid()) {
            out.append(R"(,"created":")");
            out.append(isoUtc(a.created));
            out.append('"');
        }
        if (a.modified.isValid()) {
            out.append(R"(,"modified":")");
            out.append(isoUtc(a.modified));
            out.append('"');
        }
        if (!a.origin.isEmpty()) {
            out.append(R"(,"proposedBy":)");
            out.append(a.origin.toJson());
        }
        out.append("}}}");
    }
    out.append("\n]}\n");
    return out;
}

AnnotationImport parseGeoJson(const QByteArray& bytes, const QString& source)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        throw Error(QObject::tr("%1 is not valid JSON: %2 at line %3")
                        .arg(source, parseError.errorString())
                        .arg(lineOf(bytes, parseError.offset)));
    QJsonArray features;
    if (document.isArray()) {
        features = document.array();
    } else {
        const QJsonObject root = document.object();
        const QString type = root.value(QLatin1String("type")).toString();
        if (type == QLatin1String("FeatureCollection"))
            features = root.value(QLatin1String("features")).toArray();
        else if (type == QLatin1String("Feature"))
            features.append(root);
        else
            throw Error(
                QObject::tr("%1 is not GeoJSON: expected a FeatureCollection, a Feature or an array of "
                            "Features")
                    .arg(source));
    }
    AnnotationImport result;
    result.annotations.reserve(size_t(features.size()));
    std::map<QString, AnnotationClass> classes;
    std::map<QString, int> dropped;
    for (qsizetype i = 0; i < features.size(); ++i) {
        try {
            if (!features[i].isObject())
                bad(QObject::tr("it is not an object"));
            result.annotations.push_back(readFeature(features[i].toObject(), classes, dropped));
        } catch (const FeatureError& e) {
            throw Error(QObject::tr("%1, feature %2: %3").arg(source).arg(i).arg(e.message));
        }
    }
    for (auto& [name, c] : classes)
        result.classes.push_back(c);
    for (const auto& [what, count] : dropped)
        result.dropped << QObject::tr("%1 × %2").arg(count).arg(what);
    return result;
}

} // namespace tessera::core
