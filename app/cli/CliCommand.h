// A `tessera-cli` sub-command: parses its own options and returns a process exit code.
#pragma once

#include "jobs/JsonlProgressWriter.h"
#include "jobs/ProgressEvent.h"

#include <QCommandLineParser>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QTextStream>
#include <memory>

namespace tessera::cli {

// Exit codes (docs/CLI.md): a job launcher reads them to tell a bad command line from a failed
// or a cancelled job.
enum ExitCode {
    kOk = 0,        // done
    kFailed = 1,    // the job failed (bad data, a full disk …): the message says why
    kUsage = 2,     // the command line is wrong: nothing was done
    kCancelled = 3, // stopped on request (SIGINT/SIGTERM); rerunning the command resumes
};

struct CliContext {
    QTextStream& out;
    QTextStream& err;
    // Setting keys (as in core's FieldProblem) → the flag that sets them, for error messages.
    QMap<QString, QString> fieldFlags;
    // Set by startProgress(): where a command reports its progress events. A failure that ends
    // the command is reported there too (as a Failed event of `job`).
    core::ProgressSink progress;
    QString job;

    // Events of `job` go to `out` as JSON lines (`--progress jsonl`) and/or are appended to
    // `logPath` (`--log FILE`) from now on; nowhere when neither is asked for.
    void startProgress(const QString& job, bool jsonLines, const QString& logPath);
    // Reports `event` where progress goes (nowhere without startProgress()).
    void report(const core::ProgressEvent& event) const;

    std::shared_ptr<core::JsonlProgressWriter> writer;
    QString logPath; // the log the writer appends to
};

// Thrown for bad command-line usage (reported with exit code 2 and a usage hint).
struct UsageError {
    QString message;
};

// Thrown when --help was given: the text is printed and the command exits 0.
struct HelpRequested {
    QString text;
};

int runSynth(const QStringList& arguments, CliContext& io);
int runConvert(const QStringList& arguments, CliContext& io);
int runCompare(const QStringList& arguments, CliContext& io);
int runInfo(const QStringList& arguments, CliContext& io);
int runExtract(const QStringList& arguments, CliContext& io);
int runTrain(const QStringList& arguments, CliContext& io);
int runSynthBags(const QStringList& arguments, CliContext& io);
int runEval(const QStringList& arguments, CliContext& io);
int runSuggest(const QStringList& arguments, CliContext& io);
int runInfer(const QStringList& arguments, CliContext& io);
int runHeatmap(const QStringList& arguments, CliContext& io);
int runDemoData(const QStringList& arguments, CliContext& io);
int runProject(const QStringList& arguments, CliContext& io);
int runReport(const QStringList& arguments, CliContext& io);
int runAnnotations(const QStringList& arguments, CliContext& io);

} // namespace tessera::cli
