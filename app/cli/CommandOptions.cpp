#include "CommandOptions.h"

#include "common/Error.h"

#include <algorithm>

namespace tessera::cli {

QStringList withoutOption(QStringList arguments, const QString& name, bool takesValue)
{
    for (const QString& form : {QStringLiteral("--") + name, QStringLiteral("-") + name}) {
        for (qsizetype i = arguments.indexOf(form); i >= 0; i = arguments.indexOf(form))
            arguments.remove(i, takesValue ? std::min<qsizetype>(2, arguments.size() - i) : 1);
        arguments.removeIf([&](const QString& a) { return a.startsWith(form + QLatin1Char('=')); });
    }
    return arguments;
}

void CliContext::startProgress(const QString& jobName, bool jsonLines, const QString& log)
{
    if (!jsonLines && log.isEmpty())
        return;
    job = jobName;
    if (writer && log == logPath) { // main opened the log early, so that early failures reach it
        writer->setStream(jsonLines ? &out : nullptr);
        return;
    }
    writer = std::make_shared<core::JsonlProgressWriter>(jsonLines ? &out : nullptr);
    if (!log.isEmpty())
        writer->appendTo(log);
    logPath = log;
    progress = writer->sink();
}

void CliContext::report(const core::ProgressEvent& event) const
{
    if (progress)
        progress(event);
}

CommandOptions::CommandOptions(CliContext& io, const QString& description) : m_io(io)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
}

void CommandOptions::add(const QString& flag, const QString& description, const QString& valueName,
                         const QString& defaultValue, const QString& field)
{
    QString text = description;
    if (!defaultValue.isEmpty())
        text += QStringLiteral(" [default: %1]").arg(defaultValue);
    QCommandLineOption option(flag, text, valueName, defaultValue);
    m_parser.addOption(option);
    m_io.fieldFlags[field.isEmpty() ? QString(flag).replace(QLatin1Char('-'), QLatin1Char('_')) : field] =
        QStringLiteral("--") + flag;
}

void CommandOptions::addSwitch(const QString& flag, const QString& description)
{
    m_parser.addOption(QCommandLineOption(flag, description));
}

void CommandOptions::addDevice()
{
    add(QStringLiteral("device"),
        QStringLiteral("Where LibTorch computes: auto (the first CUDA device if there is one, else the "
                       "CPU), cpu, cuda or cuda:N."),
        QStringLiteral("device"), QStringLiteral("auto"));
}

void CommandOptions::addThreads(const QString& what)
{
    add(QStringLiteral("threads"), QStringLiteral("%1 (0 = all cores).").arg(what), QStringLiteral("n"),
        QStringLiteral("0"));
}

void CommandOptions::addShard()
{
    add(QStringLiteral("shard"),
        QStringLiteral(
            "Do only part i of n (0 ≤ i < n) of the slides; a slide's part depends on its file name "
            "alone, so n jobs cover every slide exactly once."),
        QStringLiteral("i/n"), QStringLiteral("0/1"));
}

core::Shard CommandOptions::shard() const
{
    try {
        return core::Shard::parse(value(QStringLiteral("shard")));
    } catch (const core::Error& error) {
        throw UsageError{error.message()};
    }
}

void CommandOptions::addProgress()
{
    add(QStringLiteral("progress"),
        QStringLiteral("'jsonl': one progress event per line on stdout (docs/JOBS.md); messages for "
                       "people go to stderr."),
        QStringLiteral("format"));
    add(QStringLiteral("log"), QStringLiteral("Also append the progress events to this file (JSONL)."),
        QStringLiteral("file"));
}

void CommandOptions::startProgress(const QString& job) const
{
    m_io.startProgress(job, jsonProgress(), value(QStringLiteral("log")));
}

void CommandOptions::parse(const QStringList& arguments)
{
    const QCommandLineOption help = m_parser.addHelpOption();
    if (!m_parser.parse(arguments))
        throw UsageError{m_parser.errorText()};
    if (m_parser.isSet(help))
        throw HelpRequested{m_parser.helpText()};
    if (!m_parser.positionalArguments().isEmpty() && (m_trailingFlag.isEmpty() || !isSet(m_trailingFlag)))
        throw UsageError{
            QStringLiteral("unexpected argument '%1'").arg(m_parser.positionalArguments().first())};
    // optionNames() lists the options given on this command line.
    if (m_parser.optionNames().contains(QStringLiteral("progress")) &&
        value(QStringLiteral("progress")) != QLatin1String("jsonl"))
        throw UsageError{QStringLiteral("--progress accepts only 'jsonl' (got '%1')")
                             .arg(value(QStringLiteral("progress")))};
    if (m_parser.optionNames().contains(QStringLiteral("threads")) && threads() < 0)
        throw UsageError{QStringLiteral("--threads must not be negative")};
}

QStringList CommandOptions::values(const QString& flag) const
{
    QStringList all = m_parser.values(flag);
    if (flag == m_trailingFlag)
        all += m_parser.positionalArguments();
    return all;
}

void CommandOptions::require(std::initializer_list<const char*> flags) const
{
    QStringList missing;
    for (const char* flag : flags)
        if (!isSet(QString::fromLatin1(flag)))
            missing << QStringLiteral("--") + QLatin1String(flag);
    if (missing.size() == 1)
        throw UsageError{QStringLiteral("%1 is required").arg(missing.first())};
    if (!missing.isEmpty())
        throw UsageError{QStringLiteral("%1 are required").arg(missing.join(QStringLiteral(", ")))};
}

int CommandOptions::integer(const QString& flag) const
{
    bool ok = false;
    const int v = value(flag).toInt(&ok);
    if (!ok)
        throw UsageError{QStringLiteral("--%1 expects an integer (got '%2')").arg(flag, value(flag))};
    return v;
}

qulonglong CommandOptions::unsignedInteger(const QString& flag) const
{
    bool ok = false;
    const qulonglong v = value(flag).toULongLong(&ok);
    if (!ok)
        throw UsageError{
            QStringLiteral("--%1 expects a non-negative integer (got '%2')").arg(flag, value(flag))};
    return v;
}

double CommandOptions::number(const QString& flag) const
{
    bool ok = false;
    const double v = value(flag).toDouble(&ok);
    if (!ok)
        throw UsageError{QStringLiteral("--%1 expects a number (got '%2')").arg(flag, value(flag))};
    return v;
}

QString CommandOptions::choice(const QString& flag, const QStringList& allowed) const
{
    const QString v = value(flag);
    if (!allowed.contains(v))
        throw UsageError{QStringLiteral("--%1 must be one of %2 (got '%3')")
                             .arg(flag, allowed.join(QStringLiteral(", ")), v)};
    return v;
}

bool CommandOptions::jsonProgress() const
{
    return isSet(QStringLiteral("progress"));
}

} // namespace tessera::cli
