// Temperature scaling (Guo et al. 2017) and the expected calibration error: probabilities that
// mean what they say on slides like the validation slides.
#pragma once

#include <vector>

namespace tessera::core {

// The temperature T > 0 that minimises the mean negative log-likelihood of softmax(logits / T) on
// `labels`; `logits` is samples × classes, row-major (log-probabilities serve as well). Searched on
// log T in [log kLowest, log kHighest], so a separable validation set cannot drive it to 0.
double fitTemperature(const std::vector<float>& logits, const std::vector<int>& labels, int classes);
constexpr double kLowestTemperature = 0.05;
constexpr double kHighestTemperature = 20.0;

// softmax(logits / temperature) of each row.
std::vector<float> temperedSoftmax(const std::vector<float>& logits, int classes, double temperature);

// The mean negative log-likelihood of `probabilities` (samples × classes) on `labels`.
double meanNegativeLogLikelihood(const std::vector<float>& probabilities, const std::vector<int>& labels,
                                 int classes);

// Expected calibration error of the top-class confidence over `bins` equal-width bins: the
// sample-weighted mean |accuracy − confidence| of each bin. NaN without samples.
double expectedCalibrationError(const std::vector<float>& probabilities, const std::vector<int>& labels,
                                int classes, int bins = 10);

} // namespace tessera::core
