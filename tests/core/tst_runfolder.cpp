// RunFolder: the run's files read back under their names — metrics by column, whatever the
// column order; result.json under stable keys; a folder that is not a run said to be one; best.pt
// matching the checkpoint's best epoch whenever a kill fell between the two.
#include "common/Error.h"
#include "run/Metrics.h"
#include "run/RunEvaluation.h"
#include "run/RunFolder.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace tessera::core;

namespace {
QByteArray read(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(missing)");
}

void write(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}
} // namespace

class TestRunFolder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void metricsRoundTripWithEveryLossTerm();
    void metricsAreReadByColumnName();
    void malformedMetricsNameFileAndLine();
    void resultRoundTripsUnderStableNames();
    void evaluationRoundTripsAndNamesBadRows();
    void aucIntervalComesFromAStratifiedBootstrap();
    void configDescribesTheRun();
    void aFolderThatIsNotARunIsSaidToBeOne();
    void bestWeightsSettleToTheCheckpointsBestEpoch_data();
    void bestWeightsSettleToTheCheckpointsBestEpoch();
    void settlingLeavesTemporariesAlone();
    void committedBestWeightsAreNewerThanEarlierResults();
};

void TestRunFolder::metricsRoundTripWithEveryLossTerm()
{
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    std::vector<EpochRecord> rows(2);
    rows[0].epoch = 1;
    rows[0].learningRate = 2.5e-4;
    rows[0].trainLoss = 1.25;
    rows[0].validationLoss = 0.75;
    rows[0].validationAuc = std::nan("");
    rows[0].terms = {{QStringLiteral("ce_masked"), 0.5}, {QStringLiteral("sce"), 0.125}};
    rows[1].epoch = 2;
    rows[1].validationAuc = 0.8125;
    rows[1].seconds = 1.5;
    rows[1].terms = {{QStringLiteral("ce_masked"), 0.25}, {QStringLiteral("sce"), 0.0625}};
    run.writeMetrics(rows);
    const std::vector<EpochRecord> back = run.readMetrics();
    QCOMPARE(back.size(), std::size_t(2));
    QCOMPARE(back[0].learningRate, 2.5e-4);
    QCOMPARE(back[0].trainLoss, 1.25);
    QVERIFY(std::isnan(back[0].validationAuc));
    QCOMPARE(back[0].terms, rows[0].terms);
    QCOMPARE(back[1].validationAuc, 0.8125);
    QCOMPARE(back[1].seconds, 1.5);
    QCOMPARE(back[1].terms, rows[1].terms);
    // No temporary left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("metrics.csv")});
}

void TestRunFolder::metricsAreReadByColumnName()
{
    QTemporaryDir dir;
    // Columns in another order, one unknown column, no loss terms (an older run's file).
    write(dir.filePath(QStringLiteral("metrics.csv")),
          "val_auc,epoch,extra,train_loss\n0.5,1,x,2.0\n0.75,2,y,1.5\n");
    const std::vector<EpochRecord> rows = RunFolder(dir.path()).readMetrics();
    QCOMPARE(rows.size(), std::size_t(2));
    QCOMPARE(rows[1].epoch, 2);
    QCOMPARE(rows[1].validationAuc, 0.75);
    QCOMPARE(rows[1].trainLoss, 1.5);
    QVERIFY(rows[1].terms.empty());
    // Absent file: no rows, no error.
    QTemporaryDir empty;
    QVERIFY(RunFolder(empty.path()).readMetrics().empty());
}

void TestRunFolder::malformedMetricsNameFileAndLine()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("metrics.csv"));
    write(path, "epoch,train_loss\n1,0.5\n2\n");
    try {
        RunFolder(dir.path()).readMetrics();
        QFAIL("a short row was accepted");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(path) && e.message().contains(QLatin1String("line 3")),
                 qPrintable(e.message()));
    }
}

void TestRunFolder::evaluationRoundTripsAndNamesBadRows()
{
    QTemporaryDir dir;
    const QString path = RunFolder(dir.path()).evaluationPath();
    RunEvaluation e;
    e.classNames = {QStringLiteral("normal"), QStringLiteral("tumour, grade 2")};
    e.slides.push_back({QStringLiteral("case 1, slide \"A\""), QStringLiteral("val"), 1, {0.25f, 0.75f}});
    e.slides.push_back({QStringLiteral("case-2"), QStringLiteral("test"), 0, {0.9f, 0.1f}});
    e.write(path);
    const RunEvaluation back = RunEvaluation::read(path);
    QCOMPARE(back.classNames, e.classNames);
    QCOMPARE(back.slides.size(), std::size_t(2));
    QCOMPARE(back.slides[0].slide, e.slides[0].slide);
    QCOMPARE(back.slides[0].label, 1);
    QCOMPARE(back.slides[1].probabilities, e.slides[1].probabilities);
    QCOMPARE(back.part(QStringLiteral("test")).size(), std::size_t(1));

    const auto refused = [&](const QByteArray& text, const char* expected) {
        write(path, text);
        try {
            RunEvaluation::read(path);
            QFAIL(qPrintable(QStringLiteral("accepted: ") + QString::fromUtf8(text)));
        } catch (const Error& error) {
            QVERIFY2(error.message().contains(path) && error.message().contains(QLatin1String(expected)),
                     qPrintable(error.message()));
        }
    };
    refused("slide,part,label,p_a,p_b\ns1,val,c,0.5,0.5\n", "line 2");                 // unknown class
    refused("slide,part,label,p_a,p_b\ns1,val,a,0.5\n", "line 2");                     // a value short
    refused("slide,part,label,p_a,p_b\ns1,val,a,0.5,0.5\ns2,train,a,1,0\n", "line 3"); // not scored
    refused("slide,part,label,p_a,p_b\ns1,val,a,x,0.5\n", "probability");
    refused("slide,label,p_a\n", "header");
}

void TestRunFolder::resultRoundTripsUnderStableNames()
{
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    QVERIFY(!run.readResult());
    RunResult r;
    r.bestEpoch = 17;
    r.epochsRun = 40;
    r.stoppedEarly = true;
    r.seconds = 812.5;
    r.validation = ClassificationMetrics::compute({0.9f, 0.1f, 0.2f, 0.8f, 0.4f, 0.6f}, {0, 1, 1}, 2);
    run.writeResult(r);
    QFile f(run.resultPath());
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(f.readAll()).object();
    for (const char* key : {"schema", "best_epoch", "epochs_run", "stopped_early", "seconds", "val", "test"})
        QVERIFY2(json.contains(QLatin1String(key)), key);
    QVERIFY(json[QStringLiteral("test")].isNull()); // no test part
    QVERIFY(json[QStringLiteral("val")].toObject().contains(QStringLiteral("auc")));
    const RunResult back = *run.readResult();
    QCOMPARE(back.bestEpoch, 17);
    QCOMPARE(back.epochsRun, 40);
    QVERIFY(back.stoppedEarly);
    QCOMPARE(back.seconds, 812.5);
    QCOMPARE(back.validation.macroAuc, r.validation.macroAuc);
    QCOMPARE(back.validation.accuracy, r.validation.accuracy);
    QCOMPARE(back.validation.confusion, r.validation.confusion);
    QVERIFY(!back.test);
    // The interval and the loss, when known, come back; unknown ones stay NaN.
    QVERIFY(std::isnan(back.validation.aucLow) && std::isnan(back.validation.loss));
    r.validation.aucLow = 0.25;
    r.validation.aucHigh = 0.875;
    r.validation.loss = 0.6931;
    run.writeResult(r);
    const RunResult again = *run.readResult();
    QCOMPARE(again.validation.aucLow, 0.25);
    QCOMPARE(again.validation.aucHigh, 0.875);
    QCOMPARE(again.validation.loss, 0.6931);
    QCOMPARE(again.validation.samplesPerClass(), (std::vector<int>{1, 2}));
    QVERIFY(!again.validation.aucIsMeasurable()); // 1 + 2 slides
}

void TestRunFolder::aucIntervalComesFromAStratifiedBootstrap()
{
    // Scores that overlap: positives at 0.3 … 0.9, negatives at 0.1 … 0.7.
    const auto data = [](int perClass, std::vector<float>& p, std::vector<int>& labels) {
        p.clear();
        labels.clear();
        for (int i = 0; i < perClass; ++i)
            for (int label : {0, 1}) {
                const float s = (label ? 0.3f : 0.1f) + 0.6f * float(i) / float(perClass);
                p.insert(p.end(), {1 - s, s});
                labels.push_back(label);
            }
    };
    std::vector<float> p;
    std::vector<int> labels;
    data(10, p, labels);
    const double auc = ClassificationMetrics::compute(p, labels, 2).macroAuc;
    const auto [low, high] = bootstrapAucInterval(p, labels, 2);
    QVERIFY2(low < auc && auc < high && low > 0.3 && high <= 1,
             qPrintable(QStringLiteral("%1 [%2, %3]").arg(auc).arg(low).arg(high)));
    // The same seed gives the same interval; more slides a narrower one.
    QCOMPARE(bootstrapAucInterval(p, labels, 2), std::make_pair(low, high));
    data(100, p, labels);
    const auto [low100, high100] = bootstrapAucInterval(p, labels, 2);
    QVERIFY(high100 - low100 < 0.6 * (high - low));
    // Perfectly separated: every resample too. A class without slides: no interval.
    const std::vector<float> separated{0.9f, 0.1f, 0.8f, 0.2f, 0.1f, 0.9f, 0.3f, 0.7f};
    QCOMPARE(bootstrapAucInterval(separated, {0, 0, 1, 1}, 2), std::make_pair(1.0, 1.0));
    const auto [none, noneHigh] = bootstrapAucInterval(separated, {0, 0, 0, 0}, 2);
    QVERIFY(std::isnan(none) && std::isnan(noneHigh));
}

void TestRunFolder::configDescribesTheRun()
{
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    QJsonObject config{
        {QStringLiteral("feature_dimension"), 128},
        {QStringLiteral("classes"), QJsonArray{QStringLiteral("normal"), QStringLiteral("tumour")}},
        {QStringLiteral("extractor"), QStringLiteral("handcrafted")},
        {QStringLiteral("patch_size"), 256},
        {QStringLiteral("magnification"), 20.0}};
    ModelSpec spec;
    spec.name = QStringLiteral("abmil");
    spec.wGen = 1.8;
    spec.writeTo(config);
    run.writeConfig(config);
    const RunDescription d = run.readDescription();
    QCOMPARE(d.model.name, QStringLiteral("abmil"));
    QCOMPARE(d.model.wGen, 1.8);
    QCOMPARE(d.featureDimension, 128);
    QCOMPARE(d.classNames, QStringList({QStringLiteral("normal"), QStringLiteral("tumour")}));
    QCOMPARE(d.extractor, QStringLiteral("handcrafted"));
    QCOMPARE(d.patchSize, 256);
    QCOMPARE(d.magnification, 20.0);
}

void TestRunFolder::aFolderThatIsNotARunIsSaidToBeOne()
{
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    QVERIFY(!run.hasConfig() && !run.hasCheckpoint() && !run.hasBestWeights() && !run.isFinished());
    try {
        run.readDescription();
        QFAIL("no config.json was accepted");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("is not a training run")) &&
                     e.message().contains(run.configPath()),
                 qPrintable(e.message()));
    }
    write(run.configPath(), "{ not json");
    QVERIFY_THROWS_EXCEPTION(Error, run.readDescription());
    write(run.configPath(), R"({"classes":["a"]})");
    try {
        run.readDescription();
        QFAIL("a config without dimension was accepted");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QLatin1String("feature dimension")), qPrintable(e.message()));
    }
}

void TestRunFolder::bestWeightsSettleToTheCheckpointsBestEpoch_data()
{
    QTest::addColumn<int>("pendingEpoch");    // the weights written before the kill
    QTest::addColumn<int>("checkpointEpoch"); // the last epoch the checkpoint holds
    QTest::addColumn<int>("bestEpoch");       // the checkpoint's best epoch
    QTest::addColumn<bool>("committed");      // best.pt afterwards: the pending weights, or the old ones
    QTest::newRow("killed before the checkpoint: the epoch runs again") << 4 << 3 << 2 << false;
    QTest::newRow("killed before the checkpoint of a best epoch after a best one") << 4 << 3 << 3 << false;
    QTest::newRow("killed after the checkpoint, before the commit") << 4 << 4 << 4 << true;
    QTest::newRow("a stale pending epoch the checkpoint passed over") << 2 << 4 << 3 << false;
    QTest::newRow("killed in the first epoch: no checkpoint") << 1 << 0 << 0 << false;
}

void TestRunFolder::bestWeightsSettleToTheCheckpointsBestEpoch()
{
    QFETCH(int, pendingEpoch);
    QFETCH(int, checkpointEpoch);
    QFETCH(int, bestEpoch);
    QFETCH(bool, committed);
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    write(run.bestWeightsPath(), "old best");
    write(run.pendingBestWeightsPath(pendingEpoch), "pending");
    run.settleBestWeights(checkpointEpoch, bestEpoch);
    QCOMPARE(read(run.bestWeightsPath()), committed ? QByteArray("pending") : QByteArray("old best"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("best.pt")});

    // The trainer's own order: pending, then the commit.
    write(run.pendingBestWeightsPath(checkpointEpoch + 1), "next");
    run.commitBestWeights(checkpointEpoch + 1);
    QCOMPARE(read(run.bestWeightsPath()), QByteArray("next"));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("best.pt")});
    QVERIFY_THROWS_EXCEPTION(tessera::core::Error,
                             run.commitBestWeights(checkpointEpoch + 2)); // none pending
}

void TestRunFolder::settlingLeavesTemporariesAlone()
{
    // A process killed while writing pending weights leaves AtomicFile's temporary; its name ends
    // in a write counter that must not be read as an epoch (here the checkpoint's best one).
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    write(run.bestWeightsPath(), "old best");
    const QString temporary = run.pendingBestWeightsPath(5) + QStringLiteral(".partial-otherhost-77-3");
    write(temporary, "half");
    run.settleBestWeights(4, 3);
    QCOMPARE(read(run.bestWeightsPath()), QByteArray("old best"));
    QVERIFY(QFile::exists(temporary)); // another host's temporary: AtomicFile's to judge
}

void TestRunFolder::committedBestWeightsAreNewerThanEarlierResults()
{
    // Inference reuses stored results that are newer than best.pt: weights committed late (by a
    // resume) must not carry the older time they were written at.
    QTemporaryDir dir;
    const RunFolder run(dir.path());
    write(run.pendingBestWeightsPath(2), "weights");
    {
        QFile pending(run.pendingBestWeightsPath(2));
        QVERIFY(pending.open(QIODevice::ReadWrite));
        QVERIFY(pending.setFileTime(QDateTime::currentDateTime().addSecs(-3600),
                                    QFileDevice::FileModificationTime));
    }
    const QDateTime resultsWritten = QDateTime::currentDateTime().addSecs(-60);
    run.settleBestWeights(2, 2);
    QVERIFY(QFileInfo(run.bestWeightsPath()).lastModified() > resultsWritten);
}

QTEST_GUILESS_MAIN(TestRunFolder)
#include "tst_runfolder.moc"
