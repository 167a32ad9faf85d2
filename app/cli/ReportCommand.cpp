// tessera-cli report: a PDF (and CSVs) for one slide of a project, or one per slide with --all.
#include "CommandOptions.h"

#include "common/Error.h"
#include "project/Project.h"
#include "report/SlideReport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace tessera::cli {

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
    options.parse(arguments);
    options.require({"project", "out"});
    if (options.isSet(QStringLiteral("slide")) == options.isSet(QStringLiteral("all")))
        throw UsageError(QStringLiteral("give --slide or --all"));
    core::ReportRequest request;
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
    QStringList slides;
    if (options.isSet(QStringLiteral("all")))
        for (const core::SlideRecord& s : project->slides().list())
            slides << s.key;
    else
        slides << options.value(QStringLiteral("slide"));
    const QString out = options.value(QStringLiteral("out"));
    int failed = 0;
    for (const QString& slide : slides) {
        request.slide = slide;
        const QString pdf =
            options.isSet(QStringLiteral("all"))
                ? QDir(out).filePath(QFileInfo(slide).completeBaseName() + QStringLiteral(".pdf"))
                : out;
        if (options.isSet(QStringLiteral("all")) && !QDir().mkpath(out))
            throw core::Error(QStringLiteral("%1: the folder cannot be created").arg(out));
        try {
            const core::ReportOutput written =
                core::writeSlideReport(*project, request, pdf, options.value(QStringLiteral("csv")));
            io.out << QStringLiteral("%1: %2 page(s)\n").arg(written.pdf).arg(written.pages);
            for (const QString& csv : written.csvs)
                io.out << QStringLiteral("  %1\n").arg(csv);
            for (const QString& omitted : written.omitted)
                io.out << QStringLiteral("  not included: %1\n").arg(omitted);
        } catch (const core::Error& e) {
            if (!options.isSet(QStringLiteral("all")))
                throw;
            io.err << QStringLiteral("%1: %2\n").arg(slide, e.message()); // the others go on
            ++failed;
        }
    }
    return failed ? kFailed : kOk;
}

} // namespace tessera::cli
