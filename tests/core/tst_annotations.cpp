// Annotations in core: geometry and measurements, QuPath GeoJSON and ASAP XML both ways, bad
// input refused whole with the file and place named, undoable edits, the spatial index, the
// project store, and regions traced from a score map.
#include "annotations/AnnotationFiles.h"
#include "annotations/AnnotationSet.h"
#include "annotations/HeatmapRegions.h"
#include "annotations/PatchLabels.h"
#include "annotations/SpatialGrid.h"
#include "common/Error.h"
#include "project/Project.h"
#include "support/ErrorMessage.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace tessera;
using core::Annotation;
using core::AnnotationClass;
using core::Geometry;
using core::ShapeKind;

namespace {

// A QuPath 0.4 export: a classified polygon with a hole, a multipolygon, a point, a multipoint, a
// line, a detection, and a QuPath 0.2-style packed colour.
const char* kQuPathGeoJson = R"({
  "type": "FeatureCollection",
  "features": [
    {"type": "Feature", "id": "1f0c2d3e-4b5a-4c6d-8e7f-001122334455",
     "geometry": {"type": "Polygon", "coordinates": [[[100,100],[400,100],[400,300],[100,300],[100,100]],
                                                     [[150,150],[200,150],[200,200],[150,200],[150,150]]]},
     "properties": {"objectType": "annotation", "name": "region A",
                    "classification": {"name": "Tumor", "color": [200, 0, 0]}, "isLocked": false}},
    {"type": "Feature", "id": "2f0c2d3e-4b5a-4c6d-8e7f-001122334455",
     "geometry": {"type": "MultiPolygon", "coordinates": [
        [[[1000,1000],[1100,1000],[1100,1100],[1000,1000]]],
        [[[2000,2000],[2100,2000],[2100,2150.25],[2000,2000]]]]},
     "properties": {"objectType": "annotation", "classification": {"name": "Stroma", "colorRGB": -16744448}}},
    {"type": "Feature", "geometry": {"type": "Point", "coordinates": [12.5, 13.25]},
     "properties": {"objectType": "annotation"}},
    {"type": "Feature", "geometry": {"type": "MultiPoint", "coordinates": [[1,2],[3,4],[5,6]]},
     "properties": {"objectType": "annotation", "classification": {"name": "Tumor", "color": [200, 0, 0]}}},
    {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[0,0],[30,40],[60,0]]},
     "properties": {"objectType": "annotation", "color": [0, 0, 255]}},
    {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[5,5],[9,5],[9,9],[5,5]]]},
     "properties": {"objectType": "cell", "measurements": {"Area": 8},
                    "nucleusGeometry": {"type": "Polygon", "coordinates": [[[6,6],[7,6],[7,7],[6,6]]]}}}
  ]
})";

const char* kAsapXml = R"(<?xml version="1.0"?>
<ASAP_Annotations>
	<Annotations>
		<Annotation Name="Annotation 0" Type="Polygon" PartOfGroup="metastases" Color="#F4FA58">
			<Coordinates>
				<Coordinate Order="1" X="2000.5" Y="1000" />
				<Coordinate Order="0" X="1000" Y="1000.25" />
				<Coordinate Order="2" X="1500" Y="1800" />
			</Coordinates>
		</Annotation>
		<Annotation Name="box" Type="Rectangle" PartOfGroup="None" Color="#00FF00">
			<Coordinates>
				<Coordinate Order="0" X="10" Y="10" />
				<Coordinate Order="1" X="110" Y="10" />
				<Coordinate Order="2" X="110" Y="60" />
				<Coordinate Order="3" X="10" Y="60" />
			</Coordinates>
		</Annotation>
		<Annotation Name="dot" Type="Dot" PartOfGroup="metastases" Color="#FF0000">
			<Coordinates><Coordinate Order="0" X="5,5" Y="6" /></Coordinates>
		</Annotation>
		<Annotation Name="s" Type="Spline" PartOfGroup="_2" Color="#0000FF">
			<Coordinates>
				<Coordinate Order="0" X="0" Y="0" /><Coordinate Order="1" X="50" Y="0" /><Coordinate Order="2" X="50" Y="50" />
			</Coordinates>
		</Annotation>
	</Annotations>
	<AnnotationGroups>
		<Group Name="metastases" PartOfGroup="None" Color="#F4FA58"><Attributes /></Group>
		<Group Name="_2" PartOfGroup="None" Color="#0000FF"><Attributes /></Group>
	</AnnotationGroups>
</ASAP_Annotations>
)";

bool closeTo(const Geometry& a, const Geometry& b, double tolerance = 0.01)
{
    const std::vector<QPointF> va = a.vertices(), vb = b.vertices();
    if (va.size() != vb.size() || a.kind != b.kind)
        return false;
    for (size_t i = 0; i < va.size(); ++i)
        if (std::abs(va[i].x() - vb[i].x()) > tolerance || std::abs(va[i].y() - vb[i].y()) > tolerance)
            return false;
    return true;
}

Annotation annotationOf(const Geometry& g, const QString& className = {})
{
    Annotation a;
    a.id = QUuid::createUuid();
    a.geometry = g;
    a.className = className;
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    return a;
}

} // namespace

class TestAnnotations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void measurementsInMicrons();
    void geometryProblemsAreNamed();
    void holesLieInsideTheirPolygonAndApart_data();
    void holesLieInsideTheirPolygonAndApart();
    void quPathGeoJsonImports();
    void geoJsonRoundTripKeepsEverything();
    void asapXmlImports();
    void asapRoundTripKeepsGeometryClassesAndColours();
    void geoJsonToXmlSaysWhatItDrops();
    void badGeoJsonIsRefusedWhole_data();
    void badGeoJsonIsRefusedWhole();
    void badXmlNamesTheLine();
    void hugeFilesAreRefusedBeforeReading();
    void exportToAReadOnlyFolderLeavesNothing();
    void editsAreUndoable();
    void aLargeBatchMarksTheAreaItCovers();
    void patchesTakeTheClassThatCoversHalfOfThem();
    void spatialGridMatchesBruteForce();
    void projectStoreKeepsAnnotationsAndClasses();
    void heatmapRegionsTraceABlockWithItsHole();
};

void TestAnnotations::measurementsInMicrons()
{
    const Geometry square = Geometry::polygon(QPolygonF{{0, 0}, {100, 0}, {100, 100}, {0, 100}},
                                              {QPolygonF{{10, 10}, {20, 10}, {20, 20}, {10, 20}}});
    QCOMPARE(square.area(), 10000.0 - 100.0);
    QCOMPARE(square.perimeter(), 400.0 + 40.0);
    const core::AnnotationMeasure m = core::measure(square, 0.5);
    QCOMPARE(m.area, (10000.0 - 100.0) * 0.25);
    QCOMPARE(m.perimeter, 220.0);
    QCOMPARE(m.points, 8);
    QVERIFY(m.inMicrons);
    QVERIFY(!core::measure(square, std::nullopt).inMicrons);
    const Geometry ellipse = Geometry::ellipse(QRectF(0, 0, 200, 100), 360);
    QVERIFY(std::abs(ellipse.area() - M_PI * 100 * 50) / (M_PI * 100 * 50) < 1e-3);
    QVERIFY(square.contains({50, 50}));
    QVERIFY(!square.contains({15, 15})); // in the hole
    QCOMPARE(Geometry::polyline(QPolygonF{{0, 0}, {30, 40}}).perimeter(), 50.0);
    // Summary per class, in the classes' order.
    const std::vector<Annotation> all{annotationOf(square, QStringLiteral("B")),
                                      annotationOf(Geometry::rectangle({0, 0, 10, 10}), QStringLiteral("A")),
                                      annotationOf(Geometry::rectangle({0, 0, 20, 10}), QStringLiteral("A"))};
    const auto summary = core::summarizeByClass(all, {{QStringLiteral("A"), Qt::red, true}}, 1.0);
    QCOMPARE(summary.size(), std::size_t(2));
    QCOMPARE(summary[0].className, QStringLiteral("A"));
    QCOMPARE(summary[0].count, 2);
    QCOMPARE(summary[0].area, 300.0);
    QCOMPARE(summary[1].area, 9900.0);
}

void TestAnnotations::geometryProblemsAreNamed()
{
    QVERIFY(!Geometry::rectangle({0, 0, 5, 5}).problem());
    const auto bowtie = Geometry::polygon(QPolygonF{{0, 0}, {10, 10}, {10, 0}, {0, 10}}).problem();
    QVERIFY(bowtie && bowtie->contains(QLatin1String("crosses itself")));
    const auto two = Geometry::polygon(QPolygonF{{0, 0}, {10, 10}, {0, 0}}).problem();
    QVERIFY(two && two->contains(QLatin1String("at least 3")));
    const auto flat = Geometry::polygon(QPolygonF{{0, 0}, {5, 5}, {10, 10}}).problem();
    QVERIFY(flat && flat->contains(QLatin1String("no area")));
    const auto nan = Geometry::polygon(QPolygonF{{0, 0}, {NAN, 5}, {10, 0}}).problem();
    QVERIFY(nan && nan->contains(QLatin1String("not a number")));
    QVERIFY(Geometry::point({1e12, 0}).problem());
    QVERIFY(Geometry::polyline(QPolygonF{{0, 0}}).problem());
    // A hole's problem names its part when there are several.
    Geometry twoParts = Geometry::polygon(QPolygonF{{0, 0}, {10, 0}, {10, 10}});
    twoParts.parts.push_back({QPolygonF{{20, 0}, {30, 0}, {30, 10}}, {QPolygonF{{40, 1}, {41, 1}, {41, 2}}}});
    const QString partTwo = twoParts.problem().value_or(QString());
    QVERIFY2(partTwo.contains(QLatin1String("part 2: hole 1 is not inside the outer ring")),
             qPrintable(partTwo));
    // A valid ring of thousands of points passes (the sweep keeps this fast).
    QPolygonF circle;
    for (int i = 0; i < 20000; ++i)
        circle << QPointF(1000 * std::cos(i * 2 * M_PI / 20000), 1000 * std::sin(i * 2 * M_PI / 20000));
    QVERIFY(!Geometry::polygon(circle).problem());
}

void TestAnnotations::holesLieInsideTheirPolygonAndApart_data()
{
    QTest::addColumn<QPolygonF>("outer");
    QTest::addColumn<QList<QPolygonF>>("holes");
    QTest::addColumn<QString>("problem"); // empty: the polygon is sound
    const QPolygonF square{{0, 0}, {100, 0}, {100, 100}, {0, 100}};
    const QPolygonF inside{{10, 10}, {20, 10}, {20, 20}};
    QTest::newRow("inside") << square << QList<QPolygonF>{inside} << QString();
    QTest::newRow("touching the outer ring at a vertex")
        << square << QList<QPolygonF>{{{0, 50}, {20, 40}, {20, 60}}} << QString();
    QTest::newRow("touching the outer ring along an edge")
        << square << QList<QPolygonF>{{{0, 40}, {20, 40}, {20, 60}, {0, 60}}} << QString();
    QTest::newRow("two holes sharing a vertex")
        << square << QList<QPolygonF>{inside, {{20, 20}, {30, 20}, {30, 30}}} << QString();
    // Decimal coordinates touching "on paper": (1.6, 0.7) lies on the edge (0.1, 0.2)-(3.1, 1.2)
    // only up to rounding.
    QTest::newRow("touching after rounding")
        << QPolygonF{{0.1, 0.2}, {3.1, 1.2}, {3.1, 4.2}, {0.1, 4.2}}
        << QList<QPolygonF>{{{1.6, 0.7}, {2.1, 2.2}, {1.1, 2.2}}} << QString();
    QTest::newRow("outside") << square << QList<QPolygonF>{{{110, 10}, {120, 10}, {120, 20}}}
                             << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("around the polygon")
        << square << QList<QPolygonF>{{{-10, -10}, {110, -10}, {110, 110}, {-10, 110}}}
        << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("leaving through two corners")
        << square << QList<QPolygonF>{{{50, 50}, {150, 150}, {150, -50}}}
        << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("poking out between two points on the boundary")
        << square << QList<QPolygonF>{{{50, 20}, {100, 40}, {150, 50}, {100, 60}, {50, 80}}}
        << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("a chord outside an L, every vertex on its boundary")
        << QPolygonF{{0, 0}, {100, 0}, {100, 50}, {50, 50}, {50, 100}, {0, 100}}
        << QList<QPolygonF>{{{100, 50}, {50, 100}, {0, 0}}}
        << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("through two corners of a notch, every vertex inside or on the ring")
        << QPolygonF{{0, 0},   {100, 0}, {100, 100}, {52, 100}, {52, 65}, {70, 50},
                     {50, 30}, {30, 50}, {48, 65},   {48, 100}, {0, 100}}
        << QList<QPolygonF>{{{10, 50}, {90, 50}, {50, 10}}}
        << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("a chord through the tip of a finger of outside")
        << QPolygonF{{0, 0}, {100, 0}, {100, 50}, {52, 50}, {75, 75}, {50, 52}, {50, 100}, {0, 100}}
        << QList<QPolygonF>{{{100, 50}, {50, 100}, {0, 0}}}
        << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("the outer ring itself")
        << square << QList<QPolygonF>{square} << QStringLiteral("hole 1 is not inside the outer ring");
    QTest::newRow("crossing the outer ring")
        << square << QList<QPolygonF>{inside, {{90, 40}, {130, 40}, {130, 60}}}
        << QStringLiteral("hole 2 crosses the outer ring");
    QTest::newRow("crossing another hole")
        << square << QList<QPolygonF>{{{10, 10}, {50, 10}, {50, 50}}, {{40, 5}, {60, 5}, {60, 30}}}
        << QStringLiteral("hole 2 crosses hole 1");
    QTest::newRow("inside another hole")
        << square << QList<QPolygonF>{{{12, 11}, {14, 11}, {14, 13}}, {{10, 5}, {40, 5}, {40, 35}, {10, 35}}}
        << QStringLiteral("hole 2 overlaps hole 1");
    QTest::newRow("the same hole twice")
        << square << QList<QPolygonF>{inside, inside} << QStringLiteral("hole 2 overlaps hole 1");
}

void TestAnnotations::holesLieInsideTheirPolygonAndApart()
{
    QFETCH(QPolygonF, outer);
    QFETCH(QList<QPolygonF>, holes);
    QFETCH(QString, problem);
    const Geometry geometry = Geometry::polygon(outer, {holes.begin(), holes.end()});
    const QString found = geometry.problem().value_or(QString());
    if (problem.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found));
    else
        QVERIFY2(found.contains(problem), qPrintable(found));
}

void TestAnnotations::quPathGeoJsonImports()
{
    const core::AnnotationImport in = core::parseGeoJson(kQuPathGeoJson, QStringLiteral("qupath.geojson"));
    QCOMPARE(in.annotations.size(), std::size_t(6));
    const Annotation& a = in.annotations[0];
    QCOMPARE(a.id, QUuid::fromString(QStringLiteral("1f0c2d3e-4b5a-4c6d-8e7f-001122334455")));
    QCOMPARE(a.name, QStringLiteral("region A"));
    QCOMPARE(a.className, QStringLiteral("Tumor"));
    QCOMPARE(a.geometry.parts.size(), std::size_t(1));
    QCOMPARE(a.geometry.parts[0].holes.size(), std::size_t(1));
    QCOMPARE(a.geometry.area(), 300.0 * 200 - 50 * 50);
    QCOMPARE(in.annotations[1].geometry.parts.size(), std::size_t(2));
    QCOMPARE(in.annotations[2].geometry.kind, ShapeKind::Point);
    QCOMPARE(in.annotations[2].geometry.points.front(), QPointF(12.5, 13.25));
    QCOMPARE(in.annotations[3].geometry.kind, ShapeKind::Points);
    QCOMPARE(in.annotations[4].geometry.kind, ShapeKind::Polyline);
    QCOMPARE(in.annotations[4].color, QColor(0, 0, 255));
    QVERIFY(in.annotations[5].detection);
    QVERIFY(!in.annotations[5].editable());
    QCOMPARE(in.classes.size(), std::size_t(2));
    const AnnotationClass* stroma = core::findClass(in.classes, QStringLiteral("Stroma"));
    QVERIFY(stroma);
    QCOMPARE(stroma->color, QColor(0, 128, 0)); // packed 0xFF008000
    QCOMPARE(core::findClass(in.classes, QStringLiteral("Tumor"))->color, QColor(200, 0, 0));
    // A packed colour no 32-bit integer holds is no colour (converting it was undefined; fuzz_geojson).
    const core::AnnotationImport huge = core::parseGeoJson(
        R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"classification": {"name": "Odd", "colorRGB": -1.6e54}}})",
        QStringLiteral("huge.geojson"));
    QCOMPARE(huge.annotations.size(), std::size_t(1));
    QVERIFY(core::findClass(huge.classes, QStringLiteral("Odd")));
    // The cell's measurements and nucleus are not kept, and the import says so.
    QCOMPARE(in.dropped.size(), 2);
    QVERIFY(in.dropped.join(QLatin1Char('\n')).contains(QLatin1String("nucleus")));
    // A bare array of Features reads the same.
    const QJsonArray features =
        QJsonDocument::fromJson(kQuPathGeoJson).object().value(QLatin1String("features")).toArray();
    const core::AnnotationImport bare =
        core::parseGeoJson(QJsonDocument(features).toJson(), QStringLiteral("bare.json"));
    QCOMPARE(bare.annotations.size(), std::size_t(6));
}

void TestAnnotations::geoJsonRoundTripKeepsEverything()
{
    core::AnnotationImport first = core::parseGeoJson(kQuPathGeoJson, QStringLiteral("a"));
    Annotation ellipse =
        annotationOf(Geometry::ellipse(QRectF(10.123, 20.456, 300.5, 100.25)), QStringLiteral("Tumor"));
    ellipse.author = QStringLiteral("Dr. Ünal \"quoted\"");
    first.annotations.push_back(ellipse);
    first.annotations.push_back(annotationOf(Geometry::rectangle(QRectF(1, 2, 3, 4))));
    const QByteArray written = core::writeGeoJson(first.annotations, first.classes);
    const core::AnnotationImport second = core::parseGeoJson(written, QStringLiteral("b"));
    QCOMPARE(second.annotations.size(), first.annotations.size());
    for (size_t i = 0; i < first.annotations.size(); ++i) {
        const Annotation &a = first.annotations[i], &b = second.annotations[i];
        QVERIFY2(closeTo(a.geometry, b.geometry), qPrintable(QString::number(i)));
        QCOMPARE(b.id, a.id);
        QCOMPARE(b.className, a.className);
        QCOMPARE(b.color, a.color);
        QCOMPARE(b.detection, a.detection);
        QCOMPARE(b.author, a.author);
        QCOMPARE(b.geometry.kind, a.geometry.kind); // rectangles and ellipses stay what they were drawn as
    }
    for (const AnnotationClass& c : first.classes)
        QCOMPARE(core::findClass(second.classes, c.name)->color, c.color);
    // And writing again gives the same bytes.
    QCOMPARE(core::writeGeoJson(second.annotations, second.classes), written);
}

void TestAnnotations::asapXmlImports()
{
    const core::AnnotationImport in = core::parseAsapXml(kAsapXml, QStringLiteral("asap.xml"));
    QCOMPARE(in.annotations.size(), std::size_t(4));
    const Annotation& polygon = in.annotations[0];
    QCOMPARE(polygon.className, QStringLiteral("metastases"));
    // Coordinates in their Order, not their position in the file.
    QCOMPARE(polygon.geometry.parts[0].outer[0], QPointF(1000, 1000.25));
    QCOMPARE(polygon.geometry.parts[0].outer[1], QPointF(2000.5, 1000));
    QVERIFY(!polygon.color.isValid()); // the group's colour
    QCOMPARE(in.annotations[1].geometry.kind, ShapeKind::Rectangle);
    QVERIFY(in.annotations[1].className.isEmpty()); // PartOfGroup="None"
    QCOMPARE(in.annotations[1].color, QColor(0, 255, 0));
    QCOMPARE(in.annotations[2].geometry.points.front(), QPointF(5.5, 6)); // decimal comma
    QCOMPARE(in.annotations[2].color, QColor(255, 0, 0));                 // its own colour
    QCOMPARE(in.annotations[3].geometry.kind, ShapeKind::Polygon);        // the spline's points
    QCOMPARE(in.classes.size(), std::size_t(2));
    QCOMPARE(core::findClass(in.classes, QStringLiteral("metastases"))->color, QColor(0xF4, 0xFA, 0x58));
    QCOMPARE(in.dropped.size(), 1);
    QVERIFY(in.dropped.front().contains(QLatin1String("spline")));
}

void TestAnnotations::asapRoundTripKeepsGeometryClassesAndColours()
{
    const core::AnnotationImport first = core::parseAsapXml(kAsapXml, QStringLiteral("a.xml"));
    QStringList dropped;
    const QByteArray xml = core::writeAsapXml(first.annotations, first.classes, &dropped);
    QVERIFY(dropped.isEmpty());
    const core::AnnotationImport second = core::parseAsapXml(xml, QStringLiteral("b.xml"));
    QCOMPARE(second.annotations.size(), first.annotations.size());
    for (size_t i = 0; i < first.annotations.size(); ++i) {
        QVERIFY(closeTo(first.annotations[i].geometry, second.annotations[i].geometry));
        QCOMPARE(second.annotations[i].className, first.annotations[i].className);
        QCOMPARE(core::displayColor(second.annotations[i], second.classes),
                 core::displayColor(first.annotations[i], first.classes));
        QCOMPARE(second.annotations[i].name, first.annotations[i].name);
    }
    QCOMPARE(second.classes, first.classes);
}

void TestAnnotations::geoJsonToXmlSaysWhatItDrops()
{
    const core::AnnotationImport geo = core::parseGeoJson(kQuPathGeoJson, QStringLiteral("a"));
    QStringList dropped;
    const core::AnnotationImport xml =
        core::parseAsapXml(core::writeAsapXml(geo.annotations, geo.classes, &dropped), QStringLiteral("b"));
    const QString said = dropped.join(QLatin1Char('\n'));
    QVERIFY2(said.contains(QLatin1String("hole")) && said.contains(QLatin1String("line")) &&
                 said.contains(QLatin1String("multipolygon")),
             qPrintable(said));
    // What both hold survives: the polygon's outer ring, its class and colour; the points.
    QCOMPARE(xml.annotations[0].className, QStringLiteral("Tumor"));
    QCOMPARE(xml.annotations[0].geometry.area(), 300.0 * 200);
    QCOMPARE(core::findClass(xml.classes, QStringLiteral("Tumor"))->color, QColor(200, 0, 0));
    QCOMPARE(xml.annotations.size(), std::size_t(6)); // 6 − the line + the second part
}

void TestAnnotations::badGeoJsonIsRefusedWhole_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("expected");
    const QByteArray good =
        R"({"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"properties":{}})";
    QTest::newRow("malformed") << QByteArray("{\"type\": \"FeatureCollection\",\n \"features\": [\n {]}")
                               << QStringLiteral("line 3");
    QTest::newRow("unknown type")
        << (R"({"type":"FeatureCollection","features":[)" + good +
            R"(,{"type":"Feature","geometry":{"type":"GeometryCollection","geometries":[]}}]})")
        << QStringLiteral("feature 1: geometry type \"GeometryCollection\"");
    QTest::newRow("unclosed")
        << QByteArray(
               R"([{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[5,0],[5,5],[0,6]]]}}])")
        << QStringLiteral("feature 0: the outer ring is not closed");
    QTest::newRow("self-intersecting")
        << QByteArray(
               R"([{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[10,10],[10,0],[0,10],[0,0]]]}}])")
        << QStringLiteral("crosses itself");
    QTest::newRow("too few points")
        << QByteArray(
               R"([{"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,0]]]}}])")
        << QStringLiteral("closed ring needs at least 4");
    QTest::newRow("absurd coordinate")
        << QByteArray(R"([{"type":"Feature","geometry":{"type":"Point","coordinates":[1e15,2]}}])")
        << QStringLiteral("beyond any slide");
    QTest::newRow("NaN") << QByteArray(
                                R"([{"type":"Feature","geometry":{"type":"Point","coordinates":[NaN,2]}}])")
                         << QStringLiteral("not valid JSON");
    QTest::newRow("not geojson") << QByteArray(R"({"hello": 1})") << QStringLiteral("not GeoJSON");
    QTest::newRow("no geometry") << QByteArray(R"([{"type":"Feature","properties":{}}])")
                                 << QStringLiteral("feature 0: it has no geometry");
}

void TestAnnotations::badGeoJsonIsRefusedWhole()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bad.geojson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(json);
    file.close();
    const QString message = test::errorMessageOf([&] { core::importAnnotations(path); });
    QVERIFY2(message.contains(path) && message.contains(expected), qPrintable(message));
}

void TestAnnotations::badXmlNamesTheLine()
{
    QByteArray broken = kAsapXml;
    broken.replace("</Coordinates>\n\t\t</Annotation>\n\t\t<Annotation Name=\"box\"",
                   "</Coordinates>\n\t\t<Annotation Name=\"box\"");
    QString message = test::errorMessageOf([&] { core::parseAsapXml(broken, QStringLiteral("x.xml")); });
    QVERIFY2(message.contains(QLatin1String("x.xml")) && message.contains(QLatin1String("not well-formed")) &&
                 message.contains(QLatin1String("line")),
             qPrintable(message));
    QByteArray unknown = kAsapXml;
    unknown.replace("Type=\"Dot\"", "Type=\"Arrow\"");
    message = test::errorMessageOf([&] { core::parseAsapXml(unknown, QStringLiteral("x.xml")); });
    QVERIFY2(message.contains(QLatin1String("line 19")) && message.contains(QLatin1String("Arrow")),
             qPrintable(message));
    QByteArray twoPoints = kAsapXml;
    twoPoints.replace("<Coordinate Order=\"2\" X=\"1500\" Y=\"1800\" />", "");
    message = test::errorMessageOf([&] { core::parseAsapXml(twoPoints, QStringLiteral("x.xml")); });
    QVERIFY2(message.contains(QLatin1String("line 4")) && message.contains(QLatin1String("at least 3")),
             qPrintable(message));
    message = test::errorMessageOf([&] { core::parseAsapXml("<svg></svg>", QStringLiteral("x.xml")); });
    QVERIFY2(message.contains(QLatin1String("<svg>")), qPrintable(message));
}

void TestAnnotations::hugeFilesAreRefusedBeforeReading()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("huge.geojson"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    QVERIFY(file.resize(qint64(1) << 30)); // sparse: 1 GiB that takes no disk
    file.close();
    const QString message = test::errorMessageOf([&] { core::importAnnotations(path); });
    QVERIFY2(message.contains(path) && message.contains(QLatin1String("1024 MiB")), qPrintable(message));
    const QString folder = dir.filePath(QStringLiteral("folder.xml"));
    QVERIFY(QDir().mkpath(folder));
    QVERIFY(test::errorMessageOf([&] { core::importAnnotations(folder); }).contains(QLatin1String("folder")));
}

void TestAnnotations::exportToAReadOnlyFolderLeavesNothing()
{
    QTemporaryDir dir;
    // Root writes into folders without write permission; /proc takes no new files from anyone.
    const bool root = geteuid() == 0;
    if (!root)
        QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner);
    const QString folder = root ? QStringLiteral("/proc") : dir.path();
    const QString path = folder + QStringLiteral("/out.geojson");
    const QString message = test::errorMessageOf([&] {
        core::exportAnnotations(path, {annotationOf(Geometry::rectangle({0, 0, 1, 1}))}, {});
    });
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY2(message.contains(path), qPrintable(message));
    QVERIFY(!QFile::exists(path));
    QVERIFY(QDir(dir.path()).entryList(QDir::Files).isEmpty());
}

void TestAnnotations::patchesTakeTheClassThatCoversHalfOfThem()
{
    // A 4 × 3 grid of 100-px patches whose origin is off the multiples of 100 (tissue starts at 30).
    std::vector<std::int64_t> coords;
    for (int row = 0; row < 3; ++row)
        for (int column = 0; column < 4; ++column)
            coords.insert(coords.end(), {30 + column * 100, 30 + row * 100});
    const auto at = [](int column, int row) { return std::size_t(row * 4 + column); };
    // Tumor (QuPath's spelling, any case) over columns 0–1 of row 0 wholly and 60 % of column 2;
    // a hole takes patch (1, 0) back out. Normal over 40 % of (2, 1) and all of (3, 1), (3, 2);
    // stroma is no label class; a point labels nothing.
    const Geometry tumour =
        Geometry::polygon(QPolygonF(QRectF(30, 30, 260, 100)), {QPolygonF(QRectF(130, 30, 100, 100))});
    const std::vector<Annotation> annotations{
        annotationOf(tumour, QStringLiteral("Tumor")), // QuPath spelling
        annotationOf(Geometry::rectangle({230, 130, 40, 100}), QStringLiteral("normal")),
        annotationOf(Geometry::rectangle({330, 130, 100, 200}), QStringLiteral("Normal")),
        annotationOf(Geometry::rectangle({30, 230, 100, 100}), QStringLiteral("Stroma")),
        annotationOf(Geometry::point({150, 250}), QStringLiteral("normal"))};
    const core::PatchLabelling l =
        core::labelPatches(annotations, {QStringLiteral("normal"), QStringLiteral("tumour")}, coords, 100);
    QCOMPARE(l.labels.size(), std::size_t(12));
    QCOMPARE(l.labels[at(0, 0)], 1);
    QCOMPARE(l.labels[at(1, 0)], core::PatchLabelling::kUnlabelled); // in the hole
    QCOMPARE(l.labels[at(2, 0)], 1);                                 // 60 % ≥ half
    QCOMPARE(l.labels[at(2, 1)], core::PatchLabelling::kUnlabelled); // 40 % < half
    QCOMPARE(l.labels[at(3, 1)], 0);
    QCOMPARE(l.labels[at(3, 2)], 0);
    QCOMPARE(l.labels[at(0, 2)], core::PatchLabelling::kUnlabelled); // stroma
    QCOMPARE(l.labels[at(1, 2)], core::PatchLabelling::kUnlabelled); // a point
    QCOMPARE(l.labelled(), 4);
    QCOMPARE(l.patchesPerClass, (std::vector<int>{2, 2}));
    QCOMPARE(l.unmatchedClasses, QStringList{QStringLiteral("Stroma")});
    // A stricter share leaves the 60 % patch out; two classes over one patch: the larger wins.
    QCOMPARE(core::labelPatches(annotations, {QStringLiteral("normal"), QStringLiteral("tumour")}, coords,
                                100, 0.75)
                 .labels[at(2, 0)],
             core::PatchLabelling::kUnlabelled);
    const std::vector<Annotation> both{
        annotationOf(Geometry::rectangle({30, 30, 70, 100}), QStringLiteral("tumour")),
        annotationOf(Geometry::rectangle({30, 30, 100, 100}), QStringLiteral("normal"))};
    QCOMPARE(core::labelPatches(both, {QStringLiteral("normal"), QStringLiteral("tumour")}, coords, 100)
                 .labels[at(0, 0)],
             0);
}

void TestAnnotations::aLargeBatchMarksTheAreaItCovers()
{
    // An import of thousands of points marks the area they cover as changed once (decorated
    // tiles there are redrawn), and leaves tiles beyond it as they were.
    core::AnnotationSet set;
    std::vector<Annotation> points;
    for (int i = 0; i < 3000; ++i)
        points.push_back(annotationOf(Geometry::point({10000.0 + i % 60 * 10, 20000.0 + i / 60 * 10})));
    const quint64 before = set.revisionIn(QRectF(0, 0, 1e6, 1e6));
    set.add(points, QStringLiteral("Import"));
    QVERIFY(set.revisionIn(QRectF(10000, 20000, 1, 1)) > before);     // the first point
    QVERIFY(set.revisionIn(QRectF(10590, 20490, 1, 1)) > before);     // the last one
    QCOMPARE(set.revisionIn(QRectF(50000, 50000, 256, 256)), before); // far away
    // A single point alone marks its own cell.
    core::AnnotationSet one;
    one.add({annotationOf(Geometry::point({700, 700}))}, QStringLiteral("Draw"));
    QVERIFY(one.revisionIn(QRectF(700, 700, 1, 1)) > 0);
    QCOMPARE(one.revisionIn(QRectF(5000, 5000, 256, 256)), quint64(0));
}

void TestAnnotations::editsAreUndoable()
{
    QUndoStack undo;
    core::AnnotationSet set(&undo);
    QSignalSpy edited(&set, &core::AnnotationSet::edited);
    const Annotation a = annotationOf(Geometry::rectangle({0, 0, 10, 10}), QStringLiteral("Tumor"));
    const Annotation b = annotationOf(Geometry::point({50, 50}));
    set.add({a, b}, QStringLiteral("Draw"));
    QCOMPARE(set.size(), 2);
    Annotation moved = a;
    moved.geometry = a.geometry.translated({100, 0});
    set.modify({moved}, QStringLiteral("Move"));
    QCOMPARE(set.find(a.id)->geometry.bounds().left(), 100.0);
    set.remove({b.id}, QStringLiteral("Delete"));
    QCOMPARE(set.size(), 1);
    QCOMPARE(undo.count(), 3);
    undo.undo(); // delete
    QVERIFY(set.find(b.id));
    undo.undo(); // move
    QCOMPARE(set.find(a.id)->geometry, a.geometry);
    undo.undo(); // draw
    QCOMPARE(set.size(), 0);
    undo.redo();
    undo.redo();
    QCOMPARE(set.size(), 2);
    QCOMPARE(set.find(a.id)->geometry.bounds().left(), 100.0);
    QCOMPARE(edited.count(), 8); // every change, undo and redo included
    // A modification that changes nothing is no edit.
    set.modify({*set.find(a.id)}, QStringLiteral("Nothing"));
    QCOMPARE(undo.count(), 3);
    QCOMPARE(undo.index(), 2);
    // Hit testing: inside the rectangle, near the point, nothing elsewhere.
    QCOMPARE(set.hit({105, 5}, 1)->id, a.id);
    QCOMPARE(set.hit({52, 50}, 3)->id, b.id);
    QVERIFY(!set.hit({300, 300}, 3));
    set.setClasses({{QStringLiteral("Tumor"), Qt::red, true}});
    set.setClassVisible(QStringLiteral("Tumor"), false);
    QVERIFY(!set.hit({105, 5}, 1)); // hidden classes are not picked
}

void TestAnnotations::spatialGridMatchesBruteForce()
{
    QRandomGenerator random(7);
    std::vector<QRectF> bounds;
    for (int i = 0; i < 5000; ++i) {
        const double size = random.bounded(1.0) < 0.01 ? 20000 : random.bounded(200.0);
        bounds.emplace_back(random.bounded(50000.0), random.bounded(30000.0), size, size * 0.7);
    }
    core::SpatialGrid grid;
    grid.rebuild(bounds);
    const auto matches = [&] {
        for (int q = 0; q < 200; ++q) {
            const QRectF area(random.bounded(55000.0) - 2000, random.bounded(35000.0) - 2000,
                              random.bounded(5000.0), random.bounded(5000.0));
            std::vector<int> expected;
            for (int i = 0; i < int(bounds.size()); ++i)
                if (bounds[size_t(i)].left() <= area.right() && area.left() <= bounds[size_t(i)].right() &&
                    bounds[size_t(i)].top() <= area.bottom() && area.top() <= bounds[size_t(i)].bottom())
                    expected.push_back(i);
            if (grid.query(area) != expected)
                return false;
        }
        return true;
    };
    QVERIFY(matches());
    // Edits in place: shapes moved (small to large and back) and shapes added, then the same
    // answers as a brute force over the new bounds. Bounds outside the grid are refused.
    for (int k = 0; k < 500; ++k) {
        const int i = int(random.bounded(int(bounds.size())));
        const double size = k % 50 == 0 ? 15000 : random.bounded(300.0);
        const QRectF moved(random.bounded(30000.0), random.bounded(20000.0), size, size * 0.7);
        if (grid.replace(i, moved))
            bounds[size_t(i)] = moved;
        const QRectF added(random.bounded(40000.0), random.bounded(25000.0), 50, 50);
        if (k % 5 == 0 && grid.append(added))
            bounds.push_back(added);
    }
    QCOMPARE(grid.size(), int(bounds.size()));
    QVERIFY(bounds.size() > 5000);
    QVERIFY(matches());
    QVERIFY(!grid.replace(0, QRectF(-1e6, 0, 10, 10)));
    QVERIFY(!grid.append(QRectF(0, 1e7, 10, 10)));
    QVERIFY(matches());
}

void TestAnnotations::projectStoreKeepsAnnotationsAndClasses()
{
    QTemporaryDir dir;
    const QString slide = dir.filePath(QStringLiteral("slide.tiff"));
    {
        QFile f(slide);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(4096, 'x'));
    }
    const core::AnnotationImport in = core::parseGeoJson(kQuPathGeoJson, QStringLiteral("a"));
    qint64 slideId = 0;
    {
        auto project = core::Project::create(dir.filePath(QStringLiteral("p")));
        core::AnnotationStore& store = project->annotations();
        slideId = store.slideIdFor(slide);
        QCOMPARE(store.slideIdFor(slide), slideId); // the same slide again
        QCOMPARE(store.addClasses(in.classes),
                 (QStringList{QStringLiteral("Stroma"), QStringLiteral("Tumor")}));
        QVERIFY(store.addClasses(in.classes).isEmpty());
        store.save(slideId, in.annotations, {});
        Annotation changed = in.annotations[0];
        changed.className = QStringLiteral("Stroma");
        store.save(slideId, {changed}, {in.annotations[5].id});
        store.saveClass({QStringLiteral("Tumor"), QColor(1, 2, 3), false});
    }
    auto project = core::Project::open(dir.filePath(QStringLiteral("p")));
    const std::vector<Annotation> back = project->annotations().load(slideId);
    QCOMPARE(back.size(), std::size_t(5));
    QCOMPARE(back[0].className, QStringLiteral("Stroma"));
    for (size_t i = 1; i < back.size(); ++i) {
        QCOMPARE(back[i].id, in.annotations[i].id);
        QVERIFY(closeTo(back[i].geometry, in.annotations[i].geometry, 1e-9));
        QCOMPARE(back[i].color, in.annotations[i].color);
    }
    QCOMPARE(back[0].geometry, in.annotations[0].geometry); // the hole too
    // Binary geometry round trips exactly; a row holding GeoJSON text (as written before) reads too.
    QCOMPARE(core::geometryFromBlob(core::geometryToBlob(in.annotations[1].geometry), ShapeKind::Polygon),
             std::optional<Geometry>(in.annotations[1].geometry));
    QVERIFY(!core::geometryFromBlob(QByteArray("TGB1\x01"), ShapeKind::Polygon)); // truncated
    project->database().scalar(
        QStringLiteral(
            "INSERT INTO annotations (uuid, slide_id, geometry, shape, created_at, modified_at) "
            "VALUES ('00000000-0000-0000-0000-000000000001', ?, ?, 'polygon', '2026-11-30T00:00:00.000Z', "
            "'2026-11-30T00:00:00.000Z')"),
        {slideId, QString::fromUtf8(core::geometryToGeoJson(Geometry::rectangle({0, 0, 10, 20})))});
    const std::vector<Annotation> withText = project->annotations().load(slideId);
    QCOMPARE(withText.size(), std::size_t(6));
    QCOMPARE(withText.back().geometry.area(), 200.0);
    const std::vector<AnnotationClass> classes = project->annotations().classes();
    QCOMPARE(classes.size(), std::size_t(2));
    QCOMPARE(classes[1].name, QStringLiteral("Tumor"));
    QCOMPARE(classes[1].color, QColor(1, 2, 3));
    QVERIFY(!classes[1].visible);
}

void TestAnnotations::heatmapRegionsTraceABlockWithItsHole()
{
    // A 20 × 20 grid of 256-px patches: a 10 × 8 block of high scores with one low patch inside,
    // and a single high patch far away.
    core::PatchScores scores;
    scores.step = 256;
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) {
            const bool block = x >= 4 && x < 14 && y >= 6 && y < 14 && !(x == 8 && y == 10);
            const bool single = x == 18 && y == 1;
            scores.values.push_back(block || single ? 0.9f : 0.1f + 0.01f * float((x * 7 + y) % 5));
            scores.coords.push_back(x * 256);
            scores.coords.push_back(y * 256);
        }
    core::HeatmapRegionOptions options;
    options.smoothing = 0;
    core::HeatmapRegions traced = core::traceHeatmapRegions(scores, options); // Otsu
    QVERIFY(traced.threshold > 0.14 && traced.threshold < 0.9);               // between the two clusters
    QCOMPARE(traced.regions.size(), std::size_t(2));
    const core::HeatmapRegion& big = traced.regions[0];
    QCOMPARE(big.patches, 79);
    QCOMPARE(big.meanScore, double(0.9f));
    QCOMPARE(big.geometry.parts.front().holes.size(), std::size_t(1));
    // Traced an eighth of a patch inside the patch edges: (10 − ¼) × (8 − ¼) patches, less the
    // hole (about one patch).
    const double cell = 256.0 * 256.0;
    const double expected = 9.75 * 7.75 - 1.0;
    QVERIFY2(std::abs(big.geometry.area() / cell - expected) < 0.6,
             qPrintable(QString::number(big.geometry.area() / cell)));
    // A minimum area drops the single patch; "below" keeps the low patches instead.
    options.minArea = 4 * cell;
    QCOMPARE(core::traceHeatmapRegions(scores, options).regions.size(), std::size_t(1));
    options.mode = core::HeatmapRegionOptions::Threshold::Raw;
    options.threshold = 0.5;
    options.below = true;
    options.minArea = 0;
    const core::HeatmapRegions low = core::traceHeatmapRegions(scores, options);
    QVERIFY(!low.regions.empty());
    QCOMPARE(low.regions.front().meanScore < 0.5, true);
    // Smoothing rounds the block's corners but keeps its size.
    options = {};
    options.smoothing = 0.5;
    const core::HeatmapRegions smooth = core::traceHeatmapRegions(scores, options);
    QVERIFY(smooth.regions.front().geometry.parts.front().outer.size() >
            big.geometry.parts.front().outer.size());
    QVERIFY(std::abs(smooth.regions.front().geometry.area() - 80 * cell) < 15 * cell);
    QVERIFY(!smooth.regions.front().geometry.problem());
}

QTEST_GUILESS_MAIN(TestAnnotations)
#include "tst_annotations.moc"
