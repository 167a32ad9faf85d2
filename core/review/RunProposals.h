// The questions a project's run asks: proposals on its training slides (tessera-cli suggest, the
// Review dock), skipping what the project's annotations already label.
#pragma once

#include "annotations/Annotation.h"
#include "review/Acquisition.h"

#include <QStringList>
#include <vector>

namespace tessera::core {

class Project;

struct RunProposalRequest {
    QString run;        // a run of the project (name or folder), trained on a named split
    QStringList slides; // slide keys to ask about; empty: every training slide that can be asked
    int count = 20;
    Acquisition acquisition = Acquisition::Disagreement;
    QString device = QStringLiteral("cpu");
    std::uint64_t seed = 1;
};

struct RunProposals {
    QString run;            // its name in the project
    QStringList classNames; // the run's classes: the answers a proposal can take
    std::vector<Proposal> proposals;
    int slidesAsked = 0; // training slides the proposals were chosen from
};

// Proposals on the run's training slides of classes other than the first ("normal": every patch
// of such a slide is normal, so nothing there needs asking). Error, naming what to do, when the
// run is not the project's, was not trained on a named split, its features are gone, or a slide
// asked for is not one of its training slides of such a class.
RunProposals proposeForRun(Project& project, const RunProposalRequest& request);

// A proposal as an unclassified square annotation on its slide, carrying its origin; the
// pathologist's answer gives it a class.
Annotation proposalAnnotation(const Proposal& proposal, const QString& run, int number);

} // namespace tessera::core
