// tessera-cli extract: slides → tissue → patches → features → CLAM-layout HDF5 bags.
#include "Cancellation.h"
#include "CommandOptions.h"

#include "common/Error.h"
#include "features/ExtractionPipeline.h"
#include "features/ExtractorRegistry.h"
#include "project/Project.h"
#include "slide/DicomSeries.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::cli {

namespace {

const QString kJob = QStringLiteral("extract");

const QStringList kSlideSuffixes{QStringLiteral("svs"),  QStringLiteral("tif"),  QStringLiteral("tiff"),
                                 QStringLiteral("ndpi"), QStringLiteral("vms"),  QStringLiteral("vmu"),
                                 QStringLiteral("scn"),  QStringLiteral("mrxs"), QStringLiteral("svslide"),
                                 QStringLiteral("bif")};

// Files as given; folders expanded to the slides directly inside them, sorted.
QStringList collectSlides(const QStringList& inputs)
{
    QStringList slides;
    for (const QString& input : inputs)
        for (const QString& part : input.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QFileInfo info(part);
            if (info.isDir()) {
                QStringList found;
                for (const QFileInfo& f : QDir(part).entryInfoList(QDir::Files, QDir::Name))
                    if (kSlideSuffixes.contains(f.suffix().toLower()))
                        found << f.filePath();
                // A folder holding a DICOM series is one slide.
                if (found.isEmpty())
                    if (const QString entry = core::dicomSeriesEntry(part); !entry.isEmpty())
                        found << entry;
                if (found.isEmpty())
                    throw core::Error(QStringLiteral("Folder %1 contains no slide files").arg(part));
                slides << found;
            } else if (!info.exists()) {
                throw core::Error(QStringLiteral("Slide %1 does not exist").arg(part));
            } else {
                slides << part;
            }
        }
    return slides;
}

} // namespace

int runExtract(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io, QStringLiteral("Extract patch features from slides into HDF5 bags"));
    const core::ExtractionOptions d;
    options.add(QStringLiteral("slides"),
                QStringLiteral("Slide files or folders (repeat or comma-separate)."),
                QStringLiteral("paths"));
    options.add(QStringLiteral("out"), QStringLiteral("Output folder for <slide>.h5."),
                QStringLiteral("dir"));
    options.add(
        QStringLiteral("project"),
        QStringLiteral("Project folder: records the feature set and each slide's features in its database; "
                       "--slides default to the project's slides, --out to its features/ folder."),
        QStringLiteral("dir"));
    options.add(QStringLiteral("extractor"), QStringLiteral("'handcrafted' or a TorchScript encoder (.pt)."),
                QStringLiteral("name|file"), QStringLiteral("handcrafted"));
    options.add(QStringLiteral("patch-size"), QStringLiteral("Patch side in pixels at --magnification."),
                QStringLiteral("px"), QString::number(d.grid.patchSize));
    options.add(QStringLiteral("magnification"), QStringLiteral("Objective-equivalent magnification."),
                QStringLiteral("x"), QString::number(d.grid.magnification));
    options.add(QStringLiteral("min-tissue"), QStringLiteral("Minimum tissue fraction of a patch."),
                QStringLiteral("0..1"), QString::number(d.grid.minTissueFraction));
    options.add(QStringLiteral("input-size"), QStringLiteral("TorchScript input side (patches are resized)."),
                QStringLiteral("px"), QString::number(core::ExtractorSettings().inputSize));
    options.add(QStringLiteral("normalization"),
                QStringLiteral("TorchScript input normalization: imagenet or 'r,g,b/r,g,b' (mean/std)."),
                QStringLiteral("spec"), core::ExtractorSettings().normalization);
    options.addDevice();
    options.addThreads(QStringLiteral("Patch reader threads"));
    options.addProgress();
    options.addShard();
    options.parse(arguments);
    const core::Shard shard = options.shard();
    std::unique_ptr<core::Project> project;
    if (options.isSet(QStringLiteral("project")))
        project = core::Project::open(options.value(QStringLiteral("project")));
    else
        options.require({"slides", "out"});

    options.startProgress(kJob);
    const auto report = [&](const core::ProgressEvent& e) { io.report(e); };
    const std::atomic<bool>& cancel = cancelOnSignals();
    core::ExtractionOptions extraction;
    extraction.grid.patchSize = options.integer(QStringLiteral("patch-size"));
    extraction.grid.magnification = options.number(QStringLiteral("magnification"));
    extraction.grid.minTissueFraction = options.number(QStringLiteral("min-tissue"));
    extraction.threads = options.threads();
    extraction.cancel = &cancel;
    const QString out = options.isSet(QStringLiteral("out")) ? options.value(QStringLiteral("out"))
                                                             : project->featuresFolder();
    if (!QDir().mkpath(out))
        throw core::Error(QStringLiteral("Cannot create the output folder %1").arg(out));

    QStringList slides;
    if (options.isSet(QStringLiteral("slides"))) {
        slides = collectSlides(options.values(QStringLiteral("slides")));
    } else {
        for (const core::SlideRecord& s : project->slides().list())
            if (!s.missing)
                slides << s.path;
        if (slides.isEmpty())
            throw core::Error(QStringLiteral("The project %1 has no slide files to extract (add some with "
                                             "tessera-cli project add)")
                                  .arg(project->folder()));
    }
    const qsizetype cohort = slides.size();
    slides = shard.select(slides);
    if (!shard.isWhole() && !options.jsonProgress())
        io.out << QStringLiteral("shard %1: %2 of %3 slides\n")
                      .arg(shard.toString())
                      .arg(slides.size())
                      .arg(cohort);
    // The model is checked (input and output shapes) before any slide is touched.
    const auto extractor =
        core::makeExtractor(options.value(QStringLiteral("extractor")),
                            {options.device(), options.integer(QStringLiteral("input-size")),
                             options.value(QStringLiteral("normalization"))});

    const qint64 featureSet =
        project ? project->runs().recordFeatureSet(out, extractor->name(), extraction.grid.patchSize,
                                                   extraction.grid.magnification)
                : 0;
    report(core::ProgressEvent::started(kJob, {{QStringLiteral("slides"), int(slides.size())},
                                               {QStringLiteral("shard"), shard.toString()},
                                               {QStringLiteral("extractor"), extractor->name()},
                                               {QStringLiteral("dimension"), extractor->dimension()},
                                               {QStringLiteral("out"), out}}));
    int failed = 0, done = 0;
    for (int i = 0; i < slides.size() && !cancel; ++i) {
        // Each slide's patch progress carries where it stands among the slides.
        extraction.progress = [&, i](const core::ProgressEvent& e) {
            core::ProgressEvent step = e;
            step.details[QStringLiteral("slide_index")] = i;
            step.details[QStringLiteral("slides")] = int(slides.size());
            report(step);
        };
        core::ExtractionPipeline pipeline(*extractor, extraction);
        try {
            const core::SlideExtraction r = pipeline.run(slides[i], out);
            ++done;
            if (project)
                project->runs().recordSlideFeatures(featureSet, r.slide, r.output, r.patches,
                                                    extractor->dimension());
            const QString text =
                QStringLiteral("%1: %2 patches → %3%4")
                    .arg(QFileInfo(r.slide).fileName())
                    .arg(r.patches)
                    .arg(r.output, r.reused ? QStringLiteral(" (already complete, reused)")
                                            : QStringLiteral(" (%1 s, %2 unreadable skipped)")
                                                  .arg(r.seconds, 0, 'f', 1)
                                                  .arg(r.unreadablePatches));
            report(core::ProgressEvent::note(kJob, text, QStringLiteral("info"),
                                             {{QStringLiteral("slide"), r.slide},
                                              {QStringLiteral("output"), r.output},
                                              {QStringLiteral("patches"), r.patches},
                                              {QStringLiteral("unreadable"), r.unreadablePatches},
                                              {QStringLiteral("reused"), r.reused},
                                              {QStringLiteral("seconds"), r.seconds}}));
            if (!options.jsonProgress())
                io.out << text << "\n";
        } catch (const core::Error& error) {
            if (cancel)
                break;
            ++failed;
            report(core::ProgressEvent::note(kJob, error.message(), QStringLiteral("warning"),
                                             {{QStringLiteral("slide"), slides[i]}}));
            io.err << "tessera-cli extract: error: " << error.message() << "\n";
            io.err.flush();
        }
        report(core::ProgressEvent::progress(kJob, i + 1, slides.size(), QStringLiteral("slides")));
    }
    const QJsonObject summary{{QStringLiteral("slides"), int(slides.size())},
                              {QStringLiteral("done"), done},
                              {QStringLiteral("failed"), failed}};
    if (cancel) {
        report(core::ProgressEvent::failed(kJob, QStringLiteral("cancelled"), true, summary));
        io.err
            << "tessera-cli extract: cancelled; finished slides are kept, the current one was not written\n";
        return kCancelled;
    }
    if (failed > 0) {
        report(core::ProgressEvent::failed(
            kJob, QStringLiteral("%1 of %2 slides failed").arg(failed).arg(slides.size()), false, summary));
        return kFailed;
    }
    report(core::ProgressEvent::finished(kJob, summary));
    return kOk;
}

} // namespace tessera::cli
