// Which tiles a view shows and which it asks the loader for, most wanted first: the coarsest
// level (always something to show), the display level from the centre out, its neighbours for
// panning, the next coarser level for zooming out and the middle of the next finer one for
// zooming in.
#pragma once

#include "canvas/ViewTransform.h"
#include "slide/TileLoader.h"

namespace tessera::ui {

struct TileSpan {
    int level, c0, r0, c1, r1; // inclusive tile range
};

// The level drawn at `scale`: up to 10 % coarser than the screen (≤ 1.1× upscaling, invisible)
// rather than decoding up to 4× the pixels of the next finer level.
int displayLevel(const core::Slide& slide, double scale);
// The tiles of `level` under the view, widened by `margin` tiles on each side.
TileSpan visibleTiles(const core::TileLoader& loader, const ViewTransform& view, int level, int margin = 0);
// What to ask for: the tiles on screen first, and only once they are in the ones around it;
// prefetching earlier would compete with the first screen for the loader's threads.
enum class TileWave { Visible, All };
// The loader requests for the view, with priorities.
QList<core::TileRequest> planTileRequests(const core::TileLoader& loader, const ViewTransform& view,
                                          TileWave wave = TileWave::All);

} // namespace tessera::ui
