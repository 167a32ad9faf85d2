// Annotations as training signal: patch labels reach the training slides only, and the annotation
// loss moves each model's attention onto the patches annotated with the slide's class.
#include "common/Error.h"
#include "infer/Predictor.h"
#include "run/RunFolder.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <numeric>

using namespace tessera::core;

namespace {

// Every fifth slide in turn: 3 train, 1 validation, 1 test (the first half of the slides is tumour).
Split splitOf(int slides)
{
    Split split;
    for (int i = 0; i < slides; ++i)
        (i % 5 < 3    ? split.train
         : i % 5 == 3 ? split.val
                      : split.test)
            << QStringLiteral("slide_%1").arg(i, 3, 10, QLatin1Char('0'));
    return split;
}

// The truth's tumour patches as the annotations' labels: tumour (1) inside, nothing elsewhere.
void annotateTumour(MilDataset& data)
{
    for (const MilSample& s : data.samples(QStringLiteral("train"))) {
        std::vector<int> labels(std::size_t(s.bag.count), -1);
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (s.bag.patchLabels[i] > 0.5f)
                labels[i] = 1;
        data.setPatchLabels(s.slideId, std::move(labels));
    }
}

// The mean share of attention on the tumour patches of the tumour slides of `part`.
double tumourShare(const QString& run, const MilDataset& data, const QString& part)
{
    const Predictor predictor(run, QStringLiteral("cpu"));
    double sum = 0;
    int slides = 0;
    for (const MilSample& s : data.samples(part)) {
        if (s.label != 1)
            continue;
        const Prediction p = predictor.predict(s.bag);
        double share = 0;
        for (std::size_t i = 0; i < p.attention.size(); ++i)
            share += s.bag.patchLabels[i] > 0.5f ? p.attention[i] : 0;
        sum += share;
        ++slides;
    }
    return sum / slides;
}

} // namespace

class TestAnnotationTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void evidenceIsThePatchesOfTheSlidesClass();
    void onlyTrainingSlidesTakeLabels();
    void theLossMovesAttentionOntoTheAnnotatedPatches_data();
    void theLossMovesAttentionOntoTheAnnotatedPatches();
    void patchesOfAnotherClassLoseAttention();

private:
    QTemporaryDir m_dir;
    QString m_bags;
    LabelTable m_labels;
};

void TestAnnotationTraining::initTestCase()
{
    SyntheticBagsSpec spec;
    spec.slides = 40;
    spec.dimension = 16;
    spec.seed = 7;
    spec.signal = 1.5;
    spec.minPatches = 40;
    spec.maxPatches = 80;
    m_bags = m_dir.filePath(QStringLiteral("bags"));
    writeSyntheticBags(spec, m_bags);
    m_labels = LabelTable::readCsv(m_bags + QStringLiteral("/labels.csv"));
}

void TestAnnotationTraining::evidenceIsThePatchesOfTheSlidesClass()
{
    MilSample s;
    s.label = 1;
    s.patchLabels = {-1, 1, 0, 1, -1};
    QCOMPARE(s.evidence(), (std::vector<std::int64_t>{1, 3}));
    s.label = 0;
    QCOMPARE(s.evidence(), (std::vector<std::int64_t>{2}));
    QCOMPARE(s.counterEvidence(), (std::vector<std::int64_t>{1, 3}));
    s.label = 1;
    QCOMPARE(s.counterEvidence(), (std::vector<std::int64_t>{2}));
    s.patchLabels.clear();
    QVERIFY(s.evidence().empty());
    QVERIFY(s.counterEvidence().empty());
}

void TestAnnotationTraining::onlyTrainingSlidesTakeLabels()
{
    MilDataset data = MilDataset::load(m_bags + QStringLiteral("/features"), m_labels, splitOf(40));
    const MilSample& validation = data.samples(QStringLiteral("val")).front();
    try {
        data.setPatchLabels(validation.slideId, std::vector<int>(std::size_t(validation.bag.count), 1));
        QFAIL("a validation slide took labels");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("not a training slide")), qPrintable(e.message()));
    }
    const MilSample& training = data.samples(QStringLiteral("train")).front();
    QVERIFY_THROWS_EXCEPTION(Error, data.setPatchLabels(training.slideId, {1, 1}));
}

void TestAnnotationTraining::theLossMovesAttentionOntoTheAnnotatedPatches_data()
{
    QTest::addColumn<QString>("model");
    QTest::newRow("srmil") << QStringLiteral("srmil");
    QTest::newRow("abmil") << QStringLiteral("abmil");
    QTest::newRow("transmil") << QStringLiteral("transmil");
}

void TestAnnotationTraining::theLossMovesAttentionOntoTheAnnotatedPatches()
{
    QFETCH(QString, model);
    MilDataset plain = MilDataset::load(m_bags + QStringLiteral("/features"), m_labels, splitOf(40));
    MilDataset annotated = plain;
    annotateTumour(annotated);
    TrainConfig config = TrainConfig::defaultsFor(model);
    config.epochs = model == QLatin1String("srmil") ? 12 : 4; // SR-MIL's attention moves slower
    config.threads = 1;
    config.device = QStringLiteral("cpu");
    config.model.hidden = 16;
    config.model.heads = 2;
    config.selectAfter = 0.95; // the last epoch's weights for both runs, not the best validation's
    const QString without = m_dir.filePath(model + QStringLiteral("-plain"));
    Trainer(config, plain, without).run();
    config.annotations = true;
    config.instanceWeight = 2;
    const QString with = m_dir.filePath(model + QStringLiteral("-annotated"));
    Trainer(config, annotated, with).run();
    // The term is logged per epoch, and the run says it learnt from annotations.
    const std::vector<EpochRecord> epochs = RunFolder(with).readMetrics();
    QVERIFY(epochs.back().terms.count(QStringLiteral("inst")));
    QVERIFY(epochs.back().terms.at(QStringLiteral("inst")) > 0);
    QVERIFY(RunFolder(with).readConfig()[QStringLiteral("annotations")].toBool());
    QVERIFY(!RunFolder(without).readConfig().contains(QStringLiteral("annotations")));
    // On the training slides it was shown, the attention moved onto the annotated tumour.
    const double before = tumourShare(without, plain, QStringLiteral("train"));
    const double after = tumourShare(with, plain, QStringLiteral("train"));
    qInfo("%s: tumour share of attention on training slides %.3f without, %.3f with annotations",
          qPrintable(model), before, after);
    QVERIFY2(after > before + 0.05, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
}

// A "not tumour" answer on a tumour slide: the loss takes attention off the patch. Here every
// tumour patch of the tumour slides is (wrongly) annotated normal, so the share must fall.
void TestAnnotationTraining::patchesOfAnotherClassLoseAttention()
{
    MilDataset plain = MilDataset::load(m_bags + QStringLiteral("/features"), m_labels, splitOf(40));
    MilDataset annotated = plain;
    for (const MilSample& s : annotated.samples(QStringLiteral("train"))) {
        std::vector<int> labels(std::size_t(s.bag.count), -1);
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (s.label == 1 && s.bag.patchLabels[i] > 0.5f)
                labels[i] = 0;
        annotated.setPatchLabels(s.slideId, std::move(labels));
    }
    TrainConfig config = TrainConfig::defaultsFor(QStringLiteral("abmil"));
    config.epochs = 4;
    config.threads = 1;
    config.device = QStringLiteral("cpu");
    config.model.hidden = 16;
    config.selectAfter = 0.95;
    const QString without = m_dir.filePath(QStringLiteral("counter-plain"));
    Trainer(config, plain, without).run();
    config.annotations = true;
    config.instanceWeight = 2;
    const QString with = m_dir.filePath(QStringLiteral("counter-annotated"));
    Trainer(config, annotated, with).run();
    const double before = tumourShare(without, plain, QStringLiteral("train"));
    const double after = tumourShare(with, plain, QStringLiteral("train"));
    qInfo("tumour share of attention with the tumour annotated normal: %.3f without, %.3f with", before,
          after);
    QVERIFY2(after < 0.75 * before, qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
}

QTEST_GUILESS_MAIN(TestAnnotationTraining)
#include "tst_annotationtraining.moc"
