// Picks the reader for a slide file: the direct TIFF reader where it can read every level,
// OpenSlide for everything else. The user never chooses.
#pragma once

#include "SlideReader.h"

#include <memory>

namespace tessera::core {

struct ChosenReader {
    std::unique_ptr<SlideReader> reader;
    // Why a faster reader declined the file, for the slide's properties ("" when none did).
    QString fallbackReason;
};

// Throws Error (naming the file and the reason) when no reader can open it.
// TESSERA_SLIDE_READER=openslide forces OpenSlide (benchmarks, and an escape hatch).
ChosenReader openSlideReader(const QString& path);

} // namespace tessera::core
