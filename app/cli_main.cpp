// tessera-cli: every Tessera job from the command line (the GUI launches the same commands).
#include "cli/CliCommand.h"
#include "common/Error.h"
#include "system/RuntimeEnvironment.h"

#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

#include <cstdio>
#include <map>
#include <memory>
#include <sys/resource.h>

using namespace tessera;

namespace {

using Command = int (*)(const QStringList&, cli::CliContext&);

const std::map<QString, std::pair<Command, const char*>>& commands()
{
    static const std::map<QString, std::pair<Command, const char*>> table{
        {QStringLiteral("synth"), {cli::runSynth, "write a synthetic slide with ground truth"}},
        {QStringLiteral("convert"),
         {cli::runConvert, "a slide or a region of it as a pyramidal TIFF or OME-TIFF"}},
        {QStringLiteral("extract"),
         {cli::runExtract, "slides -> tissue -> patch features (CLAM-layout HDF5)"}},
        {QStringLiteral("train"),
         {cli::runTrain, "train SR-MIL, ABMIL or TransMIL on feature bags (resumable)"}},
        {QStringLiteral("synth-bags"),
         {cli::runSynthBags, "synthetic feature bags with per-patch ground truth"}},
        {QStringLiteral("eval"), {cli::runEval, "metrics of a trained run on labelled bags"}},
        {QStringLiteral("infer"), {cli::runInfer, "probabilities and per-patch maps for one bag"}},
        {QStringLiteral("heatmap"), {cli::runHeatmap, "slide thumbnail with one of a run's maps (PNG)"}},
        {QStringLiteral("demo-data"),
         {cli::runDemoData, "synthetic slides -> features -> SR-MIL -> predictions, end to end"}},
        {QStringLiteral("info"), {cli::runInfo, "library versions and devices, or --slide FILE metadata"}},
        {QStringLiteral("project"), {cli::runProject, "init|add|labels|splits|status of a project database"}},
        {QStringLiteral("report"), {cli::runReport, "a PDF (and CSV) report of a slide, or of every slide"}},
        {QStringLiteral("annotations"),
         {cli::runAnnotations,
          "a slide's annotations: import or export QuPath GeoJSON / ASAP XML, or list them"}},
        {QStringLiteral("suggest"),
         {cli::runSuggest,
          "proposals for a pathologist: where a run's answers would teach it most (GeoJSON)"}},
        {QStringLiteral("compare"),
         {cli::runCompare, "2-6 runs side by side: ROC, DeLong, calibration, confusion (PDF and CSV)"}},
    };
    return table;
}

void printUsage(QTextStream& stream)
{
    stream << "Usage: tessera-cli <command> [options]   (tessera-cli <command> --help for its options)\n\n"
              "Commands:\n";
    int width = 0;
    for (const auto& [name, entry] : commands())
        width = std::max(width, int(name.size()));
    for (const auto& [name, entry] : commands())
        stream << "  " << name.leftJustified(width + 2) << entry.second << "\n";
    stream << "\nExit codes: 0 done, 1 failed, 2 wrong command line, 3 cancelled (rerun to resume).\n";
}

// Reports the error that ended a command on stderr and, for jobs with progress events, as a
// Failed event; returns the exit code.
int fail(cli::CliContext& io, const QString& command, const QString& message, int code,
         const QString& prefix = {})
{
    io.err << "tessera-cli " << command << ": " << prefix << message << "\n";
    io.err.flush();
    try {
        if (io.progress)
            io.progress(core::ProgressEvent::failed(io.job, message));
    } catch (const std::exception& e) { // the log or the project may be what failed
        io.err << "tessera-cli " << command << ": the failure could not be recorded: " << e.what() << "\n";
    }
    return code;
}

// The value of `--log FILE` (or `--log=FILE`) in `arguments`, if any.
QString logArgument(const QStringList& arguments)
{
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        if (arguments[i] == QLatin1String("--log") && i + 1 < arguments.size())
            return arguments[i + 1];
        if (arguments[i].startsWith(QLatin1String("--log=")))
            return arguments[i].mid(6);
    }
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    core::restartWithRuntimeSettings(argv);
    // Jobs launched by the GUI run at a lower priority, so the viewer stays responsive.
    if (const int nice = qEnvironmentVariableIntValue("TESSERA_NICE"); nice > 0)
        setpriority(PRIO_PROCESS, 0, std::min(nice, 19));
    // Pictures with text (heatmap legends) need fonts, hence a GUI application, but never a
    // display: those commands run on the offscreen platform.
    const bool drawsText = argc > 1 && (qstrcmp(argv[1], "heatmap") == 0 || qstrcmp(argv[1], "report") == 0 ||
                                        qstrcmp(argv[1], "compare") == 0);
    if (drawsText && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app;
    if (drawsText)
        app = std::make_unique<QGuiApplication>(argc, argv);
    else
        app = std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("tessera-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    cli::CliContext io{out, err, {}, {}, {}, {}, {}};

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2 || arguments[1] == QLatin1String("--help") ||
        arguments[1] == QLatin1String("-h")) {
        printUsage(arguments.size() < 2 ? err : out);
        return arguments.size() < 2 ? cli::kUsage : cli::kOk;
    }
    if (arguments[1] == QLatin1String("--version")) {
        out << "tessera-cli " << TESSERA_VERSION << "\n";
        return cli::kOk;
    }
    const QString name = arguments[1];
    const auto found = commands().find(name);
    if (found == commands().end()) {
        err << "tessera-cli: unknown command '" << name << "'\n\n";
        printUsage(err);
        return cli::kUsage;
    }
    arguments.removeAt(1); // the parser sees "tessera-cli --opt …"
    try {
        // A job's log is opened before anything can fail, so that every ending reaches it.
        if (const QString log = logArgument(arguments); !log.isEmpty())
            io.startProgress(name, false, log);
        return found->second.first(arguments, io);
    } catch (const cli::HelpRequested& help) {
        out << help.text;
        return cli::kOk;
    } catch (const cli::UsageError& e) {
        err << "(see tessera-cli " << name << " --help)\n";
        return fail(io, name, e.message, cli::kUsage);
    } catch (const core::FieldError& e) {
        // A setting core refused: name the flag that set it.
        const QString flag = io.fieldFlags.value(e.problem().field);
        return fail(io, name, flag.isEmpty() ? e.message() : QStringLiteral("%1: %2").arg(flag, e.message()),
                    cli::kUsage);
    } catch (const core::Error& e) {
        return fail(io, name, e.message(), cli::kFailed, QStringLiteral("error: "));
    } catch (const std::exception& e) {
        return fail(io, name, QString::fromUtf8(e.what()), cli::kFailed,
                    QStringLiteral("unexpected error: "));
    }
}
