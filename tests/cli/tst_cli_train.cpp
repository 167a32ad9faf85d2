// tessera-cli synth-bags → train → eval → infer, and their refusals of bad input.
#include "features/FeatureStore.h"

#include "support/CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {
using Run = test::CliRun;
Run cli(const QStringList& arguments)
{
    return test::runCli(arguments);
}
} // namespace

class TestCliTrain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void trainEvalInferEndToEnd();
    void missingFeaturesStopTrainingBeforeItStarts();
    void inferRefusesWrongDimensionsAndDamagedRuns();

private:
    QTemporaryDir m_dir;
    QString m_bags, m_run;
};

void TestCliTrain::initTestCase()
{
    m_bags = m_dir.filePath(QStringLiteral("bags"));
    const Run r =
        cli({QStringLiteral("synth-bags"), QStringLiteral("--out"), m_bags, QStringLiteral("--slides"),
             QStringLiteral("16"), QStringLiteral("--dim"), QStringLiteral("8"), QStringLiteral("--signal"),
             QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("5")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(QDir(m_bags + QStringLiteral("/features")).entryList(QDir::Files).size(), 16);
    m_run = m_dir.filePath(QStringLiteral("run"));
}

void TestCliTrain::trainEvalInferEndToEnd()
{
    const Run train =
        cli({QStringLiteral("train"), QStringLiteral("--features"), m_bags + QStringLiteral("/features"),
             QStringLiteral("--labels"), m_bags + QStringLiteral("/labels.csv"), QStringLiteral("--folds"),
             QStringLiteral("4"), QStringLiteral("--fold"), QStringLiteral("0"), QStringLiteral("--model"),
             QStringLiteral("abmil"), QStringLiteral("--epochs"), QStringLiteral("3"),
             QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--out"), m_run,
             QStringLiteral("--progress"), QStringLiteral("jsonl")});
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    QStringList events;
    for (const QString& line : train.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const QJsonObject e = QJsonDocument::fromJson(line.toUtf8()).object();
        events << e[QStringLiteral("event")].toString();
        if (events.last() == QLatin1String("epoch")) {
            QVERIFY(e.contains(QStringLiteral("train_loss")) && e.contains(QStringLiteral("eta_seconds")));
            QVERIFY(e[QStringLiteral("val")].toObject().contains(QStringLiteral("auc")));
            QVERIFY(e[QStringLiteral("terms")].toObject().contains(QStringLiteral("ce")));
        }
    }
    QCOMPARE(events, QStringList({QStringLiteral("start"), QStringLiteral("epoch"), QStringLiteral("epoch"),
                                  QStringLiteral("epoch"), QStringLiteral("done")}));
    const QString fold = m_run + QStringLiteral("/fold_0");
    for (const char* file : {"config.json", "best.pt", "checkpoint.pt", "metrics.csv", "result.json"})
        QVERIFY2(QFile::exists(fold + QLatin1Char('/') + QLatin1String(file)), file);

    const Run eval =
        cli({QStringLiteral("eval"), QStringLiteral("--run"), fold, QStringLiteral("--features"),
             m_bags + QStringLiteral("/features"), QStringLiteral("--labels"),
             m_bags + QStringLiteral("/labels.csv"), QStringLiteral("--device"), QStringLiteral("cpu")});
    QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
    const QJsonObject metrics = QJsonDocument::fromJson(eval.out.toUtf8()).object();
    QCOMPARE(metrics[QStringLiteral("samples")].toInt(), 16);
    QVERIFY(metrics[QStringLiteral("auc")].toDouble() > 0.5);

    const QString out = m_dir.filePath(QStringLiteral("slide_000.maps.h5"));
    const Run infer =
        cli({QStringLiteral("infer"), QStringLiteral("--run"), fold, QStringLiteral("--features"),
             m_bags + QStringLiteral("/features/slide_000.h5"), QStringLiteral("--out"), out});
    QVERIFY2(infer.exitCode == 0, qPrintable(infer.err));
    QVERIFY(infer.out.contains(QLatin1String("tumour")));
    QVERIFY(QFile::exists(out));
}

void TestCliTrain::missingFeaturesStopTrainingBeforeItStarts()
{
    const QString labels = m_dir.filePath(QStringLiteral("labels-missing.csv"));
    QFile::copy(m_bags + QStringLiteral("/labels.csv"), labels);
    QFile f(labels);
    QVERIFY(f.open(QIODevice::Append));
    f.write("ghost_slide,tumour\n");
    f.close();
    const QString run = m_dir.filePath(QStringLiteral("run-missing"));
    const Run r =
        cli({QStringLiteral("train"), QStringLiteral("--features"), m_bags + QStringLiteral("/features"),
             QStringLiteral("--labels"), labels, QStringLiteral("--folds"), QStringLiteral("4"),
             QStringLiteral("--model"), QStringLiteral("abmil"), QStringLiteral("--epochs"),
             QStringLiteral("1"), QStringLiteral("--out"), run});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains(QLatin1String("'ghost_slide' has no features")), qPrintable(r.err));
    QVERIFY(!QFile::exists(run + QStringLiteral("/fold_0/config.json")));
}

void TestCliTrain::inferRefusesWrongDimensionsAndDamagedRuns()
{
    const QString fold = m_run + QStringLiteral("/fold_0");
    QVERIFY(QFile::exists(fold + QStringLiteral("/best.pt")));
    core::FeatureBag narrow = core::FeatureStore::read(m_bags + QStringLiteral("/features/slide_001.h5"));
    narrow.dimension = 4;
    narrow.features.resize(std::size_t(narrow.count) * 4);
    const QString narrowPath = m_dir.filePath(QStringLiteral("narrow.h5"));
    core::FeatureStore::write(narrowPath, narrow);
    const Run wrong =
        cli({QStringLiteral("infer"), QStringLiteral("--run"), fold, QStringLiteral("--features"), narrowPath,
             QStringLiteral("--out"), m_dir.filePath(QStringLiteral("x.h5"))});
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY2(wrong.err.contains(QLatin1String("4-dimensional")) &&
                 wrong.err.contains(QLatin1String("8-dimensional")),
             qPrintable(wrong.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("x.h5"))));

    const QString damaged = m_dir.filePath(QStringLiteral("damaged-run"));
    QDir().mkpath(damaged);
    QFile::copy(fold + QStringLiteral("/config.json"), damaged + QStringLiteral("/config.json"));
    QFile junk(damaged + QStringLiteral("/best.pt"));
    junk.open(QIODevice::WriteOnly);
    junk.write("not a checkpoint");
    junk.close();
    const Run broken = cli({QStringLiteral("infer"), QStringLiteral("--run"), damaged,
                            QStringLiteral("--features"), m_bags + QStringLiteral("/features/slide_001.h5"),
                            QStringLiteral("--out"), m_dir.filePath(QStringLiteral("y.h5"))});
    QCOMPARE(broken.exitCode, 1);
    QVERIFY2(broken.err.contains(QLatin1String("damaged")), qPrintable(broken.err));
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
