// A view of one slide document: navigation (ViewTransform), tile requests (TilePlan), painting
// (TilePainter, the document's layers, the active tool's feedback, ScaleBar, LegendPainter),
// and input, which goes to the active ViewerTool first (PanTool by default).
#pragma once

#include "canvas/ViewTransform.h"
#include "slide/Slide.h"
#include "slide/TileLoader.h"

#include <QTimer>
#include <QWidget>
#include <memory>
#include <optional>
#include <utility>

namespace tessera::ui {

class PanTool;
class SlideDocument;
class TilePainter;
class ViewerTool;

// Painting never blocks on I/O: a missing tile is drawn from the finest cached coarser level
// (the coarsest level is always requested first), or as a marked placeholder if it failed.
class SlideView : public QWidget {
    Q_OBJECT
public:
    explicit SlideView(core::TileCache* cache, QWidget* parent = nullptr);
    ~SlideView() override;

    // Shows `document` (owned from now on), fitted to the window.
    void setDocument(std::unique_ptr<SlideDocument> document);
    // A document of its own for `slide` (tests, benchmarks).
    void setSlide(core::SlidePtr slide);
    SlideDocument* document() const { return m_document.get(); }
    const core::SlidePtr& slide() const;
    core::TileLoader* loader() const { return m_loader.get(); }

    const ViewTransform& transform() const { return m_view; }
    QPointF centre() const { return m_view.centre(); }
    double scale() const { return m_view.scale(); }
    void setView(QPointF centre, double scale);
    void centreOn(QPointF level0);
    void fitToWindow();
    void zoomBy(double factor, QPointF anchor); // anchor in widget pixels stays put
    double minScale() const { return m_view.minScale(); }
    double maxScale() const { return m_view.maxScale(); }
    double fitScale() const { return m_view.fitScale(); }

    // Objective-equivalent magnification of the view (scale × objective power); 0 if unknown.
    double magnification() const;
    void setMagnification(double magnification);

    QPointF widgetToLevel0(QPointF widgetPos) const { return m_view.widgetToLevel0(widgetPos); }
    QPointF level0ToWidget(QPointF level0) const { return m_view.level0ToWidget(level0); }
    QRectF visibleLevel0Rect() const { return m_view.visibleLevel0Rect(); }
    int displayLevel() const;
    // True when every tile of the display level in view is cached (or failed for good).
    bool isFullyLoaded() const;
    // Decorated tiles made so far for this slide: whole, and by redrawing a changed part.
    std::pair<int, int> tileRedraws() const;
    // The view as drawn, every tile decorated (a frame on screen may leave some for the next
    // one when an edit touches many: kFrameBudgetMs). Hides QWidget::grab on purpose.
    QPixmap grab(const QRect& rectangle = QRect(QPoint(0, 0), QSize(-1, -1)));
    static constexpr int kFrameBudgetMs = 12;
    // The length of the scale bar in µm and in pixels, or {0, 0} without a known MPP.
    std::pair<double, double> scaleBarLength() const;

    // The tool that gets the pointer; nullptr restores the pan tool. The view does not own it.
    void setTool(ViewerTool* tool);
    ViewerTool* tool() const { return m_tool; }
    PanTool* panTool() const { return m_panTool; }
    // Where the legends go (lower right; lower left in a swipe's lower view, whose right is covered).
    void setLegendCorner(Qt::Corner corner);
    Qt::Corner legendCorner() const { return m_legendCorner; }
    // True while the widget's resize re-places the view (linked views do not take that as a lead).
    bool isResizing() const { return m_resizing; }

    // Another view's pointer, drawn here as a cross at the same slide point (linked views); nullopt
    // hides it.
    void setLinkedCursor(std::optional<QPointF> level0);
    std::optional<QPointF> linkedCursor() const { return m_linkedCursor; }

Q_SIGNALS:
    void viewChanged();
    void cursorMoved(QPointF level0, bool insideSlide);
    void cursorLeft();
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
    void leaveEvent(QEvent* event) override;

private:
    void layersChanged();
    // Asks for the tiles around the view once those on screen are in (TileWave).
    void requestPrefetchOnceVisible();

    core::TileCache* m_cache;
    std::unique_ptr<SlideDocument> m_document;
    std::unique_ptr<core::TileLoader> m_loader;
    std::unique_ptr<TilePainter> m_painter;
    ViewTransform m_view;
    bool m_fitPending = true;
    bool m_prefetchPending = false;     // the view's neighbours wait until its own tiles are in
    bool m_layersRepaintQueued = false; // a layer changed: one repaint in the next turn
    QTimer m_tileRepaint;               // batches repaints for tiles that arrive within one frame
    PanTool* m_panTool;
    ViewerTool* m_tool;
    std::optional<QPointF> m_linkedCursor;
    bool m_resizing = false;
    Qt::Corner m_legendCorner = Qt::BottomRightCorner;
};

} // namespace tessera::ui
