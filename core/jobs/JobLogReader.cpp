#include "JobLogReader.h"

#include <QFile>
#include <QFileInfo>

namespace tessera::core {

JobLogReader::JobLogReader(QString path, qint64 offset) : m_path(std::move(path)), m_offset(offset) {}

qint64 JobLogReader::endOf(const QString& path)
{
    return QFileInfo(path).size();
}

std::vector<ProgressEvent> JobLogReader::readNew()
{
    std::vector<ProgressEvent> events;
    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return events;
    if (file.size() < m_offset) { // replaced by a shorter file: start over
        m_offset = 0;
        m_partial.clear();
    }
    file.seek(m_offset);
    QByteArray data = m_partial + file.readAll();
    m_offset = file.pos();
    const qsizetype end = data.lastIndexOf('\n');
    m_partial = data.mid(end + 1);
    data.truncate(end + 1);
    for (const QByteArray& line : data.split('\n'))
        if (!line.trimmed().isEmpty())
            if (auto event = ProgressEvent::fromJsonLine(line))
                events.push_back(std::move(*event));
    return events;
}

std::vector<ProgressEvent> JobLogReader::readAll(const QString& path)
{
    return JobLogReader(path).readNew();
}

} // namespace tessera::core
