// What a run keeps of its training data so that inference can say when a slide is unlike it
// (trust.h5 in the run folder): a feature codebook, the training slides' stain, the reference
// slides' scores with the threshold set on them, and the temperature that calibrates the run's
// probabilities. See docs/TRUST.md.
#pragma once

#include "FeatureCodebook.h"
#include "OodVerdict.h"
#include "SlideMeans.h"

#include <QJsonObject>
#include <array>
#include <optional>

namespace tessera::core {

// A slide the reference is made from: its features and, for models with a reconstruction branch,
// its reconstruction error (1 − mean consistency).
struct TrustSlide {
    const FeatureBag* bag = nullptr;
    std::optional<double> reconstructionError;
};

struct TrustInputs {
    std::vector<TrustSlide> training, validation;
    // The best weights' logits (or log-probabilities) on the validation slides, slides × classes.
    std::vector<float> validationLogits;
    std::vector<int> validationLabels;
    int classes = 2;
};

class TrustReference {
public:
    // The parts in a fixed order: "features", "feature_means", "reconstruction", "stain".
    static constexpr std::size_t kParts = 4;
    using Scores = std::array<double, kParts>;
    static const std::array<QString, kParts>& partKeys();
    static constexpr double kFlaggedShare = 0.05;   // of in-distribution slides
    static constexpr double kLowestThreshold = 2.5; // robust spreads: small references vary little
    static constexpr int kValidationSlidesForTemperature = 10;

    TrustReference() = default;
    // Deterministic for a seed. Throws nothing: parts without data are left out.
    static TrustReference build(const TrustInputs& inputs, std::uint64_t seed);

    // Atomic; throws Error naming the file.
    void write(const QString& path) const;
    // Throws Error naming the file when it is damaged or not a trust reference.
    static TrustReference read(const QString& path);

    // The slide judged against the reference (the parts it has data for).
    OodVerdict judge(const FeatureBag& bag, std::optional<double> reconstructionError) const;

    double temperature() const { return m_temperature; } // 1 when not calibrated
    const QString& temperatureNote() const { return m_temperatureNote; }
    double threshold() const { return m_threshold; }
    // Everything but the arrays: parts with their typical value and spread, threshold and its
    // rule, temperature, ECE before and after on validation, slide counts.
    const QJsonObject& summary() const { return m_summary; }
    const FeatureCodebook& codebook() const { return m_codebook; }
    // The feature dimension it was made from (0 without a codebook).
    int dimension() const { return m_codebook.dimension(); }
    // The reference slides' raw scores per part (NaN where a slide has none) and whether each
    // slide was a validation slide (else training, scored held-out).
    const std::vector<Scores>& referenceScores() const { return m_scores; }
    const std::vector<bool>& isValidation() const { return m_isValidation; }

private:
    struct PartScale {
        bool enabled = false;
        double typical = 0, spread = 1;
    };
    // What a slide is compared with: the whole reference, or one without the slide.
    struct Comparison {
        const FeatureCodebook* codebook;
        const std::optional<SlideMeans>* featureMeans;
        const std::optional<SlideMeans>* stain;
    };
    static Scores rawScores(const FeatureBag& bag, std::optional<double> reconstruction,
                            const Comparison& with);
    double combined(const Scores& raw) const;
    void makeSummary();

    FeatureCodebook m_codebook;
    std::optional<SlideMeans> m_featureMeans; // of the training slides' mean features
    std::optional<SlideMeans> m_stain;        // of their mean optical density per channel
    std::array<PartScale, kParts> m_scales;
    double m_threshold = kLowestThreshold;
    QString m_thresholdRule, m_reference;
    double m_temperature = 1;
    QString m_temperatureNote;
    double m_eceBefore = std::numeric_limits<double>::quiet_NaN();
    double m_eceAfter = std::numeric_limits<double>::quiet_NaN();
    int m_trainingSlides = 0, m_validationSlides = 0;
    std::vector<Scores> m_scores;
    std::vector<bool> m_isValidation;
    QJsonObject m_summary;
};

} // namespace tessera::core
