#include "SlideReaderRegistry.h"

#include "DicomSlideReader.h"
#include "OpenSlideReader.h"
#include "TiffSlideReader.h"

namespace tessera::core {

namespace {

struct ReaderEntry {
    const char* name;
    // Returns a reader, or null with the reason it declined (empty: the file is not in its format
    // at all, which is no reason worth showing); throws only when it is the last.
    std::unique_ptr<SlideReader> (*tryOpen)(const QString& path, QString* whyNot);
};

std::unique_ptr<SlideReader> openWithOpenSlide(const QString& path, QString*)
{
    return OpenSlideReader::open(path);
}

// In order of preference; OpenSlide last because it reads the most formats.
constexpr ReaderEntry kReaders[] = {
    {"dicom", &DicomSlideReader::tryOpen}, // OpenSlide 3.4 reads no DICOM
    {"tiff", &TiffSlideReader::tryOpen},
    {"openslide", &openWithOpenSlide},
};

} // namespace

ChosenReader openSlideReader(const QString& path)
{
    const QByteArray forced = qgetenv("TESSERA_SLIDE_READER");
    ChosenReader chosen;
    for (const ReaderEntry& entry : kReaders) {
        if (!forced.isEmpty() && forced != entry.name && &entry != &kReaders[std::size(kReaders) - 1])
            continue;
        QString whyNot;
        chosen.reader = entry.tryOpen(path, &whyNot);
        if (chosen.reader)
            return chosen;
        if (chosen.fallbackReason.isEmpty() && !whyNot.isEmpty())
            chosen.fallbackReason = QStringLiteral("%1 reader: %2").arg(QLatin1String(entry.name), whyNot);
    }
    return chosen; // unreachable: OpenSlide throws rather than decline
}

} // namespace tessera::core
