// How the heatmaps of a slide are drawn: the colour style and the opacity over the slide.
#pragma once

#include "heatmap/Heatmap.h"

namespace tessera::ui {

struct HeatmapSettings {
    core::HeatmapStyle style;
    double opacity = 0.5;
};

} // namespace tessera::ui
