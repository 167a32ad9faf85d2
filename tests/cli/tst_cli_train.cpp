// tessera-cli synth-bags → train → eval → infer, and their refusals of bad input.
#include "features/FeatureStore.h"
#include "jobs/ProgressEvent.h"
#include "model/TrainSettings.h"
#include "run/RunFolder.h"

#include "support/CliRunner.h"

#include "model/TrainSettings.h"
#include <QDir>
#include <QFile>
#include <QJsonArray>
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
    void helpShowsDefaultsAndBadValuesNameTheirFlag();
    void sigtermCancelsAndTheRerunResumes();
    void wGenAutoTrainsEachCandidateAndKeepsTheBetterOnValidation();

private:
    // train on the test bags, one fold of 4, one thread, JSON lines, into `run`; then `extra`.
    QStringList trainArguments(const QString& run, int fold, const QStringList& extra) const;

    QTemporaryDir m_dir;
    QString m_bags, m_run;
};

QStringList TestCliTrain::trainArguments(const QString& run, int fold, const QStringList& extra) const
{
    return QStringList{QStringLiteral("train"),
                       QStringLiteral("--features"),
                       m_bags + QStringLiteral("/features"),
                       QStringLiteral("--labels"),
                       m_bags + QStringLiteral("/labels.csv"),
                       QStringLiteral("--folds"),
                       QStringLiteral("4"),
                       QStringLiteral("--fold"),
                       QString::number(fold),
                       QStringLiteral("--threads"),
                       QStringLiteral("1"),
                       QStringLiteral("--out"),
                       run,
                       QStringLiteral("--progress"),
                       QStringLiteral("jsonl")} +
           extra;
}

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
    // Three epochs at ABMIL's default 2e-4 learn too little to check: lr 2e-3.
    const Run train =
        cli(trainArguments(m_run, 0,
                           {QStringLiteral("--model"), QStringLiteral("abmil"), QStringLiteral("--epochs"),
                            QStringLiteral("3"), QStringLiteral("--lr"), QStringLiteral("0.002")}));
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    QList<core::EventKind> kinds;
    for (const QString& line : train.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const std::optional<core::ProgressEvent> e = core::ProgressEvent::fromJsonLine(line.toUtf8());
        QVERIFY2(e, qPrintable(line));
        QCOMPARE(e->job, QStringLiteral("train"));
        kinds << e->kind;
        if (e->kind == core::EventKind::Epoch) {
            QVERIFY(e->losses.contains(QStringLiteral("train")) && e->losses.contains(QStringLiteral("ce")));
            QVERIFY(e->metrics.contains(QStringLiteral("val_auc")) &&
                    e->metrics.contains(QStringLiteral("val_loss")));
            QVERIFY(e->etaSeconds >= 0);
        }
    }
    QCOMPARE(kinds,
             QList<core::EventKind>({core::EventKind::Started, core::EventKind::Epoch, core::EventKind::Epoch,
                                     core::EventKind::Epoch, core::EventKind::Finished}));
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

void TestCliTrain::helpShowsDefaultsAndBadValuesNameTheirFlag()
{
    const Run help = cli({QStringLiteral("train"), QStringLiteral("--help")});
    QCOMPARE(help.exitCode, 0);
    const QString helpText = help.out.simplified(); // Qt wraps the descriptions
    for (const char* shown :
         {"[default: srmil 100, abmil 50, transmil 50]", "[default: srmil]", "[default: auto]",
          "[default: srmil 0.0005, abmil 0.0002, transmil 0.0002]", "[default: 1.8]"})
        QVERIFY2(helpText.contains(QLatin1String(shown)), shown);
    // The settings' table, as docs/TRAINING.md shows it.
    const Run table = cli({QStringLiteral("train"), QStringLiteral("--list-settings")});
    QCOMPARE(table.exitCode, 0);
    QVERIFY2(table.out.contains(
                 QLatin1String("| `w_gen` | `--w-gen` | number | [0, 2] or auto |  | 1.8 | srmil |")),
             qPrintable(table.out));
    QCOMPARE(table.out.count(QLatin1Char('\n')), 2 + int(core::trainSettings().size()));
    const QStringList base{QStringLiteral("train"),
                           QStringLiteral("--features"),
                           m_bags + QStringLiteral("/features"),
                           QStringLiteral("--labels"),
                           m_bags + QStringLiteral("/labels.csv"),
                           QStringLiteral("--folds"),
                           QStringLiteral("4"),
                           QStringLiteral("--out"),
                           m_dir.filePath(QStringLiteral("run-bad"))};
    // A value core refuses: the message is core's, the flag is the CLI's; nothing was written.
    const Run weight = cli(base + QStringList{QStringLiteral("--w-gen"), QStringLiteral("3")});
    QCOMPARE(weight.exitCode, 2);
    QVERIFY2(weight.err.contains(QLatin1String("--w-gen: the reconstruction weight must lie in [0, 2]")),
             qPrintable(weight.err));
    const Run epochs = cli(base + QStringList{QStringLiteral("--epochs"), QStringLiteral("0")});
    QCOMPARE(epochs.exitCode, 2);
    QVERIFY2(epochs.err.contains(QLatin1String("--epochs: the number of epochs must be at least 1")),
             qPrintable(epochs.err));
    const Run progress = cli(base + QStringList{QStringLiteral("--progress"), QStringLiteral("yaml")});
    QCOMPARE(progress.exitCode, 2);
    QVERIFY(progress.err.contains(QLatin1String("--progress accepts only 'jsonl'")));
    const Run model = cli(base + QStringList{QStringLiteral("--model"), QStringLiteral("resnet")});
    QCOMPARE(model.exitCode, 2);
    QVERIFY2(model.err.contains(QLatin1String("--model must be one of srmil, abmil, transmil")),
             qPrintable(model.err));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("run-bad"))));
}

void TestCliTrain::sigtermCancelsAndTheRerunResumes()
{
    const QString run = m_dir.filePath(QStringLiteral("run-cancel"));
    const QStringList arguments = trainArguments(run, 1,
                                                 {QStringLiteral("--model"), QStringLiteral("abmil"),
                                                  QStringLiteral("--epochs"), QStringLiteral("400")});
    QProcess process;
    process.start(QStringLiteral(TESSERA_CLI), arguments);
    // SIGTERM once the first epoch is reported: the job stops after a complete epoch.
    QByteArray seen;
    while (!seen.contains("\"kind\":\"epoch\"") && process.waitForReadyRead(60000))
        seen += process.readAllStandardOutput();
    process.terminate();
    QVERIFY(process.waitForFinished(60000));
    seen += process.readAllStandardOutput();
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 3); // cancelled: rerun to resume
    const auto last = core::ProgressEvent::fromJsonLine(seen.trimmed().split('\n').last());
    QVERIFY2(last && last->kind == core::EventKind::Failed && last->cancelled, seen.constData());
    const int done = last->details[QStringLiteral("epochs_run")].toInt();
    QVERIFY(done >= 1);
    QVERIFY(!QFile::exists(run + QStringLiteral("/fold_1/result.json")));

    // The completed epochs are kept for a rerun of the same command (resume is checked bitwise in
    // tst_trainer); a rerun with another configuration is refused rather than mixed in.
    QStringList shorter = arguments;
    shorter[shorter.indexOf(QStringLiteral("400"))] = QStringLiteral("5");
    const Run refused = cli(shorter);
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.err.contains(QLatin1String("different configuration")), qPrintable(refused.err));
    QVERIFY(core::RunFolder(run + QStringLiteral("/fold_1")).readMetrics().size() == std::size_t(done));
}

void TestCliTrain::wGenAutoTrainsEachCandidateAndKeepsTheBetterOnValidation()
{
    const QString run = m_dir.filePath(QStringLiteral("run-auto"));
    const QStringList command = trainArguments(
        run, 0,
        {QStringLiteral("--epochs"), QStringLiteral("2"), QStringLiteral("--w-gen"), QStringLiteral("auto")});
    const auto events = [](const Run& r) {
        std::vector<core::ProgressEvent> all;
        for (const QString& line : r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
            if (auto e = core::ProgressEvent::fromJsonLine(line.toUtf8()))
                all.push_back(*e);
        return all;
    };
    const Run train = cli(command);
    QVERIFY2(train.exitCode == 0, qPrintable(train.err));
    // One job: one start for 2 × 2 epochs, the candidates' epochs numbered on, one finish.
    int started = 0, finished = 0;
    QList<int> epochs;
    QJsonArray candidates;
    for (const core::ProgressEvent& e : events(train)) {
        if (e.kind == core::EventKind::Started) {
            ++started;
            QCOMPARE(e.details[QStringLiteral("epochs")].toInt(), 4);
        } else if (e.kind == core::EventKind::Epoch) {
            epochs << e.epoch;
            QCOMPARE(e.epochs, 4);
            QCOMPARE(e.details[QStringLiteral("w_gen")].toDouble(), e.epoch <= 2 ? 1.8 : 1.0);
        } else if (e.kind == core::EventKind::Finished) {
            ++finished;
            candidates = e.details[QStringLiteral("candidates")].toArray();
        }
    }
    QCOMPARE(started, 1);
    QCOMPARE(finished, 1);
    QCOMPARE(epochs, QList<int>({1, 2, 3, 4}));
    QCOMPARE(candidates.size(), 2);

    // The kept candidate is the one validation scores higher (ties: the paper's 1.8, listed first).
    const QString fold = run + QStringLiteral("/fold_0");
    const core::RunFolder top(fold);
    const std::optional<core::RunResult> result = top.readResult();
    QVERIFY(result);
    QCOMPARE(result->candidates, candidates);
    const double first =
        candidates[0].toObject()[QStringLiteral("val")].toObject()[QStringLiteral("auc")].toDouble();
    const double second =
        candidates[1].toObject()[QStringLiteral("val")].toObject()[QStringLiteral("auc")].toDouble();
    const int kept = second > first ? 1 : 0;
    QVERIFY(candidates[kept].toObject()[QStringLiteral("kept")].toBool());
    QVERIFY(!candidates[1 - kept].toObject()[QStringLiteral("kept")].toBool());
    const double keptWGen = kept == 0 ? 1.8 : 1.0;
    QCOMPARE(candidates[kept].toObject()[QStringLiteral("w_gen")].toDouble(), keptWGen);
    const core::RunFolder winner(fold + QLatin1Char('/') +
                                 candidates[kept].toObject()[QStringLiteral("run")].toString());
    QCOMPARE(winner.path(), fold + (kept == 0 ? QStringLiteral("/w_gen-1.8") : QStringLiteral("/w_gen-1")));
    // The run folder is the winner: its weights byte for byte, its config with the choice recorded.
    const auto bytes = [](const QString& path) {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    };
    QVERIFY(!bytes(top.bestWeightsPath()).isEmpty());
    QCOMPARE(bytes(top.bestWeightsPath()), bytes(winner.bestWeightsPath()));
    QCOMPARE(bytes(top.metricsPath()), bytes(winner.metricsPath()));
    const QJsonObject config = top.readConfig();
    QCOMPARE(config[QStringLiteral("w_gen_auto")].toBool(), true);
    QCOMPARE(config[QStringLiteral("w_gen")].toDouble(), keptWGen);
    QCOMPARE(result->bestEpoch, winner.readResult()->bestEpoch);
    QCOMPARE(result->validation.macroAuc, winner.readResult()->validation.macroAuc);

    // It is a run like any other.
    const Run infer = cli({QStringLiteral("infer"), QStringLiteral("--run"), fold,
                           QStringLiteral("--features"), m_bags + QStringLiteral("/features/slide_000.h5"),
                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("auto.maps.h5"))});
    QVERIFY2(infer.exitCode == 0, qPrintable(infer.err));

    // Rerun: both candidates are finished, nothing trains again, the same run is published.
    const Run again = cli(command);
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    for (const core::ProgressEvent& e : events(again))
        QVERIFY2(e.kind != core::EventKind::Epoch, "a finished candidate trained again");
    QCOMPARE(bytes(top.bestWeightsPath()), bytes(winner.bestWeightsPath()));
    QCOMPARE(top.readResult()->candidates.size(), 2);
}

QTEST_GUILESS_MAIN(TestCliTrain)
#include "tst_cli_train.moc"
