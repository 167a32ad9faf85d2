// Runs a trained MIL run on feature bags: class probabilities, attention and consistency maps.
#pragma once

#include "features/FeatureBag.h"
#include "heatmap/ScoreMap.h"
#include "run/RunFolder.h"
#include "trust/OodVerdict.h"

#include <QStringList>
#include <memory>

namespace tessera::core {

namespace nets {
struct BagTensors;
}

struct Prediction {
    QString run;
    QString model;
    QStringList classNames;
    std::vector<float> probabilities; // [C]
    std::vector<float> attention;     // [N], sums to 1
    std::vector<float> consistency;   // [N] in [-1, 1]; empty for models without reconstruction
    // [N] signed: how much each patch pushes the slide toward `evidenceClass`, the class the
    // prediction favours (MilNet::patchEvidence; an ensemble's mean). Where attention says where
    // the model looks, this says which way each patch pushes: > 0 toward the class, < 0 away.
    // Empty (evidenceClass −1) for models whose attention is not on their path to the logits
    // (TransMIL) and where memory ran out for the backward pass it needs.
    std::vector<float> evidence;
    int evidenceClass = -1;
    std::vector<std::int64_t> coords; // [N × 2], level-0 top-left, as in the bag
    int patchStep = 0;                // patch side = grid step in level-0 pixels
    QString extractor;                // of the features the prediction was made from
    QString slide;                    // file name of the slide it was made for; empty for a bare bag
    // Whether the slide is like the run's training slides; not judged (isJudged() false) for runs
    // without a trust reference, with `trustNote` saying why.
    OodVerdict ood;
    QString trustNote;
    double temperature = 1; // the probabilities are softmax(logits / temperature)
    // An ensemble (a k-fold folder used whole, members = k > 1) averages its members' calibrated
    // probabilities (each fold calibrated with its own temperature; `temperature` is then their
    // geometric mean, for display only), attention and consistency. Its `ood` is the verdict of the
    // member at the median margin above its threshold (flagged when at least half of them flag the
    // slide), and not judged when any member cannot judge. Empty for a single run:
    int members = 1;
    std::vector<float> probabilitySpread; // [C] standard deviation of the members' probabilities
    // [N] how much the members disagree on where to look: the standard deviation over members of
    // each patch's attention relative to an even share (attention × N; 1 = the share of a patch
    // when all weigh alike), 0 where they agree. Measured against the attention-percentile
    // spread, MC dropout and a top-decile vote in bench_uncertainty (docs/TRUST.md).
    std::vector<float> uncertainty;

    // The map's per-patch values [N]; empty where the prediction has none (consistency without
    // reconstruction, uncertainty of a single run, evidence of TransMIL).
    const std::vector<float>& scores(ScoreMap map) const;
    // "normal 0.1877, tumour 0.8123"; an ensemble's with each spread and "(mean of 5 folds)".
    QString probabilitiesText() const;
    // One line on trust: the verdict's summary and the reference it was judged against, or why
    // the slide was not judged.
    QString trustSummary() const;

    // With two classes, the evidence toward class 1 whichever the prediction favours (the two
    // centred logits are each other's negatives, so the evidence toward class 0 is negated).
    // Empty where there is none, and with more classes (no one direction is "tumour-ward"). What
    // an acquisition compares with attention.
    std::vector<float> evidenceTowardPositive() const;

    // HDF5: datasets probabilities, attention, consistency (if any), evidence (if any), coords,
    // and for ensembles uncertainty and probability_sd; attrs run, model, classes (comma-separated),
    // evidence_class (with evidence),
    // patch_size_level0, extractor, slide, temperature, members, and the verdict as ood (JSON),
    // ood_score, ood_flag (1, 0, or −1 when not judged) and ood_note.
    // Written atomically. Throws Error.
    void write(const QString& path) const;
    // Throws Error naming the file when it is missing, damaged or not a prediction file.
    static Prediction read(const QString& path);
};

// Whether runs of this model make an evidence map (SR-MIL and ABMIL; TransMIL's attention is not
// on its path to the logits).
bool modelMakesEvidence(const QString& model);

// The same line from its parts (for a report that keeps them apart from the prediction).
QString trustLine(const OodVerdict& ood, const QString& trustNote, double temperature, int members = 1);

class Predictor {
public:
    // Loads the run's config.json and best.pt; throws Error naming the file when either is
    // missing or unreadable. A k-fold cross-validation folder (RunFolder::ensembleMembers) loads
    // as an ensemble of its finished folds; Error when fewer than 2 are finished or they disagree
    // on what they take.
    Predictor(const QString& runDir, const QString& device = QStringLiteral("auto"));
    ~Predictor();

    // The run's model, classes, feature dimension, extractor and patch geometry (new slides are
    // cut and described the same way).
    const RunDescription& run() const;
    int members() const; // 1 for a single run
    // Whether the run (every member) has a trust reference to judge slides by, and if not, why.
    bool hasTrustReference() const;
    const QString& trustNote() const;
    // Throws Error if the bag's feature dimension or extractor differs from the run's, or when
    // memory runs out (naming the bag and its size). The evidence map runs a backward pass
    // through the networks: one call at a time per Predictor.
    Prediction predict(const FeatureBag& bag, const QString& source = {}) const;

private:
    Prediction predictOn(const FeatureBag& bag) const;
    // The members' mean evidence toward the class `p` favours; left empty where a member has none.
    void addEvidence(Prediction& p, const nets::BagTensors& tensors) const;

    struct Member;
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace tessera::core
