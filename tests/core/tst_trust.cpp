// Trust: temperature scaling and ECE against known values, the stain density of known colours,
// the feature codebook and the trust reference flagging shifted bags but not their peers, its
// file round trip, and a trained run judging slides at inference (and an old run saying it cannot).
#include "common/Error.h"
#include "features/FeatureStore.h"
#include "features/StainDensity.h"
#include "infer/Predictor.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"
#include "trust/Calibration.h"
#include "trust/TrustReference.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace tessera::core;

namespace {

// Slides `first`, first + step, … (`count` of them); the first half of the slides is tumour.
std::vector<FeatureBag> readBags(const QString& dir, int first, int count, int step = 1)
{
    std::vector<FeatureBag> bags;
    for (int i = first; i < first + count * step; i += step)
        bags.push_back(FeatureStore::read(
            QStringLiteral("%1/features/slide_%2.h5").arg(dir).arg(i, 3, 10, QLatin1Char('0'))));
    return bags;
}

// Every feature moved by `sds` of its spread over `reference`'s patches.
FeatureBag shifted(FeatureBag bag, const std::vector<FeatureBag>& reference, double sds)
{
    const int d = bag.dimension;
    std::vector<double> sum(std::size_t(d), 0), squares(std::size_t(d), 0);
    double n = 0;
    for (const FeatureBag& r : reference)
        for (int i = 0; i < r.count; ++i, n += 1)
            for (int j = 0; j < d; ++j) {
                sum[std::size_t(j)] += r.row(i)[j];
                squares[std::size_t(j)] += double(r.row(i)[j]) * r.row(i)[j];
            }
    for (int j = 0; j < d; ++j) {
        const double mean = sum[std::size_t(j)] / n;
        const double sd = std::sqrt(squares[std::size_t(j)] / n - mean * mean);
        for (int i = 0; i < bag.count; ++i)
            bag.features[std::size_t(i) * d + std::size_t(j)] += float(sds * sd);
    }
    return bag;
}

std::vector<TrustSlide> slides(const std::vector<FeatureBag>& bags)
{
    std::vector<TrustSlide> out;
    for (const FeatureBag& b : bags)
        out.push_back({&b, std::nullopt});
    return out;
}

void writeText(const QString& path, const QByteArray& text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(text);
}

} // namespace

class TestTrust : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void temperatureRecoversAKnownTemperature();
    void calibrationErrorMatchesAHandComputedValue();
    void stainDensityOfKnownColours();
    void codebookDistanceGrowsWithTheShift();
    void referenceFlagsShiftedBagsAndNotTheirPeers();
    void smallReferencesUseHeldOutTrainingSlides();
    void referenceFileRoundTripsAndNamesDamage();
    void aTrainedRunJudgesSlidesAndAnOldRunSaysItCannot();

private:
    QTemporaryDir m_dir;
    QString m_bags;
};

void TestTrust::initTestCase()
{
    SyntheticBagsSpec spec;
    spec.slides = 80;
    spec.dimension = 8;
    spec.seed = 11;
    spec.signal = 2.0;
    spec.minPatches = 40;
    spec.maxPatches = 90;
    m_bags = m_dir.filePath(QStringLiteral("bags"));
    writeSyntheticBags(spec, m_bags);
}

void TestTrust::temperatureRecoversAKnownTemperature()
{
    // Labels drawn from softmax(z / 2.5): the NLL is smallest near T = 2.5.
    std::mt19937_64 random(7);
    std::normal_distribution<float> logit(0, 4);
    std::vector<float> logits;
    std::vector<int> labels;
    for (int i = 0; i < 6000; ++i) {
        const float a = logit(random), b = logit(random);
        logits.insert(logits.end(), {a, b});
        const double p1 = 1 / (1 + std::exp(-(b - a) / 2.5));
        labels.push_back(std::bernoulli_distribution(p1)(random) ? 1 : 0);
    }
    const double t = fitTemperature(logits, labels, 2);
    QVERIFY2(std::abs(t - 2.5) < 0.2, qPrintable(QString::number(t)));
    const double before = expectedCalibrationError(temperedSoftmax(logits, 2, 1), labels, 2);
    const double after = expectedCalibrationError(temperedSoftmax(logits, 2, t), labels, 2);
    QVERIFY2(after < 0.03 && after < before / 3,
             qPrintable(QStringLiteral("%1 → %2").arg(before).arg(after)));
    // Separable labels cannot push it below the search's floor.
    // Separable labels sharpen (T < 1) but stay inside the search's bounds: below some T every
    // probability rounds to 1 and the likelihood is flat.
    const double sharp = fitTemperature({-5, 5, 5, -5}, {1, 0}, 2);
    QVERIFY2(sharp < 1 && sharp >= kLowestTemperature, qPrintable(QString::number(sharp)));
}

void TestTrust::calibrationErrorMatchesAHandComputedValue()
{
    // Bin 9 (0.9–1.0): confidences 0.95, 0.95, right, wrong → |0.5 − 0.95| × 2/4.
    // Bin 6 (0.6–0.7): 0.6 and 0.6, both right → |1 − 0.6| × 2/4.
    const std::vector<float> p{0.95f, 0.05f, 0.05f, 0.95f, 0.6f, 0.4f, 0.4f, 0.6f};
    const std::vector<int> labels{0, 0, 0, 1};
    QCOMPARE_LT(std::abs(expectedCalibrationError(p, labels, 2) - (0.45 * 0.5 + 0.4 * 0.5)), 1e-6);
    QVERIFY(std::isnan(expectedCalibrationError({}, {}, 2)));
}

void TestTrust::stainDensityOfKnownColours()
{
    cv::Mat patch(8, 8, CV_8UC3, cv::Scalar(100, 50, 200));
    const auto od = meanStainDensity(patch);
    QVERIFY(od.has_value());
    QCOMPARE_LT(std::abs((*od)[0] + std::log10(101.0 / 256)), 1e-5);
    QCOMPARE_LT(std::abs((*od)[1] + std::log10(51.0 / 256)), 1e-5);
    QCOMPARE_LT(std::abs((*od)[2] + std::log10(201.0 / 256)), 1e-5);
    // Glass is left out: a half-white patch has the stain of its other half.
    patch(cv::Rect(0, 0, 8, 4)).setTo(cv::Scalar(255, 255, 255));
    QCOMPARE_LT(std::abs((*meanStainDensity(patch))[1] - (*od)[1]), 1e-5);
    QVERIFY(!meanStainDensity(cv::Mat(8, 8, CV_8UC3, cv::Scalar(250, 250, 250))).has_value());
    const auto slide = slideStainDensity({0.1f, 0.2f, 0.3f, NAN, NAN, NAN, 0.3f, 0.4f, 0.5f});
    QVERIFY(slide.has_value());
    QCOMPARE_LT(std::abs((*slide)[2] - 0.4), 1e-6);
}

void TestTrust::codebookDistanceGrowsWithTheShift()
{
    const std::vector<FeatureBag> training = readBags(m_bags, 0, 30);
    std::vector<const FeatureBag*> pointers;
    for (const FeatureBag& b : training)
        pointers.push_back(&b);
    const FeatureCodebook book = FeatureCodebook::fit(pointers, 5);
    QCOMPARE(book.dimension(), 8);
    QCOMPARE(book.centres(), FeatureCodebook::kMaxCentres);
    QCOMPARE(FeatureCodebook::fit(pointers, 5).centreValues(), book.centreValues()); // repeatable
    const FeatureBag peer = readBags(m_bags, 60, 1).front();
    const double here = book.slideDistance(peer);
    const double half = book.slideDistance(shifted(peer, training, 0.5));
    const double one = book.slideDistance(shifted(peer, training, 1.0));
    // Patches spread over a wide, bounded range: a shift of half a spread can move a slide's
    // patches nearer the middle of the training patches; one spread moves them past the edge.
    QVERIFY2(here < one && half < one, qPrintable(QStringLiteral("%1 %2 %3").arg(here).arg(half).arg(one)));
    QCOMPARE(book.patchDistances(peer).size(), std::size_t(peer.count));
}

void TestTrust::referenceFlagsShiftedBagsAndNotTheirPeers()
{
    std::vector<FeatureBag> training, validation, test;
    for (int i = 0; i < 8; ++i) {
        auto& into = i < 3 ? training : i < 6 ? validation : test;
        for (FeatureBag& b : readBags(m_bags, i, 10, 8))
            into.push_back(std::move(b));
    }
    TrustInputs inputs;
    inputs.training = slides(training);
    inputs.validation = slides(validation);
    const TrustReference reference = TrustReference::build(inputs, 1);
    QVERIFY(reference.threshold() >= TrustReference::kLowestThreshold);
    QVERIFY(reference.summary()
                .value(QStringLiteral("threshold_rule"))
                .toString()
                .contains(QStringLiteral("30 validation and 30 held-out training")));
    // These bags carry a strong per-slide field (each feature's slide mean varies by about a patch
    // spread), so a shift of one spread is subtle: most slides are flagged there, all at 1.5.
    int peersFlagged = 0, shiftedFlagged = 0, fartherFlagged = 0;
    for (const FeatureBag& bag : test) {
        const OodVerdict peer = reference.judge(bag, std::nullopt);
        QVERIFY(peer.isJudged());
        QVERIFY(peer.part.startsWith(QStringLiteral("feature"))); // the only parts these bags have
        peersFlagged += peer.flagged;
        const OodVerdict moved = reference.judge(shifted(bag, training, 1.0), std::nullopt);
        shiftedFlagged += moved.flagged;
        fartherFlagged += reference.judge(shifted(bag, training, 1.5), std::nullopt).flagged;
    }
    QVERIFY2(peersFlagged <= 2, qPrintable(QString::number(peersFlagged)));
    QVERIFY2(shiftedFlagged > int(test.size()) / 2, qPrintable(QString::number(shiftedFlagged)));
    QCOMPARE(fartherFlagged, int(test.size()));
    const OodVerdict one = reference.judge(shifted(test.front(), training, 1.5), std::nullopt);
    QVERIFY2(one.summary().startsWith(QStringLiteral("Unlike the training data: ")),
             qPrintable(one.summary()));
    // A part measured only on some slides: reconstruction errors far above the reference's.
    std::vector<TrustSlide> withReconstruction = inputs.validation;
    for (std::size_t i = 0; i < withReconstruction.size(); ++i)
        withReconstruction[i].reconstructionError = 0.2 + 0.01 * double(i % 5);
    inputs.validation = withReconstruction;
    const TrustReference both = TrustReference::build(inputs, 1);
    const OodVerdict badReconstruction = both.judge(test.front(), 0.9);
    QVERIFY(badReconstruction.flagged);
    QCOMPARE(badReconstruction.part, QStringLiteral("reconstruction"));
    QVERIFY(badReconstruction.partOf(QStringLiteral("features"))->available());
    QVERIFY(!both.judge(test.front(), std::nullopt).partOf(QStringLiteral("reconstruction"))->available());
}

void TestTrust::smallReferencesUseHeldOutTrainingSlides()
{
    const std::vector<FeatureBag> training = readBags(m_bags, 0, 12);
    const std::vector<FeatureBag> validation = readBags(m_bags, 12, 3);
    TrustInputs inputs;
    inputs.training = slides(training);
    inputs.validation = slides(validation);
    inputs.validationLogits = {2, -2, -1, 1, 0.5f, -0.5f};
    inputs.validationLabels = {0, 1, 1};
    const TrustReference reference = TrustReference::build(inputs, 1);
    QCOMPARE(reference.referenceScores().size(), std::size_t(15));
    QCOMPARE(std::count(reference.isValidation().begin(), reference.isValidation().end(), true), 3);
    QVERIFY(reference.summary()
                .value(QStringLiteral("threshold_rule"))
                .toString()
                .contains(QStringLiteral("held-out")));
    // Held out, training slides score like unseen ones: not all far below the validation slides.
    double trainingMean = 0, validationMean = 0;
    for (std::size_t i = 0; i < 15; ++i)
        (i < 12 ? trainingMean : validationMean) += reference.referenceScores()[i][0] / (i < 12 ? 12.0 : 3.0);
    QVERIFY2(trainingMean > 0.8 * validationMean,
             qPrintable(QStringLiteral("%1 vs %2").arg(trainingMean).arg(validationMean)));
    // Too few validation slides to calibrate on: the temperature stays 1 and says why.
    QCOMPARE(reference.temperature(), 1.0);
    QVERIFY(reference.temperatureNote().contains(QStringLiteral("not calibrated")));
}

void TestTrust::referenceFileRoundTripsAndNamesDamage()
{
    const std::vector<FeatureBag> training = readBags(m_bags, 0, 20);
    const std::vector<FeatureBag> validation = readBags(m_bags, 20, 12);
    TrustInputs inputs;
    inputs.training = slides(training);
    inputs.validation = slides(validation);
    for (int i = 0; i < 12; ++i) {
        inputs.validationLogits.insert(inputs.validationLogits.end(), {float(i % 3) * 2, 0});
        inputs.validationLabels.push_back(i % 2);
    }
    const TrustReference reference = TrustReference::build(inputs, 3);
    QVERIFY(reference.temperature() != 1.0);
    const QString path = m_dir.filePath(QStringLiteral("trust.h5"));
    reference.write(path);
    QVERIFY(QFileInfo(path).size() < 200 * 1024);
    const TrustReference back = TrustReference::read(path);
    QCOMPARE(back.summary(), reference.summary());
    QCOMPARE(back.temperature(), reference.temperature());
    QCOMPARE(back.referenceScores().size(), reference.referenceScores().size());
    const FeatureBag far = shifted(readBags(m_bags, 70, 1).front(), training, 1.0);
    QCOMPARE(back.judge(far, std::nullopt).toJson(), reference.judge(far, std::nullopt).toJson());

    const QString bad = m_dir.filePath(QStringLiteral("bad-trust.h5"));
    writeText(bad, "not an HDF5 file");
    try {
        TrustReference::read(bad);
        QFAIL("a damaged reference was read");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(bad), qPrintable(e.message()));
    }
}

void TestTrust::aTrainedRunJudgesSlidesAndAnOldRunSaysItCannot()
{
    const LabelTable labels = LabelTable::readCsv(m_bags + QStringLiteral("/labels.csv"));
    Split split;
    for (int i = 0; i < 80; ++i) // the first half is tumour: every fifth slide in turn
        (i % 5 < 3    ? split.train
         : i % 5 == 3 ? split.val
                      : split.test)
            << QStringLiteral("slide_%1").arg(i, 3, 10, QLatin1Char('0'));
    const MilDataset data = MilDataset::load(m_bags + QStringLiteral("/features"), labels, split);
    TrainConfig config;
    config.model.name = QStringLiteral("srmil");
    config.model.hidden = 16;
    config.model.heads = 2;
    config.epochs = 3;
    config.threads = 1;
    config.device = QStringLiteral("cpu");
    const QString run = m_dir.filePath(QStringLiteral("run"));
    Trainer(config, data, run).run();
    QVERIFY(QFile::exists(RunFolder(run).trustPath()));
    const TrustReference reference = TrustReference::read(RunFolder(run).trustPath());
    QVERIFY(reference.summary()
                .value(QStringLiteral("parts"))
                .toArray()
                .at(1)
                .toObject()
                .value(QStringLiteral("enabled"))
                .toBool());
    QVERIFY(reference.temperature() > 0);
    QVERIFY(reference.temperatureNote().contains(QStringLiteral("16 validation slides")));

    const Predictor predictor(run, QStringLiteral("cpu"));
    QVERIFY(predictor.hasTrustReference());
    const FeatureBag peer = readBags(m_bags, 74, 1).front(); // a test slide
    const Prediction p = predictor.predict(peer);
    QVERIFY(p.ood.isJudged());
    QVERIFY(p.ood.partOf(QStringLiteral("reconstruction"))->available());
    QCOMPARE(p.temperature, reference.temperature());
    const Prediction far = predictor.predict(shifted(peer, readBags(m_bags, 0, 40), 1.5));
    QVERIFY(far.ood.flagged);
    // The results file keeps the verdict.
    const QString results = m_dir.filePath(QStringLiteral("far.h5"));
    far.write(results);
    const Prediction back = Prediction::read(results);
    QCOMPARE(back.ood.toJson(), far.ood.toJson());
    QCOMPARE(back.temperature, far.temperature);

    // A run made before the reference existed still predicts, and says it cannot judge.
    QVERIFY(QFile::remove(RunFolder(run).trustPath()));
    const Predictor old(run, QStringLiteral("cpu"));
    QVERIFY(!old.hasTrustReference());
    const Prediction unjudged = old.predict(peer);
    QVERIFY(!unjudged.ood.isJudged());
    QVERIFY(unjudged.trustNote.contains(QStringLiteral("keeps no reference")));
    QCOMPARE(unjudged.temperature, 1.0);
    unjudged.write(results);
    QVERIFY(!Prediction::read(results).ood.isJudged());
    QCOMPARE(Prediction::read(results).trustNote, unjudged.trustNote);
}

QTEST_GUILESS_MAIN(TestTrust)
#include "tst_trust.moc"
