// The pictures of a report: the slide overview with annotations and a scale bar, and crops of
// a region at a chosen resolution with the region outlined and a scale bar.
#pragma once

#include "annotations/Annotation.h"
#include "slide/Slide.h"

#include <QImage>

namespace tessera::core {

QImage overviewWithAnnotations(const QImage& thumbnail, QSize slideSize,
                               const std::vector<Annotation>& annotations,
                               const std::vector<AnnotationClass>& classes,
                               std::optional<double> micronsPerPixel);
// The region around `area` (level-0 px, padded), at `micronsPerPixel` (or 4 px per pixel
// without a resolution), at most 640 px wide; `outline` drawn in `color` when given.
QImage cropAround(const Slide& slide, const QRectF& area, double micronsPerPixel, const Geometry* outline,
                  const QColor& color);
// A scale bar (a round length in µm) in the lower left corner of `image`.
void drawScaleBar(QImage& image, double micronsPerImagePixel);

} // namespace tessera::core
