// tessera-cli report: a PDF (and CSVs) for one slide of a project, or one per slide with --all.
#include "CommandOptions.h"

#include "common/Error.h"
#include "project/Project.h"
#include "report/SlideReport.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QThread>

namespace tessera::cli {

namespace {

qint64 availableMemoryMiB()
{
    QFile meminfo(QStringLiteral("/proc/meminfo"));
    if (meminfo.open(QIODevice::ReadOnly))
        for (const QByteArray& line : meminfo.readAll().split('\n'))
            if (line.startsWith("MemAvailable:"))
                return line.mid(13).trimmed().split(' ').front().toLongLong() / 1024;
    return 2048;
}

int runInParallel(const QStringList& slides, const QStringList& common, const QString& out, int jobs,
                  CliContext& io)
{
    QStringList waiting = slides;
    std::vector<std::unique_ptr<QProcess>> running;
    int failed = 0, flagged = 0;
    QElapsedTimer timer;
    timer.start();
    while (!waiting.isEmpty() || !running.empty()) {
        while (!waiting.isEmpty() && int(running.size()) < jobs) {
            const QString slide = waiting.takeFirst();
            auto process = std::make_unique<QProcess>();
            process->setProperty("slide", slide);
            process->start(QCoreApplication::applicationFilePath(),
                           QStringList{QStringLiteral("report")} + common +
                               QStringList{QStringLiteral("--slide"), slide, QStringLiteral("--out"),
                                           QDir(out).filePath(slide + QStringLiteral(".pdf"))});
            running.push_back(std::move(process));
        }
        running.front()->waitForFinished(-1);
        for (auto it = running.begin(); it != running.end();) {
            QProcess& p = **it;
            if (p.state() != QProcess::NotRunning) {
                ++it;
                continue;
            }
            const QString out = QString::fromUtf8(p.readAllStandardOutput());
            flagged += int(out.count(QStringLiteral("\n  flagged: ")));
            io.out << out;
            if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
                ++failed; // the others go on
                io.err << p.property("slide").toString() << QStringLiteral(": ")
                       << QString::fromUtf8(p.readAllStandardError()).trimmed() << QLatin1Char('\n');
            }
            it = running.erase(it);
        }
    }
    io.out << QStringLiteral("%1 report(s), %2 failed, %3 at once, %4 s\n")
                  .arg(slides.size())
                  .arg(failed)
                  .arg(jobs)
                  .arg(timer.elapsed() / 1000.0, 0, 'f', 1);
    if (flagged > 0)
        io.out << QStringLiteral("%1 slide(s) flagged as unlike their run's training data: do not rely on "
                                 "their predictions\n")
                      .arg(flagged);
    return failed ? kFailed : kOk;
}

} // namespace

int runReport(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io, QStringLiteral("A slide report as PDF: header, overview with annotations, the "
                                              "model's prediction and heatmaps, regions with measurements, "
                                              "crops and findings. Recorded in the project."));
    options.add(QStringLiteral("project"), QStringLiteral("The project folder."), QStringLiteral("dir"));
    options.add(QStringLiteral("slide"), QStringLiteral("The slide (its key in the project, or its file)."),
                QStringLiteral("slide"));
    options.addSwitch(QStringLiteral("all"),
                      QStringLiteral("One report per slide of the project (--out is a folder)."));
    options.add(QStringLiteral("run"),
                QStringLiteral("The run whose prediction to report (default: the latest)."),
                QStringLiteral("run"));
    options.add(QStringLiteral("out"), QStringLiteral("The PDF to write (with --all: a folder)."),
                QStringLiteral("path"));
    options.add(QStringLiteral("csv"),
                QStringLiteral("Also write the CSVs (annotations, top patches, class summary) here."),
                QStringLiteral("dir"));
    options.add(QStringLiteral("findings"), QStringLiteral("A UTF-8 text file with the findings."),
                QStringLiteral("file"));
    options.add(QStringLiteral("author"), QStringLiteral("Author named in the header."),
                QStringLiteral("name"), qEnvironmentVariable("USER"));
    options.add(QStringLiteral("institution"), QStringLiteral("Institution named in the header."),
                QStringLiteral("text"));
    options.add(QStringLiteral("page"), QStringLiteral("A4 or Letter."), QStringLiteral("size"),
                QStringLiteral("A4"));
    options.add(QStringLiteral("opacity"),
                QStringLiteral("Opacity of the heatmaps over the slide, 0–1 (the GUI's default)."),
                QStringLiteral("a"), QString::number(core::HeatmapSettings{}.opacity));
    options.add(
        QStringLiteral("jobs"),
        QStringLiteral("With --all: reports made at once, each in its own process (0: one per core, as "
                       "many as fit in half the available memory at ~300 MiB each)."),
        QStringLiteral("n"), QStringLiteral("0"));
    options.addShard();
    options.parse(arguments);
    options.require({"project", "out"});
    if (options.isSet(QStringLiteral("slide")) == options.isSet(QStringLiteral("all")))
        throw UsageError(QStringLiteral("give --slide or --all"));
    if (options.isSet(QStringLiteral("shard")) && !options.isSet(QStringLiteral("all")))
        throw UsageError(QStringLiteral("--shard needs --all"));
    options.shard(); // a malformed shard is a usage error before anything is done
    core::ReportRequest request;
    request.heatmaps.opacity = options.number(QStringLiteral("opacity"));
    if (request.heatmaps.opacity < 0 || request.heatmaps.opacity > 1)
        throw UsageError(QStringLiteral("--opacity lies in [0, 1]"));
    request.run = options.value(QStringLiteral("run"));
    request.author = options.value(QStringLiteral("author"));
    request.institution = options.value(QStringLiteral("institution"));
    request.page = options.choice(QStringLiteral("page"), {QStringLiteral("A4"), QStringLiteral("Letter")}) ==
                           QLatin1String("Letter")
                       ? QPageSize::Letter
                       : QPageSize::A4;
    if (options.isSet(QStringLiteral("findings"))) {
        QFile file(options.value(QStringLiteral("findings")));
        if (!file.open(QIODevice::ReadOnly))
            throw core::Error(
                QStringLiteral("%1: cannot be read (%2)").arg(file.fileName(), file.errorString()));
        request.findings = QString::fromUtf8(file.readAll());
    }
    const auto project = core::Project::open(options.value(QStringLiteral("project")));
    if (options.isSet(QStringLiteral("all"))) {
        // One process per report (each opens the project itself; SQLite's busy timeout orders
        // their writes), as many at once as cores and memory allow.
        const core::Shard shard = options.shard();
        QStringList slides;
        for (const core::SlideRecord& s : project->slides().list())
            if (shard.containsSlideId(s.key))
                slides << s.key;
        const QString out = options.value(QStringLiteral("out"));
        if (!QDir().mkpath(out))
            throw core::Error(QStringLiteral("%1: the folder cannot be created").arg(out));
        // Re-issued per slide, without these (--out becomes the slide's PDF).
        QStringList common =
            withoutOption(arguments.mid(1), QStringLiteral("all"), false); // without the program
        for (const QString& option : {QStringLiteral("jobs"), QStringLiteral("shard"), QStringLiteral("out")})
            common = withoutOption(common, option);
        int jobs = options.integer(QStringLiteral("jobs"));
        if (jobs <= 0)
            jobs = std::max(1, std::min(QThread::idealThreadCount(), int(availableMemoryMiB() / 2 / 300)));
        return runInParallel(slides, common, out, jobs, io);
    }
    request.slide = options.value(QStringLiteral("slide"));
    const core::ReportOutput written = core::writeSlideReport(
        *project, request, options.value(QStringLiteral("out")), options.value(QStringLiteral("csv")));
    io.out << QStringLiteral("%1: %2 page(s)\n").arg(written.pdf).arg(written.pages);
    for (const QString& csv : written.csvs)
        io.out << QStringLiteral("  %1\n").arg(csv);
    if (!written.trust.isEmpty()) // "flagged: " is what `report --all` counts
        io.out << (written.ood.flagged ? QStringLiteral("  flagged: %1\n") : QStringLiteral("  trust: %1\n"))
                      .arg(written.trust);
    for (const QString& omitted : written.omitted)
        io.out << QStringLiteral("  not included: %1\n").arg(omitted);
    return kOk;
}

} // namespace tessera::cli
