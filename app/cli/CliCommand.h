// A `tessera-cli` sub-command: parses its own options and returns a process exit code.
#pragma once

#include <QCommandLineParser>
#include <QString>
#include <QStringList>
#include <QTextStream>

namespace tessera::cli {

enum ExitCode { kOk = 0, kFailed = 1, kUsage = 2 };

struct CliContext {
    QTextStream& out;
    QTextStream& err;
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
int runInfo(const QStringList& arguments, CliContext& io);
int runExtract(const QStringList& arguments, CliContext& io);
int runTrain(const QStringList& arguments, CliContext& io);
int runSynthBags(const QStringList& arguments, CliContext& io);
int runEval(const QStringList& arguments, CliContext& io);
int runInfer(const QStringList& arguments, CliContext& io);
int runHeatmap(const QStringList& arguments, CliContext& io);
int runDemoData(const QStringList& arguments, CliContext& io);

// Helpers shared by commands.
int intOption(const QCommandLineParser& parser, const QString& name, int fallback);
qulonglong unsignedOption(const QCommandLineParser& parser, const QString& name, qulonglong fallback);
double doubleOption(const QCommandLineParser& parser, const QString& name, double fallback);
void parseOrThrow(QCommandLineParser& parser, const QStringList& arguments);

} // namespace tessera::cli
