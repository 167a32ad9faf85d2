#include "FeatureCodebook.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace tessera::core {

namespace {

constexpr int kIterations = 20;

torch::Tensor rowsOf(const std::vector<float>& values, int dimension)
{
    return torch::from_blob(const_cast<float*>(values.data()),
                            {std::int64_t(values.size()) / dimension, dimension}, torch::kFloat32);
}

// Squared distances [N, K] between the rows of x and of c.
torch::Tensor squaredDistances(const torch::Tensor& x, const torch::Tensor& c)
{
    return (x.pow(2).sum(1, true) - 2 * x.matmul(c.t()) + c.pow(2).sum(1).unsqueeze(0)).clamp_min(0);
}

// k-means++ seeding, then Lloyd's iterations; an emptied centre keeps its place.
torch::Tensor kMeans(const torch::Tensor& x, int k, std::mt19937_64& random)
{
    const std::int64_t n = x.size(0);
    std::vector<std::int64_t> chosen{std::int64_t(random() % std::uint64_t(n))};
    torch::Tensor nearest = squaredDistances(x, x.index({chosen[0]}).unsqueeze(0)).squeeze(1);
    while (int(chosen.size()) < k) {
        const torch::Tensor w = nearest.contiguous();
        const float* p = w.data_ptr<float>();
        // Every patch already a centre (duplicates): any will do.
        const std::int64_t next = std::accumulate(p, p + n, 0.0) > 0
                                      ? std::discrete_distribution<std::int64_t>(p, p + n)(random)
                                      : std::int64_t(random() % std::uint64_t(n));
        chosen.push_back(next);
        nearest = torch::minimum(nearest, squaredDistances(x, x.index({next}).unsqueeze(0)).squeeze(1));
    }
    torch::Tensor centres = x.index({torch::tensor(chosen)}).clone();
    for (int iteration = 0; iteration < kIterations; ++iteration) {
        const torch::Tensor assigned = squaredDistances(x, centres).argmin(1);
        torch::Tensor sums = torch::zeros_like(centres).index_add_(0, assigned, x);
        const torch::Tensor counts = torch::bincount(assigned, {}, k).to(torch::kFloat32).unsqueeze(1);
        const torch::Tensor filled = counts > 0;
        const torch::Tensor next = torch::where(filled, sums / counts.clamp_min(1), centres);
        if (torch::allclose(next, centres))
            break;
        centres = next;
    }
    return centres;
}

} // namespace

FeatureCodebook FeatureCodebook::fit(const std::vector<const FeatureBag*>& bags, std::uint64_t seed)
{
    FeatureCodebook book;
    std::size_t total = 0;
    for (const FeatureBag* bag : bags)
        total += std::size_t(bag->count);
    if (bags.empty() || total == 0)
        return book;
    const int d = bags.front()->dimension;
    std::mt19937_64 random(seed);
    // Each slide gives its share of the sample (all of a small slide), so that no slide dominates.
    const std::size_t share = std::max<std::size_t>(1, std::size_t(kMaxSampledPatches) / bags.size());
    std::vector<float> sample;
    for (const FeatureBag* bag : bags) {
        if (bag->dimension != d)
            continue;
        std::vector<int> order(std::size_t(bag->count));
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), random);
        order.resize(std::min(order.size(), share));
        for (int i : order)
            sample.insert(sample.end(), bag->row(i), bag->row(i) + d);
    }
    const torch::Tensor x = rowsOf(sample, d);
    const torch::Tensor mean = x.mean(0);
    torch::Tensor spread = x.std(0, /*unbiased=*/false);
    // A feature that (nearly) never varied in training still gets a finite scale: small enough
    // that a new slide where it does vary lies far away, not so small that rounding does.
    const double typical = spread.median().item<double>();
    spread = spread.clamp_min(std::max(1e-6, kLowestRelativeScale * typical));
    const torch::Tensor z = (x - mean) / spread;
    const int k = int(std::min<std::int64_t>(kMaxCentres, std::max<std::int64_t>(1, z.size(0) / 4)));
    const torch::Tensor centres = kMeans(z, k, random).contiguous();
    book.m_dimension = d;
    book.m_mean.assign(mean.data_ptr<float>(), mean.data_ptr<float>() + d);
    book.m_scale.assign(spread.data_ptr<float>(), spread.data_ptr<float>() + d);
    book.m_centres.assign(centres.data_ptr<float>(), centres.data_ptr<float>() + centres.numel());
    return book;
}

FeatureCodebook FeatureCodebook::fromArrays(int dimension, std::vector<float> mean, std::vector<float> scale,
                                            std::vector<float> centres)
{
    FeatureCodebook book;
    const auto finite = [](const std::vector<float>& v) {
        return std::all_of(v.begin(), v.end(), [](float x) { return std::isfinite(x); });
    };
    if (dimension <= 0 || mean.size() != std::size_t(dimension) || scale.size() != std::size_t(dimension) ||
        centres.empty() || centres.size() % std::size_t(dimension) != 0 || !finite(mean) ||
        !finite(centres) ||
        !std::all_of(scale.begin(), scale.end(), [](float s) { return s > 0 && std::isfinite(s); }))
        return book;
    book.m_dimension = dimension;
    book.m_mean = std::move(mean);
    book.m_scale = std::move(scale);
    book.m_centres = std::move(centres);
    return book;
}

std::vector<float> FeatureCodebook::patchDistances(const FeatureBag& bag) const
{
    if (isEmpty() || bag.dimension != m_dimension || bag.count == 0)
        return {};
    torch::NoGradGuard noGrad;
    const torch::Tensor mean = torch::from_blob(const_cast<float*>(m_mean.data()), {m_dimension});
    const torch::Tensor scale = torch::from_blob(const_cast<float*>(m_scale.data()), {m_dimension});
    const torch::Tensor z = (rowsOf(bag.features, m_dimension) - mean) / scale;
    const torch::Tensor nearest = squaredDistances(z, rowsOf(m_centres, m_dimension))
                                      .amin(1)
                                      .sqrt()
                                      .div(std::sqrt(double(m_dimension)));
    const torch::Tensor c = nearest.contiguous();
    return {c.data_ptr<float>(), c.data_ptr<float>() + c.numel()};
}

double FeatureCodebook::slideDistance(const FeatureBag& bag) const
{
    const std::vector<float> d = patchDistances(bag);
    return d.empty() ? std::numeric_limits<double>::quiet_NaN()
                     : std::accumulate(d.begin(), d.end(), 0.0) / double(d.size());
}

} // namespace tessera::core
