#include "review/RunProposals.h"

#include "common/Error.h"
#include "project/Project.h"
#include "project/TrainingAnnotations.h"
#include "train/Dataset.h"

#include <QObject>

#include <cmath>
#include <map>
#include <set>

namespace tessera::core {

namespace {
constexpr int kAnsweredWithoutLabel = 1 << 20; // ≥ 0: not asked again, though it trains nothing
} // namespace

RunProposals proposeForRun(Project& project, const RunProposalRequest& request)
{
    const std::optional<RunRecord> run = project.runs().find(request.run);
    if (!run)
        throw Error(QObject::tr("The project %1 has no run '%2'").arg(project.folder(), request.run));
    Split split;
    try {
        split = project.slides().split(run->split);
    } catch (const Error&) {
        throw Error(QObject::tr("Run %1 was trained on '%2', not on one of the project's named splits: its "
                                "training slides are not known here")
                        .arg(run->name, run->split));
    }
    const std::optional<FeatureSetRecord> features = project.runs().featureSet(run->featureSet);
    const QString featuresDir = features ? features->folder : run->featureSet;
    MilDataset data =
        MilDataset::load(featuresDir, project.slides().labelTable(), Split{split.train, {}, {}});
    labelFromAnnotations(project, data); // what is annotated already is not asked again
    const std::vector<MilSample>& training = data.samples(QStringLiteral("train"));
    // Nor what an answer to an earlier proposal covers, a rejection (Ignore*, no label) included.
    std::map<QString, std::vector<int>> answered;
    for (const MilSample& s : training) {
        const std::optional<SlideRecord> slide = project.slides().find(s.slideId);
        if (!slide || s.label == 0)
            continue;
        std::set<std::pair<std::int64_t, std::int64_t>> corners;
        for (const Annotation& a : project.annotations().load(slide->id))
            if (!a.origin.isEmpty() && !a.className.isEmpty())
                corners.insert(
                    {std::llround(a.geometry.bounds().x()), std::llround(a.geometry.bounds().y())});
        std::vector<int> labels =
            s.patchLabels.empty() ? std::vector<int>(std::size_t(s.bag.count), -1) : s.patchLabels;
        for (std::size_t i = 0; i < labels.size(); ++i)
            if (labels[i] < 0 && corners.count({s.bag.coords[2 * i], s.bag.coords[2 * i + 1]}))
                labels[i] = kAnsweredWithoutLabel;
        answered[s.slideId] = std::move(labels);
    }
    for (const QString& key : request.slides) {
        const auto sample = std::find_if(training.begin(), training.end(),
                                         [&](const MilSample& s) { return s.slideId == key; });
        if (sample == training.end())
            throw Error(QObject::tr("%1 is not a training slide of run %2: answers there would train nothing")
                            .arg(key, run->name));
        if (sample->label == 0)
            throw Error(QObject::tr("%1 is a %2 slide: every patch of it is %2, so there is nothing to ask")
                            .arg(key, data.classNames().front()));
    }
    ContextNovelty context;
    for (const MilSample& s : training)
        context.addSlide(s.bag, s.graph, s.label == 0);
    const Predictor predictor(run->folder, request.device);
    std::vector<ProposalCandidates> candidates;
    for (const MilSample& s : training) {
        if (s.label == 0 || (!request.slides.isEmpty() && !request.slides.contains(s.slideId)))
            continue;
        ProposalCandidates c{s.slideId, predictor.predict(s.bag), s.graph, {}, answered[s.slideId]};
        if (request.acquisition == Acquisition::Disagreement)
            c.novelty = context.of(s.bag, s.graph);
        candidates.push_back(std::move(c));
    }
    RunProposals out;
    out.run = run->name;
    out.classNames = data.classNames();
    out.slidesAsked = int(candidates.size());
    out.proposals = pickProposals(candidates, request.acquisition, request.count, request.seed);
    return out;
}

Annotation proposalAnnotation(const Proposal& proposal, const QString& run, int number)
{
    Annotation a;
    a.id = QUuid::createUuid();
    a.geometry = Geometry::rectangle(
        QRectF(double(proposal.x), double(proposal.y), double(proposal.size), double(proposal.size)));
    const QString why = proposal.hint == Proposal::Hint::Missed     ? QObject::tr("may be missed")
                        : proposal.hint == Proposal::Hint::Unbacked ? QObject::tr("may be a false alarm")
                                                                    : QString();
    a.name = why.isEmpty() ? QObject::tr("Proposal %1").arg(number)
                           : QObject::tr("Proposal %1: %2").arg(number).arg(why);
    a.origin = {run, proposal.acquisition, proposal.score};
    a.created = a.modified = QDateTime::currentDateTimeUtc();
    return a;
}

} // namespace tessera::core
