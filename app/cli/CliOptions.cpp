#include "CliCommand.h"

namespace tessera::cli {

void parseOrThrow(QCommandLineParser& parser, const QStringList& arguments)
{
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help = parser.addHelpOption();
    if (!parser.parse(arguments))
        throw UsageError{parser.errorText()};
    if (parser.isSet(help))
        throw HelpRequested{parser.helpText()};
    if (!parser.positionalArguments().isEmpty())
        throw UsageError{
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first())};
}

int intOption(const QCommandLineParser& parser, const QString& name, int fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const int value = parser.value(name).toInt(&ok);
    if (!ok)
        throw UsageError{QStringLiteral("--%1 expects an integer (got '%2')").arg(name, parser.value(name))};
    return value;
}

qulonglong unsignedOption(const QCommandLineParser& parser, const QString& name, qulonglong fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const qulonglong value = parser.value(name).toULongLong(&ok);
    if (!ok)
        throw UsageError{
            QStringLiteral("--%1 expects a non-negative integer (got '%2')").arg(name, parser.value(name))};
    return value;
}

double doubleOption(const QCommandLineParser& parser, const QString& name, double fallback)
{
    if (!parser.isSet(name))
        return fallback;
    bool ok = false;
    const double value = parser.value(name).toDouble(&ok);
    if (!ok)
        throw UsageError{QStringLiteral("--%1 expects a number (got '%2')").arg(name, parser.value(name))};
    return value;
}

} // namespace tessera::cli
