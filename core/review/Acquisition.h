// Where a pathologist's answer would teach the model most: patches of a slide ranked by an
// acquisition score, and the proposals picked from them over many slides (docs/REVIEW.md).
#pragma once

#include "features/FeatureBag.h"
#include "infer/Predictor.h"
#include "model/SpatialGraph.h"

#include <QString>
#include <optional>
#include <vector>

namespace tessera::core {

enum class Acquisition {
    // Where the model's attention and a label-free second opinion disagree: |attention percentile
    // − context-novelty percentile| (ContextNovelty). A hot patch in a neighbourhood that looks
    // like the normal slides (a likely false positive) and a cold one in a neighbourhood unlike
    // anything normal (a likely missed tumour) both rank first, so answers come back of both kinds.
    Disagreement,
    // The same two sides with the model's own signed evidence (Prediction::evidence, turned
    // tumour-ward) as the second opinion: evidence percentile − attention percentile. A patch that
    // pushes toward tumour but is barely weighed, or one weighed heavily that pushes the other way.
    // SR-MIL and ABMIL only (TransMIL has no evidence map).
    Evidence,
    // High attention the reconstruction does not back: attention percentile × (1 − consistency
    // percentile), SR-MIL only (other models: × (1 − the neighbours' mean attention percentile)).
    // Measured and kept as a choice; it asks almost only about false positives (docs/REVIEW.md).
    Consistency,
    Attention, // the highest attention (attention × N): the baseline a viewer's hot spots give
    Random,    // uniform over the candidate patches (a baseline)
};

QString acquisitionName(Acquisition acquisition); // "disagreement", "evidence", "attention", "random"
std::optional<Acquisition> acquisitionFromName(const QString& name); // nullopt for anything else
QStringList acquisitionNames();

// One question for the pathologist: what is this patch?
struct Proposal {
    QString slideId;
    int patch = -1;            // index in the slide's bag
    std::int64_t x = 0, y = 0; // level-0 top-left of the patch
    std::int64_t size = 0;     // patch side in level-0 pixels
    double score = 0;          // the acquisition's, ≥ 0 for every acquisition but Random's [0, 1)
    QString acquisition;
    // Disagreement's side: the model may have missed something here, or may be wrong to look here.
    enum class Hint { None, Missed, Unbacked } hint = Hint::None;
};

// A second opinion on where tumour is that needs no patch labels, only the training slides' labels.
// Each patch's neighbourhood (the mean feature of it and its graph neighbours) is projected on the
// direction along which the neighbourhoods of the other classes' slides vary most relative to
// those of the negative class's (class 0, "normal"): the top generalized eigenvector of their
// covariances (the largest variance ratio). A coherent region unlike normal tissue moves its neighbourhoods
// along it; isolated look-alikes, which normal slides have too, average away, and tissue variation both
// classes share cancels. Novelty is the distance along it from the normal neighbourhoods' mean, in their SDs.
class ContextNovelty {
public:
    void addSlide(const FeatureBag& bag, const SpatialGraph& graph, bool negativeClass);
    bool isReady() const; // slides of both kinds were added
    // Per patch. Error when not ready or the dimensions differ.
    std::vector<double> of(const FeatureBag& bag, const SpatialGraph& graph) const;

private:
    struct Moments {
        std::vector<double> sum, products; // D, D × D
        std::int64_t count = 0;
    };
    void fit() const;

    Moments m_negative, m_other;
    int m_dimension = 0;
    mutable std::vector<double> m_direction, m_center; // D each, once fitted
    mutable double m_scale = 1;
};

// The slides to ask about and their scored patches.
struct ProposalCandidates {
    QString slideId;
    Prediction prediction;
    SpatialGraph graph;
    std::vector<double> novelty; // per patch (ContextNovelty::of); needed by Disagreement only
    std::vector<int> answered; // per patch: ≥ 0 where an answer or annotation already labels it; may be empty
};

// Per patch of one slide, its acquisition score (higher: ask first). Disagreement's and
// Evidence's are signed: novelty (evidence) percentile − attention percentile (> 0: a possible
// miss, < 0: a possible false alarm; the larger |score|, the stronger). Random draws from `seed`
// and the slide id. Error when Disagreement has no novelty for the slide, or Evidence no evidence.
std::vector<double> acquisitionScores(const ProposalCandidates& slide, Acquisition acquisition,
                                      std::uint64_t seed);

// The `count` best-scoring patches over all slides. No two proposals are graph neighbours, no
// patch already labelled is asked again, and no slide gets more than max(1, ⌈2 count / slides⌉)
// so that one odd slide cannot take the whole round. Ordered by score, best first.
std::vector<Proposal> pickProposals(const std::vector<ProposalCandidates>& slides, Acquisition acquisition,
                                    int count, std::uint64_t seed);

} // namespace tessera::core
