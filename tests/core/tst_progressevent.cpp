// The job protocol: every event kind survives the trip through a JSON line with all its fields,
// and what cannot be read is refused with the reason.
#include "common/Error.h"
#include "jobs/JsonlProgressWriter.h"
#include "jobs/ProgressEvent.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace tessera::core;

namespace {
ProgressEvent roundTrip(const ProgressEvent& e)
{
    QString error;
    const auto back = ProgressEvent::fromJsonLine(e.toJsonLine(), &error);
    if (!back)
        qFatal("round trip failed: %s", qPrintable(error));
    return *back;
}
} // namespace

class TestProgressEvent : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyKindRoundTrips();
    void epochCarriesEveryLossTermAndMetric();
    void unreadableLinesAreRefusedWithTheReason();
    void writerAppendsFlushedLinesToItsLog();
    void etaFollowsTheRate();
};

void TestProgressEvent::everyKindRoundTrips()
{
    const QJsonObject details{{QStringLiteral("slide"), QStringLiteral("/data/a.svs")},
                              {QStringLiteral("n"), 3}};
    const std::vector<ProgressEvent> events{
        ProgressEvent::started(QStringLiteral("extract"), details),
        ProgressEvent::progress(QStringLiteral("extract"), 256, 1024, QStringLiteral("patches"),
                                QStringLiteral("Extracting a.svs"), 12.5),
        ProgressEvent::note(QStringLiteral("extract"), QStringLiteral("a.svs: no tissue"),
                            QStringLiteral("warning"), details),
        ProgressEvent::finished(QStringLiteral("train"), details),
        ProgressEvent::failed(QStringLiteral("train"), QStringLiteral("cancelled after epoch 3"), true),
    };
    for (const ProgressEvent& e : events) {
        const ProgressEvent back = roundTrip(e);
        QCOMPARE(back.kind, e.kind);
        QCOMPARE(back.job, e.job);
        QCOMPARE(back.message, e.message);
        QCOMPARE(back.details, e.details);
        QCOMPARE(back.time, e.time);
        QCOMPARE(back.cancelled, e.cancelled);
    }
    const ProgressEvent progress = roundTrip(events[1]);
    QCOMPARE(progress.done, 256);
    QCOMPARE(progress.total, 1024);
    QCOMPARE(progress.fraction(), 0.25);
    QCOMPARE(progress.unit, QStringLiteral("patches"));
    QCOMPARE(progress.etaSeconds, 12.5);
    QCOMPARE(roundTrip(events[2]).level, QStringLiteral("warning"));
    QVERIFY(roundTrip(events[4]).cancelled);
    // The wire format names its schema and kind.
    const QJsonObject json = events[1].toJson();
    QCOMPARE(json[QStringLiteral("schema")].toInt(), ProgressEvent::kSchemaVersion);
    QCOMPARE(json[QStringLiteral("kind")].toString(), QStringLiteral("progress"));
    QVERIFY(!events[0].toJsonLine().contains('\n'));
}

void TestProgressEvent::epochCarriesEveryLossTermAndMetric()
{
    ProgressEvent e;
    e.kind = EventKind::Epoch;
    e.job = QStringLiteral("train");
    e.time = QDateTime::currentDateTimeUtc();
    e.epoch = 7;
    e.epochs = 40;
    e.losses = {{QStringLiteral("train"), 0.91},
                {QStringLiteral("ce_masked"), 0.6},
                {QStringLiteral("ce_full"), 0.5},
                {QStringLiteral("sce"), 0.33}};
    e.metrics = {{QStringLiteral("val_auc"), 0.875}, {QStringLiteral("val_loss"), 0.42}};
    e.learningRate = 4.5e-4;
    e.seconds = 3.25;
    e.best = true;
    e.etaSeconds = 107.25;
    const ProgressEvent back = roundTrip(e);
    QCOMPARE(back.epoch, 7);
    QCOMPARE(back.epochs, 40);
    QCOMPARE(back.losses, e.losses);
    QCOMPARE(back.metrics, e.metrics);
    QCOMPARE(back.learningRate, 4.5e-4);
    QCOMPARE(back.seconds, 3.25);
    QVERIFY(back.best);
    QCOMPARE(back.etaSeconds, 107.25);
}

void TestProgressEvent::unreadableLinesAreRefusedWithTheReason()
{
    QString error;
    QVERIFY(!ProgressEvent::fromJsonLine("epoch 3 done", &error));
    QVERIFY2(error.contains(QLatin1String("not JSON")), qPrintable(error));
    QVERIFY(!ProgressEvent::fromJsonLine("[1,2]", &error));
    QVERIFY(error.contains(QLatin1String("not a JSON object")));
    QVERIFY(!ProgressEvent::fromJsonLine(R"({"kind":"epoch"})", &error));
    QVERIFY(error.contains(QLatin1String("no schema")));
    QVERIFY(!ProgressEvent::fromJsonLine(R"({"schema":99,"kind":"epoch"})", &error));
    QVERIFY(error.contains(QLatin1String("newer")));
    QVERIFY(!ProgressEvent::fromJsonLine(R"({"schema":1,"kind":"teleport"})", &error));
    QVERIFY(error.contains(QLatin1String("teleport")));
}

void TestProgressEvent::writerAppendsFlushedLinesToItsLog()
{
    QTemporaryDir dir;
    const QString log = dir.filePath(QStringLiteral("runs/a/job.jsonl"));
    QString text;
    QTextStream stream(&text);
    {
        JsonlProgressWriter writer(&stream);
        writer.appendTo(log);
        const ProgressSink sink = writer.sink();
        sink(ProgressEvent::started(QStringLiteral("train")));
        sink(ProgressEvent::progress(QStringLiteral("train"), 1, 2, QStringLiteral("epochs")));
        // Flushed per event: a reader sees both lines while the writer is still open.
        QFile f(log);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll().count('\n'), 2);
    }
    QCOMPARE(text.count(QLatin1Char('\n')), 2);
    // Appending keeps earlier lines (a resumed job adds to its log).
    JsonlProgressWriter again(nullptr);
    again.appendTo(log);
    again.write(ProgressEvent::finished(QStringLiteral("train")));
    QFile f(log);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = f.readAll().split('\n');
    QCOMPARE(lines.size(), 4); // three lines and the empty rest
    QCOMPARE(ProgressEvent::fromJsonLine(lines[2])->kind, EventKind::Finished);
    // An unwritable log is an error that names it.
    JsonlProgressWriter blocked(nullptr);
    QVERIFY_THROWS_EXCEPTION(Error, blocked.appendTo(QStringLiteral("/proc/no/such/job.jsonl")));
}

void TestProgressEvent::etaFollowsTheRate()
{
    const EtaEstimator eta;
    QCOMPARE(eta.secondsLeft(0, 10), -1.0);
    QTest::qSleep(200);
    const double left = eta.secondsLeft(2, 10); // 2 done in ≥ 0.2 s: 8 more take ≥ 0.8 s
    QVERIFY2(left >= 0.75 && left < 5, qPrintable(QString::number(left)));
    QCOMPARE(eta.secondsLeft(10, 10), 0.0);
}

QTEST_GUILESS_MAIN(TestProgressEvent)
#include "tst_progressevent.moc"
