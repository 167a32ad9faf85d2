// Turns a detected tissue mask into a translucent overlay image for SlideView.
#pragma once

#include "tissue/TissueDetector.h"

#include <QImage>

namespace tessera::ui {

inline const QString kTissueOverlay = QStringLiteral("tissue");

// Tissue tinted green (translucent), everything else transparent; one pixel per mask pixel.
QImage tissueOverlayImage(const core::TissueMask& mask);

} // namespace tessera::ui
