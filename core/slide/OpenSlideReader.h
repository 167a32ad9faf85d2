// SlideReader over OpenSlide: every format OpenSlide knows, and the fallback for all files the
// direct reader declines.
#pragma once

#include "SlideReader.h"

#include <memory>
#include <mutex>

typedef struct _openslide openslide_t;

namespace tessera::core {

// Reads are thread-safe (OpenSlide allows concurrent reads on one handle). OpenSlide puts a
// handle into a permanent error state after one failed read (e.g. one corrupt tile); the reader
// then reopens the file, so one bad tile does not blank the slide.
class OpenSlideReader : public SlideReader {
public:
    // Throws Error for files OpenSlide does not recognise or cannot read.
    static std::unique_ptr<SlideReader> open(const QString& path);

    QString name() const override { return QStringLiteral("openslide"); }
    QImage associatedImage(const QString& name) const override;
    QImage readLevelRegion(int level, QRect levelRect) const override;
    QImage readRegion(QPoint level0TopLeft, int level, QSize size) const override;

private:
    using Handle = std::shared_ptr<openslide_t>;

    explicit OpenSlideReader(QString path) : m_path(std::move(path)) {}
    static Handle openHandle(const QString& path);
    Handle handle() const;
    // Throws Error if `handle` is in OpenSlide's error state, after replacing it with a fresh one.
    void throwIfFailed(const Handle& handle, const QString& action) const;
    void readMetadata();

    QString m_path;
    mutable std::mutex m_handleMutex;
    mutable Handle m_handle;
};

} // namespace tessera::core
