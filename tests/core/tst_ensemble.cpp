// The k-fold ensemble: a cross-validation folder used whole. Its probabilities are the folds'
// mean with their spread, its maps the folds' mean, its uncertainty map the spread of each patch's
// attention percentile over the folds, and its verdict the median fold's; the results file and
// the project keep it; folds that take different inputs are refused.
#include "common/Error.h"
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "project/Project.h"
#include "project/RunRegistry.h"
#include "project/RunSummary.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace tessera::core;

namespace {

FeatureBag bag(const QString& bags, int slide)
{
    return FeatureStore::read(
        QStringLiteral("%1/features/slide_%2.h5").arg(bags).arg(slide, 3, 10, QLatin1Char('0')));
}

// Every feature of every patch moved by `amount` (the bags' features spread about 1).
FeatureBag moved(FeatureBag b, float amount)
{
    for (float& x : b.features)
        x += amount;
    return b;
}

void copyFolder(const QString& from, const QString& to)
{
    QVERIFY(QDir().mkpath(to));
    for (const QString& name : QDir(from).entryList(QDir::Files))
        QVERIFY(QFile::copy(QDir(from).filePath(name), QDir(to).filePath(name)));
}

} // namespace

class TestEnsemble : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void membersAreTheFinishedFoldsInOrder();
    void theEnsembleAveragesItsFoldsAndMeasuresTheirDisagreement();
    void theVerdictIsTheMedianFolds();
    void theResultsFileKeepsTheEnsemble();
    void foldsThatTakeDifferentInputsAreRefused();
    void theProjectListsTheEnsembleAsOneRun();
    void partialAndMixedFoldersSayWhatTheyLack();
    void damagedEnsembleResultsAreRefused();

private:
    QTemporaryDir m_dir;
    QString m_bags, m_cv;
};

void TestEnsemble::initTestCase()
{
    SyntheticBagsSpec spec;
    spec.slides = 36;
    spec.dimension = 8;
    spec.seed = 3;
    spec.signal = 1.0;
    spec.minPatches = 30;
    spec.maxPatches = 60;
    m_bags = m_dir.filePath(QStringLiteral("bags"));
    writeSyntheticBags(spec, m_bags);
    const LabelTable labels = LabelTable::readCsv(m_bags + QStringLiteral("/labels.csv"));
    TrainConfig config;
    config.model.name = QStringLiteral("srmil");
    config.model.hidden = 16;
    config.model.heads = 2;
    config.epochs = 2;
    config.threads = 1;
    config.device = QStringLiteral("cpu");
    m_cv = m_dir.filePath(QStringLiteral("cv"));
    const std::vector<Split> folds = Split::kFold(labels, 3, config.seed);
    for (std::size_t f = 0; f < folds.size(); ++f) {
        const MilDataset data = MilDataset::load(m_bags + QStringLiteral("/features"), labels, folds[f]);
        Trainer(config, data, QStringLiteral("%1/fold_%2").arg(m_cv).arg(f)).run();
    }
}

void TestEnsemble::membersAreTheFinishedFoldsInOrder()
{
    const QStringList expected{QDir(m_cv).absoluteFilePath(QStringLiteral("fold_0")),
                               QDir(m_cv).absoluteFilePath(QStringLiteral("fold_1")),
                               QDir(m_cv).absoluteFilePath(QStringLiteral("fold_2"))};
    QCOMPARE(RunFolder::ensembleMembers(m_cv), expected);
    QVERIFY(RunFolder::ensembleMembers(expected.first()).isEmpty()); // a run is no ensemble
    // A fold still training (no result.json) does not join.
    const QString unfinished = QDir(m_cv).filePath(QStringLiteral("fold_3"));
    copyFolder(expected.first(), unfinished);
    QVERIFY(QFile::remove(RunFolder(unfinished).resultPath()));
    QCOMPARE(RunFolder::ensembleMembers(m_cv), expected);
    QVERIFY(QDir(unfinished).removeRecursively());
}

void TestEnsemble::theEnsembleAveragesItsFoldsAndMeasuresTheirDisagreement()
{
    const Predictor ensemble(m_cv, QStringLiteral("cpu"));
    QCOMPARE(ensemble.members(), 3);
    QCOMPARE(ensemble.run().classNames, QStringList({QStringLiteral("normal"), QStringLiteral("tumour")}));
    const FeatureBag slide = bag(m_bags, 5);
    const Prediction p = ensemble.predict(slide);
    std::vector<Prediction> folds;
    for (const QString& fold : RunFolder::ensembleMembers(m_cv))
        folds.push_back(Predictor(fold, QStringLiteral("cpu")).predict(slide));
    QCOMPARE(p.members, 3);
    QCOMPARE(p.run, m_cv);
    const auto mean = [&](auto member, std::size_t i) {
        double sum = 0;
        for (const Prediction& f : folds)
            sum += double((f.*member)[i]);
        return sum / double(folds.size());
    };
    for (std::size_t c = 0; c < 2; ++c) {
        const double m = mean(&Prediction::probabilities, c);
        double variance = 0;
        for (const Prediction& f : folds)
            variance += std::pow(double(f.probabilities[c]) - m, 2) / double(folds.size());
        QVERIFY(std::abs(p.probabilities[c] - m) < 1e-6);
        QVERIFY(std::abs(p.probabilitySpread[c] - std::sqrt(variance)) < 1e-5);
    }
    // The folds were trained on different slides: they do not agree exactly.
    QVERIFY(p.probabilitySpread[1] > 0);
    double attentionSum = 0;
    const double n = slide.count;
    QCOMPARE(p.uncertainty.size(), std::size_t(slide.count));
    for (std::size_t i = 0; i < std::size_t(slide.count); ++i) {
        QVERIFY(std::abs(p.attention[i] - mean(&Prediction::attention, i)) < 1e-7);
        QVERIFY(std::abs(p.consistency[i] - mean(&Prediction::consistency, i)) < 1e-6);
        attentionSum += p.attention[i];
        // The spread of the folds' attention in multiples of an even share (1/N).
        const double meanShare = mean(&Prediction::attention, i) * n;
        double variance = 0;
        for (const Prediction& f : folds)
            variance += std::pow(double(f.attention[i]) * n - meanShare, 2) / 3;
        QVERIFY2(std::abs(p.uncertainty[i] - std::sqrt(variance)) < 1e-4, qPrintable(QString::number(i)));
        QVERIFY(p.uncertainty[i] >= 0);
    }
    QVERIFY(std::abs(attentionSum - 1) < 1e-4);
    // Evidence: toward the ensemble's favoured class, the folds' mean toward that same class.
    const int favoured =
        int(std::max_element(p.probabilities.begin(), p.probabilities.end()) - p.probabilities.begin());
    QCOMPARE(p.evidenceClass, favoured);
    QCOMPARE(p.evidence.size(), std::size_t(slide.count));
    double evidenceSpread = 0;
    for (std::size_t i = 0; i < std::size_t(slide.count); ++i) {
        double sum = 0;
        for (const Prediction& f : folds)
            sum += f.evidenceClass == favoured ? double(f.evidence[i]) : -double(f.evidence[i]);
        QVERIFY2(std::abs(p.evidence[i] - sum / 3) < 1e-5, qPrintable(QString::number(i)));
        evidenceSpread = std::max(evidenceSpread, std::abs(double(p.evidence[i])));
    }
    QVERIFY(evidenceSpread > 0);
    QVERIFY(*std::max_element(p.uncertainty.begin(), p.uncertainty.end()) > 0.001f);
    QCOMPARE(&p.scores(ScoreMap::Uncertainty), &p.uncertainty);
    QVERIFY(p.probabilitiesText().contains(QStringLiteral(" ± ")));
    QVERIFY(p.probabilitiesText().endsWith(QStringLiteral("(mean of 3 folds)")));
    // A single fold has no spread and no uncertainty map.
    QCOMPARE(folds[0].members, 1);
    QVERIFY(folds[0].uncertainty.empty() && folds[0].probabilitySpread.empty());
    QVERIFY(!folds[0].probabilitiesText().contains(QStringLiteral("±")));
}

void TestEnsemble::theVerdictIsTheMedianFolds()
{
    const Predictor ensemble(m_cv, QStringLiteral("cpu"));
    QVERIFY(ensemble.hasTrustReference());
    std::vector<std::unique_ptr<Predictor>> folds;
    for (const QString& fold : RunFolder::ensembleMembers(m_cv))
        folds.push_back(std::make_unique<Predictor>(fold, QStringLiteral("cpu")));
    int agreedFlagged = 0, agreedLike = 0;
    for (const float amount : {0.f, 0.3f, 0.6f, 0.9f, 1.2f, 2.f, 4.f})
        for (int slide : {1, 20, 33}) {
            const FeatureBag b = moved(bag(m_bags, slide), amount);
            const Prediction p = ensemble.predict(b);
            QVERIFY(p.ood.isJudged());
            int flagging = 0;
            QStringList scores;
            for (const auto& f : folds) {
                const Prediction q = f->predict(b);
                flagging += q.ood.flagged;
                scores << QString::number(q.ood.score, 'g', 10);
            }
            // Flagged when at least two of the three folds flag it, with one fold's own verdict.
            QCOMPARE(p.ood.flagged, flagging >= 2);
            QVERIFY2(scores.contains(QString::number(p.ood.score, 'g', 10)), qPrintable(scores.join(' ')));
            QVERIFY(p.ood.reference.contains(QStringLiteral("the median of 3 folds")));
            (p.ood.flagged ? agreedFlagged : agreedLike) += flagging == 3 || flagging == 0;
        }
    QVERIFY(agreedFlagged > 0 && agreedLike > 0); // both ends were reached
}

void TestEnsemble::theResultsFileKeepsTheEnsemble()
{
    const Prediction p = Predictor(m_cv, QStringLiteral("cpu")).predict(bag(m_bags, 7));
    const QString file = m_dir.filePath(QStringLiteral("ensemble.h5"));
    p.write(file);
    const Prediction back = Prediction::read(file);
    QCOMPARE(back.members, 3);
    QCOMPARE(back.uncertainty, p.uncertainty);
    QCOMPARE(back.probabilitySpread, p.probabilitySpread);
    QCOMPARE(back.probabilities, p.probabilities);
    QCOMPARE(back.temperature, p.temperature);
    const Prediction single =
        Predictor(RunFolder::ensembleMembers(m_cv).first(), QStringLiteral("cpu")).predict(bag(m_bags, 7));
    single.write(file);
    const Prediction singleBack = Prediction::read(file);
    QCOMPARE(singleBack.members, 1);
    QVERIFY(singleBack.uncertainty.empty() && singleBack.probabilitySpread.empty());
}

void TestEnsemble::foldsThatTakeDifferentInputsAreRefused()
{
    const QString mixed = m_dir.filePath(QStringLiteral("mixed"));
    copyFolder(m_cv + QStringLiteral("/fold_0"), mixed + QStringLiteral("/fold_0"));
    copyFolder(m_cv + QStringLiteral("/fold_1"), mixed + QStringLiteral("/fold_1"));
    const RunFolder other(mixed + QStringLiteral("/fold_1"));
    QJsonObject config = other.readConfig();
    config[QStringLiteral("classes")] = QJsonArray{QStringLiteral("benign"), QStringLiteral("malignant")};
    other.writeConfig(config);
    try {
        const Predictor refused(mixed, QStringLiteral("cpu"));
        QFAIL("folds with different classes made an ensemble");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("fold_0 and fold_1 differ")), qPrintable(e.message()));
    }
}

void TestEnsemble::theProjectListsTheEnsembleAsOneRun()
{
    const auto project = Project::create(m_dir.filePath(QStringLiteral("project")));
    RunRegistry& runs = project->runs();
    const qint64 id = runs.ensureRegistered(m_cv);
    QCOMPARE(runs.recordEnsemble(m_cv), id); // brought up to date, not added twice
    // A fold that finishes later joins the same row.
    const QString growing = m_dir.filePath(QStringLiteral("growing"));
    copyFolder(m_cv + QStringLiteral("/fold_0"), growing + QStringLiteral("/fold_0"));
    copyFolder(m_cv + QStringLiteral("/fold_1"), growing + QStringLiteral("/fold_1"));
    const qint64 two = runs.recordEnsemble(growing);
    QCOMPARE(runs.find(growing)->split, QStringLiteral("ensemble of 2 folds"));
    copyFolder(m_cv + QStringLiteral("/fold_2"), growing + QStringLiteral("/fold_2"));
    QCOMPARE(runs.recordEnsemble(growing), two);
    QCOMPARE(runs.find(growing)->split, QStringLiteral("ensemble of 3 folds"));
    const std::optional<RunRecord> run = runs.find(m_cv);
    QVERIFY(run);
    QCOMPARE(run->status, RunStatus::kFinished);
    QCOMPARE(run->split, QStringLiteral("ensemble of 3 folds"));
    QCOMPARE(run->model, QStringLiteral("srmil"));
    QCOMPARE(run->config[QStringLiteral("ensemble")].toArray().size(), 3);
    double validation = 0;
    for (const QString& fold : RunFolder::ensembleMembers(m_cv))
        validation += RunFolder(fold).readResult()->validation.macroAuc / 3;
    QVERIFY(std::abs(run->validationAuc - validation) < 1e-9);
    QCOMPARE(run->result->trust[QStringLiteral("members")].toInt(), 3);
    // The Runs dock's words for it: named as an ensemble, its AUC as its folds' mean.
    QVERIFY(runDisplayName(*run, nullptr).endsWith(QStringLiteral(" · ensemble of 3 folds")));
    const ValidationSummary summary = summarizeValidation(*run);
    QCOMPARE(summary.aucText, QStringLiteral("%1 (mean of 3 folds)").arg(validation, 0, 'f', 3));
    QVERIFY(summary.explanation.contains(QStringLiteral("mean of its 3 folds")));
}

void TestEnsemble::partialAndMixedFoldersSayWhatTheyLack()
{
    // One finished fold is no ensemble: said so, with what to do.
    const QString partial = m_dir.filePath(QStringLiteral("partial"));
    copyFolder(m_cv + QStringLiteral("/fold_0"), partial + QStringLiteral("/fold_0"));
    try {
        const Predictor refused(partial, QStringLiteral("cpu"));
        QFAIL("one fold made an ensemble");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("1 finished fold(s)")) &&
                     e.message().contains(QStringLiteral("at least 2")),
                 qPrintable(e.message()));
    }
    // Two folds (an even count): flagged when at least one of the two flags the slide.
    copyFolder(m_cv + QStringLiteral("/fold_1"), partial + QStringLiteral("/fold_1"));
    const Predictor two(partial, QStringLiteral("cpu"));
    QCOMPARE(two.members(), 2);
    const Predictor first(partial + QStringLiteral("/fold_0"), QStringLiteral("cpu"));
    const Predictor second(partial + QStringLiteral("/fold_1"), QStringLiteral("cpu"));
    for (const float amount : {0.f, 0.6f, 1.2f, 4.f}) {
        const FeatureBag b = moved(bag(m_bags, 20), amount);
        QCOMPARE(two.predict(b).ood.flagged, first.predict(b).ood.flagged || second.predict(b).ood.flagged);
    }
    // A one-patch slide: the folds cannot disagree on where to look.
    FeatureBag single = bag(m_bags, 4);
    single.count = 1;
    single.features.resize(std::size_t(single.dimension));
    single.coords.resize(2);
    const Prediction one = two.predict(single);
    QCOMPARE(one.uncertainty, std::vector<float>{0.f});
    // A fold without a trust reference (made before one was kept): the slide is not judged, and
    // the reason is that fold's.
    QVERIFY(QFile::remove(RunFolder(partial + QStringLiteral("/fold_1")).trustPath()));
    const Predictor mixed(partial, QStringLiteral("cpu"));
    QVERIFY(!mixed.hasTrustReference());
    const Prediction unjudged = mixed.predict(bag(m_bags, 20));
    QVERIFY(!unjudged.ood.isJudged());
    QVERIFY2(unjudged.trustNote.contains(QStringLiteral("fold_1 keeps no reference")),
             qPrintable(unjudged.trustNote));
}

void TestEnsemble::damagedEnsembleResultsAreRefused()
{
    const QString file = m_dir.filePath(QStringLiteral("damaged.h5"));
    Prediction p = Predictor(m_cv, QStringLiteral("cpu")).predict(bag(m_bags, 9));
    // An uncertainty map that says one model made it.
    Prediction one = p;
    one.members = 1;
    one.write(file);
    QVERIFY_THROWS_EXCEPTION(Error, Prediction::read(file));
    // A negative spread.
    Prediction negative = p;
    negative.uncertainty[0] = -0.5f;
    negative.write(file);
    try {
        (void)Prediction::read(file);
        QFAIL("a negative spread was read");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("uncertainty holds -0.5")), qPrintable(e.message()));
    }
    // A map of the wrong size.
    Prediction shorter = p;
    shorter.uncertainty.pop_back();
    shorter.write(file);
    QVERIFY_THROWS_EXCEPTION(Error, Prediction::read(file));
}

QTEST_GUILESS_MAIN(TestEnsemble)
#include "tst_ensemble.moc"
