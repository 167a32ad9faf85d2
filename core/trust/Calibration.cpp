#include "Calibration.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace tessera::core {

std::vector<float> temperedSoftmax(const std::vector<float>& logits, int classes, double temperature)
{
    std::vector<float> out(logits.size());
    for (std::size_t row = 0; row + std::size_t(classes) <= logits.size(); row += std::size_t(classes)) {
        double top = -std::numeric_limits<double>::infinity();
        for (int c = 0; c < classes; ++c)
            top = std::max(top, double(logits[row + std::size_t(c)]) / temperature);
        double sum = 0;
        for (int c = 0; c < classes; ++c)
            sum += std::exp(double(logits[row + std::size_t(c)]) / temperature - top);
        for (int c = 0; c < classes; ++c)
            out[row + std::size_t(c)] =
                float(std::exp(double(logits[row + std::size_t(c)]) / temperature - top) / sum);
    }
    return out;
}

double meanNegativeLogLikelihood(const std::vector<float>& probabilities, const std::vector<int>& labels,
                                 int classes)
{
    double sum = 0;
    for (std::size_t i = 0; i < labels.size(); ++i)
        sum -= std::log(
            std::max(1e-12, double(probabilities[i * std::size_t(classes) + std::size_t(labels[i])])));
    return labels.empty() ? 0 : sum / double(labels.size());
}

double fitTemperature(const std::vector<float>& logits, const std::vector<int>& labels, int classes)
{
    const auto loss = [&](double logT) {
        return meanNegativeLogLikelihood(temperedSoftmax(logits, classes, std::exp(logT)), labels, classes);
    };
    // The NLL is convex in 1/T, hence unimodal in log T: golden-section search finds its minimum.
    const double golden = (std::sqrt(5.0) - 1) / 2;
    double a = std::log(kLowestTemperature), b = std::log(kHighestTemperature);
    double c = b - golden * (b - a), d = a + golden * (b - a);
    double fc = loss(c), fd = loss(d);
    for (int i = 0; i < 80 && b - a > 1e-6; ++i) {
        if (fc < fd) {
            b = d;
            d = c;
            fd = fc;
            c = b - golden * (b - a);
            fc = loss(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + golden * (b - a);
            fd = loss(d);
        }
    }
    return std::exp((a + b) / 2);
}

double expectedCalibrationError(const std::vector<float>& probabilities, const std::vector<int>& labels,
                                int classes, int bins)
{
    if (labels.empty() || bins <= 0)
        return std::numeric_limits<double>::quiet_NaN();
    std::vector<double> confidence(std::size_t(bins), 0), correct(std::size_t(bins), 0),
        count(std::size_t(bins), 0);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float* row = probabilities.data() + i * std::size_t(classes);
        const auto top = std::max_element(row, row + classes);
        const double p = *top;
        if (!std::isfinite(p))
            continue; // a diverged model's row: no bin to put it in
        const auto bin = std::size_t(std::clamp(int(p * bins), 0, bins - 1));
        confidence[bin] += p;
        correct[bin] += (top - row) == labels[i] ? 1 : 0;
        count[bin] += 1;
    }
    double ece = 0;
    for (std::size_t b = 0; b < std::size_t(bins); ++b)
        if (count[b] > 0)
            ece += std::abs(correct[b] - confidence[b]) / double(labels.size());
    return ece;
}

} // namespace tessera::core
