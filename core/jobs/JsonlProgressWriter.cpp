#include "JsonlProgressWriter.h"

#include "common/Error.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::core {

JsonlProgressWriter::JsonlProgressWriter(QTextStream* stream) : m_stream(stream) {}

void JsonlProgressWriter::appendTo(const QString& path)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    auto log = std::make_unique<QFile>(path);
    if (!log->open(QIODevice::WriteOnly | QIODevice::Append))
        throw Error(QStringLiteral("Cannot write the job log %1: %2").arg(path, log->errorString()));
    const QMutexLocker lock(&m_mutex);
    m_log = std::move(log);
}

void JsonlProgressWriter::setStream(QTextStream* stream)
{
    const QMutexLocker lock(&m_mutex);
    m_stream = stream;
}

void JsonlProgressWriter::write(const ProgressEvent& event)
{
    const QByteArray line = event.toJsonLine() + '\n';
    const QMutexLocker lock(&m_mutex);
    if (m_stream) {
        *m_stream << QString::fromUtf8(line);
        m_stream->flush();
    }
    if (m_log) {
        m_log->write(line);
        m_log->flush();
    }
}

ProgressSink JsonlProgressWriter::sink()
{
    return [this](const ProgressEvent& event) { write(event); };
}

} // namespace tessera::core
