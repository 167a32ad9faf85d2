// A guard against silent regressions in learning: SR-MIL and ABMIL trained on a small synthetic
// task (40 slides of 40–90 patches, coherent tumour regions 2 SD off along a hidden direction,
// 20 epochs, one thread), scored on the 20 slides they did not train on: slide AUC, and the
// attention patch AUC of those slides' tumour patches. A change to a model, the loss, the data
// path or the trainer that breaks learning drops one below its floor. The floors were set from
// 10 seeds of this exact configuration with a margin (below, and docs/BENCHMARKS.md, "Learning
// guard"); after a deliberate change to the task or the schedule, print new figures with
//   TESSERA_GUARD_SEEDS=10 QTEST_FUNCTION_TIMEOUT=3000000 tests/tst_learning_guard calibrate
#include "common/Error.h"
#include "infer/Predictor.h"
#include "run/Metrics.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

using namespace tessera::core;

namespace {

// The task and the schedule: changing either invalidates the floors below.
SyntheticBagsSpec guardTask(std::uint64_t seed)
{
    SyntheticBagsSpec spec;
    spec.slides = 40;
    spec.dimension = 8;
    spec.seed = seed;
    spec.signal = 2.0;
    spec.fieldAmplitude = 0.3;
    spec.minPatches = 40;
    spec.maxPatches = 90;
    spec.tumourFraction = 0.25;
    spec.mimicFraction = 0.0;
    return spec;
}
constexpr int kEpochs = 20;
constexpr double kLearningRate = 2e-3;

struct GuardResult {
    double slideAuc = 0;     // validation and test slides together (20 slides)
    double attentionAuc = 0; // tumour against other patches, on those slides' tumour slides
    double seconds = 0;
};

// Trains on the seed's world; `shuffleLabels` breaks learning on purpose.
GuardResult trainAndScore(const QString& model, std::uint64_t seed, bool shuffleLabels = false)
{
    QElapsedTimer timer;
    timer.start();
    QTemporaryDir dir;
    writeSyntheticBags(guardTask(seed), dir.path());
    LabelTable labels = LabelTable::readCsv(dir.filePath(QStringLiteral("labels.csv")));
    const Split split = Split::kFold(labels, 4, seed)[0]; // half trains, a quarter validates, a quarter tests
    LabelTable trained = labels;
    if (shuffleLabels)
        std::shuffle(trained.labels.begin(), trained.labels.end(), std::mt19937(unsigned(seed)));
    const MilDataset data = MilDataset::load(dir.filePath(QStringLiteral("features")), trained, split);
    TrainConfig config = TrainConfig::defaultsFor(model);
    config.epochs = kEpochs;
    config.seed = seed;
    config.learningRate = kLearningRate;
    config.model.wGen = 1.0;
    config.threads = 1;
    config.device = QStringLiteral("cpu");
    const QString run = dir.filePath(QStringLiteral("run"));
    Trainer(config, data, run).run();

    // Scored against the true labels, on every slide the run did not train on.
    const Predictor predictor(run, QStringLiteral("cpu"));
    const int tumour = int(labels.classNames.indexOf(QStringLiteral("tumour")));
    std::vector<double> slideScores, attention;
    std::vector<bool> positive, tumourPatch;
    std::vector<const MilSample*> heldOut;
    for (const char* part : {"val", "test"})
        for (const MilSample& s : data.samples(QString::fromLatin1(part)))
            heldOut.push_back(&s);
    for (const MilSample* sample : heldOut) {
        const MilSample& s = *sample;
        const Prediction p = predictor.predict(s.bag);
        const bool isTumour = labels.labelOf(s.slideId) == tumour;
        slideScores.push_back(p.probabilities[std::size_t(tumour)]);
        positive.push_back(isTumour);
        if (!isTumour)
            continue;
        for (int i = 0; i < s.bag.count; ++i) {
            attention.push_back(p.attention[std::size_t(i)] * s.bag.count); // comparable across slides
            tumourPatch.push_back(s.bag.patchLabels[std::size_t(i)] > 0.5f);
        }
    }
    GuardResult r;
    r.slideAuc = rocAuc(slideScores, positive);
    r.attentionAuc = rocAuc(attention, tumourPatch);
    r.seconds = double(timer.elapsed()) / 1000;
    return r;
}

// Floors: the lowest of 10 calibration seeds (1–10, 2026-12-07) less 0.1. SR-MIL: slide AUC
// 0.95–1.00; its attention patch AUC ranged 0.48–0.89 over those seeds, so it guards nothing and
// is not checked (NaN; issue #33 asks why SR-MIL localizes so unevenly). ABMIL: slide AUC 1.00 at
// every seed, attention patch AUC 0.92–0.99. With shuffled labels the same seeds gave slide AUCs
// of 0.28–0.66 (SR-MIL) and 0.35–0.86 (ABMIL).
struct Floors {
    const char* model;
    double slideAuc, attentionAuc;
};
constexpr double kNotGuarded = std::numeric_limits<double>::quiet_NaN();
constexpr Floors kFloors[] = {{"srmil", 0.85, kNotGuarded}, {"abmil", 0.90, 0.82}};
constexpr std::uint64_t kGuardSeeds[] = {11, 12};

} // namespace

class TestLearningGuard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learningStaysAboveItsFloors_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<qulonglong>("seed");
        QTest::addColumn<double>("slideFloor");
        QTest::addColumn<double>("attentionFloor");
        for (const Floors& f : kFloors)
            for (const std::uint64_t seed : kGuardSeeds)
                QTest::newRow(qPrintable(QStringLiteral("%1 seed %2").arg(QLatin1String(f.model)).arg(seed)))
                    << QString::fromLatin1(f.model) << qulonglong(seed) << f.slideAuc << f.attentionAuc;
    }

    void learningStaysAboveItsFloors()
    {
        QFETCH(QString, model);
        QFETCH(qulonglong, seed);
        QFETCH(double, slideFloor);
        QFETCH(double, attentionFloor);
        const GuardResult r = trainAndScore(model, seed);
        qInfo("%s seed %llu: slide AUC %.3f (floor %.2f), attention patch AUC %.3f (floor %.2f), %.1f s",
              qPrintable(model), seed, r.slideAuc, slideFloor, r.attentionAuc, attentionFloor, r.seconds);
        QVERIFY2(r.slideAuc >= slideFloor, "slide AUC below its floor: has learning broken?");
        if (!std::isnan(attentionFloor))
            QVERIFY2(r.attentionAuc >= attentionFloor,
                     "attention patch AUC below its floor: has learning broken?");
    }

    // Prints the figures the floors are set from (TESSERA_GUARD_SEEDS seeds from 1, and the same
    // with shuffled labels); skipped unless asked for.
    void calibrate()
    {
        const int seeds = qEnvironmentVariableIntValue("TESSERA_GUARD_SEEDS");
        if (seeds <= 0)
            QSKIP("set TESSERA_GUARD_SEEDS=N to print N seeds' figures");
        for (const char* model : {"srmil", "abmil"})
            for (int seed = 1; seed <= seeds; ++seed) {
                const GuardResult r = trainAndScore(QString::fromLatin1(model), std::uint64_t(seed));
                const GuardResult shuffled =
                    trainAndScore(QString::fromLatin1(model), std::uint64_t(seed), true);
                std::printf(
                    "%s seed %2d  slide AUC %.3f  attention AUC %.3f  %.1f s   shuffled labels: %.3f %.3f\n",
                    model, seed, r.slideAuc, r.attentionAuc, r.seconds, shuffled.slideAuc,
                    shuffled.attentionAuc);
                std::fflush(stdout);
            }
    }
};

QTEST_APPLESS_MAIN(TestLearningGuard)
#include "tst_learning_guard.moc"
