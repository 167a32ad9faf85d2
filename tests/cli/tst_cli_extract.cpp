// tessera-cli extract end to end: resumable after a kill, bad inputs fail clearly.
#include "features/FeatureStore.h"
#include "jobs/ProgressEvent.h"
#include "support/TestSlides.h"
#include "support/TinyTorchScript.h"
#include "synth/PyramidTiffWriter.h"
#include "synth/SyntheticSlideGenerator.h"

#include "support/CliRunner.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {

using Run = test::CliRun;

Run extract(const QStringList& arguments)
{
    return test::runCli(QStringList{QStringLiteral("extract")} + arguments);
}

QByteArray bytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestCliExtract : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void killedRunResumesToTheSameResult();
    void slideWithoutTissueWritesNothing();
    void wrongModelFailsBeforeAnySlide();
    void damagedOutputIsRedoneAndBadSlidesAreSkipped();

private:
    QTemporaryDir m_dir;
    QString m_slides;
};

void TestCliExtract::initTestCase()
{
    m_slides = m_dir.filePath(QStringLiteral("slides"));
    QDir().mkpath(m_slides);
    core::SynthSpec a;
    a.width = 4000;
    a.height = 3000;
    a.seed = 1;
    a.tumourCount = 1;
    core::SyntheticSlideGenerator(a).write(m_slides + QStringLiteral("/a.tiff"));
    core::SynthSpec b = a;
    b.width = 14000;
    b.height = 10000;
    b.seed = 2;
    b.tumourCount = 2;
    core::SyntheticSlideGenerator(b).write(m_slides + QStringLiteral("/b.tiff"));
}

void TestCliExtract::killedRunResumesToTheSameResult()
{
    const QString clean = m_dir.filePath(QStringLiteral("clean"));
    const QString resumed = m_dir.filePath(QStringLiteral("resumed"));
    const QStringList common{QStringLiteral("--slides"),     m_slides,
                             QStringLiteral("--patch-size"), QStringLiteral("128"),
                             QStringLiteral("--progress"),   QStringLiteral("jsonl")};
    const Run reference = extract(common + QStringList{QStringLiteral("--out"), clean});
    QVERIFY2(reference.exitCode == 0, qPrintable(reference.err));

    // Kill -9 in the middle of the second slide.
    QProcess process;
    process.start(QStringLiteral(TESSERA_CLI), QStringList{QStringLiteral("extract")} + common +
                                                   QStringList{QStringLiteral("--out"), resumed});
    bool killed = false;
    QByteArray pending;
    while (!killed && process.waitForReadyRead(60000)) {
        pending += process.readAllStandardOutput();
        while (pending.contains('\n')) {
            const QByteArray line = pending.left(pending.indexOf('\n'));
            pending.remove(0, line.size() + 1);
            const std::optional<core::ProgressEvent> event = core::ProgressEvent::fromJsonLine(line);
            QVERIFY2(event, line.constData()); // every line on stdout is an event
            if (event->kind == core::EventKind::Progress && event->unit == QLatin1String("patches") &&
                event->details[QStringLiteral("slide")].toString().endsWith(QLatin1String("b.tiff")) &&
                event->done < event->total) {
                process.kill();
                killed = true;
                break;
            }
        }
    }
    process.waitForFinished();
    QVERIFY2(killed, "the run finished before it could be killed mid-slide");
    QVERIFY(QFile::exists(resumed + QStringLiteral("/a.h5")));
    QVERIFY(!QFile::exists(resumed + QStringLiteral("/b.h5")));

    const Run rerun = extract(common + QStringList{QStringLiteral("--out"), resumed});
    QVERIFY2(rerun.exitCode == 0, qPrintable(rerun.err));
    QVERIFY(rerun.out.contains(QLatin1String("\"reused\":true"))); // a.h5 was kept
    for (const QString& name : {QStringLiteral("a.h5"), QStringLiteral("b.h5")}) {
        QVERIFY(!bytes(clean + QLatin1Char('/') + name).isEmpty());
        QCOMPARE(bytes(resumed + QLatin1Char('/') + name), bytes(clean + QLatin1Char('/') + name));
    }
    QCOMPARE(QDir(resumed).entryList(QDir::Files),
             QStringList({QStringLiteral("a.h5"), QStringLiteral("b.h5")}));
}

void TestCliExtract::slideWithoutTissueWritesNothing()
{
    const QString blank = m_dir.filePath(QStringLiteral("blank.tiff"));
    {
        core::PyramidTiffOptions options;
        core::PyramidTiffWriter writer(blank, options);
        writer.beginLevel(2048, 1536, 1.0);
        writer.writeImage(cv::Mat(1536, 2048, CV_8UC3, cv::Scalar(243, 242, 245)));
        writer.finish();
    }
    const QString out = m_dir.filePath(QStringLiteral("blank-out"));
    const Run run = extract({QStringLiteral("--slides"), blank, QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("blank.tiff: no patch has")), qPrintable(run.err));
    QVERIFY(QDir(out).entryList(QDir::Files).isEmpty());
}

void TestCliExtract::wrongModelFailsBeforeAnySlide()
{
    const QString model = m_dir.filePath(QStringLiteral("identity.pt"));
    test::writeIdentityModel(model);
    const QString out = m_dir.filePath(QStringLiteral("model-out"));
    const Run run = extract({QStringLiteral("--slides"), m_slides, QStringLiteral("--out"), out,
                             QStringLiteral("--extractor"), model, QStringLiteral("--device"),
                             QStringLiteral("cpu"), QStringLiteral("--progress"), QStringLiteral("jsonl")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(QLatin1String("expected [2, D]")), qPrintable(run.err));
    QVERIFY(!run.out.contains(QLatin1String("\"unit\":\"patches\"")));
    // The failure ends the event stream, with its reason, for a job monitor to show.
    const auto last =
        core::ProgressEvent::fromJsonLine(run.out.trimmed().split(QLatin1Char('\n')).last().toUtf8());
    QVERIFY2(last && last->kind == core::EventKind::Failed, qPrintable(run.out));
    QVERIFY(last->message.contains(QLatin1String("expected [2, D]")));
    QVERIFY(QDir(out).entryList(QDir::Files).isEmpty());
}

void TestCliExtract::damagedOutputIsRedoneAndBadSlidesAreSkipped()
{
    const QString out = m_dir.filePath(QStringLiteral("damaged-out"));
    QDir().mkpath(out);
    QFile damaged(out + QStringLiteral("/a.h5"));
    damaged.open(QIODevice::WriteOnly);
    damaged.write(QByteArray("\x89HDF\r\n\x1a\n", 8) + QByteArray(100, 'x')); // HDF5 signature, then junk
    damaged.close();
    const QString notASlide = m_dir.filePath(QStringLiteral("notes.svs"));
    QFile text(notASlide);
    text.open(QIODevice::WriteOnly);
    text.write("not a slide");
    text.close();
    const Run run = extract({QStringLiteral("--slides"),
                             notASlide + QLatin1Char(',') + m_slides + QStringLiteral("/a.tiff"),
                             QStringLiteral("--out"), out});
    QCOMPARE(run.exitCode, 1); // one slide failed …
    QVERIFY2(run.err.contains(notASlide), qPrintable(run.err));
    QVERIFY(run.out.contains(QLatin1String("a.tiff:"))); // … the other was done
    QVERIFY(!run.out.contains(QLatin1String("reused"))); // the damaged file was not trusted
    QVERIFY(core::FeatureStore::isComplete(out + QStringLiteral("/a.h5"), QStringLiteral("handcrafted")));
}

QTEST_GUILESS_MAIN(TestCliExtract)
#include "tst_cli_extract.moc"
