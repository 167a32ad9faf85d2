#include "Metrics.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <random>

namespace tessera::core {

double rocAuc(const std::vector<double>& scores, const std::vector<bool>& positive)
{
    // Mann–Whitney U with mid-ranks for ties: O(n log n).
    const std::size_t n = scores.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(),
              [&](std::size_t a, std::size_t b) { return scores[a] < scores[b]; });
    double rankSum = 0, positives = 0;
    for (std::size_t i = 0; i < n;) {
        std::size_t j = i;
        while (j + 1 < n && scores[order[j + 1]] == scores[order[i]])
            ++j;
        const double midRank = (double(i) + double(j)) / 2.0 + 1.0;
        for (std::size_t k = i; k <= j; ++k)
            if (positive[order[k]]) {
                rankSum += midRank;
                positives += 1;
            }
        i = j + 1;
    }
    const double negatives = double(n) - positives;
    if (positives == 0 || negatives == 0)
        return std::numeric_limits<double>::quiet_NaN();
    return (rankSum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One-vs-rest AUC of each class, and their macro average (binary: the positive class).
double macroAucOf(const std::vector<float>& probabilities, const std::vector<int>& labels, int classes,
                  std::vector<double>* perClass = nullptr)
{
    std::vector<double> aucs;
    std::vector<double> scores(labels.size());
    std::vector<bool> positive(labels.size());
    for (int c = 0; c < classes; ++c) {
        for (std::size_t i = 0; i < labels.size(); ++i) {
            scores[i] = probabilities[i * std::size_t(classes) + std::size_t(c)];
            positive[i] = labels[i] == c;
        }
        aucs.push_back(rocAuc(scores, positive));
    }
    if (perClass)
        *perClass = aucs;
    if (classes == 2)
        return aucs[1];
    double sum = 0;
    int defined = 0;
    for (double auc : aucs)
        if (!std::isnan(auc)) {
            sum += auc;
            ++defined;
        }
    return defined ? sum / defined : kNaN;
}

QJsonValue orNull(double v)
{
    return std::isnan(v) ? QJsonValue() : QJsonValue(v);
}

} // namespace

std::pair<double, double> bootstrapAucInterval(const std::vector<float>& probabilities,
                                               const std::vector<int>& labels, int classes, int resamples,
                                               unsigned seed)
{
    std::vector<std::vector<std::size_t>> byClass(std::size_t(std::max(classes, 0)));
    for (std::size_t i = 0; i < labels.size(); ++i)
        byClass[std::size_t(labels[i])].push_back(i);
    for (const auto& members : byClass)
        if (members.empty())
            return {kNaN, kNaN};
    std::mt19937 random(seed);
    std::vector<double> aucs;
    std::vector<float> drawnProbabilities(probabilities.size());
    std::vector<int> drawnLabels(labels.size());
    for (int r = 0; r < resamples; ++r) {
        std::size_t next = 0;
        for (int c = 0; c < classes; ++c) {
            const auto& members = byClass[std::size_t(c)];
            std::uniform_int_distribution<std::size_t> pick(0, members.size() - 1);
            for (std::size_t k = 0; k < members.size(); ++k, ++next) {
                const std::size_t from = members[pick(random)];
                std::copy_n(probabilities.begin() + std::ptrdiff_t(from * std::size_t(classes)), classes,
                            drawnProbabilities.begin() + std::ptrdiff_t(next * std::size_t(classes)));
                drawnLabels[next] = c;
            }
        }
        if (const double auc = macroAucOf(drawnProbabilities, drawnLabels, classes); !std::isnan(auc))
            aucs.push_back(auc);
    }
    if (aucs.empty())
        return {kNaN, kNaN};
    std::sort(aucs.begin(), aucs.end());
    const auto at = [&](double q) { return aucs[std::size_t(std::lround(q * double(aucs.size() - 1)))]; };
    return {at(0.025), at(0.975)};
}

std::vector<int> ClassificationMetrics::samplesPerClass() const
{
    std::vector<int> counts;
    for (const auto& row : confusion)
        counts.push_back(std::accumulate(row.begin(), row.end(), 0));
    return counts;
}

bool ClassificationMetrics::aucIsMeasurable() const
{
    const std::vector<int> counts = samplesPerClass();
    return !counts.empty() && *std::min_element(counts.begin(), counts.end()) >= kMinimumPerClass;
}

ClassificationMetrics ClassificationMetrics::compute(const std::vector<float>& probabilities,
                                                     const std::vector<int>& labels, int classes)
{
    ClassificationMetrics m;
    m.classes = classes;
    m.samples = int(labels.size());
    m.confusion.assign(std::size_t(classes), std::vector<int>(std::size_t(classes), 0));
    int correct = 0;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const float* row = probabilities.data() + i * std::size_t(classes);
        const int predicted = int(std::max_element(row, row + classes) - row);
        ++m.confusion[std::size_t(labels[i])][std::size_t(predicted)];
        correct += predicted == labels[i];
    }
    m.accuracy = m.samples ? double(correct) / m.samples : 0;

    double recallSum = 0, f1Sum = 0;
    int present = 0;
    for (int c = 0; c < classes; ++c) {
        int truePositive = m.confusion[std::size_t(c)][std::size_t(c)], actual = 0, predicted = 0;
        for (int k = 0; k < classes; ++k) {
            actual += m.confusion[std::size_t(c)][std::size_t(k)];
            predicted += m.confusion[std::size_t(k)][std::size_t(c)];
        }
        if (actual > 0) {
            recallSum += double(truePositive) / actual;
            ++present;
        }
        const double precision = predicted ? double(truePositive) / predicted : 0;
        const double recall = actual ? double(truePositive) / actual : 0;
        f1Sum += precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
    }
    m.balancedAccuracy = present ? recallSum / present : 0;
    m.macroF1 = classes ? f1Sum / classes : 0;
    m.macroAuc = macroAucOf(probabilities, labels, classes, &m.aucPerClass);
    return m;
}

QJsonObject ClassificationMetrics::toJson() const
{
    QJsonArray perClass, confusionRows;
    for (double auc : aucPerClass)
        perClass.append(orNull(auc));
    for (const auto& row : confusion) {
        QJsonArray r;
        for (int v : row)
            r.append(v);
        confusionRows.append(r);
    }
    return {{QStringLiteral("auc"), orNull(macroAuc)},
            {QStringLiteral("auc_per_class"), perClass},
            {QStringLiteral("accuracy"), accuracy},
            {QStringLiteral("balanced_accuracy"), balancedAccuracy},
            {QStringLiteral("f1"), macroF1},
            {QStringLiteral("confusion"), confusionRows},
            {QStringLiteral("samples"), samples},
            {QStringLiteral("auc_ci95"), std::isnan(aucLow) || std::isnan(aucHigh)
                                             ? QJsonValue()
                                             : QJsonValue(QJsonArray{aucLow, aucHigh})},
            {QStringLiteral("loss"), orNull(loss)}};
}

ClassificationMetrics ClassificationMetrics::fromJson(const QJsonObject& json)
{
    const auto number = [](const QJsonValue& v) {
        return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
    };
    ClassificationMetrics m;
    m.macroAuc = number(json[QStringLiteral("auc")]);
    for (const QJsonValue v : json[QStringLiteral("auc_per_class")].toArray())
        m.aucPerClass.push_back(number(v));
    m.accuracy = json[QStringLiteral("accuracy")].toDouble();
    m.balancedAccuracy = json[QStringLiteral("balanced_accuracy")].toDouble();
    m.macroF1 = json[QStringLiteral("f1")].toDouble();
    for (const QJsonValue row : json[QStringLiteral("confusion")].toArray()) {
        std::vector<int> r;
        for (const QJsonValue v : row.toArray())
            r.push_back(v.toInt());
        m.confusion.push_back(r);
    }
    m.samples = json[QStringLiteral("samples")].toInt();
    m.classes = int(m.confusion.size());
    if (const QJsonArray ci = json[QStringLiteral("auc_ci95")].toArray(); ci.size() == 2) {
        m.aucLow = number(ci[0]);
        m.aucHigh = number(ci[1]);
    }
    m.loss = number(json[QStringLiteral("loss")]);
    return m;
}

} // namespace tessera::core
