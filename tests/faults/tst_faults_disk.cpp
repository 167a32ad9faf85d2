// Fault suite, full disk and unwritable projects: every writer (features, checkpoints, results,
// reports, the project database) meets a write that fails half-way. Each must say which file and
// why, leave the previous good file as it was and nothing half-written under a final name, and be
// resumable. The disk "fills" through RLIMIT_FSIZE (the child's largest file; SIGXFSZ ignored so a
// write fails with EFBIG), which needs no mount and hits the same failing write() a full disk does.
#include "annotations/Annotation.h"
#include "common/Error.h"
#include "project/AnnotationStore.h"
#include "project/Project.h"
#include "support/CliRunner.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QUuid>
#include <QtTest>

#include <csignal>
#include <sys/resource.h>
#include <unistd.h>

using namespace tessera;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The folder's files, recursively, with their sizes: "nothing changed, nothing left over".
QStringList listing(const QString& dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        files << QDir(dir).relativeFilePath(it.filePath()) + QLatin1Char(' ') +
                     QString::number(it.fileInfo().size());
    }
    files.sort();
    return files;
}

QStringList partials(const QString& dir)
{
    return listing(dir).filter(QStringLiteral(".partial-"));
}

// tessera-cli with its largest file capped at `fileLimit` bytes (0: no cap), or as user nobody.
test::CliRun runCli(const QStringList& arguments, qint64 fileLimit, bool asNobody = false)
{
    QProcess process;
    process.setChildProcessModifier([fileLimit, asNobody] {
        if (fileLimit > 0) {
            std::signal(SIGXFSZ, SIG_IGN); // survives exec: writes fail with EFBIG instead of a kill
            rlimit limit{rlim_t(fileLimit), rlim_t(fileLimit)};
            setrlimit(RLIMIT_FSIZE, &limit);
        }
        if (asNobody && geteuid() == 0) { // root ignores permissions; nobody does not
            [[maybe_unused]] const int g = setgid(65534);
            [[maybe_unused]] const int u = setuid(65534);
        }
    });
    process.start(QStringLiteral(TESSERA_CLI), arguments);
    process.waitForFinished(300000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

// The demo project's training inputs, for the train commands below.
QStringList trainArguments(const QString& demo, const QString& out)
{
    return {QStringLiteral("train"),
            QStringLiteral("--features"),
            demo + QStringLiteral("/features"),
            QStringLiteral("--labels"),
            demo + QStringLiteral("/labels.csv"),
            QStringLiteral("--splits"),
            demo + QStringLiteral("/split.csv"),
            QStringLiteral("--epochs"),
            QStringLiteral("2"),
            QStringLiteral("--out"),
            out};
}

} // namespace

class TestFaultsDisk : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void extractionStopsCleanlyAndResumes();
    void checkpointWriteFailsAndTrainingResumes();
    void resultsKeepThePreviousFile();
    void reportKeepsThePreviousPdf();
    void databaseOpenOnAFullDiskSaysSo();
    void annotationsSavedHalfwayRollBack();
    void aReadOnlyProjectIsNamedAsSuch();
    void aProjectLockedByAnotherProcessIsWaitedForThenNamed();
    void staleTemporariesOfKilledWritersAreRemoved();

private:
    QTemporaryDir m_dir;
    QString m_demo;
};

void TestFaultsDisk::initTestCase()
{
    // Readable by nobody too (the read-only case runs the CLI as nobody when the suite is root).
    QFile::setPermissions(m_dir.path(),
                          QFile::permissions(m_dir.path()) | QFile::ReadOther | QFile::ExeOther);
    m_demo = m_dir.filePath(QStringLiteral("demo"));
    const test::CliRun demo = runCli(
        {QStringLiteral("demo-data"), QStringLiteral("--out"), m_demo, QStringLiteral("--slides"),
         QStringLiteral("4"), QStringLiteral("--width"), QStringLiteral("3000"), QStringLiteral("--height"),
         QStringLiteral("2400"), QStringLiteral("--epochs"), QStringLiteral("1")},
        0);
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    QFile split(m_demo + QStringLiteral("/split.csv"));
    QVERIFY(split.open(QIODevice::WriteOnly));
    split.write(",train,val,test\n0,demo-01-tumour,demo-03-tumour,\n1,demo-02-normal,demo-04-normal,\n");
}

void TestFaultsDisk::extractionStopsCleanlyAndResumes()
{
    const QString slide = m_demo + QStringLiteral("/slides/demo-01-tumour.tiff");
    const auto extract = [&](const QString& out, qint64 limit) {
        return runCli(
            {QStringLiteral("extract"), QStringLiteral("--slides"), slide, QStringLiteral("--out"), out},
            limit);
    };
    const QString reference = m_dir.filePath(QStringLiteral("extract-reference"));
    QCOMPARE(extract(reference, 0).exitCode, 0);
    const QByteArray expected = readAll(reference + QStringLiteral("/demo-01-tumour.h5"));
    QVERIFY(expected.size() > 4096);

    const QString out = m_dir.filePath(QStringLiteral("extract-full"));
    const test::CliRun full = extract(out, expected.size() / 2);
    QCOMPARE(full.exitCode, 1);
    QVERIFY2(full.err.contains(out + QStringLiteral("/demo-01-tumour.h5")) &&
                 full.err.contains(QLatin1String("File too large")),
             qPrintable(full.err));
    QCOMPARE(listing(out), QStringList()); // nothing under the final name, no temporary left
    QCOMPARE(extract(out, 0).exitCode, 0); // resumed once there is room: the same bytes
    QCOMPARE(readAll(out + QStringLiteral("/demo-01-tumour.h5")), expected);
}

void TestFaultsDisk::checkpointWriteFailsAndTrainingResumes()
{
    const QString reference = m_dir.filePath(QStringLiteral("train-reference"));
    QCOMPARE(runCli(trainArguments(m_demo, reference), 0).exitCode, 0);
    const qint64 best = QFileInfo(reference + QStringLiteral("/best.pt")).size();
    const qint64 checkpoint = QFileInfo(reference + QStringLiteral("/checkpoint.pt")).size();
    QVERIFY2(best < checkpoint, "the checkpoint (weights and optimizer) should outgrow the weights");

    const QString run = m_dir.filePath(QStringLiteral("train-full"));
    const test::CliRun full = runCli(trainArguments(m_demo, run), (best + checkpoint) / 2);
    QCOMPARE(full.exitCode, 1); // an error, not an abort from LibTorch's writer
    QVERIFY2(full.err.contains(run + QStringLiteral("/checkpoint.pt")) &&
                 full.err.contains(QLatin1String("File too large")),
             qPrintable(full.err));
    QVERIFY(!QFile::exists(run + QStringLiteral("/checkpoint.pt")));
    QCOMPARE(partials(run), QStringList());
    const test::CliRun resumed = runCli(trainArguments(m_demo, run), 0);
    QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
    QCOMPARE(readAll(run + QStringLiteral("/best.pt")),
             readAll(reference + QStringLiteral("/best.pt"))); // bitwise
}

void TestFaultsDisk::resultsKeepThePreviousFile()
{
    const QString previous = m_dir.filePath(QStringLiteral("previous-results.h5"));
    QVERIFY(QFile::copy(m_demo + QStringLiteral("/predictions/demo-srmil/demo-02-normal.h5"), previous));
    const QByteArray before = readAll(previous);
    const test::CliRun full =
        runCli({QStringLiteral("infer"), QStringLiteral("--run"), m_demo + QStringLiteral("/runs/demo-srmil"),
                QStringLiteral("--features"), m_demo + QStringLiteral("/features/demo-01-tumour.h5"),
                QStringLiteral("--out"), previous},
               before.size() / 2);
    QCOMPARE(full.exitCode, 1);
    QVERIFY2(full.err.contains(previous) && full.err.contains(QLatin1String("File too large")),
             qPrintable(full.err));
    QCOMPARE(readAll(previous), before);
    QCOMPARE(partials(m_dir.path()), QStringList());
}

void TestFaultsDisk::reportKeepsThePreviousPdf()
{
    const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    const QStringList report{
        QStringLiteral("report"),         QStringLiteral("--project"), m_demo, QStringLiteral("--slide"),
        QStringLiteral("demo-01-tumour"), QStringLiteral("--out"),     pdf};
    const test::CliRun first = runCli(report, 0);
    QVERIFY2(first.exitCode == 0, qPrintable(first.err));
    const QByteArray before = readAll(pdf);
    QVERIFY(before.startsWith("%PDF"));
    const test::CliRun full = runCli(report, before.size() / 4);
    QCOMPARE(full.exitCode, 1); // before the fix: "done", and a truncated PDF in place of the good one
    QVERIFY2(full.err.contains(pdf) && full.err.contains(QLatin1String("File too large")),
             qPrintable(full.err));
    QCOMPARE(readAll(pdf), before);
    QCOMPARE(partials(m_dir.path()), QStringList());
}

void TestFaultsDisk::databaseOpenOnAFullDiskSaysSo()
{
    const QStringList folds{QStringLiteral("project"),   QStringLiteral("splits"),
                            QStringLiteral("--project"), m_demo,
                            QStringLiteral("--import"),  m_demo + QStringLiteral("/split.csv"),
                            QStringLiteral("--name"),    QStringLiteral("cv")};
    const QByteArray before = readAll(m_demo + QStringLiteral("/project.sqlite"));
    const test::CliRun full = runCli(folds, 4096); // not even room for the write-ahead log's index
    QCOMPARE(full.exitCode, 1);
    QVERIFY2(full.err.contains(m_demo + QStringLiteral("/project.sqlite")) &&
                 full.err.contains(QLatin1String("free space")) &&
                 !full.err.contains(QLatin1String("backup")),
             qPrintable(full.err));
    QCOMPARE(readAll(m_demo + QStringLiteral("/project.sqlite")), before);
    const test::CliRun roomy = runCli(folds, 0);
    QVERIFY2(roomy.exitCode == 0, qPrintable(roomy.err));
    QVERIFY(core::Project::open(m_demo)->slides().splitNames().contains(QStringLiteral("cv")));
}

void TestFaultsDisk::annotationsSavedHalfwayRollBack()
{
    const auto project = core::Project::open(m_demo);
    core::AnnotationStore& store = project->annotations();
    const qint64 slide = store.slideIdFor(m_demo + QStringLiteral("/slides/demo-02-normal.tiff"));
    core::Annotation kept;
    kept.id = QUuid::createUuid();
    kept.geometry = core::Geometry::rectangle(QRectF(10, 10, 50, 50));
    store.save(slide, {kept}, {});
    std::vector<core::Annotation> many(20000);
    for (int i = 0; i < int(many.size()); ++i) {
        many[std::size_t(i)].id = QUuid::createUuid();
        many[std::size_t(i)].geometry =
            core::Geometry::polygon({QPointF(i, 0), QPointF(i + 40, 3), QPointF(i + 20, 60), QPointF(i, 50)});
    }
    // This process's own files are capped while it saves: the write-ahead log fills up half-way.
    rlimit saved{};
    getrlimit(RLIMIT_FSIZE, &saved);
    const auto previousHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit capped = saved;
    capped.rlim_cur = 256 * 1024;
    setrlimit(RLIMIT_FSIZE, &capped);
    QString message;
    try {
        store.save(slide, many, {});
    } catch (const core::Error& e) {
        message = e.message();
    }
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previousHandler);
    QVERIFY2(message.contains(m_demo + QStringLiteral("/project.sqlite")) &&
                 message.contains(QLatin1String("free")),
             qPrintable(message));
    QCOMPARE(store.count(slide), 1); // all or nothing: the earlier annotation, none of the batch
    QCOMPARE(core::Project::open(m_demo)->annotations().count(slide), 1);
    store.save(slide, many, {}); // with room again, the same save goes through
    QCOMPARE(store.count(slide), 20001);
}

void TestFaultsDisk::aReadOnlyProjectIsNamedAsSuch()
{
    if (geteuid() == 0) // the CLI then runs as nobody, who must reach it through every parent folder
        for (QDir dir = QFileInfo(QStringLiteral(TESSERA_CLI)).dir(); !dir.isRoot(); dir.cdUp())
            if (!QFileInfo(dir.path()).permission(QFile::ExeOther))
                QSKIP(
                    qPrintable(QStringLiteral("user nobody cannot reach tessera-cli: %1 is closed to others")
                                   .arg(dir.path())));
    const QString copy = m_dir.filePath(QStringLiteral("read-only"));
    QDir().mkpath(copy);
    QVERIFY(
        QFile::copy(m_demo + QStringLiteral("/project.sqlite"), copy + QStringLiteral("/project.sqlite")));
    const QByteArray before = readAll(copy + QStringLiteral("/project.sqlite"));
    QFile::setPermissions(copy + QStringLiteral("/project.sqlite"),
                          QFile::ReadOwner | QFile::ReadGroup | QFile::ReadOther);
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup |
                                    QFile::ReadOther | QFile::ExeOther);
    const test::CliRun status = runCli(
        {QStringLiteral("project"), QStringLiteral("status"), QStringLiteral("--project"), copy}, 0, true);
    QFile::setPermissions(copy, QFile::permissions(copy) | QFile::WriteOwner);
    QCOMPARE(status.exitCode, 1);
    QVERIFY2(status.err.contains(copy + QStringLiteral("/project.sqlite")) &&
                 status.err.contains(QLatin1String("read-only")) &&
                 status.err.contains(QLatin1String("writable folder")),
             qPrintable(status.err));
    QCOMPARE(readAll(copy + QStringLiteral("/project.sqlite")), before);
}

void TestFaultsDisk::aProjectLockedByAnotherProcessIsWaitedForThenNamed()
{
    const auto holdLock = [&](int milliseconds, QProcess& holder) {
        holder.start(QStringLiteral(TESSERA_PROJECT_WRITER),
                     {m_demo, QStringLiteral("lock"), QString::number(milliseconds)});
        QVERIFY(holder.waitForReadyRead(30000));
        QCOMPARE(holder.readLine().trimmed(), QByteArray("locked"));
    };
    const auto folds = [&](const QString& name) {
        return runCli({QStringLiteral("project"), QStringLiteral("splits"), QStringLiteral("--project"),
                       m_demo, QStringLiteral("--import"), m_demo + QStringLiteral("/split.csv"),
                       QStringLiteral("--name"), name},
                      0);
    };
    {
        QProcess brief; // a short lock is waited for, as two Tessera windows wait for each other
        holdLock(3000, brief);
        // Still held as the command starts (it cannot write before the holder commits), so
        // succeeding means it waited.
        QCOMPARE(brief.state(), QProcess::Running);
        QElapsedTimer waiting;
        waiting.start();
        const test::CliRun waited = folds(QStringLiteral("waited"));
        QVERIFY2(waited.exitCode == 0, qPrintable(waited.err));
        QVERIFY(brief.waitForFinished(30000));
        QVERIFY2(waiting.elapsed() > 1000, "the command did not wait for the lock");
    }
    QProcess stubborn; // one held past the busy timeout (15 s) is named, with what to do
    holdLock(60000, stubborn);
    const test::CliRun refused = folds(QStringLiteral("refused"));
    stubborn.kill();
    stubborn.waitForFinished();
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(m_demo + QStringLiteral("/project.sqlite")) &&
                 refused.err.contains(QLatin1String("locked")) &&
                 refused.err.contains(QLatin1String("another program")),
             qPrintable(refused.err));
    const QStringList splits = core::Project::open(m_demo)->slides().splitNames();
    QVERIFY(splits.contains(QStringLiteral("waited")));
    QVERIFY(!splits.contains(QStringLiteral("refused")));
}

void TestFaultsDisk::staleTemporariesOfKilledWritersAreRemoved()
{
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForStarted());
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished());
    const QString results = m_dir.filePath(QStringLiteral("stale/results.h5"));
    QDir().mkpath(QFileInfo(results).absolutePath());
    const QString host = QSysInfo::machineHostName();
    const QString dead = results + QStringLiteral(".partial-%1-%2").arg(host).arg(deadPid);
    const QString alive = results + QStringLiteral(".partial-%1-%2").arg(host).arg(getppid());
    const QString otherHost = results + QStringLiteral(".partial-node17-%1").arg(deadPid);
    for (const QString& path : {dead, alive, otherHost}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("half");
    }
    const test::CliRun infer =
        runCli({QStringLiteral("infer"), QStringLiteral("--run"), m_demo + QStringLiteral("/runs/demo-srmil"),
                QStringLiteral("--features"), m_demo + QStringLiteral("/features/demo-01-tumour.h5"),
                QStringLiteral("--out"), results},
               0);
    QVERIFY2(infer.exitCode == 0, qPrintable(infer.err));
    QVERIFY(QFile::exists(results));
    QVERIFY2(!QFile::exists(dead), "a killed writer's temporary outlived the next write");
    QVERIFY2(QFile::exists(alive), "a running writer's temporary was removed");
    QVERIFY2(QFile::exists(otherHost), "another host's temporary was removed (its writer may be running)");
}

QTEST_GUILESS_MAIN(TestFaultsDisk)
#include "tst_faults_disk.moc"
