#include "review/Acquisition.h"

#include "common/Error.h"

#include <torch/torch.h>

#include <QHash>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace tessera::core {

namespace {

// Each value's place among the slide's values, 0 (lowest) to 1 (highest).
std::vector<double> percentiles(const std::vector<float>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> place(values.size());
    const double last = double(std::max<std::size_t>(1, values.size() - 1));
    for (std::size_t r = 0; r < order.size(); ++r)
        place[order[r]] = double(r) / last;
    return place;
}

// High attention the neighbourhood does not back.
std::vector<double> unbackedAttention(const Prediction& prediction, const SpatialGraph& graph)
{
    const std::vector<double> attention = percentiles(prediction.attention);
    std::vector<double> scores(attention.size());
    if (!prediction.consistency.empty()) {
        const std::vector<double> consistency = percentiles(prediction.consistency);
        for (std::size_t i = 0; i < scores.size(); ++i)
            scores[i] = attention[i] * (1 - consistency[i]);
        return scores;
    }
    for (std::size_t i = 0; i < scores.size(); ++i) {
        const std::vector<std::int64_t> neighbours = graph.neighboursOf(int(i));
        double around = 0;
        for (std::int64_t n : neighbours)
            around += attention[std::size_t(n)];
        around = neighbours.empty() ? 0 : around / double(neighbours.size());
        scores[i] = attention[i] * (1 - around);
    }
    return scores;
}

// A second opinion's percentile minus attention's, per patch.
std::vector<double> disagreementWith(const std::vector<float>& opinion, const Prediction& prediction)
{
    const std::vector<double> attention = percentiles(prediction.attention);
    const std::vector<double> other = percentiles(opinion);
    std::vector<double> scores(attention.size());
    for (std::size_t i = 0; i < scores.size(); ++i)
        scores[i] = other[i] - attention[i];
    return scores;
}

std::vector<double> disagreement(const ProposalCandidates& slide)
{
    if (slide.novelty.size() != slide.prediction.attention.size())
        throw Error(QStringLiteral("%1: no context novelty to weigh the attention against (the run's normal "
                                   "training slides are needed)")
                        .arg(slide.slideId));
    return disagreementWith(std::vector<float>(slide.novelty.begin(), slide.novelty.end()), slide.prediction);
}

std::vector<double> evidenceDisagreement(const ProposalCandidates& slide)
{
    const std::vector<float> toward = slide.prediction.evidenceTowardPositive();
    if (toward.size() != slide.prediction.attention.size())
        throw Error(
            QStringLiteral("%1: run %2's model (%3) has no evidence map toward the second of two classes "
                           "to weigh its attention against (SR-MIL and ABMIL runs with two classes have one)")
                .arg(slide.slideId, slide.prediction.run, slide.prediction.model));
    return disagreementWith(toward, slide.prediction);
}

// Per patch, the mean feature of it and its graph neighbours.
torch::Tensor neighbourhoods(const FeatureBag& bag, const SpatialGraph& graph)
{
    const torch::Tensor features = torch::from_blob(const_cast<float*>(bag.features.data()),
                                                    {bag.count, bag.dimension}, torch::kFloat32);
    torch::Tensor out = torch::empty({bag.count, bag.dimension}, torch::kFloat32);
    for (int i = 0; i < bag.count; ++i) {
        std::vector<std::int64_t> members = graph.neighboursOf(i);
        members.push_back(i);
        out[i] = features.index_select(0, torch::tensor(members, torch::kLong)).mean(0);
    }
    return out;
}

} // namespace

void ContextNovelty::addSlide(const FeatureBag& bag, const SpatialGraph& graph, bool negativeClass)
{
    if (m_dimension == 0)
        m_dimension = bag.dimension;
    if (bag.dimension != m_dimension)
        throw Error(
            QStringLiteral("slides with %1 and %2 feature dimensions").arg(m_dimension).arg(bag.dimension));
    torch::NoGradGuard noGrad;
    const torch::Tensor means = neighbourhoods(bag, graph).to(torch::kFloat64);
    Moments& m = negativeClass ? m_negative : m_other;
    if (m.sum.empty()) {
        m.sum.assign(std::size_t(m_dimension), 0.0);
        m.products.assign(std::size_t(m_dimension) * std::size_t(m_dimension), 0.0);
    }
    const torch::Tensor sum = means.sum(0).contiguous(), products = means.t().mm(means).contiguous();
    for (std::size_t i = 0; i < m.sum.size(); ++i)
        m.sum[i] += sum.data_ptr<double>()[i];
    for (std::size_t i = 0; i < m.products.size(); ++i)
        m.products[i] += products.data_ptr<double>()[i];
    m.count += bag.count;
    m_direction.clear();
}

bool ContextNovelty::isReady() const
{
    return m_negative.count > 1 && m_other.count > 1;
}

void ContextNovelty::fit() const
{
    const auto covariance = [&](const Moments& m) {
        const torch::Tensor sum = torch::tensor(m.sum, torch::kFloat64);
        const torch::Tensor products =
            torch::tensor(m.products, torch::kFloat64).reshape({m_dimension, m_dimension});
        const double n = double(m.count);
        return (products - torch::outer(sum, sum) / n) / (n - 1);
    };
    // The direction of the largest variance ratio: whitened by the normal neighbourhoods' own
    // covariance, so that tissue variation both classes share counts in proportion, not in size.
    torch::Tensor negative = covariance(m_negative);
    // A ridge in proportion to the features' scale: a direction normal tissue barely varies
    // along must not win by dividing by almost nothing.
    negative = negative + (1e-3 * negative.trace().item<double>() / m_dimension + 1e-12) *
                              torch::eye(m_dimension, torch::kFloat64);
    const auto [spread, axes] = torch::linalg::eigh(negative, "L");
    const torch::Tensor whiten = axes.mm(torch::diag(spread.clamp_min(1e-12).rsqrt())); // W: Wᵀ C W = I
    const auto [values, vectors] = torch::linalg::eigh(whiten.t().mm(covariance(m_other)).mm(whiten), "L");
    const torch::Tensor top = whiten.mv(vectors.select(1, m_dimension - 1)); // the largest ratio
    const torch::Tensor direction = (top / top.norm()).contiguous();
    m_direction.assign(direction.data_ptr<double>(), direction.data_ptr<double>() + m_dimension);
    const torch::Tensor center = torch::tensor(m_negative.sum, torch::kFloat64) / double(m_negative.count);
    m_center.assign(center.data_ptr<double>(), center.data_ptr<double>() + m_dimension);
    m_scale = std::sqrt(std::max(1e-12, direction.dot(negative.mv(direction)).item<double>()));
}

std::vector<double> ContextNovelty::of(const FeatureBag& bag, const SpatialGraph& graph) const
{
    if (!isReady())
        throw Error(
            QStringLiteral("context novelty needs training slides of the normal class and of another"));
    if (bag.dimension != m_dimension)
        throw Error(QStringLiteral("the slide's features have %1 dimensions, the training slides' %2")
                        .arg(bag.dimension)
                        .arg(m_dimension));
    if (m_direction.empty())
        fit();
    torch::NoGradGuard noGrad;
    const torch::Tensor means = neighbourhoods(bag, graph).to(torch::kFloat64);
    const torch::Tensor along = (means - torch::tensor(m_center, torch::kFloat64))
                                    .mv(torch::tensor(m_direction, torch::kFloat64))
                                    .abs()
                                    .div(m_scale)
                                    .contiguous();
    return std::vector<double>(along.data_ptr<double>(), along.data_ptr<double>() + bag.count);
}

namespace {

constexpr Acquisition kAcquisitions[] = {Acquisition::Disagreement, Acquisition::Evidence,
                                         Acquisition::Consistency, Acquisition::Attention,
                                         Acquisition::Random};

} // namespace

QString acquisitionName(Acquisition acquisition)
{
    switch (acquisition) {
    case Acquisition::Disagreement:
        return QStringLiteral("disagreement");
    case Acquisition::Evidence:
        return QStringLiteral("evidence");
    case Acquisition::Consistency:
        return QStringLiteral("consistency");
    case Acquisition::Attention:
        return QStringLiteral("attention");
    case Acquisition::Random:
        return QStringLiteral("random");
    }
    return {};
}

QStringList acquisitionNames()
{
    QStringList names;
    for (Acquisition a : kAcquisitions)
        names << acquisitionName(a);
    return names;
}

std::optional<Acquisition> acquisitionFromName(const QString& name)
{
    for (Acquisition a : kAcquisitions)
        if (acquisitionName(a) == name)
            return a;
    return std::nullopt;
}

std::vector<double> acquisitionScores(const ProposalCandidates& slide, Acquisition acquisition,
                                      std::uint64_t seed)
{
    const Prediction& prediction = slide.prediction;
    const std::size_t n = prediction.attention.size();
    switch (acquisition) {
    case Acquisition::Disagreement:
        return disagreement(slide);
    case Acquisition::Evidence:
        return evidenceDisagreement(slide);
    case Acquisition::Consistency:
        return unbackedAttention(prediction, slide.graph);
    case Acquisition::Attention: {
        std::vector<double> scores(n);
        for (std::size_t i = 0; i < n; ++i)
            scores[i] = double(prediction.attention[i]) * double(n);
        return scores;
    }
    case Acquisition::Random: {
        std::mt19937_64 random(seed ^ qHash(slide.slideId));
        std::uniform_real_distribution<double> uniform(0, 1);
        std::vector<double> scores(n);
        for (double& s : scores)
            s = uniform(random);
        return scores;
    }
    }
    return std::vector<double>(n, 0.0);
}

std::vector<Proposal> pickProposals(const std::vector<ProposalCandidates>& slides, Acquisition acquisition,
                                    int count, std::uint64_t seed)
{
    struct Ranked {
        double score;
        std::size_t slide;
        int patch;
    };
    // Disagreement asks about both sides in turn (docs/REVIEW.md): patches the model may have
    // missed (score > 0) and patches it may be wrong to look at (score < 0), strongest first.
    const bool twoSided = acquisition == Acquisition::Disagreement || acquisition == Acquisition::Evidence;
    std::vector<Ranked> sides[2];
    for (std::size_t s = 0; s < slides.size(); ++s) {
        const ProposalCandidates& c = slides[s];
        const std::vector<double> scores = acquisitionScores(c, acquisition, seed);
        for (std::size_t i = 0; i < scores.size(); ++i)
            if (c.answered.empty() || c.answered[i] < 0)
                sides[twoSided && scores[i] < 0 ? 1 : 0].push_back({scores[i], s, int(i)});
    }
    for (auto& side : sides)
        std::stable_sort(side.begin(), side.end(), [](const Ranked& a, const Ranked& b) {
            return std::abs(a.score) > std::abs(b.score);
        });
    const int perSlide =
        std::max(1, int(std::ceil(2.0 * count / double(std::max<std::size_t>(1, slides.size())))));
    std::vector<int> taken(slides.size(), 0);
    std::vector<std::vector<bool>> blocked(slides.size());
    // Whether a patch may still be asked: its slide has room and no proposal is its neighbour.
    const auto acceptable = [&](const Ranked& r) {
        std::vector<bool>& near = blocked[r.slide];
        if (near.empty())
            near.assign(slides[r.slide].prediction.attention.size(), false);
        return taken[r.slide] < perSlide && !near[std::size_t(r.patch)];
    };
    std::vector<Proposal> proposals;
    std::size_t cursor[2] = {0, 0};
    for (int turn = 0; int(proposals.size()) < count; turn = twoSided ? 1 - turn : 0) {
        int side = turn;
        while (cursor[side] < sides[side].size() && !acceptable(sides[side][cursor[side]]))
            ++cursor[side];
        if (cursor[side] >= sides[side].size()) { // this side has nothing left: the other's turn
            side = 1 - side;
            while (cursor[side] < sides[side].size() && !acceptable(sides[side][cursor[side]]))
                ++cursor[side];
            if (cursor[side] >= sides[side].size())
                break;
        }
        const Ranked& r = sides[side][cursor[side]++];
        const ProposalCandidates& c = slides[r.slide];
        std::vector<bool>& near = blocked[r.slide];
        near[std::size_t(r.patch)] = true;
        for (std::int64_t n : c.graph.neighboursOf(r.patch))
            near[std::size_t(n)] = true;
        ++taken[r.slide];
        Proposal p;
        p.slideId = c.slideId;
        p.patch = r.patch;
        p.x = c.prediction.coords[std::size_t(2 * r.patch)];
        p.y = c.prediction.coords[std::size_t(2 * r.patch + 1)];
        p.size = c.prediction.patchStep > 0 ? c.prediction.patchStep : c.graph.step;
        p.score = std::abs(r.score);
        p.acquisition = acquisitionName(acquisition);
        if (twoSided)
            p.hint = side == 0 ? Proposal::Hint::Missed : Proposal::Hint::Unbacked;
        proposals.push_back(p);
    }
    return proposals;
}

} // namespace tessera::core
