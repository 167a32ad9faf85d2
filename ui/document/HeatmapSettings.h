// The viewer draws a slide's maps as the report and the CLI do: with core's settings.
#pragma once

#include "heatmap/ScoreMap.h"

namespace tessera::ui {

using core::HeatmapSettings;
using MapLayer = core::ScoreMap;

} // namespace tessera::ui
