// Writes progress events as JSON lines to a stream (stdout for `--progress jsonl`) and, when
// given, appends them to a log file as well, flushed per event so a reader never waits.
#pragma once

#include "ProgressEvent.h"

#include <QFile>
#include <QMutex>
#include <QTextStream>
#include <memory>

namespace tessera::core {

class JsonlProgressWriter {
public:
    // `stream` may be null (log file only).
    explicit JsonlProgressWriter(QTextStream* stream);
    // Also appends every event to `path` (created with its folder). Throws Error when it
    // cannot be opened.
    void appendTo(const QString& path);
    void setStream(QTextStream* stream); // null: log file only
    void write(const ProgressEvent& event);
    ProgressSink sink(); // a callable that writes here; valid while this writer lives

private:
    QMutex m_mutex; // events may come from worker threads
    QTextStream* m_stream;
    std::unique_ptr<QFile> m_log;
};

} // namespace tessera::core
