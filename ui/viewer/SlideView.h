// Pans and zooms one slide: paints cached tiles, asks the loader for missing ones.
#pragma once

#include "slide/Slide.h"
#include "slide/TileLoader.h"

#include <QCache>

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <memory>

namespace tessera::ui {

// The view state is a centre in level-0 pixels and a scale in screen pixels per level-0
// pixel. Painting never blocks on I/O: a missing tile is drawn from the finest cached
// coarser level (the coarsest level is always requested first), or as a marked placeholder
// if it failed to decode.
class SlideView : public QWidget {
    Q_OBJECT
public:
    explicit SlideView(core::TileCache* cache, QWidget* parent = nullptr);
    ~SlideView() override;

    void setSlide(core::SlidePtr slide);
    const core::SlidePtr& slide() const { return m_slide; }
    core::TileLoader* loader() const { return m_loader.get(); }

    QPointF centre() const { return m_centre; }
    double scale() const { return m_scale; }
    void setView(QPointF centre, double scale);
    void centreOn(QPointF level0);
    void fitToWindow();
    void zoomBy(double factor, QPointF anchor); // anchor in widget pixels stays put
    double minScale() const;
    double maxScale() const;
    double fitScale() const; // the scale at which the whole slide fits the widget

    // Objective-equivalent magnification of the view (scale × objective power); 0 if unknown.
    double magnification() const;
    void setMagnification(double magnification);

    QPointF widgetToLevel0(QPointF widgetPos) const;
    QPointF level0ToWidget(QPointF level0) const;
    QRectF visibleLevel0Rect() const;
    int displayLevel() const;
    // True when every tile of the display level in view is cached (or failed for good).
    bool isFullyLoaded() const;

    // Image layers drawn over the slide, each covering the whole slide at `downsample`
    // level-0 pixels per image pixel (masks, heatmaps). Drawn in the order they were added.
    // Replacing an existing layer's image keeps its visibility, opacity, outlines and legend.
    void setOverlay(const QString& name, const QImage& image, double downsample, bool smooth = false);
    void setOverlayOpacity(const QString& name, double opacity); // applied when painting
    // A legend drawn in the lower right corner while the layer is visible (null: none).
    void setOverlayLegend(const QString& name, const QImage& legend);
    // Vector outlines (level-0 polygons) drawn with a 2-px pen on top of the overlay's image;
    // outlines smaller than a few screen pixels are skipped (a patch grid at low zoom). A layer
    // may consist of outlines only.
    void setOverlayOutlines(const QString& name, const std::vector<QPolygonF>& outlines,
                            const QColor& colour);
    void setOverlayVisible(const QString& name, bool visible);
    bool hasOverlay(const QString& name) const;
    bool isOverlayVisible(const QString& name) const;
    void removeOverlay(const QString& name);

    // The length of the scale bar in µm and in pixels, or {0, 0} without a known MPP.
    std::pair<double, double> scaleBarLength() const;

Q_SIGNALS:
    void viewChanged();
    void cursorMoved(QPointF level0, bool insideSlide);
    void tileFailed(const QString& message);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    struct TileSpan {
        int level, c0, r0, c1, r1; // inclusive tile range
    };
    TileSpan visibleTiles(int level, int margin = 0) const;
    void updateRequests();
    void drawTile(QPainter& painter, const core::TileKey& key, const QImage& image,
                  const QRectF& clipLevel0) const;
    bool drawFallback(QPainter& painter, const core::TileKey& missing) const;
    void drawPlaceholder(QPainter& painter, const QRectF& level0Rect) const;
    void drawScaleBar(QPainter& painter) const;
    void drawOutlines(QPainter& painter) const;
    void drawLegends(QPainter& painter) const;
    // The tile with every visible image layer blended in at the tile's own resolution, cached
    // until a layer changes: panning then blits opaque tiles, with or without heatmaps.
    QImage decoratedTile(const core::TileKey& key, const QImage& tile) const;
    void overlaysChanged();
    QRectF level0ToWidget(const QRectF& rect) const;

    core::TileCache* m_cache;
    core::SlidePtr m_slide;
    std::unique_ptr<core::TileLoader> m_loader;
    QPointF m_centre;
    double m_scale = 1.0;
    bool m_fitPending = true;
    QPoint m_dragStart;
    QPointF m_dragCentre;
    bool m_dragging = false;
    QTimer m_tileRepaint; // batches repaints for tiles that arrive within one frame
    struct Overlay {
        QString name;
        QImage image;
        double downsample = 1;
        bool smooth = false;
        bool visible = true;
        double opacity = 1;
        QImage legend;
        std::vector<QPolygonF> outlines;
        QColor outlineColour;
    };
    std::vector<Overlay> m_overlays;
    // Decorated tiles keyed by tile and by the state of the layers (visibility, opacity, image),
    // so switching a layer off and on again finds its tiles still there. Cost in KiB.
    struct DecoratedKey {
        core::TileKey tile;
        size_t layers = 0;
        friend bool operator==(const DecoratedKey&, const DecoratedKey&) = default;
        friend size_t qHash(const DecoratedKey& key, size_t seed = 0)
        {
            return qHashMulti(seed, key.tile, key.layers);
        }
    };
    mutable QCache<DecoratedKey, QImage> m_decorated;
    size_t m_layerState = 0; // hash of what decoratedTile() blends in; 0 = nothing
};

} // namespace tessera::ui
