// Fault suite, SIGKILL at random moments: each long-running writer (extraction, training with its
// checkpoints, inference recording into the project database, report export, and the database's own
// writes) is killed with SIGKILL at moments drawn from a seeded generator, several times in a row,
// then run to the end. After every kill, whatever lies under a final name is whole; after the last
// run, no temporary is left and the results equal an uninterrupted run's, bitwise where the code is
// deterministic. TESSERA_KILL_SEEDS (default 3) and TESSERA_KILL_FIRST_SEED (default 1) widen the
// search; a failure names its seed and kill times, so it can be replayed.
#include "annotations/Annotation.h"
#include "infer/Predictor.h"
#include "project/AnnotationStore.h"
#include "project/Project.h"
#include "project/RunRegistry.h"
#include "support/CliRunner.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace tessera;

namespace {

constexpr int kKillsPerSeed = 3;

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QStringList filesUnder(const QString& dir, const QString& pattern = QStringLiteral("*"))
{
    QStringList files;
    QDirIterator it(dir, {pattern}, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << QDir(dir).relativeFilePath(it.next());
    files.sort();
    return files;
}

QStringList partials(const QString& dir)
{
    return filesUnder(dir, QStringLiteral("*.partial-*"));
}

void copyTree(const QString& from, const QString& to)
{
    QProcess cp;
    cp.start(QStringLiteral("cp"), {QStringLiteral("-a"), from, to});
    if (!cp.waitForFinished() || cp.exitCode() != 0)
        qFatal("cannot copy %s", qPrintable(from));
}

int envOr(const char* name, int fallback)
{
    bool ok = false;
    const int value = qEnvironmentVariableIntValue(name, &ok);
    return ok ? value : fallback;
}

// Starts tessera-cli and kills it with SIGKILL after `delayMs`, unless it ends first.
// Returns whether the kill landed.
bool killAfter(const QStringList& arguments, qint64 delayMs)
{
    QProcess process;
    process.start(QStringLiteral(TESSERA_CLI), arguments);
    if (!process.waitForStarted())
        qFatal("tessera-cli did not start");
    if (process.waitForFinished(int(std::max<qint64>(1, delayMs))))
        return false;
    process.kill(); // SIGKILL, and never to pid 0 (the whole process group) should it have ended
    process.waitForFinished();
    return true;
}

// A torch archive is a zip file: a whole one ends with the end-of-central-directory record.
bool isWholeArchive(const QByteArray& bytes)
{
    const qsizetype end = bytes.lastIndexOf(QByteArrayLiteral("PK\x05\x06"));
    return end >= 0 && bytes.size() - end >= 22;
}

// metrics.csv without its wall-clock column.
QStringList metricsWithoutTimes(const QString& run)
{
    const QList<QByteArray> lines = readAll(run + QStringLiteral("/metrics.csv")).trimmed().split('\n');
    const int seconds = int(lines.value(0).split(',').indexOf("seconds"));
    QStringList rows;
    for (const QByteArray& line : lines) {
        QList<QByteArray> cells = line.split(',');
        if (seconds >= 0 && seconds < cells.size())
            cells.removeAt(seconds);
        rows << QString::fromUtf8(cells.join(','));
    }
    return rows;
}

// A results file's content, without the run folder's path (each project copy has its own).
QString resultsOf(const QString& path)
{
    const core::Prediction p = core::Prediction::read(path);
    QStringList parts{p.slide, p.model, p.classNames.join(QLatin1Char(',')), p.extractor,
                      QString::number(p.patchStep)};
    for (const std::vector<float>* v : {&p.probabilities, &p.attention, &p.consistency})
        for (const float x : *v)
            parts << QString::number(x, 'g', 9);
    for (const std::int64_t c : p.coords)
        parts << QString::number(c);
    return parts.join(QLatin1Char(' '));
}

bool isWholePdf(const QByteArray& bytes)
{
    return bytes.startsWith("%PDF-") && bytes.trimmed().endsWith("%%EOF");
}

} // namespace

class TestFaultsKill : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void extractionKilledAtRandom_data() { seeds(); }
    void extractionKilledAtRandom();
    void trainingKilledAtRandom_data() { seeds(); }
    void trainingKilledAtRandom();
    void inferenceIntoAProjectKilledAtRandom_data() { seeds(); }
    void inferenceIntoAProjectKilledAtRandom();
    void reportExportKilledAtRandom_data() { seeds(); }
    void reportExportKilledAtRandom();
    void databaseWritesKilledAtRandom_data() { seeds(); }
    void databaseWritesKilledAtRandom();

private:
    void seeds();
    QString projectCopy(const QString& name); // a copy of the demo project in the test's folder
    // Runs `arguments` uninterrupted once, timing it: kills are drawn over that span.
    qint64 timedReference(const QStringList& arguments);
    // Kills `arguments` kKillsPerSeed times at random moments within `spanMs`, calling `check`
    // after each kill, then runs it to the end; a failed last run fails the test. Returns the kill
    // times, for failure messages. Callers return when QTest::currentTestFailed().
    QString killRepeatedly(const QStringList& arguments, qint64 spanMs, const std::function<void()>& check);

    QTemporaryDir m_dir;
    QString m_demo;
    qint64 m_startupMs = 0; // how long tessera-cli takes to start and say nothing
};

void TestFaultsKill::seeds()
{
    QTest::addColumn<int>("seed");
    const int first = envOr("TESSERA_KILL_FIRST_SEED", 1);
    for (int seed = first; seed < first + envOr("TESSERA_KILL_SEEDS", 3); ++seed)
        QTest::addRow("seed %d", seed) << seed;
}

QString TestFaultsKill::projectCopy(const QString& name)
{
    const QString folder = m_dir.filePath(name);
    copyTree(m_demo, folder);
    return folder;
}

void TestFaultsKill::initTestCase()
{
    m_demo = m_dir.filePath(QStringLiteral("demo"));
    const test::CliRun demo = test::runCli(
        {QStringLiteral("demo-data"), QStringLiteral("--out"), m_demo, QStringLiteral("--slides"),
         QStringLiteral("4"), QStringLiteral("--width"), QStringLiteral("3000"), QStringLiteral("--height"),
         QStringLiteral("2400"), QStringLiteral("--epochs"), QStringLiteral("1")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    m_startupMs = timedReference({QStringLiteral("extract"), QStringLiteral("--help")});
}

qint64 TestFaultsKill::timedReference(const QStringList& arguments)
{
    QElapsedTimer timer;
    timer.start();
    const test::CliRun run = test::runCli(arguments);
    if (run.exitCode != 0)
        qFatal("the uninterrupted run failed: %s", qPrintable(run.err));
    return timer.elapsed();
}

QString TestFaultsKill::killRepeatedly(const QStringList& arguments, qint64 spanMs,
                                       const std::function<void()>& check)
{
    QFETCH(int, seed);
    QRandomGenerator random{quint32(seed)};
    // Moments before the program has loaded its libraries kill nothing of interest: start later.
    const qint64 from = std::min(spanMs / 2, m_startupMs * 4 / 5);
    QStringList kills;
    for (int k = 0; k < kKillsPerSeed; ++k) {
        const qint64 at = from + qint64(random.bounded(double(spanMs - from)));
        kills << (killAfter(arguments, at) ? QStringLiteral("%1 ms").arg(at)
                                           : QStringLiteral("%1 ms (ended first)").arg(at));
        check();
        if (QTest::currentTestFailed())
            break;
    }
    const QString trail =
        QStringLiteral("seed %1, killed at %2").arg(seed).arg(kills.join(QStringLiteral(", ")));
    qInfo("%s", qPrintable(trail));
    const test::CliRun last = test::runCli(arguments);
    if (last.exitCode != 0)
        QTest::qFail(qPrintable(trail + QStringLiteral("; the run after the kills failed: ") + last.err),
                     __FILE__, __LINE__);
    return trail;
}

void TestFaultsKill::extractionKilledAtRandom()
{
    QFETCH(int, seed);
    const auto arguments = [&](const QString& out) {
        return QStringList{QStringLiteral("extract"), QStringLiteral("--slides"),
                           m_demo + QStringLiteral("/slides"), QStringLiteral("--out"), out};
    };
    const QString reference = m_dir.filePath(QStringLiteral("extract-reference"));
    static qint64 span = timedReference(arguments(reference));
    const QString out = m_dir.filePath(QStringLiteral("extract-%1").arg(seed));
    const QString trail = killRepeatedly(arguments(out), span, [&] {
        for (const QString& bag : filesUnder(out, QStringLiteral("*.h5"))) // whole, or not there
            QVERIFY2(readAll(out + QLatin1Char('/') + bag) == readAll(reference + QLatin1Char('/') + bag),
                     qPrintable(bag + QStringLiteral(" is not the uninterrupted run's")));
    });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(filesUnder(out), filesUnder(reference)); // no temporary left
    for (const QString& bag : filesUnder(reference))
        QVERIFY2(readAll(out + QLatin1Char('/') + bag) == readAll(reference + QLatin1Char('/') + bag),
                 qPrintable(trail + QStringLiteral(": ") + bag));
}

void TestFaultsKill::trainingKilledAtRandom()
{
    QFETCH(int, seed);
    // Trained into a copy of the demo project, so that the database's record of the run is
    // killed along with the run folder.
    const auto arguments = [&](const QString& project) {
        return QStringList{QStringLiteral("train"),  QStringLiteral("--project"), project,
                           QStringLiteral("--name"), QStringLiteral("killed"),    QStringLiteral("--epochs"),
                           QStringLiteral("6"),      QStringLiteral("--threads"), QStringLiteral("1")};
    };
    const auto epochsInDatabase = [](const QString& project) {
        const auto db = core::Project::open(project);
        const auto run = db->runs().find(QStringLiteral("killed"));
        QStringList rows;
        for (const core::EpochRecord& e :
             run ? db->runs().epochs(run->id) : std::vector<core::EpochRecord>{}) {
            QString row = QStringLiteral("%1 %2 %3 %4")
                              .arg(e.epoch)
                              .arg(e.trainLoss, 0, 'g', 17)
                              .arg(e.validationLoss, 0, 'g', 17)
                              .arg(e.validationAuc, 0, 'g', 17);
            for (const auto& [name, value] : e.terms)
                row += QStringLiteral(" %1=%2").arg(name).arg(value, 0, 'g', 17);
            rows << row;
        }
        return rows;
    };
    static const QString reference = projectCopy(QStringLiteral("train-reference"));
    static qint64 span = timedReference(arguments(reference));
    const QString runFolder = QStringLiteral("/runs/killed");
    const QString project = projectCopy(QStringLiteral("train-%1").arg(seed));
    const QString trail = killRepeatedly(arguments(project), span, [&] {
        for (const QString& archive : {QStringLiteral("best.pt"), QStringLiteral("checkpoint.pt")})
            if (QFile::exists(project + runFolder + QLatin1Char('/') + archive))
                QVERIFY2(isWholeArchive(readAll(project + runFolder + QLatin1Char('/') + archive)),
                         qPrintable(archive + QStringLiteral(" is half-written")));
        QCOMPARE(core::Project::open(project)
                     ->database()
                     .scalar(QStringLiteral("PRAGMA integrity_check"))
                     .toString(),
                 QStringLiteral("ok"));
    });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(partials(project + runFolder), QStringList());
    QCOMPARE(filesUnder(project + runFolder), filesUnder(reference + runFolder)); // no pending best.pt
    // Resumed from its last checkpoint, it ends where the uninterrupted run did: the weights bitwise,
    // every epoch's losses and metrics to the last digit, in the folder and in the database. (The
    // checkpoint itself differs: it keeps the wall-clock seconds trained, as metrics.csv does.)
    QVERIFY2(readAll(project + runFolder + QStringLiteral("/best.pt")) ==
                 readAll(reference + runFolder + QStringLiteral("/best.pt")),
             qPrintable(trail));
    QCOMPARE(metricsWithoutTimes(project + runFolder), metricsWithoutTimes(reference + runFolder));
    QCOMPARE(epochsInDatabase(project).size(), 6);
    QCOMPARE(epochsInDatabase(project), epochsInDatabase(reference));
    const auto run = core::Project::open(project)->runs().find(QStringLiteral("killed"));
    QVERIFY(run);
    QCOMPARE(run->status, core::RunStatus::kFinished);
}

void TestFaultsKill::inferenceIntoAProjectKilledAtRandom()
{
    QFETCH(int, seed);
    // Each attempt gets a copy of the demo project without its predictions.
    const auto freshProject = [&](const QString& name) {
        const QString folder = projectCopy(name);
        QDir(folder + QStringLiteral("/predictions")).removeRecursively();
        core::Project::open(folder)->database().exec(QStringLiteral("DELETE FROM predictions"));
        return folder;
    };
    const auto arguments = [](const QString& project) {
        return QStringList{QStringLiteral("infer"),
                           QStringLiteral("--run"),
                           project + QStringLiteral("/runs/demo-srmil"),
                           QStringLiteral("--features"),
                           project + QStringLiteral("/features"),
                           QStringLiteral("--out"),
                           project + QStringLiteral("/predictions/demo-srmil"),
                           QStringLiteral("--project"),
                           project};
    };
    const auto predictions = [](const QString& project) {
        QStringList rows;
        const auto db = core::Project::open(project);
        QSqlQuery query = db->database().prepare(
            QStringLiteral("SELECT s.slide_key, p.file, p.predicted, p.probabilities FROM predictions p "
                           "JOIN slides s ON s.id = p.slide_id ORDER BY s.slide_key"));
        db->database().run(query);
        while (query.next())
            rows << query.value(0).toString() + QLatin1Char(' ') + query.value(1).toString() +
                        QLatin1Char(' ') + query.value(2).toString() + QLatin1Char(' ') +
                        query.value(3).toString();
        return rows;
    };
    static const QString reference = freshProject(QStringLiteral("infer-reference"));
    static qint64 span = timedReference(arguments(reference));
    const QString results = QStringLiteral("/predictions/demo-srmil");
    const QString project = freshProject(QStringLiteral("infer-%1").arg(seed));
    const QString trail = killRepeatedly(arguments(project), span, [&] {
        const auto db = core::Project::open(project);
        QCOMPARE(db->database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                 QStringLiteral("ok"));
        for (const QString& file : filesUnder(project + results, QStringLiteral("*.h5")))
            QVERIFY2(resultsOf(project + results + QLatin1Char('/') + file) ==
                         resultsOf(reference + results + QLatin1Char('/') + file),
                     qPrintable(file + QStringLiteral(" is not the uninterrupted run's")));
        for (const QString& row : predictions(project)) // every recorded prediction has its whole file
            QVERIFY2(predictions(reference).contains(row) &&
                         QFile::exists(project + QLatin1Char('/') + row.section(QLatin1Char(' '), 1, 1)),
                     qPrintable(row));
    });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(partials(project), QStringList());
    QCOMPARE(filesUnder(project + results), filesUnder(reference + results));
    for (const QString& file : filesUnder(reference + results))
        QVERIFY2(resultsOf(project + results + QLatin1Char('/') + file) ==
                     resultsOf(reference + results + QLatin1Char('/') + file),
                 qPrintable(trail + QStringLiteral(": ") + file));
    QCOMPARE(predictions(project), predictions(reference));
}

void TestFaultsKill::reportExportKilledAtRandom()
{
    QFETCH(int, seed);
    const auto arguments = [&](const QString& out) {
        return QStringList{QStringLiteral("report"),
                           QStringLiteral("--project"),
                           m_demo,
                           QStringLiteral("--slide"),
                           QStringLiteral("demo-01-tumour"),
                           QStringLiteral("--out"),
                           out + QStringLiteral("/report.pdf"),
                           QStringLiteral("--csv"),
                           out};
    };
    const QString reference = m_dir.filePath(QStringLiteral("report-reference"));
    static qint64 span = timedReference(arguments(reference));
    const QString out = m_dir.filePath(QStringLiteral("report-%1").arg(seed));
    const QString trail = killRepeatedly(arguments(out), span, [&] {
        if (QFile::exists(out + QStringLiteral("/report.pdf")))
            QVERIFY2(isWholePdf(readAll(out + QStringLiteral("/report.pdf"))), "report.pdf is half-written");
        for (const QString& csv : filesUnder(out, QStringLiteral("*.csv")))
            QVERIFY2(readAll(out + QLatin1Char('/') + csv) == readAll(reference + QLatin1Char('/') + csv),
                     qPrintable(csv + QStringLiteral(" is half-written")));
    });
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(filesUnder(out), filesUnder(reference));                  // no temporary left
    QVERIFY(isWholePdf(readAll(out + QStringLiteral("/report.pdf")))); // the PDF carries its creation time
    for (const QString& csv : filesUnder(reference, QStringLiteral("*.csv")))
        QVERIFY2(readAll(out + QLatin1Char('/') + csv) == readAll(reference + QLatin1Char('/') + csv),
                 qPrintable(trail + QStringLiteral(": ") + csv));
}

void TestFaultsKill::databaseWritesKilledAtRandom()
{
    QFETCH(int, seed);
    // The project's two busiest writers, an epoch row per transaction and the viewer's annotation
    // saves (project_writer), killed at random moments: committed rows and reported saves survive.
    QRandomGenerator random{quint32(seed)};
    const QString folder = m_dir.filePath(QStringLiteral("db-%1").arg(seed));
    core::Project::create(folder);
    const QString slide = m_demo + QStringLiteral("/slides/demo-01-tumour.tiff");
    for (const bool annotations : {false, true}) {
        for (int k = 0; k < kKillsPerSeed; ++k) {
            QProcess writer;
            writer.start(QStringLiteral(TESSERA_PROJECT_WRITER),
                         annotations ? QStringList{folder, QStringLiteral("annotations"), slide}
                                     : QStringList{folder});
            QVERIFY(writer.waitForStarted());
            QVERIFY(writer.waitForReadyRead(30000)); // writing: kill it within the next 300 ms
            const qint64 at = qint64(random.bounded(300));
            QElapsedTimer timer;
            timer.start();
            int reported = 0;
            while (timer.elapsed() < at) {
                writer.waitForReadyRead(int(std::max<qint64>(1, at - timer.elapsed())));
                for (const QByteArray& line : writer.readAllStandardOutput().split('\n'))
                    if (!line.isEmpty())
                        reported = line.toInt();
            }
            writer.kill();
            writer.waitForFinished();
            for (const QByteArray& line : writer.readAllStandardOutput().split('\n')) // said before dying
                if (!line.isEmpty())
                    reported = std::max(reported, line.toInt());
            const auto project = core::Project::open(folder);
            QCOMPARE(project->database().scalar(QStringLiteral("PRAGMA integrity_check")).toString(),
                     QStringLiteral("ok"));
            const auto run = project->runs().find(QStringLiteral("writer")); // none if killed before it began
            const int survived =
                annotations
                    ? int(project->annotations().load(project->annotations().slideIdFor(slide)).size())
                : run ? int(project->runs().epochs(run->id).size())
                      : 0;
            qInfo("seed %d, %s killed %lld ms after the first: %d reported, %d in the database", seed,
                  annotations ? "annotation saves" : "epoch rows", at, reported, survived);
            QVERIFY2(survived >= reported, qPrintable(QStringLiteral("%1 < %2 (seed %3, %4 ms)")
                                                          .arg(survived)
                                                          .arg(reported)
                                                          .arg(seed)
                                                          .arg(at)));
            if (annotations)
                for (const core::Annotation& a :
                     project->annotations().load(project->annotations().slideIdFor(slide)))
                    QCOMPARE(a.geometry.area(), 2500.0); // whole rectangles only
            project->database().exec(annotations ? QStringLiteral("DELETE FROM annotations")
                                                 : QStringLiteral("DELETE FROM epoch_metrics"));
        }
    }
}

QTEST_GUILESS_MAIN(TestFaultsKill)
#include "tst_faults_kill.moc"
