// Fault suite, annotation files: GeoJSON and ASAP XML nested far deeper than any tool writes, XML
// whose entities expand exponentially ("billion laughs"), and a hole outside its polygon. Each is
// read without exhausting the stack or memory: refused with the file and the reason, or read for
// exactly what it holds. (Malformed files, other invalid geometry and a 1 GiB file are in
// tst_annotations.)
#include "annotations/AnnotationFiles.h"
#include "support/ErrorMessage.h"
#include "support/FileBytes.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {

constexpr int kDeep = 100000; // Qt's JSON parser stops at 1024 levels; the XML reader has no limit

QByteArray repeated(const char* piece, int times)
{
    return QByteArray(piece).repeated(times);
}

QByteArray pointFeatureWithProperties(const QByteArray& properties)
{
    return R"({"type":"Feature","geometry":{"type":"Point","coordinates":[10,20]},"properties":)" +
           properties + "}";
}

} // namespace

class TestFaultsAnnotations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void hostileFilesAreRefused_data();
    void hostileFilesAreRefused();
    void nestingWithinTheLimitsReadsWhatTheFileHolds();
    void deeplyNestedXmlReadsWhatTheFileHolds();

private:
    QString write(const QString& name, const QByteArray& bytes);
    QTemporaryDir m_dir;
};

QString TestFaultsAnnotations::write(const QString& name, const QByteArray& bytes)
{
    return test::writeBytes(m_dir.filePath(name), bytes);
}

void TestFaultsAnnotations::hostileFilesAreRefused_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("reason");
    QTest::newRow("GeoJSON: arrays 100 000 deep")
        << "arrays.geojson" << repeated("[", kDeep) + repeated("]", kDeep) << "not valid JSON";
    QTest::newRow("GeoJSON: properties 100 000 objects deep")
        << "properties.geojson"
        << pointFeatureWithProperties(repeated(R"({"a":)", kDeep) + "1" + repeated("}", kDeep))
        << "not valid JSON";
    QTest::newRow("GeoJSON: a polygon's coordinates two levels too deep")
        << "coordinates.geojson"
        << QByteArray(R"({"type":"Feature","geometry":{"type":"Polygon","coordinates":)"
                      R"([[[[[0,0]],[[5,0]],[[5,5]],[[0,0]]]]]}})")
        << "feature 0: a position is not a pair of numbers";
    QTest::newRow("GeoJSON: a polygon's hole outside it")
        << "hole.geojson"
        << QByteArray(R"({"type":"Feature","geometry":{"type":"Polygon","coordinates":)"
                      R"([[[0,0],[10,0],[10,10],[0,10],[0,0]],[[20,20],[30,20],[30,30],[20,20]]]}})")
        << "feature 0: hole 1 is not inside the outer ring";
    QByteArray laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE ASAP_Annotations [\n<!ENTITY lol0 \"lol\">\n";
    for (int i = 1; i <= 9; ++i)
        laughs += "<!ENTITY lol" + QByteArray::number(i) + " \"" +
                  repeated(qPrintable(QStringLiteral("&lol%1;").arg(i - 1)), 10) + "\">\n";
    laughs += "]>\n<ASAP_Annotations><Annotations><Annotation Name=\"&lol9;\" Type=\"Dot\"><Coordinates>"
              "<Coordinate Order=\"0\" X=\"1\" Y=\"2\"/></Coordinates></Annotation></Annotations>"
              "</ASAP_Annotations>\n";
    QTest::newRow("ASAP XML: a billion laughs (10^9 characters from 1 KB)")
        << "laughs.xml" << laughs << "not well-formed XML";
}

void TestFaultsAnnotations::hostileFilesAreRefused()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, bytes);
    QFETCH(QString, reason);
    const QString path = write(name, bytes);
    const QString message = test::errorMessageOf([&] { core::importAnnotations(path); });
    QVERIFY2(message.contains(path) && message.contains(reason), qPrintable(message));
}

void TestFaultsAnnotations::nestingWithinTheLimitsReadsWhatTheFileHolds()
{
    // 1000 levels of properties: within Qt's parser's limit, so the point is read; the properties
    // Tessera does not use are no reason to refuse it.
    const QString path =
        write(QStringLiteral("properties-1000.geojson"),
              pointFeatureWithProperties(repeated(R"({"a":)", 1000) + "1" + repeated("}", 1000)));
    const core::AnnotationImport read = core::importAnnotations(path);
    QCOMPARE(read.annotations.size(), size_t(1));
    QCOMPARE(read.annotations[0].geometry.points.value(0), QPointF(10, 20));
}

void TestFaultsAnnotations::deeplyNestedXmlReadsWhatTheFileHolds()
{
    // 100 000 levels of unknown elements between two real annotations: read without recursion, the
    // nesting skipped, both annotations kept.
    const QByteArray dot = R"(<Annotation Name="%1" Type="Dot" PartOfGroup="None"><Coordinates>)"
                           R"(<Coordinate Order="0" X="%2" Y="7"/></Coordinates></Annotation>)";
    const QByteArray xml = "<ASAP_Annotations><Annotations>" +
                           QString::fromLatin1(dot).arg(QStringLiteral("first")).arg(5).toLatin1() +
                           repeated("<Nested>", kDeep) + repeated("</Nested>", kDeep) +
                           QString::fromLatin1(dot).arg(QStringLiteral("second")).arg(9).toLatin1() +
                           "</Annotations></ASAP_Annotations>";
    const core::AnnotationImport read = core::importAnnotations(write(QStringLiteral("deep.xml"), xml));
    QCOMPARE(read.annotations.size(), size_t(2));
    QCOMPARE(read.annotations[0].name, QStringLiteral("first"));
    QCOMPARE(read.annotations[1].geometry.points.value(0), QPointF(9, 7));
}

QTEST_GUILESS_MAIN(TestFaultsAnnotations)
#include "tst_faults_annotations.moc"
