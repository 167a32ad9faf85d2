#include "RocAnalysis.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace tessera::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// 1-based ranks of `values`, ties given the mean of the ranks they span.
std::vector<double> midranks(const std::vector<double>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> ranks(values.size());
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && values[order[j]] == values[order[i]])
            ++j;
        const double rank = 0.5 * double(i + 1 + j); // mean of ranks i+1 … j
        for (std::size_t k = i; k < j; ++k)
            ranks[order[k]] = rank;
        i = j;
    }
    return ranks;
}

double mean(const std::vector<double>& v)
{
    return v.empty() ? kNaN : std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
}

// The sample covariance of two equally long vectors.
double covariance(const std::vector<double>& a, const std::vector<double>& b)
{
    const double ma = mean(a), mb = mean(b);
    double sum = 0;
    for (std::size_t i = 0; i < a.size(); ++i)
        sum += (a[i] - ma) * (b[i] - mb);
    return sum / double(a.size() - 1);
}

// Sample indices by descending score.
std::vector<std::size_t> descending(const std::vector<double>& scores)
{
    std::vector<std::size_t> order(scores.size());
    std::iota(order.begin(), order.end(), std::size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
    return order;
}

// Cumulative true and false positives after each distinct score, highest first.
struct Step {
    double threshold;
    int truePositives, falsePositives;
};
std::vector<Step> steps(const std::vector<double>& scores, const std::vector<bool>& positive)
{
    const std::vector<std::size_t> order = descending(scores);
    std::vector<Step> out;
    int tp = 0, fp = 0;
    for (std::size_t i = 0; i < order.size();) {
        const double threshold = scores[order[i]];
        do
            (positive[order[i]] ? tp : fp) += 1;
        while (++i < order.size() && scores[order[i]] == threshold);
        out.push_back({threshold, tp, fp});
    }
    return out;
}

int countPositives(const std::vector<bool>& positive)
{
    return int(std::count(positive.begin(), positive.end(), true));
}

// The samples whose scores are all finite: a model that gave NaN for a slide says nothing about
// it, and NaN breaks every ordering (sorting with it is undefined).
struct Finite {
    std::vector<double> a, b;
    std::vector<bool> positive;
    Finite(const std::vector<double>& scoresA, const std::vector<double>* scoresB,
           const std::vector<bool>& labels)
    {
        for (std::size_t i = 0; i < scoresA.size() && i < labels.size(); ++i) {
            if (!std::isfinite(scoresA[i]) || (scoresB && !std::isfinite((*scoresB)[i])))
                continue;
            a.push_back(scoresA[i]);
            if (scoresB)
                b.push_back((*scoresB)[i]);
            positive.push_back(labels[i]);
        }
    }
};

} // namespace

std::vector<RocPoint> rocCurve(const std::vector<double>& allScores, const std::vector<bool>& labels)
{
    const Finite finite(allScores, nullptr, labels);
    const std::vector<double>& scores = finite.a;
    const std::vector<bool>& positive = finite.positive;
    const int p = countPositives(positive);
    const int n = int(positive.size()) - p;
    if (p == 0 || n == 0)
        return {};
    std::vector<RocPoint> curve{{0, 0, std::numeric_limits<double>::infinity()}};
    for (const Step& s : steps(scores, positive))
        curve.push_back({double(s.falsePositives) / n, double(s.truePositives) / p, s.threshold});
    return curve;
}

std::vector<PrecisionRecallPoint> precisionRecallCurve(const std::vector<double>& allScores,
                                                       const std::vector<bool>& labels)
{
    const Finite finite(allScores, nullptr, labels);
    const std::vector<double>& scores = finite.a;
    const std::vector<bool>& positive = finite.positive;
    const int p = countPositives(positive);
    if (p == 0)
        return {};
    std::vector<PrecisionRecallPoint> curve;
    for (const Step& s : steps(scores, positive))
        curve.push_back({double(s.truePositives) / p,
                         double(s.truePositives) / double(s.truePositives + s.falsePositives), s.threshold});
    return curve;
}

double averagePrecision(const std::vector<double>& scores, const std::vector<bool>& positive)
{
    const std::vector<PrecisionRecallPoint> curve = precisionRecallCurve(scores, positive);
    if (curve.empty())
        return kNaN;
    double area = 0, recall = 0;
    for (const PrecisionRecallPoint& point : curve) {
        area += (point.recall - recall) * point.precision;
        recall = point.recall;
    }
    return area;
}

double StructuralComponents::auc() const
{
    return mean(positives);
}

StructuralComponents structuralComponents(const std::vector<double>& allScores,
                                          const std::vector<bool>& labels)
{
    const Finite finite(allScores, nullptr, labels);
    const std::vector<double>& scores = finite.a;
    const std::vector<bool>& positive = finite.positive;
    std::vector<double> x, y;
    for (std::size_t i = 0; i < scores.size(); ++i)
        (positive[i] ? x : y).push_back(scores[i]);
    StructuralComponents out;
    if (x.empty() || y.empty())
        return out;
    const std::vector<double> all = midranks(scores);
    const std::vector<double> withinX = midranks(x), withinY = midranks(y);
    const double m = double(x.size()), n = double(y.size());
    std::size_t ix = 0, iy = 0;
    for (std::size_t i = 0; i < scores.size(); ++i) {
        // Rank among all minus rank among its own side = the other side's samples below it (ties half).
        if (positive[i]) {
            out.positives.push_back((all[i] - withinX[ix]) / n);
            ++ix;
        } else {
            out.negatives.push_back(1.0 - (all[i] - withinY[iy]) / m);
            ++iy;
        }
    }
    return out;
}

AucInterval delongInterval(const std::vector<double>& scores, const std::vector<bool>& positive)
{
    const StructuralComponents c = structuralComponents(scores, positive);
    if (c.positives.size() < 2 || c.negatives.size() < 2)
        return {c.positives.empty() || c.negatives.empty() ? kNaN : c.auc(), kNaN, kNaN, kNaN};
    AucInterval out;
    out.auc = c.auc();
    out.variance = covariance(c.positives, c.positives) / double(c.positives.size()) +
                   covariance(c.negatives, c.negatives) / double(c.negatives.size());
    const double half = 1.959963984540054 * std::sqrt(out.variance);
    out.low = std::max(0.0, out.auc - half);
    out.high = std::min(1.0, out.auc + half);
    return out;
}

DeLongTest delongTest(const std::vector<double>& allA, const std::vector<double>& allB,
                      const std::vector<bool>& labels)
{
    // A sample either score has no finite value for leaves both (the components pair by sample).
    const Finite finite(allA, &allB, labels);
    const std::vector<double>&a = finite.a, &b = finite.b;
    const std::vector<bool>& positive = finite.positive;
    const StructuralComponents ca = structuralComponents(a, positive), cb = structuralComponents(b, positive);
    DeLongTest out;
    out.positives = int(ca.positives.size());
    out.negatives = int(ca.negatives.size());
    out.aucA = ca.positives.empty() || ca.negatives.empty() ? kNaN : ca.auc();
    out.aucB = cb.positives.empty() || cb.negatives.empty() ? kNaN : cb.auc();
    if (out.positives < 2 || out.negatives < 2) {
        out.varianceA = out.varianceB = out.covariance = out.z = out.p = kNaN;
        return out;
    }
    const double m = out.positives, n = out.negatives;
    out.varianceA = covariance(ca.positives, ca.positives) / m + covariance(ca.negatives, ca.negatives) / n;
    out.varianceB = covariance(cb.positives, cb.positives) / m + covariance(cb.negatives, cb.negatives) / n;
    out.covariance = covariance(ca.positives, cb.positives) / m + covariance(ca.negatives, cb.negatives) / n;
    const double differenceVariance = out.varianceA + out.varianceB - 2 * out.covariance;
    if (!(differenceVariance > 1e-15)) {
        out.z = 0;
        out.p = 1;
        return out;
    }
    out.z = (out.aucA - out.aucB) / std::sqrt(differenceVariance);
    out.p = std::erfc(std::abs(out.z) / std::sqrt(2.0));
    return out;
}

double youdenThreshold(const std::vector<double>& allScores, const std::vector<bool>& labels)
{
    const Finite finite(allScores, nullptr, labels);
    const std::vector<double>& scores = finite.a;
    const std::vector<bool>& positive = finite.positive;
    const int p = countPositives(positive);
    const int n = int(positive.size()) - p;
    if (p == 0 || n == 0)
        return 0.5;
    const std::vector<Step> s = steps(scores, positive);
    std::size_t best = 0;
    double bestJ = -2;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const double j = double(s[i].truePositives) / p - double(s[i].falsePositives) / n;
        if (j > bestJ + 1e-12) {
            bestJ = j;
            best = i;
        }
    }
    // Every threshold in (next lower score, this score] makes the same calls: take the middle.
    return best + 1 < s.size() ? 0.5 * (s[best].threshold + s[best + 1].threshold) : s[best].threshold;
}

std::vector<ReliabilityBin> reliabilityBins(const std::vector<double>& probabilities,
                                            const std::vector<bool>& positive, int bins)
{
    std::vector<ReliabilityBin> out(std::size_t(std::max(1, bins)));
    for (std::size_t b = 0; b < out.size(); ++b) {
        out[b].low = double(b) / double(out.size());
        out[b].high = double(b + 1) / double(out.size());
    }
    std::vector<double> predicted(out.size(), 0), observed(out.size(), 0);
    for (std::size_t i = 0; i < probabilities.size(); ++i) {
        if (!std::isfinite(probabilities[i]))
            continue;
        const double p = std::clamp(probabilities[i], 0.0, 1.0);
        const std::size_t b = std::min(out.size() - 1, std::size_t(p * double(out.size())));
        predicted[b] += p;
        observed[b] += positive[i] ? 1 : 0;
        ++out[b].count;
    }
    for (std::size_t b = 0; b < out.size(); ++b)
        if (out[b].count > 0) {
            out[b].meanPredicted = predicted[b] / out[b].count;
            out[b].observed = observed[b] / out[b].count;
        }
    return out;
}

} // namespace tessera::core
