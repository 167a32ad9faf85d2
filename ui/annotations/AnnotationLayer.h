// The annotations of a document over the slide. Unselected ones are blended into the slide's
// tiles (drawn once per tile and cached, so panning costs nothing however many there are;
// shapes below a few screen pixels are drawn as a dot). Selected ones, with their vertex
// handles, are painted over everything on each frame.
#pragma once

#include "viewer/layers/Layer.h"

namespace tessera::core {
class AnnotationSet;
struct Annotation;
} // namespace tessera::core

namespace tessera::ui {

class AnnotationSelection;

class AnnotationLayer : public Layer {
    Q_OBJECT
public:
    AnnotationLayer(const core::AnnotationSet& annotations, const AnnotationSelection& selection,
                    QObject* parent = nullptr);

    bool blendsIntoTiles() const override;
    void blendInto(QPainter& painter, const QRectF& level0Area, const QSizeF& tilePixels) const override;
    size_t contentKey() const override;
    void paint(QPainter& painter, const ViewTransform& view) const override;
    int z() const override { return 100; } // above heatmaps and masks

    static constexpr double kHandleRadius = 5; // widget pixels

private:
    const core::AnnotationSet& m_annotations;
    const AnnotationSelection& m_selection;
};

} // namespace tessera::ui
