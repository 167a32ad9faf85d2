#include "ProgressEvent.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <array>
#include <utility>

namespace tessera::core {

namespace {

constexpr std::array<std::pair<EventKind, const char*>, 6> kKindNames{{
    {EventKind::Started, "started"},
    {EventKind::Progress, "progress"},
    {EventKind::Epoch, "epoch"},
    {EventKind::Message, "message"},
    {EventKind::Finished, "finished"},
    {EventKind::Failed, "failed"},
}};

QJsonObject toObject(const std::map<QString, double>& values)
{
    QJsonObject o;
    for (const auto& [name, value] : values)
        o[name] = value;
    return o;
}

std::map<QString, double> fromObject(const QJsonObject& o)
{
    std::map<QString, double> values;
    for (auto it = o.begin(); it != o.end(); ++it)
        if (it.value().isDouble())
            values[it.key()] = it.value().toDouble();
    return values;
}

ProgressEvent make(EventKind kind, const QString& job)
{
    ProgressEvent e;
    e.kind = kind;
    e.job = job;
    e.time = QDateTime::currentDateTimeUtc();
    return e;
}

} // namespace

QString eventKindName(EventKind kind)
{
    for (const auto& [k, name] : kKindNames)
        if (k == kind)
            return QString::fromLatin1(name);
    return {};
}

std::optional<EventKind> eventKindFromName(const QString& name)
{
    for (const auto& [k, n] : kKindNames)
        if (name == QLatin1String(n))
            return k;
    return std::nullopt;
}

ProgressEvent ProgressEvent::started(const QString& job, const QJsonObject& details)
{
    ProgressEvent e = make(EventKind::Started, job);
    e.details = details;
    return e;
}

ProgressEvent ProgressEvent::progress(const QString& job, qint64 done, qint64 total, const QString& unit,
                                      const QString& caption, double etaSeconds)
{
    ProgressEvent e = make(EventKind::Progress, job);
    e.done = done;
    e.total = total;
    e.unit = unit;
    e.message = caption;
    e.etaSeconds = etaSeconds;
    return e;
}

ProgressEvent ProgressEvent::note(const QString& job, const QString& text, const QString& level,
                                  const QJsonObject& details)
{
    ProgressEvent e = make(EventKind::Message, job);
    e.message = text;
    e.level = level;
    e.details = details;
    return e;
}

ProgressEvent ProgressEvent::finished(const QString& job, const QJsonObject& details)
{
    ProgressEvent e = make(EventKind::Finished, job);
    e.details = details;
    return e;
}

ProgressEvent ProgressEvent::failed(const QString& job, const QString& reason, bool cancelled,
                                    const QJsonObject& details)
{
    ProgressEvent e = make(EventKind::Failed, job);
    e.message = reason;
    e.cancelled = cancelled;
    e.details = details;
    return e;
}

QJsonObject ProgressEvent::toJson() const
{
    QJsonObject o{{QStringLiteral("schema"), kSchemaVersion},
                  {QStringLiteral("kind"), eventKindName(kind)},
                  {QStringLiteral("job"), job},
                  {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)}};
    if (!message.isEmpty())
        o[QStringLiteral("message")] = message;
    switch (kind) {
    case EventKind::Progress:
        o[QStringLiteral("done")] = done;
        o[QStringLiteral("total")] = total;
        o[QStringLiteral("unit")] = unit;
        o[QStringLiteral("fraction")] = fraction();
        if (etaSeconds >= 0)
            o[QStringLiteral("eta_seconds")] = etaSeconds;
        break;
    case EventKind::Epoch:
        o[QStringLiteral("epoch")] = epoch;
        o[QStringLiteral("epochs")] = epochs;
        o[QStringLiteral("losses")] = toObject(losses);
        o[QStringLiteral("metrics")] = toObject(metrics);
        o[QStringLiteral("lr")] = learningRate;
        o[QStringLiteral("seconds")] = seconds;
        o[QStringLiteral("best")] = best;
        if (etaSeconds >= 0)
            o[QStringLiteral("eta_seconds")] = etaSeconds;
        break;
    case EventKind::Message:
        o[QStringLiteral("level")] = level.isEmpty() ? QStringLiteral("info") : level;
        break;
    case EventKind::Failed:
        o[QStringLiteral("cancelled")] = cancelled;
        break;
    case EventKind::Started:
    case EventKind::Finished:
        break;
    }
    if (!details.isEmpty())
        o[QStringLiteral("details")] = details;
    return o;
}

std::optional<ProgressEvent> ProgressEvent::fromJson(const QJsonObject& o, QString* error)
{
    const auto fail = [error](const QString& why) -> std::optional<ProgressEvent> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    const int schema = o[QStringLiteral("schema")].toInt(0);
    if (schema < 1)
        return fail(QStringLiteral("not a progress event (no schema version)"));
    if (schema > kSchemaVersion)
        return fail(QStringLiteral("progress events of schema %1 are newer than this program's (%2)")
                        .arg(schema)
                        .arg(kSchemaVersion));
    const QString kindName = o[QStringLiteral("kind")].toString();
    const auto kind = eventKindFromName(kindName);
    if (!kind)
        return fail(QStringLiteral("unknown event kind '%1'").arg(kindName));
    ProgressEvent e;
    e.kind = *kind;
    e.job = o[QStringLiteral("job")].toString();
    e.time = QDateTime::fromString(o[QStringLiteral("time")].toString(), Qt::ISODateWithMs);
    e.message = o[QStringLiteral("message")].toString();
    e.level = o[QStringLiteral("level")].toString();
    e.cancelled = o[QStringLiteral("cancelled")].toBool();
    e.done = o[QStringLiteral("done")].toInteger();
    e.total = o[QStringLiteral("total")].toInteger();
    e.unit = o[QStringLiteral("unit")].toString();
    e.etaSeconds = o[QStringLiteral("eta_seconds")].toDouble(-1);
    e.epoch = o[QStringLiteral("epoch")].toInt();
    e.epochs = o[QStringLiteral("epochs")].toInt();
    e.losses = fromObject(o[QStringLiteral("losses")].toObject());
    e.metrics = fromObject(o[QStringLiteral("metrics")].toObject());
    e.learningRate = o[QStringLiteral("lr")].toDouble();
    e.seconds = o[QStringLiteral("seconds")].toDouble();
    e.best = o[QStringLiteral("best")].toBool();
    e.details = o[QStringLiteral("details")].toObject();
    return e;
}

QByteArray ProgressEvent::toJsonLine() const
{
    return QJsonDocument(toJson()).toJson(QJsonDocument::Compact);
}

std::optional<ProgressEvent> ProgressEvent::fromJsonLine(const QByteArray& line, QString* error)
{
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(line.trimmed(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error)
            *error =
                parse.error != QJsonParseError::NoError
                    ? QStringLiteral("not JSON (%1 at offset %2)").arg(parse.errorString()).arg(parse.offset)
                    : QStringLiteral("not a JSON object");
        return std::nullopt;
    }
    return fromJson(doc.object(), error);
}

EtaEstimator::EtaEstimator() : m_start(QDateTime::currentDateTimeUtc()) {}

double EtaEstimator::elapsedSeconds() const
{
    return double(m_start.msecsTo(QDateTime::currentDateTimeUtc())) / 1000.0;
}

double EtaEstimator::secondsLeft(qint64 done, qint64 total) const
{
    if (done <= 0 || total <= 0)
        return -1;
    return elapsedSeconds() / double(done) * double(std::max<qint64>(0, total - done));
}

} // namespace tessera::core
