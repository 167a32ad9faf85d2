// ASAP's annotation XML (also CAMELYON's): ASAP_Annotations > Annotations > Annotation >
// Coordinates > Coordinate, with AnnotationGroups as the classes.
#include "AnnotationFiles.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QObject>
#include <QXmlStreamReader>
#include <QXmlStreamWriter>

#include <algorithm>
#include <charconv>
#include <map>

namespace tessera::core {

namespace {

QString number(double v)
{
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, v);
    return QString::fromLatin1(buffer, result.ptr - buffer);
}

std::optional<double> parseCoordinate(QStringView text)
{
    bool ok = false;
    double v = text.toDouble(&ok);
    if (!ok) // some ASAP builds wrote the locale's decimal comma
        v = text.toString().replace(QLatin1Char(','), QLatin1Char('.')).toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

struct PendingAnnotation {
    Annotation annotation;
    QString type;
    qint64 line = 0;
    std::vector<std::pair<int, QPointF>> coordinates; // (Order, point)
};

Geometry geometryOf(const PendingAnnotation& p, std::map<QString, int>& dropped)
{
    std::vector<std::pair<int, QPointF>> sorted = p.coordinates;
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    QPolygonF points;
    for (const auto& [order, point] : sorted)
        points << point;
    const QString& type = p.type;
    if (type == QLatin1String("Dot")) {
        if (points.size() != 1)
            throw Error(QObject::tr("a Dot has %1 coordinates instead of 1").arg(points.size()));
        return Geometry::point(points.front());
    }
    if (type == QLatin1String("PointSet"))
        return Geometry::multiPoint(points);
    if (type == QLatin1String("Measurement"))
        return Geometry::polyline(points);
    if (type == QLatin1String("Rectangle")) {
        Geometry g = Geometry::polygon(points);
        if (g.parts.front().outer.size() == 4)
            g.kind = ShapeKind::Rectangle;
        return g;
    }
    if (type == QLatin1String("Polygon"))
        return Geometry::polygon(points);
    if (type == QLatin1String("Spline")) {
        ++dropped[QObject::tr(
            "ASAP spline curvature (the spline is kept as the polygon through its points)")];
        return Geometry::polygon(points);
    }
    throw Error(
        QObject::tr("annotation type \"%1\" is not supported (Polygon, Rectangle, Dot, Spline, PointSet, "
                    "Measurement are)")
            .arg(type));
}

QString colorText(const QColor& c)
{
    return c.name(QColor::HexRgb).toUpper();
}

} // namespace

AnnotationImport parseAsapXml(const QByteArray& bytes, const QString& source)
{
    QXmlStreamReader xml(bytes);
    std::vector<PendingAnnotation> pending;
    std::vector<AnnotationClass> groups;
    bool rootSeen = false;
    PendingAnnotation* current = nullptr;
    const auto fail = [&](const QString& message, qint64 line) {
        throw Error(QObject::tr("%1, line %2: %3").arg(source).arg(line).arg(message));
    };
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::EndElement && xml.name() == QLatin1String("Annotation")) {
            current = nullptr;
            continue;
        }
        if (token != QXmlStreamReader::StartElement)
            continue;
        const QStringView name = xml.name();
        const QXmlStreamAttributes attributes = xml.attributes();
        if (!rootSeen) {
            if (name != QLatin1String("ASAP_Annotations"))
                fail(QObject::tr(
                         "not an ASAP annotation file (its root element is <%1>, not <ASAP_Annotations>)")
                         .arg(name.toString()),
                     xml.lineNumber());
            rootSeen = true;
        } else if (name == QLatin1String("Annotation")) {
            PendingAnnotation& p = pending.emplace_back();
            p.line = xml.lineNumber();
            p.type = attributes.value(QLatin1String("Type")).toString();
            p.annotation.name = attributes.value(QLatin1String("Name")).toString();
            const QString group = attributes.value(QLatin1String("PartOfGroup")).toString();
            p.annotation.className = group == QLatin1String("None") ? QString() : group;
            p.annotation.color = QColor::fromString(attributes.value(QLatin1String("Color")));
            current = &p;
        } else if (name == QLatin1String("Coordinate")) {
            if (!current)
                fail(QObject::tr("a <Coordinate> outside an <Annotation>"), xml.lineNumber());
            const auto x = parseCoordinate(attributes.value(QLatin1String("X")));
            const auto y = parseCoordinate(attributes.value(QLatin1String("Y")));
            if (!x || !y)
                fail(QObject::tr("a coordinate's X or Y is not a number"), xml.lineNumber());
            bool orderOk = false;
            const int order = attributes.value(QLatin1String("Order")).toInt(&orderOk);
            current->coordinates.emplace_back(orderOk ? order : int(current->coordinates.size()),
                                              QPointF(*x, *y));
        } else if (name == QLatin1String("Group")) {
            AnnotationClass c;
            c.name = attributes.value(QLatin1String("Name")).toString();
            c.color = QColor::fromString(attributes.value(QLatin1String("Color")));
            if (!c.name.isEmpty() && c.name != QLatin1String("None") && !findClass(groups, c.name))
                groups.push_back(c);
        }
    }
    if (xml.hasError())
        throw Error(QObject::tr("%1 is not well-formed XML: %2 at line %3")
                        .arg(source, xml.errorString())
                        .arg(xml.lineNumber()));
    if (!rootSeen)
        throw Error(QObject::tr("%1 is empty: no <ASAP_Annotations> element").arg(source));

    AnnotationImport result;
    std::map<QString, int> dropped;
    result.annotations.reserve(pending.size());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (PendingAnnotation& p : pending) {
        Annotation& a = p.annotation;
        try {
            a.geometry = geometryOf(p, dropped);
        } catch (const Error& e) {
            fail(e.message(), p.line);
        }
        if (const auto problem = a.geometry.problem())
            fail(QObject::tr("annotation \"%1\": %2").arg(a.name, *problem), p.line);
        a.id = QUuid::createUuid();
        a.created = a.modified = now;
        if (!a.className.isEmpty() && !findClass(groups, a.className))
            groups.push_back({a.className, a.color, true});
        // An annotation in its group's colour takes the class's; only a colour of its own is kept.
        if (const AnnotationClass* c = findClass(groups, a.className); c && a.color == c->color)
            a.color = QColor();
        result.annotations.push_back(std::move(a));
    }
    result.classes = std::move(groups);
    for (const auto& [what, count] : dropped)
        result.dropped << QObject::tr("%1 × %2").arg(count).arg(what);
    return result;
}

QByteArray writeAsapXml(const std::vector<Annotation>& annotations,
                        const std::vector<AnnotationClass>& classes, QStringList* droppedOut)
{
    QByteArray out;
    QXmlStreamWriter xml(&out);
    xml.setAutoFormatting(true);
    xml.setAutoFormattingIndent(1);
    xml.writeStartDocument();
    xml.writeStartElement(QStringLiteral("ASAP_Annotations"));
    xml.writeStartElement(QStringLiteral("Annotations"));
    std::map<QString, int> dropped;
    std::vector<AnnotationClass> used = classes;
    const auto writeOne = [&](const Annotation& a, const QString& name, const QString& type,
                              const QPolygonF& points) {
        xml.writeStartElement(QStringLiteral("Annotation"));
        xml.writeAttribute(QStringLiteral("Name"), name);
        xml.writeAttribute(QStringLiteral("Type"), type);
        xml.writeAttribute(QStringLiteral("PartOfGroup"),
                           a.className.isEmpty() ? QStringLiteral("None") : a.className);
        xml.writeAttribute(QStringLiteral("Color"), colorText(displayColor(a, classes)));
        xml.writeStartElement(QStringLiteral("Coordinates"));
        for (qsizetype i = 0; i < points.size(); ++i) {
            xml.writeEmptyElement(QStringLiteral("Coordinate"));
            xml.writeAttribute(QStringLiteral("Order"), QString::number(i));
            xml.writeAttribute(QStringLiteral("X"), number(points[i].x()));
            xml.writeAttribute(QStringLiteral("Y"), number(points[i].y()));
        }
        xml.writeEndElement();
        xml.writeEndElement();
    };
    int unnamed = 0;
    for (const Annotation& a : annotations) {
        const QString name = a.name.isEmpty() ? QStringLiteral("Annotation %1").arg(unnamed++) : a.name;
        if (!a.className.isEmpty() && !findClass(used, a.className))
            used.push_back({a.className, displayColor(a, classes), true});
        const Geometry& g = a.geometry;
        switch (g.kind) {
        case ShapeKind::Point:
            writeOne(a, name, QStringLiteral("Dot"), g.points);
            break;
        case ShapeKind::Points:
            writeOne(a, name, QStringLiteral("PointSet"), g.points);
            break;
        case ShapeKind::Polyline:
            if (g.points.size() == 2)
                writeOne(a, name, QStringLiteral("Measurement"), g.points);
            else
                ++dropped[QObject::tr("line with more than two points (ASAP has no open lines)")];
            break;
        case ShapeKind::Rectangle:
            writeOne(a, name, QStringLiteral("Rectangle"), g.parts.front().outer);
            break;
        case ShapeKind::Ellipse:
        case ShapeKind::Polygon:
            if (g.kind == ShapeKind::Ellipse)
                ++dropped[QObject::tr("ellipse written as a polygon")];
            for (size_t p = 0; p < g.parts.size(); ++p) {
                if (!g.parts[p].holes.empty())
                    ++dropped[QObject::tr(
                        "hole in a polygon (ASAP polygons have none; the outer ring is kept)")];
                writeOne(a, g.parts.size() > 1 ? QStringLiteral("%1 (part %2)").arg(name).arg(p + 1) : name,
                         QStringLiteral("Polygon"), g.parts[p].outer);
            }
            if (g.parts.size() > 1)
                ++dropped[QObject::tr("multipolygon split into one ASAP annotation per part")];
            break;
        }
    }
    xml.writeEndElement(); // Annotations
    xml.writeStartElement(QStringLiteral("AnnotationGroups"));
    for (const AnnotationClass& c : used) {
        xml.writeStartElement(QStringLiteral("Group"));
        xml.writeAttribute(QStringLiteral("Name"), c.name);
        xml.writeAttribute(QStringLiteral("PartOfGroup"), QStringLiteral("None"));
        xml.writeAttribute(QStringLiteral("Color"),
                           colorText(c.color.isValid() ? c.color : QColor(255, 0, 0)));
        xml.writeEmptyElement(QStringLiteral("Attributes"));
        xml.writeEndElement();
    }
    xml.writeEndElement(); // AnnotationGroups
    xml.writeEndElement(); // ASAP_Annotations
    xml.writeEndDocument();
    if (droppedOut)
        for (const auto& [what, count] : dropped)
            *droppedOut << QObject::tr("%1 × %2").arg(count).arg(what);
    return out;
}

} // namespace tessera::core
