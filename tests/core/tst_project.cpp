// The project database: created, opened, refused when it is not ours or too new, migrated from
// the first schema; slides added and recognised by fingerprint; labels and splits through CLAM
// CSVs; runs and jobs recorded and settled; committed rows survive a SIGKILL; two writers wait
// for each other.
#include "common/Error.h"
#include "jobs/JsonlProgressWriter.h"
#include "project/Project.h"
#include "project/ProjectSchema.h"
#include "project/RunRecorder.h"
#include "project/ViewLayout.h"
#include "support/ErrorMessage.h"

#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

#include <cmath>

using namespace tessera::core;

namespace {

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

// A stand-in slide file: the catalogue fingerprints files, it does not open them.
QString fakeSlide(const QString& path, char fill, int bytes = 3000)
{
    write(path, QByteArray(bytes, fill));
    return path;
}

} // namespace

class TestProject : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void viewLayoutRoundTripsAndRefusesDamage();
    void runsFromBeforeSchema4ReadTheirResultOnce();
    void createOpenAndRefuse();
    void migratesFromTheFirstSchema();
    void slidesAreRecognisedByFingerprint();
    void pathsStayRelativeSoTheProjectMoves();
    void labelsAndSplitsThroughClamCsvs();
    void runsAreRecordedFromTrainingEvents();
    void deadRunsAndJobsAreSettledFromTheirLogs();
    void committedRowsSurviveAKill();
    void savedAnnotationsSurviveAKill();
    void twoWritersWaitForEachOther();
    void nestedTransactionsAreSavepoints();
};

void TestProject::createOpenAndRefuse()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("p"));
    QVERIFY(!Project::exists(folder));
    {
        const auto project = Project::create(folder);
        QCOMPARE(project->database().schemaVersion(), ProjectSchema::latestVersion());
        QCOMPARE(project->name(), QStringLiteral("p"));
        QCOMPARE(project->database().scalar(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(project->database().scalar(QStringLiteral("PRAGMA foreign_keys")).toInt(), 1);
    }
    QVERIFY(Project::exists(folder));
    QVERIFY(tessera::test::errorMessageOf([&] {
                Project::create(folder);
            }).contains(QLatin1String("already a Tessera project")));
    QVERIFY(Project::open(folder));
    QVERIFY(Project::open(folder + QStringLiteral("/project.sqlite"))); // the file itself opens too

    // Not a project.
    QVERIFY(tessera::test::errorMessageOf([&] {
                Project::open(dir.filePath(QStringLiteral("nothing")));
            }).contains(QLatin1String("is not a Tessera project")));
    // Damaged: a text file under the database's name.
    const QString damaged = dir.filePath(QStringLiteral("damaged"));
    write(damaged + QStringLiteral("/project.sqlite"), QByteArray(8192, 'x'));
    const QString why = tessera::test::errorMessageOf([&] { Project::open(damaged); });
    QVERIFY2(why.contains(damaged) && why.contains(QLatin1String("not a usable project database")),
             qPrintable(why));
    // Foreign: another program's SQLite database.
    const QString foreign = dir.filePath(QStringLiteral("foreign"));
    QDir().mkpath(foreign);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(foreign + QStringLiteral("/project.sqlite"));
        QVERIFY(db.open());
        QVERIFY(QSqlQuery(db).exec(QStringLiteral("CREATE TABLE photos (id INTEGER)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    QVERIFY(tessera::test::errorMessageOf([&] {
                Project::open(foreign);
            }).contains(QLatin1String("another program")));
    // Newer: a schema this program does not know.
    {
        const auto project = Project::open(folder);
        project->database().exec(
            QStringLiteral("PRAGMA user_version = %1").arg(ProjectSchema::latestVersion() + 1));
    }
    const QString newer = tessera::test::errorMessageOf([&] { Project::open(folder); });
    QVERIFY2(newer.contains(QLatin1String("newer Tessera")), qPrintable(newer));
}

void TestProject::migratesFromTheFirstSchema()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("project.sqlite"));
    {
        // A database as the first schema left it, with a run in it.
        const auto v1 = ProjectDatabase::openAt(path, 1);
        QCOMPARE(v1->schemaVersion(), 1);
        v1->exec(QStringLiteral(
            "INSERT INTO runs (name, folder, model, config, status, created_at)"
            " VALUES ('old', 'runs/old', 'abmil', '{}', 'finished', '2026-01-01T00:00:00.000Z')"));
        QVERIFY(
            !v1->scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'jobs'")).toInt());
    }
    const auto project = Project::open(dir.path());
    QCOMPARE(project->database().schemaVersion(), ProjectSchema::latestVersion());
    const auto old = project->runs().find(QStringLiteral("old"));
    QVERIFY(old);
    QCOMPARE(old->model, QStringLiteral("abmil"));
    QVERIFY(std::isnan(old->validationAuc)); // a column added by the migration, empty for old rows
    QVERIFY(project->jobs().list().empty()); // a table added by the migration
    QCOMPARE(project->database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
             QStringLiteral("ok"));
}

void TestProject::slidesAreRecognisedByFingerprint()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    const QString a = fakeSlide(dir.filePath(QStringLiteral("in/a.svs")), 'a');
    fakeSlide(dir.filePath(QStringLiteral("in/sub/b.tiff")), 'b');
    write(dir.filePath(QStringLiteral("in/notes.txt")), "not a slide");
    AddReport r = project->slides().add({dir.filePath(QStringLiteral("in"))}); // a folder, recursively
    QCOMPARE(r.added, QStringList({QStringLiteral("a"), QStringLiteral("b")}));
    QVERIFY(r.failed.isEmpty());
    // Again: the same files are already there.
    r = project->slides().add({a});
    QVERIFY(r.added.isEmpty());
    QCOMPARE(r.present, QStringList{QStringLiteral("a")});
    // Moved: the same content elsewhere, the old file gone → the path follows.
    const QString moved = dir.filePath(QStringLiteral("elsewhere/a.svs"));
    QDir().mkpath(QFileInfo(moved).absolutePath());
    QVERIFY(QFile::rename(a, moved));
    QVERIFY(project->slides().find(QStringLiteral("a"))->missing);
    r = project->slides().add({moved});
    QCOMPARE(r.relocated, QStringList{QStringLiteral("a")});
    QCOMPARE(project->slides().find(QStringLiteral("a"))->path, moved);
    QVERIFY(!project->slides().find(QStringLiteral("a"))->missing);
    // Another file under a name the project has: refused with both paths.
    const QString clash = fakeSlide(dir.filePath(QStringLiteral("other/a.svs")), 'z');
    r = project->slides().add({clash, dir.filePath(QStringLiteral("no-such.svs"))});
    QCOMPARE(r.failed.size(), 2);
    QVERIFY(std::ranges::any_of(r.failed,
                                [&](const QString& f) { return f.contains(clash) && f.contains(moved); }));
    QVERIFY(std::ranges::any_of(
        r.failed, [](const QString& f) { return f.contains(QLatin1String("does not exist")); }));
    QCOMPARE(project->slides().count(), 2);
    // The fingerprint is size + time + hash of the head.
    const SlideRecord b = *project->slides().find(QStringLiteral("b"));
    QCOMPARE(b.fingerprint.size, 3000);
    QCOMPARE(b.fingerprint.headHash.size(), 40);
}

void TestProject::pathsStayRelativeSoTheProjectMoves()
{
    QTemporaryDir dir;
    const QString before = dir.filePath(QStringLiteral("before"));
    {
        const auto project = Project::create(before);
        project->slides().add({fakeSlide(before + QStringLiteral("/slides/s1.svs"), '1')});
        RunStart start;
        start.folder = before + QStringLiteral("/runs/r1");
        start.model = QStringLiteral("srmil");
        project->runs().startRun(start);
        QCOMPARE(project->database().scalar(QStringLiteral("SELECT path FROM slides")).toString(),
                 QStringLiteral("slides/s1.svs"));
    }
    const QString after = dir.filePath(QStringLiteral("after"));
    QVERIFY(QDir().rename(before, after));
    const auto project = Project::open(after);
    const SlideRecord s = *project->slides().find(QStringLiteral("s1"));
    QCOMPARE(s.path, after + QStringLiteral("/slides/s1.svs"));
    QVERIFY(!s.missing);
    QCOMPARE(project->runs().find(QStringLiteral("r1"))->folder, after + QStringLiteral("/runs/r1"));
}

void TestProject::labelsAndSplitsThroughClamCsvs()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    QStringList files;
    for (int i = 0; i < 6; ++i)
        files << fakeSlide(dir.filePath(QStringLiteral("s/slide_%1.svs").arg(i)), char('a' + i));
    project->slides().add(files);
    const QString labels = dir.filePath(QStringLiteral("labels.csv"));
    write(labels, "case_id,slide_id,label\nc0,slide_0,tumour\nc1,slide_1,normal\nc2,slide_2,tumour\n"
                  "c3,slide_3,normal\nc4,slide_4,tumour\nc5,slide_5,normal\nc9,ghost,normal\n");
    const ImportReport imported = project->slides().importLabels(labels);
    QCOMPARE(imported.applied, 6);
    QCOMPARE(imported.unknown, QStringList{QStringLiteral("ghost")});
    QCOMPARE(project->slides().find(QStringLiteral("slide_4"))->label, QStringLiteral("tumour"));
    // In-place editing, as the Project dock does.
    project->slides().setLabel(QStringLiteral("slide_5"), QStringLiteral("tumour"));
    project->slides().setLabel(QStringLiteral("slide_1"), QString());
    const LabelTable table = project->slides().labelTable();
    QCOMPARE(table.slideIds.size(), 5);
    QCOMPARE(table.classNames, QStringList({QStringLiteral("normal"), QStringLiteral("tumour")}));
    // Round trip through CSV.
    const QString exported = dir.filePath(QStringLiteral("out/labels.csv"));
    QDir().mkpath(QFileInfo(exported).absolutePath());
    project->slides().exportLabels(exported);
    QCOMPARE(LabelTable::readCsv(exported).slideIds, table.slideIds);
    // A malformed file changes nothing.
    write(labels, "slide_id,label\nslide_0\n");
    QVERIFY(tessera::test::errorMessageOf([&] {
                project->slides().importLabels(labels);
            }).contains(QLatin1String("line 2")));
    QCOMPARE(project->slides().find(QStringLiteral("slide_0"))->label, QStringLiteral("tumour"));

    const QString splits = dir.filePath(QStringLiteral("splits_0.csv"));
    write(splits, ",train,val,test\n0,slide_0,slide_2,slide_4\n1,slide_1,slide_3,slide_5\n2,slide_9,,\n");
    const ImportReport split = project->slides().importSplit(splits, QStringLiteral("fold_0"));
    QCOMPARE(split.applied, 6);
    QCOMPARE(split.unknown, QStringList{QStringLiteral("slide_9")});
    QCOMPARE(project->slides().splitNames(), QStringList{QStringLiteral("fold_0")});
    QCOMPARE(project->slides().split(QStringLiteral("fold_0")).val,
             QStringList({QStringLiteral("slide_2"), QStringLiteral("slide_3")}));
    const std::vector<SlideRecord> listed = project->slides().list(QStringLiteral("fold_0"));
    QCOMPARE(listed[4].part, QStringLiteral("test"));
    const QString again = dir.filePath(QStringLiteral("out/splits.csv"));
    project->slides().exportSplit(QStringLiteral("fold_0"), again);
    QCOMPARE(Split::readClamCsv(again).test, project->slides().split(QStringLiteral("fold_0")).test);
    QVERIFY(tessera::test::errorMessageOf([&] {
                project->slides().split(QStringLiteral("nope"));
            }).contains(QLatin1String("no split")));
}

void TestProject::runsAreRecordedFromTrainingEvents()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    RunStart parentStart;
    parentStart.folder = project->runsFolder() + QStringLiteral("/parent");
    parentStart.model = QStringLiteral("srmil");
    project->runs().startRun(parentStart);
    RunStart start;
    start.folder = project->runsFolder() + QStringLiteral("/child");
    start.model = QStringLiteral("srmil");
    start.config = QJsonObject{{QStringLiteral("epochs"), 2}};
    start.parentFolder = parentStart.folder;
    start.command = {QStringLiteral("train"), QStringLiteral("--project"), project->folder()};
    RunRecorder recorder(*project, start);
    recorder.record(
        ProgressEvent::started(QStringLiteral("train"), {{QStringLiteral("device"), QStringLiteral("cpu")}}));
    RunRecord r = *project->runs().find(QStringLiteral("child"));
    QCOMPARE(r.status, RunStatus::kRunning);
    QCOMPARE(r.pid, QCoreApplication::applicationPid());
    QCOMPARE(r.device, QStringLiteral("cpu"));
    QCOMPARE(r.parentName, QStringLiteral("parent"));
    QCOMPARE(r.command, start.command);
    for (int epoch = 1; epoch <= 2; ++epoch) {
        ProgressEvent e;
        e.kind = EventKind::Epoch;
        e.epoch = epoch;
        e.epochs = 2;
        e.losses = {{QStringLiteral("train"), 1.0 / epoch}, {QStringLiteral("sce"), 0.5 / epoch}};
        e.metrics = {{QStringLiteral("val_auc"), 0.6 + 0.1 * epoch}, {QStringLiteral("val_loss"), 0.7}};
        recorder.record(e);
    }
    RunResult result;
    result.bestEpoch = 2;
    result.epochsRun = 2;
    result.validation.macroAuc = 0.8;
    recorder.record(ProgressEvent::finished(QStringLiteral("train"), result.toJson()));
    r = *project->runs().find(QStringLiteral("child"));
    QCOMPARE(r.status, RunStatus::kFinished);
    QCOMPARE(r.bestEpoch, 2);
    QCOMPARE(r.validationAuc, 0.8);
    QVERIFY(std::isnan(r.testAuc));
    const std::vector<EpochRecord> epochs = project->runs().epochs(r.id);
    QCOMPARE(epochs.size(), std::size_t(2));
    QCOMPARE(epochs[1].trainLoss, 0.5);
    QCOMPARE(epochs[1].terms.at(QStringLiteral("sce")), 0.25);
    QCOMPARE(epochs[1].validationAuc, 0.8);
    // Deleting the parent keeps the child (its parent is forgotten).
    project->runs().remove(project->runs().find(QStringLiteral("parent"))->id);
    QVERIFY(project->runs().find(QStringLiteral("child"))->parentName.isEmpty());
}

void TestProject::deadRunsAndJobsAreSettledFromTheirLogs()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    // A process that has ended: a child that exits at once.
    QProcess gone;
    gone.start(QStringLiteral("/bin/true"));
    QVERIFY(gone.waitForFinished());
    const qint64 deadPid = gone.processId() > 0 ? gone.processId() : 999999;
    RunStart start;
    start.folder = project->runsFolder() + QStringLiteral("/killed");
    start.model = QStringLiteral("srmil");
    RunRecorder recorder(*project, start);
    recorder.record(ProgressEvent::started(QStringLiteral("train")));
    project->database().exec(QStringLiteral("UPDATE runs SET pid = %1").arg(deadPid));
    // Its log ends with an epoch (killed mid-run, no last word).
    {
        JsonlProgressWriter log(nullptr);
        log.appendTo(RunFolder(start.folder).logPath());
        log.write(ProgressEvent::started(QStringLiteral("train")));
    }
    QCOMPARE(project->runs().reconcile(), 1);
    const RunRecord r = *project->runs().find(QStringLiteral("killed"));
    QCOMPARE(r.status, RunStatus::kFailed);
    QVERIFY2(r.message.contains(QLatin1String("without reporting why")), qPrintable(r.message));

    // Jobs: one finished while nobody watched, one failed with its reason, one vanished.
    const auto job = [&](const QString& name, const std::vector<ProgressEvent>& events) {
        const QString log = dir.filePath(name + QStringLiteral(".jsonl"));
        JsonlProgressWriter writer(nullptr);
        writer.appendTo(log);
        for (const ProgressEvent& e : events)
            writer.write(e);
        const qint64 id =
            project->jobs().enqueue(QStringLiteral("train"), name, {}, QStringLiteral("cpu"), log);
        project->jobs().markStarted(id, deadPid, 0);
        return id;
    };
    const qint64 finished = job(QStringLiteral("a"), {ProgressEvent::started(QStringLiteral("train")),
                                                      ProgressEvent::finished(QStringLiteral("train"))});
    const qint64 failed = job(QStringLiteral("b"),
                              {ProgressEvent::failed(QStringLiteral("train"), QStringLiteral("disk full"))});
    const qint64 vanished = job(QStringLiteral("c"), {ProgressEvent::started(QStringLiteral("train"))});
    QCOMPARE(project->jobs().reconcile().size(), std::size_t(3));
    QCOMPARE(project->jobs().find(finished)->status, RunStatus::kFinished);
    QCOMPARE(project->jobs().find(failed)->message, QStringLiteral("disk full"));
    QCOMPARE(project->jobs().find(vanished)->status, RunStatus::kFailed);
    QVERIFY(project->jobs().find(vanished)->message.contains(QLatin1String("without reporting why")));
}

void TestProject::committedRowsSurviveAKill()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("p"));
    Project::create(folder);
    for (int round = 0; round < 3; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(TESSERA_PROJECT_WRITER), {folder});
        QVERIFY(writer.waitForStarted());
        // Let it commit a while (a different moment each round), then kill it mid-write.
        int committed = 0;
        const int wanted = 20 + 37 * round;
        while (committed < wanted && writer.waitForReadyRead(20000))
            for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
                if (!line.isEmpty())
                    committed = line.toInt();
        writer.kill();
        QVERIFY(writer.waitForFinished());
        const auto project = Project::open(folder);
        QCOMPARE(project->database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        const qint64 run = project->runs().find(QStringLiteral("writer"))->id;
        const int rows = int(project->runs().epochs(run).size());
        qInfo("round %d: %d committed before the kill, %d rows after", round, committed, rows);
        QVERIFY(committed >= wanted);
        QVERIFY2(rows >= committed, qPrintable(QStringLiteral("%1 < %2").arg(rows).arg(committed)));
        project->database().exec(QStringLiteral("DELETE FROM epoch_metrics"));
    }
}

void TestProject::savedAnnotationsSurviveAKill()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("p"));
    Project::create(folder);
    const QString slide = dir.filePath(QStringLiteral("slide.tiff"));
    QFile f(slide);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 's'));
    f.close();
    for (int round = 0; round < 3; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(TESSERA_PROJECT_WRITER), {folder, QStringLiteral("annotations"), slide});
        QVERIFY(writer.waitForStarted());
        int saved = 0;
        const int wanted = 15 + 23 * round;
        while (saved < wanted && writer.waitForReadyRead(20000))
            for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
                if (!line.isEmpty())
                    saved = line.toInt();
        writer.kill();
        QVERIFY(writer.waitForFinished());
        const auto project = Project::open(folder);
        QCOMPARE(project->database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        const qint64 id = project->annotations().slideIdFor(slide);
        const std::vector<Annotation> back = project->annotations().load(id);
        qInfo("round %d: %d reported saved, %zu annotations after the kill", round, saved, back.size());
        QVERIFY(saved >= wanted);
        QVERIFY2(int(back.size()) >= saved,
                 qPrintable(QStringLiteral("%1 < %2").arg(back.size()).arg(saved)));
        // Every annotation reported saved is whole: a 50 × 50 rectangle (moved by the next edit or not).
        for (const Annotation& a : back)
            QCOMPARE(a.geometry.area(), 2500.0);
        project->database().exec(QStringLiteral("DELETE FROM annotations"));
    }
}

void TestProject::twoWritersWaitForEachOther()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("p"));
    {
        const auto project = Project::create(folder);
        for (const QString& name : {QStringLiteral("one"), QStringLiteral("two")}) {
            RunStart start;
            start.folder = project->runsFolder() + QLatin1Char('/') + name;
            start.model = QStringLiteral("abmil");
            project->runs().startRun(start);
        }
    }
    // Two windows on one project: each its own connection, writing at the same time.
    const auto writeEpochs = [folder](const QString& name) {
        const auto project = Project::open(folder);
        const qint64 run = project->runs().find(name)->id;
        for (int epoch = 1; epoch <= 150; ++epoch) {
            ProjectDatabase::Transaction t(project->database());
            EpochRecord e;
            e.epoch = epoch;
            project->runs().recordEpoch(run, e);
            project->database().scalar(
                QStringLiteral("SELECT count(*) FROM epoch_metrics")); // hold the lock a little
            t.commit();
        }
        return true;
    };
    QFuture<bool> a = QtConcurrent::run(writeEpochs, QStringLiteral("one"));
    QFuture<bool> b = QtConcurrent::run(writeEpochs, QStringLiteral("two"));
    QVERIFY(a.result() && b.result());
    const auto project = Project::open(folder);
    QCOMPARE(project->database().scalar(QStringLiteral("SELECT count(*) FROM epoch_metrics")).toInt(), 300);
}

void TestProject::nestedTransactionsAreSavepoints()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    ProjectDatabase& db = project->database();
    {
        ProjectDatabase::Transaction outer(db);
        RunStart kept;
        kept.folder = project->runsFolder() + QStringLiteral("/kept");
        kept.model = QStringLiteral("abmil");
        project->runs().startRun(kept); // opens a transaction of its own: a savepoint here
        {
            ProjectDatabase::Transaction inner(db);
            RunStart dropped = kept;
            dropped.folder = project->runsFolder() + QStringLiteral("/dropped");
            project->runs().startRun(dropped);
        } // not committed: rolled back to the savepoint
        outer.commit();
    }
    QVERIFY(project->runs().find(QStringLiteral("kept")));
    QVERIFY(!project->runs().find(QStringLiteral("dropped")));
    {
        ProjectDatabase::Transaction outer(db); // the whole of it rolled back
        RunStart gone;
        gone.folder = project->runsFolder() + QStringLiteral("/gone");
        gone.model = QStringLiteral("abmil");
        project->runs().startRun(gone);
    }
    QVERIFY(!project->runs().find(QStringLiteral("gone")));
}

// A run finished before the database kept results: its result.json is read and kept.
void TestProject::runsFromBeforeSchema4ReadTheirResultOnce()
{
    QTemporaryDir dir;
    const auto project = Project::create(dir.filePath(QStringLiteral("p")));
    RunStart start;
    start.folder = project->folder() + QStringLiteral("/runs/old");
    start.model = QStringLiteral("srmil");
    const qint64 id = project->runs().startRun(start);
    RunResult result;
    result.validation = ClassificationMetrics::compute({0.9f, 0.1f, 0.2f, 0.8f}, {0, 1}, 2);
    project->runs().finishRun(id, result);
    RunFolder(start.folder).create();
    RunFolder(start.folder).writeResult(result);
    project->database().exec(QStringLiteral("UPDATE runs SET result = NULL")); // as schema 3 left it
    const RunRecord listed = *project->runs().find(QStringLiteral("old"));
    QVERIFY(listed.result);
    QCOMPARE(listed.result->validation.samples, 2);
    QVERIFY(
        !project->database().scalar(QStringLiteral("SELECT result FROM runs WHERE id = ?"), {id}).isNull());
}

void TestProject::viewLayoutRoundTripsAndRefusesDamage()
{
    QTemporaryDir dir;
    QCOMPARE(readViewLayout(dir.path()), ViewLayout()); // none yet: one view
    ViewLayout layout;
    layout.mode = SplitMode::Four;
    layout.swipePosition = 0.3;
    layout.panes = {{QStringLiteral("srmil"), QStringLiteral("attention"), false, true},
                    {QStringLiteral("abmil"), QStringLiteral("consistency"), true, false}};
    writeViewLayout(dir.path(), layout);
    QCOMPARE(readViewLayout(dir.path()), layout);
    QCOMPARE(ViewLayout::paneCount(SplitMode::Swipe), 2);

    const QString file = dir.filePath(QString::fromLatin1(kViewLayoutFile));
    for (const QByteArray& damage : {QByteArray("{\"mode\": \"four\""), QByteArray("{\"mode\": \"eight\"}"),
                                     QByteArray("{\"mode\": \"two\", \"panes\": [{\"map\": \"colour\"}]}")}) {
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly | QIODevice::Truncate));
        out.write(damage);
        out.close();
        try {
            readViewLayout(dir.path());
            QFAIL(damage.constData());
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(file), qPrintable(error.message()));
        }
    }
}

QTEST_GUILESS_MAIN(TestProject)
#include "tst_project.moc"
