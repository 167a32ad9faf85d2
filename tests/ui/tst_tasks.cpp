// The GUI's task runner and what runs on it: results come back on the GUI thread, an owner's end
// cancels its tasks and drops their results, exceptions become words, progress is listed; the
// training dialog opens at once while a slow nvidia-smi is asked for the GPUs.
#include "tasks/ComputeDeviceCache.h"
#include "tasks/TaskRunner.h"
#include "training/TrainingDialog.h"

#include "project/Project.h"

#include <QComboBox>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QTemporaryDir>
#include <QtTest>

#include <thread>

using namespace tessera;

class TestTasks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aResultComesBackOnTheGuiThread();
    void anOwnersEndCancelsItsTasksAndDropsTheirResults();
    void errorsBecomeWordsAndProgressIsListed();
    void theTrainingDialogOpensWhileTheGpusAreStillBeingProbed();

private:
    QTemporaryDir m_dir;
};

void TestTasks::initTestCase()
{
    // A stand-in nvidia-smi that takes 1 s (the probe waits up to 3), and two CUDA devices forced through the
    // test hook: the slow path of a GPU machine, here.
    const QString bin = m_dir.filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    QFile smi(bin + QStringLiteral("/nvidia-smi"));
    QVERIFY(smi.open(QIODevice::WriteOnly));
    smi.write("#!/bin/sh\nsleep 1\necho '0, Test GPU, 1000'\necho '1, Test GPU, 2000'\n");
    smi.close();
    smi.setPermissions(smi.permissions() | QFileDevice::ExeOwner);
    qputenv("PATH", (bin + QLatin1Char(':')).toUtf8() + qgetenv("PATH"));
    qputenv("TESSERA_TEST_CUDA_DEVICES", "2");
}

void TestTasks::aResultComesBackOnTheGuiThread()
{
    QObject owner;
    std::optional<int> got;
    Qt::HANDLE workerThread = nullptr, doneThread = nullptr;
    const quint64 id = ui::TaskRunner::instance().run(
        &owner, QStringLiteral("adding"),
        [&workerThread](ui::TaskControl&) {
            workerThread = QThread::currentThreadId();
            return 40 + 2;
        },
        [&](ui::TaskResult<int> result) {
            doneThread = QThread::currentThreadId();
            got = result.value;
        });
    QVERIFY(ui::TaskRunner::instance().isRunning(id));
    QTRY_VERIFY(got.has_value());
    QCOMPARE(*got, 42);
    QVERIFY(workerThread != QThread::currentThreadId());
    QCOMPARE(doneThread, QThread::currentThreadId());
    QVERIFY(!ui::TaskRunner::instance().isRunning(id));
}

void TestTasks::anOwnersEndCancelsItsTasksAndDropsTheirResults()
{
    std::atomic<bool> sawCancel{false}, started{false};
    bool delivered = false;
    auto owner = std::make_unique<QObject>();
    const quint64 id = ui::TaskRunner::instance().run(
        owner.get(), QStringLiteral("waiting"),
        [&](ui::TaskControl& control) {
            started = true;
            while (!control.isCancelled())
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            sawCancel = true;
        },
        [&](ui::TaskResult<std::monostate>) { delivered = true; });
    QTRY_VERIFY(started.load());
    QCOMPARE(ui::TaskRunner::instance().running().size(), 1);
    owner.reset(); // a tab closed
    QVERIFY(!ui::TaskRunner::instance().isRunning(id));
    QTRY_VERIFY(sawCancel.load());
    QTest::qWait(50);
    QVERIFY(!delivered);
    QCOMPARE(ui::TaskRunner::instance().count(), 0);
}

void TestTasks::errorsBecomeWordsAndProgressIsListed()
{
    QObject owner;
    std::optional<ui::TaskResult<int>> outcome;
    std::atomic<bool> release{false};
    ui::TaskRunner::instance().run(
        &owner, QStringLiteral("failing"),
        [&](ui::TaskControl& control) -> int {
            control.setProgress(0.25, QStringLiteral("a quarter"));
            while (!release)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
            throw core::Error(QStringLiteral("slide.svs is truncated"));
        },
        [&](ui::TaskResult<int> result) { outcome = result; });
    QTRY_VERIFY(!ui::TaskRunner::instance().running().isEmpty() &&
                ui::TaskRunner::instance().running().front().progress == 0.25);
    QCOMPARE(ui::TaskRunner::instance().running().front().name, QStringLiteral("failing"));
    QCOMPARE(ui::TaskRunner::instance().running().front().text, QStringLiteral("a quarter"));
    release = true;
    QTRY_VERIFY(outcome.has_value());
    QVERIFY(!outcome->ok());
    QCOMPARE(outcome->error, QStringLiteral("slide.svs is truncated"));
}

void TestTasks::theTrainingDialogOpensWhileTheGpusAreStillBeingProbed()
{
    const auto project = core::Project::create(m_dir.filePath(QStringLiteral("project")));
    ui::ComputeDeviceCache& cache = ui::ComputeDeviceCache::instance();
    QVERIFY(!cache.isReady());
    ui::TrainingDialog dialog(*project);
    // Open at once: the CPU to choose, the GPUs announced, the probe still running.
    QVERIFY(!cache.isReady());
    QComboBox* devices = dialog.deviceBox();
    QCOMPARE(devices->itemData(0).toString(), QStringLiteral("cpu"));
    QCOMPARE(devices->itemText(devices->count() - 1), QStringLiteral("Looking for GPUs…"));
    QVERIFY(!qobject_cast<QStandardItemModel*>(devices->model())->item(devices->count() - 1)->isEnabled());
    QVERIFY(!dialog.processesBox()->isVisibleTo(&dialog));
    // nvidia-smi answers after its 1 s: both GPUs join, data-parallel processes become possible.
    QSignalSpy ready(&cache, &ui::ComputeDeviceCache::ready);
    QVERIFY(ready.wait(15000));
    QCOMPARE(devices->count(), 3);
    QCOMPARE(devices->itemData(1).toString(), QStringLiteral("cuda:0"));
    QVERIFY2(devices->itemText(2).contains(QLatin1String("Test GPU")), qPrintable(devices->itemText(2)));
    QVERIFY(dialog.processesBox()->isVisibleTo(&dialog));
    QCOMPARE(dialog.processesBox()->maximum(), 2);
    QCOMPARE(dialog.localGpuCount(), 2);
    // Probed once: a second dialog has them at once.
    ui::TrainingDialog second(*project);
    QCOMPARE(second.deviceBox()->count(), 3);
}

QTEST_MAIN(TestTasks)
#include "tst_tasks.moc"
