// The annotations of a document over the slide. Unselected ones are blended into the slide's
// tiles (drawn once per tile and cached, so panning costs nothing however many there are;
// shapes below a few screen pixels are drawn as a dot). Selected ones, with their vertex
// handles, are painted over everything on each frame.
#pragma once

#include "annotations/RegionRevisions.h"
#include "canvas/Layer.h"

#include <QSet>
#include <QUuid>

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
    size_t contentKey(const QRectF& level0Area, const QSizeF& tilePixels) const override;
    LayerStamp stamp() const override;
    std::optional<QRectF> changedSince(const LayerStamp& since, const QRectF& level0Area,
                                       const QSizeF& tilePixels) const override;
    void paint(QPainter& painter, const ViewTransform& view) const override;
    int z() const override { return 100; } // above heatmaps and masks

    static constexpr double kHandleRadius = 5; // widget pixels

private:
    void selectionChanged();

    const core::AnnotationSet& m_annotations;
    const AnnotationSelection& m_selection;
    // Where the selection changed: a shape selected leaves the tiles (it is painted on top), one
    // deselected returns to them; other tiles keep their decoration.
    core::RegionRevisions m_selectionChanges;
    QSet<QUuid> m_inTiles; // the selection the tiles were last told about, as ids
};

} // namespace tessera::ui
