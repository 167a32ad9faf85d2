// Turns a detected tissue mask into the translucent picture of the tissue mask layer.
#pragma once

#include "tissue/TissueDetector.h"

#include <QImage>

namespace tessera::ui {

// Tissue tinted green (translucent), everything else transparent; one pixel per mask pixel.
QImage tissueOverlayImage(const core::TissueMask& mask);

} // namespace tessera::ui
