// Acquisition: how proposals are picked (no neighbours, a cap per slide, nothing asked twice, both
// sides of a disagreement in turn) and that context novelty finds a coherent region that only the
// positive slides have, while isolated look-alikes that both classes have stay ordinary.
#include "common/Error.h"
#include "review/Acquisition.h"

#include <QtTest>

#include <random>

using namespace tessera::core;

namespace {

constexpr std::int64_t kStep = 100;
constexpr int kSide = 12;

// A kSide × kSide grid slide whose attention rises with the patch index.
ProposalCandidates gridSlide(const QString& id)
{
    ProposalCandidates c;
    c.slideId = id;
    for (int y = 0; y < kSide; ++y)
        for (int x = 0; x < kSide; ++x) {
            c.prediction.coords.push_back(x * kStep);
            c.prediction.coords.push_back(y * kStep);
        }
    const int n = kSide * kSide;
    for (int i = 0; i < n; ++i)
        c.prediction.attention.push_back(float(i + 1) / float(n * (n + 1) / 2));
    c.prediction.patchStep = int(kStep);
    c.graph = SpatialGraph::fromCoords(c.prediction.coords, kStep);
    return c;
}

// Features: noise, plus a shift along dimension 0 on `shifted` patches.
FeatureBag bagOf(const ProposalCandidates& c, const std::vector<bool>& shifted, std::mt19937& random)
{
    std::normal_distribution<float> noise(0, 1);
    FeatureBag bag;
    bag.dimension = 4;
    bag.count = int(c.prediction.attention.size());
    bag.coords = c.prediction.coords;
    for (int i = 0; i < bag.count; ++i)
        for (int d = 0; d < bag.dimension; ++d)
            bag.features.push_back(noise(random) + (d == 0 && shifted[std::size_t(i)] ? 3.f : 0.f));
    return bag;
}

} // namespace

class TestAcquisition : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void proposalsAreTheBestNonNeighbouringPatches();
    void eachSlideGetsItsShareAndNothingIsAskedTwice();
    void disagreementAsksBothSidesInTurn();
    void evidenceWeighsAttentionAgainstTheTumourWardEvidence();
    void contextNoveltyFindsTheCoherentRegion();
};

void TestAcquisition::proposalsAreTheBestNonNeighbouringPatches()
{
    const ProposalCandidates slide = gridSlide(QStringLiteral("a"));
    const std::vector<Proposal> picked = pickProposals({slide}, Acquisition::Attention, 3, 1);
    QCOMPARE(picked.size(), std::size_t(3));
    QCOMPARE(picked[0].patch, kSide * kSide - 1); // the hottest first
    QCOMPARE(picked[0].size, kStep);
    for (std::size_t i = 0; i < picked.size(); ++i)
        for (std::size_t j = 0; j < i; ++j) {
            const double dx = double(picked[i].x - picked[j].x) / kStep,
                         dy = double(picked[i].y - picked[j].y) / kStep;
            QVERIFY2(std::hypot(dx, dy) > 2 * 1.42, "two proposals are graph neighbours");
        }
    QVERIFY(picked[0].score >= picked[1].score && picked[1].score >= picked[2].score);
    // More asked for than there is room for: as many as fit, and it ends.
    const std::vector<Proposal> all = pickProposals({slide}, Acquisition::Attention, 1000, 1);
    QVERIFY(all.size() > 3 && all.size() < std::size_t(kSide * kSide / 4));
}

void TestAcquisition::eachSlideGetsItsShareAndNothingIsAskedTwice()
{
    std::vector<ProposalCandidates> slides;
    for (const char* id : {"a", "b", "c", "d"})
        slides.push_back(gridSlide(QString::fromLatin1(id)));
    // 2 proposals over 4 slides: at most one each, so one odd slide cannot take the round.
    const std::vector<Proposal> picked = pickProposals(slides, Acquisition::Attention, 2, 1);
    QCOMPARE(picked.size(), std::size_t(2));
    QVERIFY(picked[0].slideId != picked[1].slideId);
    // An answered patch is not proposed again: the next best of that slide is.
    slides[0].answered.assign(std::size_t(kSide * kSide), -1);
    slides[0].answered.back() = 1;
    const std::vector<Proposal> again = pickProposals({slides[0]}, Acquisition::Attention, 1, 1);
    QCOMPARE(again.front().patch, kSide * kSide - 2);
    // Random draws differ by seed, and are the same for the same seed.
    const auto randomPatch = [&](std::uint64_t seed) {
        return pickProposals({slides[1]}, Acquisition::Random, 1, seed).front().patch;
    };
    QCOMPARE(randomPatch(3), randomPatch(3));
    QVERIFY(randomPatch(3) != randomPatch(4) || randomPatch(3) != randomPatch(5));
}

void TestAcquisition::disagreementAsksBothSidesInTurn()
{
    ProposalCandidates slide = gridSlide(QStringLiteral("a"));
    // Novelty falls as attention rises: the hottest patches look ordinary (possible false
    // alarms), the coldest novel (possible misses).
    const int n = kSide * kSide;
    for (int i = 0; i < n; ++i)
        slide.novelty.push_back(double(n - i));
    const std::vector<Proposal> picked = pickProposals({slide}, Acquisition::Disagreement, 4, 1);
    QCOMPARE(picked.size(), std::size_t(4));
    QCOMPARE(picked[0].hint, Proposal::Hint::Missed);
    QCOMPARE(picked[0].patch, 0);
    QCOMPARE(picked[1].hint, Proposal::Hint::Unbacked);
    QCOMPARE(picked[1].patch, n - 1);
    QCOMPARE(picked[2].hint, Proposal::Hint::Missed);
    QCOMPARE(picked[3].hint, Proposal::Hint::Unbacked);
    // Without novelty, disagreement cannot be scored: said, not guessed.
    slide.novelty.clear();
    QVERIFY_THROWS_EXCEPTION(Error, pickProposals({slide}, Acquisition::Disagreement, 4, 1));
}

void TestAcquisition::evidenceWeighsAttentionAgainstTheTumourWardEvidence()
{
    ProposalCandidates slide = gridSlide(QStringLiteral("a"));
    const int n = kSide * kSide;
    // Evidence toward "normal" (class 0) that rises with attention: toward tumour it falls, so
    // the coldest patch pushes hardest toward tumour (a possible miss) and the hottest away
    // (weighed, but read as normal).
    slide.prediction.evidenceClass = 0;
    slide.prediction.probabilities = {0.6f, 0.4f};
    for (int i = 0; i < n; ++i)
        slide.prediction.evidence.push_back(float(i) - float(n) / 2);
    const std::vector<float> toward = slide.prediction.evidenceTowardPositive();
    QCOMPARE(toward.front(), float(n) / 2);
    QCOMPARE(toward.back(), -float(n - 1) + float(n) / 2);
    const std::vector<Proposal> picked = pickProposals({slide}, Acquisition::Evidence, 2, 1);
    QCOMPARE(picked.size(), std::size_t(2));
    QCOMPARE(picked[0].patch, 0);
    QCOMPARE(picked[0].hint, Proposal::Hint::Missed);
    QCOMPARE(picked[1].patch, n - 1);
    QCOMPARE(picked[1].hint, Proposal::Hint::Unbacked);
    QCOMPARE(picked[0].acquisition, QStringLiteral("evidence"));
    QCOMPARE(acquisitionFromName(QStringLiteral("evidence")), std::optional(Acquisition::Evidence));
    // The same evidence toward tumour (class 1) agrees with attention: nothing stands out as
    // strongly, and the sides swap.
    slide.prediction.evidenceClass = 1;
    const std::vector<double> agreeing = acquisitionScores(slide, Acquisition::Evidence, 1);
    for (double s : agreeing)
        QVERIFY(std::abs(s) < 1e-9);
    // Three classes have no one tumour-ward direction: refused, as is a model without an evidence
    // map (TransMIL), which is named.
    slide.prediction.probabilities = {0.2f, 0.5f, 0.3f};
    QVERIFY(slide.prediction.evidenceTowardPositive().empty());
    QVERIFY_THROWS_EXCEPTION(Error, pickProposals({slide}, Acquisition::Evidence, 2, 1));
    slide.prediction.probabilities = {0.6f, 0.4f};
    slide.prediction.evidence.clear();
    slide.prediction.model = QStringLiteral("transmil");
    try {
        (void)pickProposals({slide}, Acquisition::Evidence, 2, 1);
        QFAIL("no error");
    } catch (const Error& e) {
        QVERIFY2(e.message().contains(QStringLiteral("transmil")), qPrintable(e.message()));
    }
}

void TestAcquisition::contextNoveltyFindsTheCoherentRegion()
{
    std::mt19937 random(7);
    const ProposalCandidates grid = gridSlide(QStringLiteral("g"));
    const int n = kSide * kSide;
    // Every slide has isolated look-alikes (every 13th patch); positive ones also a 4 × 4 block.
    const auto shifted = [&](bool block) {
        std::vector<bool> s(static_cast<std::size_t>(n));
        for (int i = 0; i < n; ++i) {
            const int x = i % kSide, y = i / kSide;
            s[std::size_t(i)] = i % 13 == 0 || (block && x >= 4 && x < 8 && y >= 4 && y < 8);
        }
        return s;
    };
    ContextNovelty novelty;
    QVERIFY(!novelty.isReady());
    for (int slide = 0; slide < 20; ++slide)
        novelty.addSlide(bagOf(grid, shifted(slide % 2 == 1), random), grid.graph, slide % 2 == 0);
    QVERIFY(novelty.isReady());
    const std::vector<bool> truth = shifted(true);
    const std::vector<double> scores = novelty.of(bagOf(grid, truth, random), grid.graph);
    double inside = 0, lookAlikes = 0;
    int insideCount = 0, lookAlikeCount = 0;
    for (int i = 0; i < n; ++i) {
        const int x = i % kSide, y = i / kSide;
        if (x >= 5 && x < 7 && y >= 5 && y < 7) { // the block's interior
            inside += scores[std::size_t(i)];
            ++insideCount;
        } else if (i % 13 == 0 && (x < 2 || x >= 10 || y < 2 || y >= 10)) { // look-alikes far from it
            lookAlikes += scores[std::size_t(i)];
            ++lookAlikeCount;
        }
    }
    double ordinary = 0;
    int ordinaryCount = 0;
    for (int i = 0; i < n; ++i)
        if (!truth[std::size_t(i)] && (i % kSide < 2 || i / kSide < 2)) {
            ordinary += scores[std::size_t(i)];
            ++ordinaryCount;
        }
    ordinary /= ordinaryCount;
    inside /= insideCount;
    lookAlikes /= lookAlikeCount;
    qInfo("novelty: block interior %.2f, isolated look-alikes %.2f, ordinary %.2f (normal SDs)", inside,
          lookAlikes, ordinary);
    QVERIFY2(inside > 1.3 * lookAlikes && inside > 3 * ordinary,
             qPrintable(QStringLiteral("%1 vs %2, %3").arg(inside).arg(lookAlikes).arg(ordinary)));
    FeatureBag wrong = bagOf(grid, truth, random);
    wrong.dimension = 3;
    QVERIFY_THROWS_EXCEPTION(Error, novelty.of(wrong, grid.graph));
}

QTEST_GUILESS_MAIN(TestAcquisition)
#include "tst_acquisition.moc"
