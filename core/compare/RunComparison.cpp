#include "RunComparison.h"

#include "common/Error.h"
#include "trust/Calibration.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace tessera::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
const QString kYouden = QStringLiteral("youden");
const QString kCalibrated = QStringLiteral("calibrated");
const QString kLargest = QStringLiteral("argmax");
const QString kDefault = QStringLiteral("default"); // validation lacks a class: Youden's J is undefined

// The positive-class score of probabilities in class order (see the header).
double positiveScore(const std::vector<float>& probabilities)
{
    return probabilities.size() == 2 ? double(probabilities[1]) : 1.0 - double(probabilities.front());
}

std::vector<float> flatProbabilities(const std::vector<SlideOutcome>& slides)
{
    std::vector<float> flat;
    for (const SlideOutcome& s : slides)
        flat.insert(flat.end(), s.probabilities.begin(), s.probabilities.end());
    return flat;
}

std::vector<int> labelsOf(const std::vector<SlideOutcome>& slides)
{
    std::vector<int> labels;
    for (const SlideOutcome& s : slides)
        labels.push_back(s.label);
    return labels;
}

// softmax(log p / T): the run's calibrated probabilities, rows of `classes`.
std::vector<float> calibrated(const std::vector<float>& probabilities, int classes, double temperature)
{
    std::vector<float> logs;
    logs.reserve(probabilities.size());
    for (float p : probabilities)
        logs.push_back(std::log(std::max(p, 1e-12f)));
    return temperedSoftmax(logs, classes, temperature);
}

QString settingText(const QJsonValue& value)
{
    if (value.isUndefined())
        return QStringLiteral("—");
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isNull())
        return QStringLiteral("null");
    return value.toVariant().toString();
}

} // namespace

DecisionThreshold decisionThreshold(const RunEvaluation& evaluation, bool isCalibrated)
{
    if (evaluation.classNames.size() != 2)
        return {kNaN, kLargest};
    if (isCalibrated)
        return {0.5, kCalibrated};
    std::vector<double> scores;
    std::vector<bool> positive;
    for (const SlideOutcome& s : evaluation.part(QStringLiteral("val"))) {
        scores.push_back(positiveScore(s.probabilities));
        positive.push_back(s.label == 1);
    }
    const bool bothClasses = std::count(positive.begin(), positive.end(), true) > 0 &&
                             std::count(positive.begin(), positive.end(), false) > 0;
    if (!bothClasses)
        return {0.5, kDefault};
    return {youdenThreshold(scores, positive), kYouden};
}

QJsonObject toJson(const DecisionThreshold& threshold)
{
    return {{QStringLiteral("rule"), threshold.rule},
            {QStringLiteral("threshold"),
             std::isnan(threshold.value) ? QJsonValue() : QJsonValue(threshold.value)}};
}

std::optional<DecisionThreshold> decisionFromJson(const QJsonObject& json)
{
    const QString rule = json[QStringLiteral("rule")].toString();
    const double value = json[QStringLiteral("threshold")].toDouble(kNaN);
    if (rule == kLargest)
        return DecisionThreshold{kNaN, rule};
    if ((rule != kYouden && rule != kCalibrated && rule != kDefault) || !std::isfinite(value))
        return std::nullopt; // recomputed from evaluation.csv
    return DecisionThreshold{value, rule};
}

ComparedRun loadComparedRun(const QString& runDir)
{
    const RunFolder folder(runDir);
    if (!folder.hasConfig() && !RunFolder::ensembleMembers(runDir).isEmpty())
        throw Error(QObject::tr("%1 is a cross-validation folder: compare its folds (fold_0, fold_1, …)")
                        .arg(QDir::toNativeSeparators(runDir)));
    if (!folder.isFinished())
        throw Error(QObject::tr("%1 has not finished training").arg(QDir::toNativeSeparators(runDir)));
    if (!QFileInfo::exists(folder.evaluationPath()))
        throw Error(QObject::tr("%1 keeps no per-slide results (evaluation.csv): it was trained before "
                                "Tessera kept them. Train it again to compare it.")
                        .arg(QDir::toNativeSeparators(runDir)));
    ComparedRun run;
    run.name = folder.name();
    run.path = folder.path();
    run.description = folder.readDescription();
    run.config = folder.readConfig();
    run.result = *folder.readResult();
    run.epochs = folder.readMetrics();
    run.evaluation = RunEvaluation::read(folder.evaluationPath());
    if (run.evaluation.classNames != run.description.classNames)
        throw Error(QObject::tr("%1: evaluation.csv names the classes %2, config.json %3")
                        .arg(QDir::toNativeSeparators(folder.evaluationPath()),
                             run.evaluation.classNames.join(QStringLiteral(", ")),
                             run.description.classNames.join(QStringLiteral(", "))));
    run.temperature = run.result.trust[QStringLiteral("temperature")].toDouble(1);
    run.calibrated = run.result.trust[QStringLiteral("ece_after")].isDouble();
    const std::optional<DecisionThreshold> stored = decisionFromJson(run.result.decision);
    run.threshold = stored ? *stored : decisionThreshold(run.evaluation, run.calibrated);
    return run;
}

bool PartComparison::empty() const
{
    for (const RunOnPart& r : runs)
        if (r.slides > 0)
            return false;
    return true;
}

double RunComparison::score(const SlideOutcome& outcome) const
{
    return positiveScore(outcome.probabilities);
}

bool RunComparison::isPositive(const SlideOutcome& outcome) const
{
    return classNames.size() == 2 ? outcome.label == 1 : outcome.label != 0;
}

namespace {

RunOnPart summarise(const RunComparison& comparison, const ComparedRun& run, const QString& part)
{
    const std::vector<SlideOutcome> slides = run.evaluation.part(part);
    const int classes = int(comparison.classNames.size());
    RunOnPart out;
    out.slides = int(slides.size());
    out.confusion.assign(std::size_t(classes), std::vector<QStringList>(std::size_t(classes)));
    std::vector<double> scores;
    std::vector<bool> positive;
    for (const SlideOutcome& s : slides) {
        scores.push_back(comparison.score(s));
        positive.push_back(comparison.isPositive(s));
        int predicted = 0;
        if (classes == 2)
            predicted = scores.back() >= run.threshold.value ? 1 : 0;
        else
            predicted = int(std::max_element(s.probabilities.begin(), s.probabilities.end()) -
                            s.probabilities.begin());
        out.confusion[std::size_t(s.label)][std::size_t(predicted)] << s.slide;
    }
    out.auc = delongInterval(scores, positive);
    out.averagePrecision = averagePrecision(scores, positive);
    out.roc = rocCurve(scores, positive);
    out.precisionRecall = precisionRecallCurve(scores, positive);
    out.reliability = reliabilityBins(scores, positive);
    const std::vector<float> flat = flatProbabilities(slides);
    const std::vector<int> labels = labelsOf(slides);
    out.ece = expectedCalibrationError(flat, labels, classes);
    out.calibratedEce = kNaN;
    if (run.calibrated && !slides.empty()) {
        const std::vector<float> tempered = calibrated(flat, classes, run.temperature);
        out.calibratedEce = expectedCalibrationError(tempered, labels, classes);
        std::vector<double> temperedScores;
        for (std::size_t i = 0; i < slides.size(); ++i)
            temperedScores.push_back(positiveScore({tempered.begin() + std::ptrdiff_t(i) * classes,
                                                    tempered.begin() + std::ptrdiff_t(i + 1) * classes}));
        out.calibratedReliability = reliabilityBins(temperedScores, positive);
    }
    return out;
}

PartComparison comparePart(const RunComparison& comparison, const QString& part)
{
    PartComparison out;
    out.part = part;
    for (const ComparedRun& run : comparison.runs)
        out.runs.push_back(summarise(comparison, run, part));
    for (int a = 0; a < int(comparison.runs.size()); ++a)
        for (int b = a + 1; b < int(comparison.runs.size()); ++b) {
            std::map<QString, const SlideOutcome*> ofB;
            const std::vector<SlideOutcome> slidesB = comparison.runs[std::size_t(b)].evaluation.part(part);
            for (const SlideOutcome& s : slidesB)
                ofB[s.slide] = &s;
            std::vector<double> scoresA, scoresB;
            std::vector<bool> positive;
            int conflicts = 0;
            for (const SlideOutcome& s : comparison.runs[std::size_t(a)].evaluation.part(part)) {
                const auto it = ofB.find(s.slide);
                if (it == ofB.end())
                    continue;
                if (it->second->label != s.label) { // labels edited between the runs: no common truth
                    ++conflicts;
                    continue;
                }
                scoresA.push_back(comparison.score(s));
                scoresB.push_back(comparison.score(*it->second));
                positive.push_back(comparison.isPositive(s));
            }
            RunPair pair;
            pair.a = a;
            pair.b = b;
            pair.sharedSlides = int(positive.size());
            pair.labelConflicts = conflicts;
            pair.test = delongTest(scoresA, scoresB, positive);
            out.pairs.push_back(pair);
        }
    return out;
}

std::vector<SettingDifference> differingSettings(const std::vector<ComparedRun>& runs)
{
    QStringList keys;
    for (const ComparedRun& run : runs)
        for (const QString& key : run.config.keys())
            if (!keys.contains(key))
                keys << key;
    keys.sort();
    std::vector<SettingDifference> out;
    for (const QString& key : keys) {
        SettingDifference d{key, {}};
        for (const ComparedRun& run : runs)
            d.values << settingText(run.config.value(key));
        if (QSet<QString>(d.values.begin(), d.values.end()).size() > 1)
            out.push_back(d);
    }
    return out;
}

} // namespace

RunComparison RunComparison::build(const QStringList& runDirs)
{
    if (runDirs.size() < kMinimumRuns || runDirs.size() > kMaximumRuns)
        throw Error(QObject::tr("Compare takes %1 to %2 runs, not %3")
                        .arg(kMinimumRuns)
                        .arg(kMaximumRuns)
                        .arg(runDirs.size()));
    RunComparison comparison;
    QStringList canonical;
    for (const QString& dir : runDirs) {
        const QString path = QFileInfo(dir).canonicalFilePath();
        if (!path.isEmpty() && canonical.contains(path))
            throw Error(
                QObject::tr("%1 is given twice: compare different runs").arg(QDir::toNativeSeparators(dir)));
        canonical << path;
        comparison.runs.push_back(loadComparedRun(dir));
    }
    // Folds of cross-validations share their folder names: "srmil/fold_0", not "fold_0" twice —
    // each clashing name takes folders from above until every name is unique.
    for (int depth = 1; depth < 8; ++depth) {
        // Which names clash, decided before any is renamed (a rename must not hide a clash).
        std::vector<bool> clashing(comparison.runs.size(), false);
        for (std::size_t i = 0; i < comparison.runs.size(); ++i)
            for (std::size_t j = 0; j < comparison.runs.size(); ++j)
                if (i != j && comparison.runs[i].name == comparison.runs[j].name)
                    clashing[i] = true;
        if (std::find(clashing.begin(), clashing.end(), true) == clashing.end())
            break;
        for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
            if (!clashing[i])
                continue;
            ComparedRun& run = comparison.runs[i];
            const QStringList parts =
                QDir::fromNativeSeparators(run.path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
            run.name = parts.mid(std::max<qsizetype>(0, parts.size() - depth - 1)).join(QLatin1Char('/'));
        }
    }
    comparison.classNames = comparison.runs.front().description.classNames;
    for (const ComparedRun& run : comparison.runs)
        if (run.description.classNames != comparison.classNames)
            throw Error(
                QObject::tr("%1 and %2 predict different classes (%3 against %4): they cannot be compared")
                    .arg(comparison.runs.front().name, run.name,
                         comparison.classNames.join(QStringLiteral(", ")),
                         run.description.classNames.join(QStringLiteral(", "))));
    comparison.positive = comparison.classNames.size() == 2
                              ? comparison.classNames[1]
                              : QObject::tr("not %1").arg(comparison.classNames.front());
    comparison.validation = comparePart(comparison, QStringLiteral("val"));
    comparison.test = comparePart(comparison, QStringLiteral("test"));
    comparison.differences = differingSettings(comparison.runs);
    return comparison;
}

} // namespace tessera::core
