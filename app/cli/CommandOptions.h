// The options of one sub-command: declared once with their defaults (shown in --help), parsed,
// checked and read back with clear usage errors. Shared option kinds (device, threads, progress)
// are declared the same way in every command.
#pragma once

#include "CliCommand.h"
#include "jobs/Shard.h"

#include <QCommandLineParser>
#include <initializer_list>

namespace tessera::cli {

// `arguments` without option `name` in every spelling the parser takes (--name, -name, with its
// value after it or after '='); for re-issuing a command line to child processes.
QStringList withoutOption(QStringList arguments, const QString& name, bool takesValue = true);

class CommandOptions {
public:
    CommandOptions(CliContext& io, const QString& description);

    // An option with a value; `defaultValue` (if any) is shown in --help and returned by value().
    // `field` is the setting key core reports problems with (default: the flag with '-' → '_').
    void add(const QString& flag, const QString& description, const QString& valueName,
             const QString& defaultValue = {}, const QString& field = {});
    void addSwitch(const QString& flag, const QString& description);
    // --device auto|cpu|cuda|cuda:N, --threads N (`what` says which threads), --progress jsonl
    // with --log FILE.
    void addDevice();
    void addThreads(const QString& what);
    void addProgress();
    // --shard i/n: this job does the i-th of n disjoint parts of the slides (Shard).
    void addShard();

    // Parses; throws HelpRequested for --help and UsageError for anything wrong.
    void parse(const QStringList& arguments);
    void require(std::initializer_list<const char*> flags) const;
    // Words that follow the options become more values of `flag` (--runs A B C), not an error.
    void takeTrailingValues(const QString& flag) { m_trailingFlag = flag; }

    bool isSet(const QString& flag) const { return m_parser.isSet(flag); }
    QString value(const QString& flag) const { return m_parser.value(flag); }
    // Every value of `flag`, and for the flag named by takeTrailingValues() the words after it too.
    QStringList values(const QString& flag) const;
    int integer(const QString& flag) const;
    qulonglong unsignedInteger(const QString& flag) const;
    double number(const QString& flag) const;
    // The value, which must be one of `allowed`.
    QString choice(const QString& flag, const QStringList& allowed) const;
    QString device() const { return value(QStringLiteral("device")); }
    int threads() const { return integer(QStringLiteral("threads")); }
    bool jsonProgress() const; // --progress jsonl was given
    core::Shard shard() const; // the whole cohort when --shard is not given; UsageError if malformed
    // Reports `job`'s events as --progress and --log ask.
    void startProgress(const QString& job) const;

private:
    CliContext& m_io;
    QCommandLineParser m_parser;
    QString m_trailingFlag;
};

} // namespace tessera::cli
