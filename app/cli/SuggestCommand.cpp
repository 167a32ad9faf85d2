// tessera-cli suggest: where a run would learn most from a pathologist's answer — proposals on its
// training slides as QuPath GeoJSON (unclassified squares, each carrying the run, acquisition and
// score that proposed it), to classify in QuPath or Tessera and import back.
#include "CliCommand.h"
#include "CommandOptions.h"
#include "annotations/AnnotationFiles.h"
#include "common/Error.h"
#include "project/Project.h"
#include "review/RunProposals.h"

#include <QDir>
#include <QFileInfo>
#include <map>

namespace tessera::cli {

int runSuggest(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(
        io,
        QStringLiteral("Propose the patches of a run's training slides a pathologist's answer would teach it "
                       "most about (docs/REVIEW.md). --slide S writes S's proposals to --out FILE; --all "
                       "writes <slide>.geojson per slide into the --out folder."));
    options.add(QStringLiteral("project"), QStringLiteral("Project folder."), QStringLiteral("dir"));
    options.add(QStringLiteral("run"), QStringLiteral("A run of the project (name or folder)."),
                QStringLiteral("run"));
    options.add(QStringLiteral("slide"), QStringLiteral("One training slide (its key)."),
                QStringLiteral("key"));
    options.addSwitch(QStringLiteral("all"), QStringLiteral("Every training slide that can be asked about."));
    options.add(QStringLiteral("count"), QStringLiteral("How many proposals."), QStringLiteral("N"),
                QStringLiteral("20"));
    options.add(QStringLiteral("acquisition"),
                QStringLiteral("How to rank: %1.").arg(core::acquisitionNames().join(QStringLiteral(", "))),
                QStringLiteral("name"), QStringLiteral("disagreement"));
    options.add(QStringLiteral("out"), QStringLiteral("GeoJSON file (--slide) or folder (--all)."),
                QStringLiteral("path"));
    options.addDevice();
    options.parse(arguments);
    options.require({"project", "run", "out"});
    if (options.isSet(QStringLiteral("slide")) == options.isSet(QStringLiteral("all")))
        throw UsageError{QStringLiteral("give either --slide S or --all")};
    core::RunProposalRequest request;
    request.run = options.value(QStringLiteral("run"));
    if (options.isSet(QStringLiteral("slide")))
        request.slides << options.value(QStringLiteral("slide"));
    request.count = options.integer(QStringLiteral("count"));
    if (request.count < 1)
        throw UsageError{QStringLiteral("--count must be at least 1")};
    request.acquisition =
        *core::acquisitionFromName(options.choice(QStringLiteral("acquisition"), core::acquisitionNames()));
    request.device = options.device();
    const auto project = core::Project::open(options.value(QStringLiteral("project")));
    const core::RunProposals result = core::proposeForRun(*project, request);

    std::map<QString, std::vector<core::Annotation>> perSlide;
    int number = 0;
    for (const core::Proposal& p : result.proposals)
        perSlide[p.slideId].push_back(core::proposalAnnotation(p, result.run, ++number));
    const QString out = options.value(QStringLiteral("out"));
    if (options.isSet(QStringLiteral("all")) && !QDir().mkpath(out))
        throw core::Error(QStringLiteral("The folder %1 cannot be made").arg(out));
    const auto fileFor = [&](const QString& slide) {
        return options.isSet(QStringLiteral("all")) ? QDir(out).filePath(slide + QStringLiteral(".geojson"))
                                                    : out;
    };
    if (perSlide.empty() && options.isSet(QStringLiteral("slide"))) // an empty collection, not no file
        perSlide[options.value(QStringLiteral("slide"))];
    for (const auto& [slide, annotations] : perSlide)
        core::exportAnnotations(fileFor(slide), core::AnnotationFormat::GeoJson, annotations, {});
    io.out << QStringLiteral("%1 proposal(s) by %2 (%3) on %4 of %5 training slide(s) asked about\n")
                  .arg(result.proposals.size())
                  .arg(result.run, core::acquisitionName(request.acquisition))
                  .arg(perSlide.size())
                  .arg(result.slidesAsked);
    number = 0;
    for (const core::Proposal& p : result.proposals)
        io.out << QStringLiteral("  %1. %2 at (%3, %4) size %5, score %6%7 → %8\n")
                      .arg(++number)
                      .arg(p.slideId)
                      .arg(p.x)
                      .arg(p.y)
                      .arg(p.size)
                      .arg(p.score, 0, 'f', 3)
                      .arg(p.hint == core::Proposal::Hint::Missed ? QStringLiteral(", may be missed")
                           : p.hint == core::Proposal::Hint::Unbacked
                               ? QStringLiteral(", may be a false alarm")
                               : QString())
                      .arg(QDir::toNativeSeparators(fileFor(p.slideId)));
    return kOk;
}

} // namespace tessera::cli
