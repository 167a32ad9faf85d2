// Level-0 polygons (tissue outlines, a patch grid) drawn with a 2-px pen over the slide; shapes
// smaller than a few screen pixels are skipped, so a dense grid costs nothing when zoomed out.
#pragma once

#include "Layer.h"

#include <QColor>
#include <QPolygonF>
#include <vector>

namespace tessera::ui {

class OutlineLayer : public Layer {
    Q_OBJECT
public:
    explicit OutlineLayer(QString title, QObject* parent = nullptr);

    void setOutlines(std::vector<QPolygonF> outlines, const QColor& colour);
    const std::vector<QPolygonF>& outlines() const { return m_outlines; }

    void paint(QPainter& painter, const ViewTransform& view) const override;

private:
    std::vector<QPolygonF> m_outlines;
    std::vector<QRectF> m_bounds;
    QColor m_colour;
};

} // namespace tessera::ui
