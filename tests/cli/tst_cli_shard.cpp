// --shard i/n: every slide in exactly one shard; extract, infer and report run as concurrent
// shards into one project and together do each slide once.
#include "common/Error.h"
#include "jobs/Shard.h"
#include "project/Project.h"
#include "project/SlideCatalog.h"
#include "support/CliRunner.h"
#include "synth/SyntheticSlideGenerator.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace tessera;

namespace {

// Starts one tessera-cli per shard at once and waits for all; returns their stdout.
QStringList runShards(const QStringList& arguments, int count)
{
    std::vector<std::unique_ptr<QProcess>> processes;
    for (int i = 0; i < count; ++i) {
        auto process = std::make_unique<QProcess>();
        process->start(QStringLiteral(TESSERA_CLI),
                       arguments +
                           QStringList{QStringLiteral("--shard"), QStringLiteral("%1/%2").arg(i).arg(count)});
        processes.push_back(std::move(process));
    }
    QStringList outputs;
    for (auto& p : processes) {
        p->waitForFinished(300000);
        const QString err = QString::fromUtf8(p->readAllStandardError());
        if (p->exitStatus() != QProcess::NormalExit || p->exitCode() != 0)
            qWarning("shard failed (%d): %s", p->exitCode(), qPrintable(err));
        outputs << QString::fromUtf8(p->readAllStandardOutput());
    }
    return outputs;
}

int mentions(const QStringList& outputs, const QString& text)
{
    int n = 0;
    for (const QString& o : outputs)
        n += int(o.count(text));
    return n;
}

} // namespace

class TestCliShard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesAndRefuses();
    void everySlideInExactlyOneShard();
    void shardedJobsCoverTheProjectOnce();

private:
    QTemporaryDir m_dir;
};

void TestCliShard::parsesAndRefuses()
{
    const core::Shard s = core::Shard::parse(QStringLiteral("2/5"));
    QCOMPARE(s.index(), 2);
    QCOMPARE(s.count(), 5);
    QVERIFY(core::Shard().isWhole());
    for (const char* bad : {"5/5", "-1/3", "1/0", "a/b", "3", "1/2/3", ""})
        QVERIFY_THROWS_EXCEPTION(core::Error, core::Shard::parse(QString::fromLatin1(bad)));
}

void TestCliShard::everySlideInExactlyOneShard()
{
    QStringList ids;
    for (int i = 0; i < 300; ++i)
        ids << QStringLiteral("TCGA-%1-slide").arg(i * 7919 % 10007);
    for (int n = 1; n <= 5; ++n) {
        QMap<QString, int> owners;
        for (int i = 0; i < n; ++i) {
            const core::Shard shard = core::Shard::parse(QStringLiteral("%1/%2").arg(i).arg(n));
            int mine = 0;
            for (const QString& id : ids)
                if (shard.containsSlideId(id)) {
                    ++owners[id];
                    ++mine;
                }
            // Balanced enough for a scheduler: no shard under half its fair part.
            QVERIFY2(mine > 300 / n / 2,
                     qPrintable(QStringLiteral("shard %1/%2 has %3").arg(i).arg(n).arg(mine)));
            // A slide file, its bag and its project key fall in the same shard.
            QCOMPARE(shard.contains(QStringLiteral("/data/a/%1.svs").arg(ids[0])),
                     shard.containsSlideId(ids[0]));
            QCOMPARE(shard.contains(QStringLiteral("features/%1.h5").arg(ids[0])),
                     shard.containsSlideId(ids[0]));
        }
        QCOMPARE(owners.size(), ids.size());
        for (int count : owners)
            QCOMPARE(count, 1);
    }
}

void TestCliShard::shardedJobsCoverTheProjectOnce()
{
    const QString slides = m_dir.filePath(QStringLiteral("slides"));
    const QString project = m_dir.filePath(QStringLiteral("project"));
    QDir().mkpath(slides);
    const QStringList names{QStringLiteral("s1"), QStringLiteral("s2"), QStringLiteral("s3"),
                            QStringLiteral("s4"), QStringLiteral("s5")};
    for (int i = 0; i < names.size(); ++i) {
        core::SynthSpec spec;
        spec.width = 2400;
        spec.height = 1800;
        spec.seed = std::uint64_t(i + 1);
        spec.tumourCount = i < 2 ? 1 : 0;
        core::SyntheticSlideGenerator(spec).write(slides + QLatin1Char('/') + names[i] +
                                                  QStringLiteral(".tiff"));
    }
    QCOMPARE(test::runCli(
                 {QStringLiteral("project"), QStringLiteral("init"), QStringLiteral("--project"), project})
                 .exitCode,
             0);
    QCOMPARE(test::runCli({QStringLiteral("project"), QStringLiteral("add"), QStringLiteral("--project"),
                           project, QStringLiteral("--slides"), slides})
                 .exitCode,
             0);

    // Extraction: 3 shards at once into one project.
    const QStringList extracted = runShards({QStringLiteral("extract"), QStringLiteral("--project"), project,
                                             QStringLiteral("--patch-size"), QStringLiteral("128"),
                                             QStringLiteral("--threads"), QStringLiteral("1")},
                                            3);
    const QString features = project + QStringLiteral("/features");
    for (const QString& name : names) {
        QVERIFY2(QFileInfo::exists(features + QLatin1Char('/') + name + QStringLiteral(".h5")),
                 qPrintable(name));
        QCOMPARE(mentions(extracted, name + QStringLiteral(".tiff: ")), 1); // done by one shard only
    }
    {
        const auto opened = core::Project::open(project);
        for (const core::SlideRecord& s : opened->slides().list())
            QCOMPARE(s.featureSets, 1); // one feature set, every slide's row once
    }

    // Inference: a small run, then 2 shards of the bag folder.
    QFile labels(m_dir.filePath(QStringLiteral("labels.csv")));
    QVERIFY(labels.open(QIODevice::WriteOnly));
    labels.write("slide_id,label\ns1,tumour\ns2,tumour\ns3,normal\ns4,normal\ns5,normal\n");
    labels.close();
    QFile splits(m_dir.filePath(QStringLiteral("splits.csv")));
    QVERIFY(splits.open(QIODevice::WriteOnly));
    splits.write(",train,val,test\n0,s1,s2,s5\n1,s3,s4,\n");
    splits.close();
    const QString run = m_dir.filePath(QStringLiteral("run"));
    const test::CliRun trained = test::runCli(
        {QStringLiteral("train"), QStringLiteral("--features"), features, QStringLiteral("--labels"),
         labels.fileName(), QStringLiteral("--splits"), splits.fileName(), QStringLiteral("--model"),
         QStringLiteral("abmil"), QStringLiteral("--epochs"), QStringLiteral("2"),
         QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), run});
    QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
    const QString maps = m_dir.filePath(QStringLiteral("maps"));
    const QStringList inferred =
        runShards({QStringLiteral("infer"), QStringLiteral("--run"), run, QStringLiteral("--features"),
                   features, QStringLiteral("--out"), maps, QStringLiteral("--project"), project},
                  2);
    for (const QString& name : names) {
        QVERIFY2(QFileInfo::exists(maps + QLatin1Char('/') + name + QStringLiteral(".h5")), qPrintable(name));
        QCOMPARE(mentions(inferred, name + QStringLiteral(".h5: ")), 1);
    }
    {
        const auto opened = core::Project::open(project);
        for (const core::SlideRecord& s : opened->slides().list())
            QCOMPARE(s.predictions, 1);
    }
    // One bag alone takes no shard.
    QCOMPARE(test::runCli({QStringLiteral("infer"), QStringLiteral("--run"), run,
                           QStringLiteral("--features"), features + QStringLiteral("/s1.h5"),
                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("one.h5")),
                           QStringLiteral("--shard"), QStringLiteral("0/2")})
                 .exitCode,
             2);

    // Reports: 2 shards, each slide's PDF once.
    const QString reports = m_dir.filePath(QStringLiteral("reports"));
    const QStringList reported =
        runShards({QStringLiteral("report"), QStringLiteral("--project"), project, QStringLiteral("--all"),
                   QStringLiteral("--out"), reports, QStringLiteral("--jobs"), QStringLiteral("1")},
                  2);
    for (const QString& name : names)
        QVERIFY2(QFileInfo::exists(reports + QLatin1Char('/') + name + QStringLiteral(".pdf")),
                 qPrintable(name));
    QCOMPARE(mentions(reported, QStringLiteral(".pdf: ")), int(names.size()));
}

QTEST_GUILESS_MAIN(TestCliShard)
#include "tst_cli_shard.moc"
