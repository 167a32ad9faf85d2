#include "TrustReference.h"

#include "Calibration.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/Hdf5.h"
#include "features/StainDensity.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <hdf5.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <tuple>

namespace tessera::core {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kLowestStainSpread = 0.02; // optical density: below what scanners repeat
constexpr double kLowestMeanSpread = 0.1;   // of a feature's spread over the training patches
constexpr int kVersion = 1;

double quantile(std::vector<double> values, double q) // linear between order statistics
{
    if (values.empty())
        return kNaN;
    std::sort(values.begin(), values.end());
    const double at = q * double(values.size() - 1);
    const auto low = std::size_t(std::floor(at));
    const std::size_t high = std::min(values.size() - 1, low + 1);
    return values[low] + (at - double(low)) * (values[high] - values[low]);
}

std::vector<double> finite(const std::vector<double>& values)
{
    std::vector<double> out;
    std::copy_if(values.begin(), values.end(), std::back_inserter(out),
                 [](double x) { return std::isfinite(x); });
    return out;
}

std::vector<double> meanFeatures(const FeatureBag& bag)
{
    std::vector<double> mean(std::size_t(bag.dimension), 0);
    for (int i = 0; i < bag.count; ++i)
        for (int j = 0; j < bag.dimension; ++j)
            mean[std::size_t(j)] += bag.row(i)[j];
    for (double& m : mean)
        m /= std::max(1, bag.count);
    return mean;
}

std::optional<std::vector<double>> meanStain(const FeatureBag& bag)
{
    const auto density = slideStainDensity(bag.stainDensity);
    if (!density)
        return std::nullopt;
    return std::vector<double>(density->begin(), density->end());
}

QJsonValue numberOrNull(double x)
{
    return std::isfinite(x) ? QJsonValue(x) : QJsonValue();
}

double numberOr(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : kNaN;
}

} // namespace

const std::array<QString, TrustReference::kParts>& TrustReference::partKeys()
{
    static const std::array<QString, kParts> keys{QStringLiteral("features"), QStringLiteral("feature_means"),
                                                  QStringLiteral("reconstruction"), QStringLiteral("stain")};
    return keys;
}

TrustReference::Scores TrustReference::rawScores(const FeatureBag& bag, std::optional<double> reconstruction,
                                                 const Comparison& with)
{
    Scores raw;
    raw.fill(kNaN);
    raw[0] = with.codebook->slideDistance(bag);
    if (*with.featureMeans && bag.count > 0)
        raw[1] = (*with.featureMeans)->distance(meanFeatures(bag));
    if (reconstruction && std::isfinite(*reconstruction))
        raw[2] = *reconstruction;
    if (*with.stain)
        if (const auto stain = meanStain(bag))
            raw[3] = (*with.stain)->distance(*stain);
    return raw;
}

double TrustReference::combined(const Scores& raw) const
{
    double best = kNaN;
    for (std::size_t k = 0; k < kParts; ++k)
        if (m_scales[k].enabled && std::isfinite(raw[k])) {
            const double z = (raw[k] - m_scales[k].typical) / m_scales[k].spread;
            if (!(best >= z))
                best = z;
        }
    return best;
}

TrustReference TrustReference::build(const TrustInputs& inputs, std::uint64_t seed)
{
    TrustReference r;
    r.m_trainingSlides = int(inputs.training.size());
    r.m_validationSlides = int(inputs.validation.size());
    std::vector<const FeatureBag*> trainingBags;
    std::vector<std::vector<double>> featureMeans, stains;
    std::vector<std::optional<std::size_t>> stainRow; // each training slide's row in `stains`
    for (const TrustSlide& s : inputs.training) {
        trainingBags.push_back(s.bag);
        featureMeans.push_back(meanFeatures(*s.bag));
        const auto stain = meanStain(*s.bag);
        stainRow.push_back(stain ? std::optional(stains.size()) : std::nullopt);
        if (stain)
            stains.push_back(*stain);
    }
    r.m_codebook = FeatureCodebook::fit(trainingBags, seed);
    // Slide means that differ by less than a tenth of the patches' own spread are not told apart.
    std::vector<double> featureFloors;
    for (float s : r.m_codebook.scale())
        featureFloors.push_back(kLowestMeanSpread * s);
    if (featureFloors.empty())
        featureFloors.push_back(1e-6);
    const std::vector<double> stainFloors{kLowestStainSpread};
    r.m_featureMeans = SlideMeans::fit(featureMeans, featureFloors);
    if (stains.size() >= 3)
        r.m_stain = SlideMeans::fit(stains, stainFloors);
    const Comparison whole{&r.m_codebook, &r.m_featureMeans, &r.m_stain};

    // Training slides are scored held out: against a codebook fitted on the other half of the
    // training slides and slide means without the slide itself, so that they count as unseen
    // slides where validation slides are too few to set the threshold alone.
    const std::size_t n = trainingBags.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 random(seed + 1);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<int> fold(n, 0);
    for (std::size_t i = 0; i < n; ++i)
        fold[order[i]] = int(i % 2);
    std::array<FeatureCodebook, 2> halves;
    if (n >= 4)
        for (int f = 0; f < 2; ++f) {
            std::vector<const FeatureBag*> others;
            for (std::size_t i = 0; i < n; ++i)
                if (fold[i] != f)
                    others.push_back(trainingBags[i]);
            halves[std::size_t(f)] = FeatureCodebook::fit(others, seed + 2 + std::uint64_t(f));
        }
    for (std::size_t i = 0; i < n; ++i) {
        std::optional<SlideMeans> meansWithout = SlideMeans::fit(featureMeans, featureFloors, i);
        if (!meansWithout)
            meansWithout = r.m_featureMeans;
        std::optional<SlideMeans> stainWithout = r.m_stain;
        if (r.m_stain && stainRow[i])
            stainWithout = SlideMeans::fit(stains, stainFloors, stainRow[i]);
        const Comparison heldOut{n >= 4 ? &halves[std::size_t(fold[i])] : &r.m_codebook, &meansWithout,
                                 &stainWithout};
        r.m_scores.push_back(rawScores(*trainingBags[i], inputs.training[i].reconstructionError, heldOut));
        r.m_isValidation.push_back(false);
    }
    for (const TrustSlide& s : inputs.validation) {
        r.m_scores.push_back(rawScores(*s.bag, s.reconstructionError, whole));
        r.m_isValidation.push_back(true);
    }

    // The reference slides: validation and (held-out) training slides together, always. The
    // validation slides alone are too few in most runs, and even when there are enough they need
    // not show every kind of slide the training slides do: a test slide like half the training
    // slides but unlike every validation slide was flagged (bench_ood --slides).
    const std::vector<Scores>& reference = r.m_scores;
    for (std::size_t k = 0; k < kParts; ++k) {
        std::vector<double> values;
        for (const Scores& s : reference)
            values.push_back(s[k]);
        values = finite(values);
        // The model learnt to reconstruct its training slides: their error is no reference for
        // unseen slides. Validation slides alone set that part's scale when there are three.
        if (k == 2) {
            std::vector<double> unseen;
            for (std::size_t i = 0; i < r.m_scores.size(); ++i)
                if (r.m_isValidation[i])
                    unseen.push_back(r.m_scores[i][k]);
            if (unseen = finite(unseen); unseen.size() >= 3)
                values = unseen;
        }
        if (values.size() < 3)
            continue;
        // The median, and the standard deviation rather than a robust spread: every reference
        // slide is in distribution by construction, so its far values are the variation to expect
        // (a few held-out training slides far from the rest are exactly what a small run has).
        const double typical = quantile(values, 0.5);
        const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
        double squares = 0;
        for (double v : values)
            squares += (v - mean) * (v - mean);
        const double deviation = std::sqrt(squares / double(values.size() - 1));
        r.m_scales[k] = {true, typical, std::max({deviation, 0.1 * std::abs(typical), 1e-3})};
    }
    std::vector<double> combinedScores;
    for (const Scores& s : reference)
        combinedScores.push_back(r.combined(s));
    r.m_threshold = std::max(kLowestThreshold, quantile(finite(combinedScores), 1 - kFlaggedShare));
    if (!std::isfinite(r.m_threshold))
        r.m_threshold = kLowestThreshold;
    r.m_reference = QCoreApplication::translate("Trust", "%1 training and %2 validation slides")
                        .arg(r.m_trainingSlides)
                        .arg(r.m_validationSlides);
    r.m_thresholdRule =
        QCoreApplication::translate(
            "Trust", "the 95th percentile of %1 validation and %2 held-out training slides' scores "
                     "(at least %3)")
            .arg(r.m_validationSlides)
            .arg(r.m_trainingSlides)
            .arg(kLowestThreshold);

    const bool finiteOutputs =
        std::all_of(inputs.validationLogits.begin(), inputs.validationLogits.end(),
                    [](float x) { return std::isfinite(x); }) &&
        inputs.validationLogits.size() == inputs.validationLabels.size() * std::size_t(inputs.classes);
    if (!finiteOutputs) {
        r.m_temperatureNote = QCoreApplication::translate(
            "Trust", "not calibrated: the model's outputs on validation are not finite numbers");
        r.makeSummary();
        return r;
    }
    if (!inputs.validationLabels.empty())
        r.m_eceBefore = expectedCalibrationError(temperedSoftmax(inputs.validationLogits, inputs.classes, 1),
                                                 inputs.validationLabels, inputs.classes);
    if (int(inputs.validationLabels.size()) >= kValidationSlidesForTemperature) {
        r.m_temperature = fitTemperature(inputs.validationLogits, inputs.validationLabels, inputs.classes);
        r.m_temperatureNote =
            QCoreApplication::translate("Trust", "temperature %1, fitted on %2 validation slides")
                .arg(r.m_temperature, 0, 'g', 3)
                .arg(inputs.validationLabels.size());
        r.m_eceAfter = expectedCalibrationError(
            temperedSoftmax(inputs.validationLogits, inputs.classes, r.m_temperature),
            inputs.validationLabels, inputs.classes);
    } else {
        r.m_temperatureNote =
            QCoreApplication::translate("Trust", "not calibrated: %1 validation slides (it takes %2)")
                .arg(inputs.validationLabels.size())
                .arg(kValidationSlidesForTemperature);
    }
    r.makeSummary();
    return r;
}

void TrustReference::makeSummary()
{
    QJsonArray parts;
    for (std::size_t k = 0; k < kParts; ++k)
        parts.append(QJsonObject{{QStringLiteral("key"), partKeys()[k]},
                                 {QStringLiteral("enabled"), m_scales[k].enabled},
                                 {QStringLiteral("typical"), m_scales[k].typical},
                                 {QStringLiteral("spread"), m_scales[k].spread}});
    m_summary = {{QStringLiteral("version"), kVersion},
                 {QStringLiteral("parts"), parts},
                 {QStringLiteral("threshold"), m_threshold},
                 {QStringLiteral("threshold_rule"), m_thresholdRule},
                 {QStringLiteral("reference"), m_reference},
                 {QStringLiteral("temperature"), m_temperature},
                 {QStringLiteral("temperature_note"), m_temperatureNote},
                 {QStringLiteral("ece_before"), numberOrNull(m_eceBefore)},
                 {QStringLiteral("ece_after"), numberOrNull(m_eceAfter)},
                 {QStringLiteral("training_slides"), m_trainingSlides},
                 {QStringLiteral("validation_slides"), m_validationSlides},
                 {QStringLiteral("codebook_centres"), m_codebook.centres()},
                 {QStringLiteral("stain"), m_stain.has_value()}};
}

OodVerdict TrustReference::judge(const FeatureBag& bag, std::optional<double> reconstructionError) const
{
    const Scores raw = rawScores(bag, reconstructionError, {&m_codebook, &m_featureMeans, &m_stain});
    OodVerdict v;
    v.threshold = m_threshold;
    v.reference = m_reference;
    v.thresholdRule = m_thresholdRule;
    for (std::size_t k = 0; k < kParts; ++k) {
        if (!m_scales[k].enabled)
            continue;
        OodPart p;
        p.key = partKeys()[k];
        p.value = raw[k];
        p.typical = m_scales[k].typical;
        p.spread = m_scales[k].spread;
        if (std::isfinite(raw[k]))
            p.z = (raw[k] - p.typical) / p.spread;
        if (p.available() && !(v.score >= p.z)) {
            v.score = p.z;
            v.part = p.key;
        }
        v.parts.push_back(p);
    }
    v.flagged = v.isJudged() && v.score > v.threshold;
    return v;
}

using namespace hdf5;

void TrustReference::write(const QString& path) const
{
    silenceHdf5();
    QByteArray bytes;
    {
        std::lock_guard lock(hdf5Mutex());
        FileInMemory file(path);
        const hid_t f = file.get();
        if (!m_codebook.isEmpty()) {
            const auto d = hsize_t(m_codebook.dimension());
            writeDataset(f, "feature_mean", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {d}, m_codebook.mean().data(),
                         path);
            writeDataset(f, "feature_scale", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {d}, m_codebook.scale().data(),
                         path);
            writeDataset(f, "codebook", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {hsize_t(m_codebook.centres()), d},
                         m_codebook.centreValues().data(), path);
        }
        for (const auto& [means, centre, spread] :
             {std::tuple{&m_featureMeans, "feature_means_centre", "feature_means_spread"},
              std::tuple{&m_stain, "stain_centre", "stain_spread"}})
            if (*means) {
                const auto d = hsize_t((*means)->centre().size());
                writeDataset(f, centre, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {d}, (*means)->centre().data(),
                             path);
                writeDataset(f, spread, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {d}, (*means)->spread().data(),
                             path);
            }
        if (!m_scores.empty()) {
            std::vector<double> scores;
            std::vector<int> validation;
            for (std::size_t i = 0; i < m_scores.size(); ++i) {
                scores.insert(scores.end(), m_scores[i].begin(), m_scores[i].end());
                validation.push_back(m_isValidation[i] ? 1 : 0);
            }
            const auto m = hsize_t(m_scores.size());
            writeDataset(f, "reference_scores", H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, {m, kParts}, scores.data(),
                         path);
            writeDataset(f, "reference_is_validation", H5T_STD_I32LE, H5T_NATIVE_INT, {m}, validation.data(),
                         path);
        }
        writeStringAttribute(
            f, "summary", QString::fromUtf8(QJsonDocument(m_summary).toJson(QJsonDocument::Compact)), path);
        bytes = file.finish();
    }
    writeFileAtomically(path, bytes);
}

TrustReference TrustReference::read(const QString& path)
{
    silenceHdf5();
    refuseFilesThatCrashHdf5(path, QStringLiteral("trust reference"));
    std::lock_guard lock(hdf5Mutex());
    const Id file = openForReading(path, QStringLiteral("trust reference"));
    const hid_t f = file.get();
    const QJsonObject summary = QJsonDocument::fromJson(stringAttribute(f, "summary").toUtf8()).object();
    const auto damaged = [&](const QString& why) {
        return Error(QCoreApplication::translate(
                         "Trust",
                         "%1 is not a usable trust reference (%2); train the run again to judge new slides "
                         "against its training data")
                         .arg(path, why));
    };
    if (summary.value(QStringLiteral("version")).toInt() != kVersion)
        throw damaged(QCoreApplication::translate("Trust", "no summary of a known version"));
    TrustReference r;
    if (const auto shape = shapeOf(f, "codebook"); shape.size() == 2) {
        const auto k = std::size_t(shape[0]), d = std::size_t(shape[1]);
        if (shapeOf(f, "feature_mean") != std::vector<hsize_t>{d} ||
            shapeOf(f, "feature_scale") != std::vector<hsize_t>{d})
            throw damaged(
                QCoreApplication::translate("Trust", "the feature statistics do not match the codebook"));
        r.m_codebook =
            FeatureCodebook::fromArrays(int(d), readAll<float>(f, "feature_mean", H5T_NATIVE_FLOAT, d, path),
                                        readAll<float>(f, "feature_scale", H5T_NATIVE_FLOAT, d, path),
                                        readAll<float>(f, "codebook", H5T_NATIVE_FLOAT, k * d, path));
        if (r.m_codebook.isEmpty())
            throw damaged(
                QCoreApplication::translate("Trust", "the feature codebook holds numbers that are not finite "
                                                     "or scales that are not positive"));
    }
    const auto means = [&](const char* centre, const char* spread) -> std::optional<SlideMeans> {
        const auto shape = shapeOf(f, centre);
        if (shape.size() != 1)
            return std::nullopt;
        if (shapeOf(f, spread) != shape)
            throw damaged(QCoreApplication::translate("Trust", "%1 and %2 differ in size")
                              .arg(QLatin1String(centre), QLatin1String(spread)));
        auto m = SlideMeans::fromArrays(readAll<double>(f, centre, H5T_NATIVE_DOUBLE, shape[0], path),
                                        readAll<double>(f, spread, H5T_NATIVE_DOUBLE, shape[0], path));
        if (!m)
            throw damaged(QCoreApplication::translate("Trust", "a spread in %1 is not positive")
                              .arg(QLatin1String(spread)));
        return m;
    };
    r.m_featureMeans = means("feature_means_centre", "feature_means_spread");
    r.m_stain = means("stain_centre", "stain_spread");
    if (const auto shape = shapeOf(f, "reference_scores"); shape.size() == 2 && shape[1] == kParts) {
        const auto m = std::size_t(shape[0]);
        const auto scores = readAll<double>(f, "reference_scores", H5T_NATIVE_DOUBLE, m * kParts, path);
        const auto validation = readAll<int>(f, "reference_is_validation", H5T_NATIVE_INT, m, path);
        for (std::size_t i = 0; i < m; ++i) {
            Scores row;
            std::copy_n(scores.begin() + std::ptrdiff_t(i * kParts), kParts, row.begin());
            r.m_scores.push_back(row);
            r.m_isValidation.push_back(validation[i] != 0);
        }
    }
    const QJsonArray parts = summary.value(QStringLiteral("parts")).toArray();
    for (std::size_t k = 0; k < kParts; ++k) {
        const QJsonObject p = parts.at(qsizetype(k)).toObject();
        if (p.value(QStringLiteral("key")).toString() != partKeys()[k])
            throw damaged(
                QCoreApplication::translate("Trust", "part %1 is not %2").arg(k + 1).arg(partKeys()[k]));
        r.m_scales[k] = {p.value(QStringLiteral("enabled")).toBool(),
                         p.value(QStringLiteral("typical")).toDouble(),
                         p.value(QStringLiteral("spread")).toDouble()};
        if (r.m_scales[k].enabled && (!(r.m_scales[k].spread > 0) || !std::isfinite(r.m_scales[k].spread) ||
                                      !std::isfinite(r.m_scales[k].typical)))
            throw damaged(
                QCoreApplication::translate("Trust", "the spread of %1 is not positive").arg(partKeys()[k]));
    }
    if ((r.m_scales[0].enabled && r.m_codebook.isEmpty()) || (r.m_scales[1].enabled && !r.m_featureMeans) ||
        (r.m_scales[3].enabled && !r.m_stain))
        throw damaged(QCoreApplication::translate("Trust", "the statistics of an enabled part are missing"));
    r.m_threshold = summary.value(QStringLiteral("threshold")).toDouble(kLowestThreshold);
    if (!std::isfinite(r.m_threshold))
        throw damaged(QCoreApplication::translate("Trust", "its threshold is not a number"));
    r.m_thresholdRule = summary.value(QStringLiteral("threshold_rule")).toString();
    r.m_reference = summary.value(QStringLiteral("reference")).toString();
    r.m_temperature = summary.value(QStringLiteral("temperature")).toDouble(1);
    if (!(r.m_temperature > 0) || !std::isfinite(r.m_temperature))
        throw damaged(QCoreApplication::translate("Trust", "its temperature is not a positive number"));
    r.m_temperatureNote = summary.value(QStringLiteral("temperature_note")).toString();
    r.m_eceBefore = numberOr(summary.value(QStringLiteral("ece_before")));
    r.m_eceAfter = numberOr(summary.value(QStringLiteral("ece_after")));
    r.m_trainingSlides = summary.value(QStringLiteral("training_slides")).toInt();
    r.m_validationSlides = summary.value(QStringLiteral("validation_slides")).toInt();
    r.m_summary = summary;
    return r;
}

} // namespace tessera::core
