// Follows a job's JSONL log as it grows: each call returns the events written since the last one.
// A line still being written is kept for the next call; lines that are not events are skipped.
#pragma once

#include "ProgressEvent.h"

#include <QString>
#include <vector>

namespace tessera::core {

class JobLogReader {
public:
    // Reads from byte `offset` on (0: the whole file).
    explicit JobLogReader(QString path, qint64 offset = 0);

    const QString& path() const { return m_path; }
    // The new complete events (none when the file does not exist yet).
    std::vector<ProgressEvent> readNew();
    // Every event in the file, from the start (a fresh reader's readNew()).
    static std::vector<ProgressEvent> readAll(const QString& path);
    // The file's size now (0 when absent): where events written from now on will start.
    static qint64 endOf(const QString& path);

private:
    QString m_path;
    qint64 m_offset = 0;
    QByteArray m_partial;
};

} // namespace tessera::core
