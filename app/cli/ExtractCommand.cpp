// tessera-cli extract: slides → tissue → patches → features → CLAM-layout HDF5 bags.
#include "CliCommand.h"

#include "common/Error.h"
#include "features/ExtractionPipeline.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QJsonDocument>

#include <atomic>
#include <csignal>

namespace tessera::cli {

namespace {

std::atomic<bool> g_cancel{false};

extern "C" void requestCancel(int)
{
    g_cancel = true;
}

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
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Extract patch features from slides into HDF5 bags"));
    parser.addOptions({
        {QStringLiteral("slides"), QStringLiteral("Slide files or folders (repeat or comma-separate)."),
         QStringLiteral("paths")},
        {QStringLiteral("out"), QStringLiteral("Output folder for <slide>.h5."), QStringLiteral("dir")},
        {QStringLiteral("extractor"), QStringLiteral("'handcrafted' or a TorchScript encoder (.pt)."),
         QStringLiteral("name|file"), QStringLiteral("handcrafted")},
        {QStringLiteral("patch-size"), QStringLiteral("Patch side in pixels at --magnification."),
         QStringLiteral("px"), QStringLiteral("256")},
        {QStringLiteral("magnification"), QStringLiteral("Objective-equivalent magnification."),
         QStringLiteral("x"), QStringLiteral("20")},
        {QStringLiteral("min-tissue"), QStringLiteral("Minimum tissue fraction of a patch."),
         QStringLiteral("0..1"), QStringLiteral("0.25")},
        {QStringLiteral("input-size"), QStringLiteral("TorchScript input side (patches are resized)."),
         QStringLiteral("px"), QStringLiteral("224")},
        {QStringLiteral("normalization"),
         QStringLiteral("TorchScript input normalization: imagenet or 'r,g,b/r,g,b' (mean/std)."),
         QStringLiteral("spec"), QStringLiteral("imagenet")},
        {QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N (TorchScript)."),
         QStringLiteral("device"), QStringLiteral("auto")},
        {QStringLiteral("threads"), QStringLiteral("Patch reader threads (0 = all cores)."),
         QStringLiteral("n"), QStringLiteral("0")},
        {QStringLiteral("progress"), QStringLiteral("'jsonl': one JSON event per line on stdout."),
         QStringLiteral("format")},
    });
    parseOrThrow(parser, arguments);
    if (!parser.isSet(QStringLiteral("slides")) || !parser.isSet(QStringLiteral("out")))
        throw UsageError{QStringLiteral("--slides and --out are required")};
    const bool jsonl = parser.value(QStringLiteral("progress")) == QLatin1String("jsonl");
    if (parser.isSet(QStringLiteral("progress")) && !jsonl)
        throw UsageError{QStringLiteral("--progress accepts only 'jsonl'")};

    core::ExtractionOptions options;
    options.grid.patchSize = intOption(parser, QStringLiteral("patch-size"), 256);
    options.grid.magnification = doubleOption(parser, QStringLiteral("magnification"), 20);
    options.grid.minTissueFraction = doubleOption(parser, QStringLiteral("min-tissue"), 0.25);
    options.threads = intOption(parser, QStringLiteral("threads"), 0);
    options.cancel = &g_cancel;
    const auto emit = [&](const QJsonObject& event) {
        if (jsonl) {
            io.out << QJsonDocument(event).toJson(QJsonDocument::Compact) << '\n';
            io.out.flush();
        }
    };
    options.progress = emit;
    const QString out = parser.value(QStringLiteral("out"));
    if (!QDir().mkpath(out))
        throw core::Error(QStringLiteral("Cannot create the output folder %1").arg(out));

    const QStringList slides = collectSlides(parser.values(QStringLiteral("slides")));
    // The model is checked (input and output shapes) before any slide is touched.
    auto extractor = core::makeExtractor(
        parser.value(QStringLiteral("extractor")), parser.value(QStringLiteral("device")),
        intOption(parser, QStringLiteral("input-size"), 224), parser.value(QStringLiteral("normalization")));
    std::signal(SIGINT, requestCancel);
    std::signal(SIGTERM, requestCancel);

    emit({{QStringLiteral("event"), QStringLiteral("start")},
          {QStringLiteral("slides"), int(slides.size())},
          {QStringLiteral("extractor"), extractor->name()},
          {QStringLiteral("dimension"), extractor->dimension()}});
    core::ExtractionPipeline pipeline(*extractor, options);
    int failed = 0;
    for (int i = 0; i < slides.size() && !g_cancel; ++i) {
        emit({{QStringLiteral("event"), QStringLiteral("slide_start")},
              {QStringLiteral("slide"), slides[i]},
              {QStringLiteral("index"), i}});
        try {
            const core::SlideExtraction r = pipeline.run(slides[i], out);
            emit({{QStringLiteral("event"), QStringLiteral("slide_done")},
                  {QStringLiteral("slide"), r.slide},
                  {QStringLiteral("output"), r.output},
                  {QStringLiteral("patches"), r.patches},
                  {QStringLiteral("unreadable"), r.unreadablePatches},
                  {QStringLiteral("reused"), r.reused},
                  {QStringLiteral("seconds"), r.seconds}});
            if (!jsonl)
                io.out << QStringLiteral("%1: %2 patches → %3%4\n")
                              .arg(QFileInfo(r.slide).fileName())
                              .arg(r.patches)
                              .arg(r.output, r.reused ? QStringLiteral(" (already complete, reused)")
                                                      : QStringLiteral(" (%1 s, %2 unreadable skipped)")
                                                            .arg(r.seconds, 0, 'f', 1)
                                                            .arg(r.unreadablePatches));
        } catch (const core::Error& error) {
            ++failed;
            emit({{QStringLiteral("event"), QStringLiteral("slide_failed")},
                  {QStringLiteral("slide"), slides[i]},
                  {QStringLiteral("error"), error.message()}});
            io.err << "tessera-cli extract: error: " << error.message() << "\n";
            io.err.flush();
        }
    }
    emit({{QStringLiteral("event"), QStringLiteral("done")},
          {QStringLiteral("slides"), int(slides.size())},
          {QStringLiteral("failed"), failed},
          {QStringLiteral("cancelled"), g_cancel.load()}});
    if (g_cancel)
        io.err
            << "tessera-cli extract: cancelled; finished slides are kept, the current one was not written\n";
    return failed > 0 || g_cancel ? kFailed : kOk;
}

} // namespace tessera::cli
