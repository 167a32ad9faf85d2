// The viewport maths of the slide viewer, as a value: a centre in level-0 pixels, a scale in
// screen pixels per level-0 pixel, the widget's size and the slide's. Tested without a widget
// (like QGIS's QgsMapToPixel); SlideView holds one and every painter and tool reads it.
#pragma once

#include <QPointF>
#include <QRectF>
#include <QSize>
#include <QSizeF>
#include <QTransform>

namespace tessera::ui {

class ViewTransform {
public:
    static constexpr double kMaxScreenPerLevel0 = 8.0; // zoom in to 8 screen px per scanned pixel

    ViewTransform() = default;
    ViewTransform(QSizeF slideSize, QSize viewport);

    QSizeF slideSize() const { return m_slide; }
    QSize viewport() const { return m_viewport; }
    QPointF centre() const { return m_centre; }
    double scale() const { return m_scale; }

    // The same view at `centre` and `scale`, both clamped: the centre stays on the slide, the
    // scale between minScale() and maxScale().
    ViewTransform at(QPointF centre, double scale) const;
    // The same view in a viewport of another size (centre and scale kept, scale re-clamped).
    ViewTransform resized(QSize viewport) const;
    // Zoomed by `factor` about `anchor` (widget pixels): the level-0 point under it stays put.
    ViewTransform zoomedBy(double factor, QPointF anchor) const;
    // Moved by `delta` widget pixels (content follows the pointer: dragging right shows more left).
    ViewTransform pannedBy(QPointF delta) const;
    // The whole slide centred and fitted.
    ViewTransform fitted() const;

    double fitScale() const; // the whole slide fits the viewport (with a 2 % margin)
    double minScale() const; // half the fit, or 1:1 for slides smaller than the viewport
    double maxScale() const;

    QPointF widgetToLevel0(QPointF widget) const;
    QPointF level0ToWidget(QPointF level0) const;
    QRectF level0ToWidget(const QRectF& level0) const;
    QRectF visibleLevel0Rect() const;
    // Level 0 → widget as a QTransform, for painting level-0 geometry.
    QTransform level0ToWidgetTransform() const;

    friend bool operator==(const ViewTransform&, const ViewTransform&) = default;

private:
    QSizeF m_slide{1, 1};
    QSize m_viewport{1, 1};
    QPointF m_centre;
    double m_scale = 1.0;
};

} // namespace tessera::ui
