// Data-parallel training on c10d/Gloo over loopback: 2 processes reach what 1 process reaches
// when it accumulates the same slides per step; a killed rank fails the job with its number and
// leaves a checkpoint that resumes with another number of processes; launch variables parse.
#include "common/Error.h"
#include "support/CliRunner.h"
#include "train/ProcessGroup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace tessera;

namespace {

// The epochs of a run's metrics.csv: column name → values.
QMap<QString, QList<double>> readMetrics(const QString& run)
{
    QFile file(run + QStringLiteral("/metrics.csv"));
    QMap<QString, QList<double>> columns;
    if (!file.open(QIODevice::ReadOnly))
        return columns;
    const QStringList header = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
    while (!file.atEnd()) {
        const QStringList values = QString::fromUtf8(file.readLine()).trimmed().split(QLatin1Char(','));
        for (qsizetype i = 0; i < header.size() && i < values.size(); ++i)
            columns[header[i]] << values[i].toDouble();
    }
    return columns;
}

// The pid of the worker with RANK=`rank` started by `parent`, or 0.
qint64 workerPid(qint64 parent, int rank)
{
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QString text = QString::fromUtf8(stat.readAll());
        const QStringList fields = text.mid(text.lastIndexOf(QLatin1Char(')')) + 2).split(QLatin1Char(' '));
        if (fields.size() < 2 || fields[1].toLongLong() != parent)
            continue;
        QFile environ(QStringLiteral("/proc/%1/environ").arg(pid));
        if (environ.open(QIODevice::ReadOnly) &&
            environ.readAll().split('\0').contains(QByteArray("RANK=") + QByteArray::number(rank)))
            return pid;
    }
    return 0;
}

} // namespace

class TestCliDistributed : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void launchVariablesParse();
    void twoProcessesMatchOneThatAccumulates();
    void aKilledRankFailsTheJobAndTheRunResumesWithOneProcess();

private:
    QStringList trainArguments(const QString& out, int epochs) const;
    QTemporaryDir m_dir;
};

void TestCliDistributed::initTestCase()
{
    const test::CliRun made = test::runCli(
        {QStringLiteral("synth-bags"), QStringLiteral("--out"), m_dir.filePath(QStringLiteral("bags")),
         QStringLiteral("--slides"), QStringLiteral("24"), QStringLiteral("--dim"), QStringLiteral("16"),
         QStringLiteral("--seed"), QStringLiteral("3")});
    QVERIFY2(made.exitCode == 0, qPrintable(made.err));
}

QStringList TestCliDistributed::trainArguments(const QString& out, int epochs) const
{
    return {QStringLiteral("train"),
            QStringLiteral("--features"),
            m_dir.filePath(QStringLiteral("bags/features")),
            QStringLiteral("--labels"),
            m_dir.filePath(QStringLiteral("bags/labels.csv")),
            QStringLiteral("--folds"),
            QStringLiteral("3"),
            QStringLiteral("--fold"),
            QStringLiteral("0"),
            QStringLiteral("--model"),
            QStringLiteral("srmil"),
            QStringLiteral("--epochs"),
            QString::number(epochs),
            QStringLiteral("--slides-per-step"),
            QStringLiteral("2"),
            QStringLiteral("--out"),
            out};
}

void TestCliDistributed::launchVariablesParse()
{
    for (const char* name : {"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "LOCAL_RANK", "SLURM_PROCID",
                             "SLURM_NTASKS", "SLURM_LOCALID", "SLURM_NODELIST"})
        qunsetenv(name);
    QVERIFY_THROWS_EXCEPTION(core::Error, core::DistributedLaunch::fromEnvironment());
    qputenv("SLURM_PROCID", "3");
    qputenv("SLURM_NTASKS", "8");
    qputenv("SLURM_LOCALID", "1");
    qputenv("SLURM_NODELIST", "gpu[07-10,12],cpu1");
    core::DistributedLaunch slurm = core::DistributedLaunch::fromEnvironment();
    QCOMPARE(slurm.rank, 3);
    QCOMPARE(slurm.worldSize, 8);
    QCOMPARE(slurm.localRank, 1);
    QCOMPARE(slurm.masterAddress, QStringLiteral("gpu07"));
    QCOMPARE(slurm.masterPort, 29500);
    qputenv("RANK", "1"); // torchrun's variables win
    qputenv("WORLD_SIZE", "2");
    qputenv("MASTER_ADDR", "10.0.0.5");
    qputenv("MASTER_PORT", "23456");
    const core::DistributedLaunch torchrun = core::DistributedLaunch::fromEnvironment();
    QCOMPARE(torchrun.rank, 1);
    QCOMPARE(torchrun.worldSize, 2);
    QCOMPARE(torchrun.masterAddress, QStringLiteral("10.0.0.5"));
    QCOMPARE(torchrun.masterPort, 23456);
    qputenv("RANK", "2"); // not below the world size
    QVERIFY_THROWS_EXCEPTION(core::Error, core::DistributedLaunch::fromEnvironment());
    for (const char* name : {"RANK", "WORLD_SIZE", "MASTER_ADDR", "MASTER_PORT", "SLURM_PROCID",
                             "SLURM_NTASKS", "SLURM_LOCALID", "SLURM_NODELIST"})
        qunsetenv(name);
    QCOMPARE(core::DistributedLaunch::firstSlurmHost(QStringLiteral("node5")), QStringLiteral("node5"));
    QVERIFY(core::freeLocalPort() > 0);
}

void TestCliDistributed::twoProcessesMatchOneThatAccumulates()
{
    const QString one = m_dir.filePath(QStringLiteral("one"));
    const QString two = m_dir.filePath(QStringLiteral("two"));
    const test::CliRun single =
        test::runCli(trainArguments(one, 4) << QStringLiteral("--threads") << QStringLiteral("1"));
    QVERIFY2(single.exitCode == 0, qPrintable(single.err));
    const test::CliRun pair =
        test::runCli(trainArguments(two, 4) << QStringLiteral("--nproc") << QStringLiteral("2")
                                            << QStringLiteral("--threads") << QStringLiteral("2"));
    QVERIFY2(pair.exitCode == 0, qPrintable(pair.err));
    const auto a = readMetrics(one + QStringLiteral("/fold_0"));
    const auto b = readMetrics(two + QStringLiteral("/fold_0"));
    QCOMPARE(b.value(QStringLiteral("epoch")).size(), 4);
    for (const char* column : {"train_loss", "val_loss", "term_ce_full", "term_sce"})
        for (int e = 0; e < 4; ++e) {
            const double x = a.value(QLatin1String(column)).value(e),
                         y = b.value(QLatin1String(column)).value(e);
            QVERIFY2(std::abs(x - y) <= 1e-5 * std::max(1.0, std::abs(x)),
                     qPrintable(QStringLiteral("%1 epoch %2: %3 vs %4")
                                    .arg(QLatin1String(column))
                                    .arg(e + 1)
                                    .arg(x)
                                    .arg(y)));
        }
    // Only rank 0 wrote: one result, and the job's output is rank 0's alone.
    QVERIFY(QFile::exists(two + QStringLiteral("/fold_0/result.json")));
    QCOMPARE(pair.out.count(QStringLiteral("epoch 4/4")), 1);
}

void TestCliDistributed::aKilledRankFailsTheJobAndTheRunResumesWithOneProcess()
{
    const int epochs = 12;
    const QString reference = m_dir.filePath(QStringLiteral("reference"));
    const test::CliRun straight =
        test::runCli(trainArguments(reference, epochs) << QStringLiteral("--threads") << QStringLiteral("1"));
    QVERIFY2(straight.exitCode == 0, qPrintable(straight.err));

    const QString run = m_dir.filePath(QStringLiteral("interrupted"));
    QProcess launcher;
    launcher.start(QStringLiteral(TESSERA_CLI), trainArguments(run, epochs)
                                                    << QStringLiteral("--nproc") << QStringLiteral("2"));
    QVERIFY(launcher.waitForStarted());
    // Once rank 0 has checkpointed an epoch, kill rank 1 without warning.
    QVERIFY(QTest::qWaitFor(
        [&] {
            return readMetrics(run + QStringLiteral("/fold_0")).value(QStringLiteral("epoch")).size() >= 2;
        },
        120000));
    const qint64 rank1 = workerPid(launcher.processId(), 1);
    QVERIFY(rank1 > 0);
    ::kill(pid_t(rank1), SIGKILL);
    QVERIFY(launcher.waitForFinished(120000));
    QCOMPARE(launcher.exitCode(), 1);
    const QString err = QString::fromUtf8(launcher.readAllStandardError());
    QVERIFY2(err.contains(QLatin1String("rank 1 of 2 was killed")), qPrintable(err));
    const int done = int(readMetrics(run + QStringLiteral("/fold_0")).value(QStringLiteral("epoch")).size());
    QVERIFY2(done < epochs, "the kill came too late to test resuming");

    // The same command with one process resumes from rank 0's last checkpoint to the same end.
    const test::CliRun resumed =
        test::runCli(trainArguments(run, epochs) << QStringLiteral("--threads") << QStringLiteral("1"));
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    const auto a = readMetrics(reference + QStringLiteral("/fold_0"));
    const auto b = readMetrics(run + QStringLiteral("/fold_0"));
    QCOMPARE(b.value(QStringLiteral("epoch")).size(), epochs);
    for (int e = 0; e < epochs; ++e) {
        const double x = a.value(QStringLiteral("train_loss")).value(e),
                     y = b.value(QStringLiteral("train_loss")).value(e);
        QVERIFY2(std::abs(x - y) <= 1e-4 * std::max(1.0, std::abs(x)),
                 qPrintable(QStringLiteral("epoch %1: %2 vs %3").arg(e + 1).arg(x).arg(y)));
    }
}

QTEST_GUILESS_MAIN(TestCliDistributed)
#include "tst_cli_distributed.moc"
