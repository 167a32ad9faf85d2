// tessera-cli annotations import|export|list: a QuPath GeoJSON file into a project slide (all or
// nothing, ids kept so a second import replaces), listed, written out as ASAP XML and read back
// with the same shapes; bad files and bad command lines change nothing and say why.
#include "annotations/AnnotationFiles.h"
#include "project/Project.h"
#include "support/CliRunner.h"
#include "support/TestSlides.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {

const QByteArray kGeoJson = R"({"type": "FeatureCollection", "features": [
 {"type": "Feature", "id": "0b7c1c4e-7a36-4c31-9a71-3f1f4f0b2a11",
  "geometry": {"type": "Polygon", "coordinates": [[[100, 100], [600, 100], [600, 500], [100, 500], [100, 100]]]},
  "properties": {"objectType": "annotation", "classification": {"name": "Tumor", "color": [200, 0, 0]}}},
 {"type": "Feature", "id": "5d2e8f64-8c1b-4d5e-a1f3-0c9e7b6a5d42",
  "geometry": {"type": "Polygon", "coordinates": [[[1000, 1000], [1400, 1000], [1200, 1300], [1000, 1000]]]},
  "properties": {"objectType": "annotation", "classification": {"name": "Tumor", "color": [200, 0, 0]}}},
 {"type": "Feature", "id": "9a4b3c2d-1e0f-4a5b-8c7d-6e5f4a3b2c1d",
  "geometry": {"type": "Point", "coordinates": [800, 900]},
  "properties": {"objectType": "annotation", "classification": {"name": "Stroma"}}}
]})";

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestCliAnnotations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void importListExportAndReadBack();
    void badFilesAndCommandLinesChangeNothing();

private:
    QTemporaryDir m_dir;
    QString m_project, m_slide;
};

void TestCliAnnotations::initTestCase()
{
    m_project = m_dir.filePath(QStringLiteral("project"));
    m_slide = m_dir.filePath(QStringLiteral("case-7.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), m_slide));
    const auto project = core::Project::create(m_project);
    project->slides().add({m_slide});
}

void TestCliAnnotations::importListExportAndReadBack()
{
    const QString geojson = m_dir.filePath(QStringLiteral("qupath.geojson"));
    write(geojson, kGeoJson);
    const QStringList into{QStringLiteral("--project"), m_project, QStringLiteral("--slide"),
                           QStringLiteral("case-7")};
    const test::CliRun imported = test::runCli(
        QStringList{QStringLiteral("annotations"), QStringLiteral("import")} + into + QStringList{geojson});
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.err));
    QVERIFY2(imported.out.startsWith(
                 QStringLiteral("3 annotation(s) imported from qupath.geojson; the slide has 3.")),
             qPrintable(imported.out));
    QVERIFY(imported.out.contains(QStringLiteral("New classes: ")));
    {
        const auto project = core::Project::open(m_project);
        const qint64 slide = project->annotations().slideIdFor(m_slide);
        QCOMPARE(project->annotations().count(slide), 3);
        const auto classes = project->annotations().classes();
        QVERIFY(core::findClass(classes, QStringLiteral("Tumor")) &&
                core::findClass(classes, QStringLiteral("Stroma")));
        QCOMPARE(core::findClass(classes, QStringLiteral("Tumor"))->color, QColor(200, 0, 0));
    }
    // The same file again, FILE first this time: its ids are kept, so it replaces.
    const test::CliRun again =
        test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("import"), geojson} + into);
    QVERIFY2(again.out.contains(QStringLiteral("the slide has 3.")), qPrintable(again.out));

    const test::CliRun listed =
        test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("list")} + into);
    QCOMPARE(listed.exitCode, 0);
    QVERIFY2(listed.out.contains(QStringLiteral("0b7c1c4e-7a36-4c31-9a71-3f1f4f0b2a11\tTumor\tpolygon\t4")),
             qPrintable(listed.out));
    QVERIFY(listed.out.contains(QStringLiteral("\tStroma\tpoint\t1")));
    QVERIFY(listed.out.endsWith(QStringLiteral("3 annotation(s): Stroma 1, Tumor 2\n")));

    // Out as ASAP XML (asked for by --format, whatever the name), and read back: the same shapes.
    const QString xml = m_dir.filePath(QStringLiteral("asap.out"));
    const test::CliRun exported =
        test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("export")} + into +
                     QStringList{QStringLiteral("--format"), QStringLiteral("asap"), xml});
    QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
    QVERIFY(exported.out.startsWith(QStringLiteral("3 annotation(s) written to ")));
    const core::AnnotationImport back = core::importAnnotations(xml, core::AnnotationFormat::AsapXml);
    QCOMPARE(back.annotations.size(), std::size_t(3));
    const core::AnnotationImport source = core::parseGeoJson(kGeoJson, QStringLiteral("source"));
    double sourceArea = 0, backArea = 0;
    for (const auto& a : source.annotations)
        sourceArea += a.geometry.area();
    for (const auto& a : back.annotations)
        backArea += a.geometry.area();
    QCOMPARE(backArea, sourceArea);
    QCOMPARE(sourceArea, 500.0 * 400 + 400.0 * 300 / 2);

    // Onto another slide (another file: a copy would be recognised as this one), from a GeoJSON
    // export that keeps the ids: they are this slide's, so they are renewed and it keeps its own.
    core::SynthSpec otherSpec = test::smallTumourSpec();
    otherSpec.seed += 1;
    const QString other = test::synthSlide(otherSpec, QStringLiteral("case-8.tiff"));
    const QString exportedGeoJson = m_dir.filePath(QStringLiteral("case-7.geojson"));
    QCOMPARE(test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("export")} + into +
                          QStringList{exportedGeoJson})
                 .exitCode,
             0);
    const test::CliRun copied =
        test::runCli({QStringLiteral("annotations"), QStringLiteral("import"), QStringLiteral("--project"),
                      m_project, QStringLiteral("--slide"), other, exportedGeoJson});
    QVERIFY2(copied.exitCode == 0, qPrintable(copied.err));
    QVERIFY2(copied.out.contains(QStringLiteral("3 annotation(s) got new ids")), qPrintable(copied.out));
    const auto project = core::Project::open(m_project);
    QCOMPARE(project->annotations().count(project->annotations().slideIdFor(m_slide)), 3);
    QCOMPARE(project->annotations().count(project->annotations().slideIdFor(other)), 3);
}

void TestCliAnnotations::badFilesAndCommandLinesChangeNothing()
{
    const QStringList into{QStringLiteral("--project"), m_project, QStringLiteral("--slide"),
                           QStringLiteral("case-7")};
    const auto count = [&] {
        const auto project = core::Project::open(m_project);
        return project->annotations().count(project->annotations().slideIdFor(m_slide));
    };
    const int before = count();
    // The second feature is broken: nothing of the file is kept, and the message says where.
    const QString broken = m_dir.filePath(QStringLiteral("broken.geojson"));
    QByteArray bad = kGeoJson;
    bad.replace(R"([[[1000, 1000], [1400, 1000], [1200, 1300], [1000, 1000]]])", R"([[[1000, 1000], "x"]])");
    write(broken, bad);
    const test::CliRun refused = test::runCli(
        QStringList{QStringLiteral("annotations"), QStringLiteral("import")} + into + QStringList{broken});
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(broken) && refused.err.contains(QStringLiteral("feature 1")),
             qPrintable(refused.err));
    QCOMPARE(count(), before);
    // GeoJSON read as ASAP XML: refused by the XML reader, naming the file.
    const QString geojson = m_dir.filePath(QStringLiteral("again.geojson"));
    write(geojson, kGeoJson);
    const test::CliRun wrongFormat =
        test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("import")} + into +
                     QStringList{QStringLiteral("--format"), QStringLiteral("asap"), geojson});
    QCOMPARE(wrongFormat.exitCode, 1);
    QVERIFY2(wrongFormat.err.contains(QStringLiteral("XML")), qPrintable(wrongFormat.err));
    QCOMPARE(count(), before);
    // Command lines: no action, no file, an unknown slide, an unknown format.
    QCOMPARE(test::runCli(QStringList{QStringLiteral("annotations")} + into).exitCode, 2);
    QCOMPARE(
        test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("import")} + into).exitCode,
        2);
    const test::CliRun unknown =
        test::runCli({QStringLiteral("annotations"), QStringLiteral("list"), QStringLiteral("--project"),
                      m_project, QStringLiteral("--slide"), QStringLiteral("no-such-slide")});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains(QStringLiteral("no slide 'no-such-slide'")), qPrintable(unknown.err));
    QCOMPARE(test::runCli(QStringList{QStringLiteral("annotations"), QStringLiteral("export")} + into +
                          QStringList{QStringLiteral("--format"), QStringLiteral("svg"),
                                      m_dir.filePath(QStringLiteral("x"))})
                 .exitCode,
             2);
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x"))));
}

QTEST_GUILESS_MAIN(TestCliAnnotations)
#include "tst_cli_annotations.moc"
