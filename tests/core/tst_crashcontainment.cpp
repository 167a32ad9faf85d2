// runHelper tells a crash from the helper's other endings: only a crash (or a sanitizer's report) may
// make Tessera call a file damaged; a helper killed from outside, one that cannot start, or one that
// overruns its deadline must each say so (the deadline is the only one of these that no real file
// exercises in the fault suite).
#include "common/CrashContainment.h"

#include <QElapsedTimer>
#include <QtTest>

using namespace tessera::core;
using Ending = HelperOutcome::Ending;

class TestCrashContainment : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endingsAreToldApart_data();
    void endingsAreToldApart();
    void aHelperPastItsDeadlineIsKilled();
    void helpersAreFoundThroughTheEnvironment();
};

void TestCrashContainment::endingsAreToldApart_data()
{
    QTest::addColumn<QString>("script");
    QTest::addColumn<int>("ending");
    QTest::addColumn<QString>("how");
    QTest::newRow("finished") << "exit 0" << int(Ending::Finished) << QString();
    QTest::newRow("segmentation fault") << "kill -SEGV $$" << int(Ending::Crashed) << "killed by signal 11";
    QTest::newRow("abort") << "kill -ABRT $$" << int(Ending::Crashed) << "killed by signal 6";
    QTest::newRow("a sanitizer's report (status 1)") << "exit 1" << int(Ending::Crashed) << "status 1";
    QTest::newRow("killed from outside") << "kill -KILL $$" << int(Ending::Unchecked) << "signal 9";
    QTest::newRow("terminated") << "kill -TERM $$" << int(Ending::Unchecked) << "signal 15";
    QTest::newRow("another status") << "exit 3" << int(Ending::Unchecked) << "status 3";
}

void TestCrashContainment::endingsAreToldApart()
{
    QFETCH(QString, script);
    QFETCH(int, ending);
    QFETCH(QString, how);
    const HelperOutcome outcome = runHelper(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}, 10000);
    QCOMPARE(int(outcome.ending), ending);
    QVERIFY2(outcome.how.contains(how), qPrintable(outcome.how));
}

void TestCrashContainment::aHelperPastItsDeadlineIsKilled()
{
    QElapsedTimer timer;
    timer.start();
    const HelperOutcome outcome = runHelper(QStringLiteral("/bin/sleep"), {QStringLiteral("30")}, 1000);
    QCOMPARE(int(outcome.ending), int(Ending::TimedOut));
    QVERIFY2(outcome.how.contains(QLatin1String("did not finish within 1 s")), qPrintable(outcome.how));
    QVERIFY(timer.elapsed() < 10000); // killed at the deadline, not waited for

    const HelperOutcome missing = runHelper(QStringLiteral("/no/such/helper"), {}, 1000);
    QCOMPARE(int(missing.ending), int(Ending::Unchecked));
    QVERIFY2(missing.how.contains(QLatin1String("could not be started")), qPrintable(missing.how));
}

void TestCrashContainment::helpersAreFoundThroughTheEnvironment()
{
    qputenv("TESSERA_TEST_HELPER", "/bin/sh");
    QCOMPARE(findHelper(QStringLiteral("test-helper")), QStringLiteral("/bin/sh"));
    qputenv("TESSERA_TEST_HELPER", "/no/such/helper");
    QCOMPARE(findHelper(QStringLiteral("test-helper")), QString()); // named but missing: none, not another
    qunsetenv("TESSERA_TEST_HELPER");
    // The build tree's own helper, found from this test's folder (../app).
    QVERIFY(
        findHelper(QStringLiteral("tessera-hdf5-check")).endsWith(QLatin1String("/app/tessera-hdf5-check")));
}

QTEST_GUILESS_MAIN(TestCrashContainment)
#include "tst_crashcontainment.moc"
