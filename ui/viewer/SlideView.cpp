#include "SlideView.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace tessera::ui {

using core::TileKey;
using core::TileLoader;

namespace {
constexpr double kWheelStep = 1.25;
constexpr double kMaxScreenPerLevel0 = 8.0; // zoom in to 8 screen px per scanned pixel
constexpr double kLevelSlack = 1.1;
const QColor kOutside(58, 58, 62);
const QColor kSlideBackground(255, 255, 255);

QRect snapped(const QRectF& r)
{
    // Shared edges round to the same pixel, so neighbouring tiles never leave a seam.
    const int left = int(std::lround(r.left())), top = int(std::lround(r.top()));
    const int right = int(std::lround(r.right())), bottom = int(std::lround(r.bottom()));
    return QRect(QPoint(left, top), QPoint(right - 1, bottom - 1));
}
} // namespace

SlideView::SlideView(core::TileCache* cache, QWidget* parent) : QWidget(parent), m_cache(cache)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    m_decorated.setMaxCost(96 * 1024); // KiB: several screens of decorated tiles
    // Tiles arrive in bursts from the loader threads; one repaint per ~frame is enough.
    m_tileRepaint.setSingleShot(true);
    m_tileRepaint.setInterval(15);
    connect(&m_tileRepaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

SlideView::~SlideView() = default;

void SlideView::setSlide(core::SlidePtr slide)
{
    m_loader.reset();
    m_decorated.clear();
    m_slide = std::move(slide);
    if (m_slide) {
        m_loader = std::make_unique<TileLoader>(m_slide, m_cache);
        connect(m_loader.get(), &TileLoader::tileLoaded, this, [this] {
            if (!m_tileRepaint.isActive())
                m_tileRepaint.start();
        });
        connect(m_loader.get(), &TileLoader::tileFailed, this,
                [this](const TileKey&, const QString& message) {
                    update();
                    Q_EMIT tileFailed(message);
                });
    }
    m_fitPending = true;
    fitToWindow();
}

double SlideView::minScale() const
{
    if (!m_slide)
        return 1.0;
    return std::min(0.5 * fitScale(), 1.0); // tiny slides can still be seen 1:1
}

double SlideView::maxScale() const
{
    return std::max(kMaxScreenPerLevel0, fitScale());
}

double SlideView::fitScale() const
{
    if (!m_slide)
        return 1.0;
    const QSize s = m_slide->size();
    return 0.98 * std::min(double(width()) / s.width(), double(height()) / s.height());
}

void SlideView::setView(QPointF centre, double scale)
{
    if (!m_slide)
        return;
    m_fitPending = false;
    m_scale = std::clamp(scale, minScale(), maxScale());
    const QSizeF s = m_slide->size();
    m_centre = QPointF(std::clamp(centre.x(), 0.0, s.width()), std::clamp(centre.y(), 0.0, s.height()));
    updateRequests();
    update();
    Q_EMIT viewChanged();
}

void SlideView::centreOn(QPointF level0)
{
    setView(level0, m_scale);
}

void SlideView::fitToWindow()
{
    if (!m_slide) {
        update();
        return;
    }
    const QSize s = m_slide->size();
    setView(QPointF(s.width() / 2.0, s.height() / 2.0), fitScale());
    m_fitPending = true; // keep fitting on resize until the user navigates
}

void SlideView::zoomBy(double factor, QPointF anchor)
{
    const QPointF before = widgetToLevel0(anchor);
    const double scale = std::clamp(m_scale * factor, minScale(), maxScale());
    // Keep the level-0 point under the anchor fixed on screen.
    const QPointF offset = (anchor - QPointF(width() / 2.0, height() / 2.0)) / scale;
    setView(before - offset, scale);
}

double SlideView::magnification() const
{
    const auto power = m_slide ? m_slide->objectivePower() : std::nullopt;
    return power ? *power * m_scale : 0.0;
}

void SlideView::setMagnification(double magnification)
{
    const auto power = m_slide ? m_slide->objectivePower() : std::nullopt;
    if (power && magnification > 0)
        setView(m_centre, magnification / *power);
}

QPointF SlideView::widgetToLevel0(QPointF p) const
{
    return m_centre + (p - QPointF(width() / 2.0, height() / 2.0)) / m_scale;
}

QPointF SlideView::level0ToWidget(QPointF p) const
{
    return (p - m_centre) * m_scale + QPointF(width() / 2.0, height() / 2.0);
}

QRectF SlideView::level0ToWidget(const QRectF& r) const
{
    return QRectF(level0ToWidget(r.topLeft()), level0ToWidget(r.bottomRight()));
}

QRectF SlideView::visibleLevel0Rect() const
{
    return QRectF(widgetToLevel0(QPointF(0, 0)), widgetToLevel0(QPointF(width(), height())));
}

int SlideView::displayLevel() const
{
    // Accept a level up to 10 % coarser than the screen (≤ 1.1× upscaling, invisible) rather
    // than decode up to 4× the pixels from the next finer level.
    return m_slide ? m_slide->bestLevelForDownsample(kLevelSlack / m_scale) : 0;
}

SlideView::TileSpan SlideView::visibleTiles(int level, int margin) const
{
    const double ds = m_slide->levelDownsample(level);
    const QRectF v = visibleLevel0Rect();
    const QSize grid = m_loader->gridSize(level);
    const double t = TileLoader::kTileSize * ds;
    const int c0 = std::max(0, int(std::floor(v.left() / t)) - margin);
    const int r0 = std::max(0, int(std::floor(v.top() / t)) - margin);
    const int c1 = std::min(grid.width() - 1, int(std::ceil(v.right() / t)) - 1 + margin);
    const int r1 = std::min(grid.height() - 1, int(std::ceil(v.bottom() / t)) - 1 + margin);
    return {level, c0, r0, c1, r1};
}

void SlideView::updateRequests()
{
    if (!m_loader)
        return;
    QList<core::TileRequest> wanted;
    const int level = displayLevel();
    const int top = m_slide->levelCount() - 1;
    auto add = [&](const TileSpan& span, int priority, bool byDistance) {
        const double cc = (span.c0 + span.c1) / 2.0, cr = (span.r0 + span.r1) / 2.0;
        for (int r = span.r0; r <= span.r1; ++r)
            for (int c = span.c0; c <= span.c1; ++c) {
                // Nearer the centre of the view first.
                const int bonus = byDistance ? 100 - std::min(100, int(std::hypot(c - cc, r - cr))) : 0;
                wanted.append({m_loader->keyAt(span.level, c, r), priority + bonus});
            }
    };
    add(visibleTiles(top), 3000, false);     // always something to show
    add(visibleTiles(level), 2000, true);    // what the user sees
    add(visibleTiles(level, 1), 1000, true); // neighbours, for panning
    if (level + 1 < top)
        add(visibleTiles(level + 1), 500, false); // zooming out
    if (level > 0) {
        TileSpan finer = visibleTiles(level - 1); // zooming in: the middle of the view
        const int dc = (finer.c1 - finer.c0) / 4, dr = (finer.r1 - finer.r0) / 4;
        add({finer.level, finer.c0 + dc, finer.r0 + dr, finer.c1 - dc, finer.r1 - dr}, 0, true);
    }
    m_loader->request(wanted);
}

bool SlideView::isFullyLoaded() const
{
    if (!m_loader)
        return true;
    const TileSpan span = visibleTiles(displayLevel());
    for (int r = span.r0; r <= span.r1; ++r)
        for (int c = span.c0; c <= span.c1; ++c) {
            const TileKey key = m_loader->keyAt(span.level, c, r);
            if (!m_cache->contains(key) && !m_loader->hasFailed(key))
                return false;
        }
    return true;
}

void SlideView::drawTile(QPainter& painter, const TileKey& key, const QImage& image,
                         const QRectF& clipLevel0) const
{
    const QRectF tileRect = m_loader->tileRectLevel0(key);
    const QRectF part = tileRect.intersected(clipLevel0);
    if (part.isEmpty())
        return;
    const double ds = m_slide->levelDownsample(key.level);
    const QRectF source((part.topLeft() - tileRect.topLeft()) / ds, part.size() / ds);
    painter.drawImage(snapped(level0ToWidget(part)), decoratedTile(key, image), source);
}

QImage SlideView::decoratedTile(const TileKey& key, const QImage& tile) const
{
    if (m_layerState == 0)
        return tile;
    const DecoratedKey decoratedKey{key, m_layerState};
    if (const QImage* cached = m_decorated.object(decoratedKey))
        return *cached;
    auto* out = new QImage(tile.convertToFormat(QImage::Format_ARGB32_Premultiplied));
    QPainter p(out);
    const QRectF area = m_loader->tileRectLevel0(key);
    const double ds = m_slide->levelDownsample(key.level);
    for (const Overlay& o : m_overlays) {
        if (!o.visible || o.image.isNull() || o.opacity <= 0)
            continue;
        // The part of the layer over this tile, in layer pixels, stretched over the tile's pixels.
        const QRectF source(area.topLeft() / o.downsample, area.size() / o.downsample);
        p.setRenderHint(QPainter::SmoothPixmapTransform, o.smooth);
        p.setOpacity(o.opacity);
        p.drawImage(QRectF(0, 0, area.width() / ds, area.height() / ds), o.image, source);
    }
    p.end();
    const QImage result = *out;
    m_decorated.insert(decoratedKey, out, int(std::max<qsizetype>(1, out->sizeInBytes() / 1024)));
    return result;
}

void SlideView::overlaysChanged()
{
    m_layerState = 0;
    for (const Overlay& o : m_overlays)
        if (o.visible && !o.image.isNull() && o.opacity > 0)
            m_layerState =
                qHashMulti(m_layerState + 1, o.name, o.image.cacheKey(), o.downsample, o.opacity, o.smooth);
    update();
}

bool SlideView::drawFallback(QPainter& painter, const TileKey& missing) const
{
    const QRectF area = m_loader->tileRectLevel0(missing);
    bool drew = false;
    // Coarsest first, so that the finest available level ends up on top.
    for (int level = m_slide->levelCount() - 1; level > missing.level; --level) {
        const double t = TileLoader::kTileSize * m_slide->levelDownsample(level);
        const QSize grid = m_loader->gridSize(level);
        const int c0 = int(area.left() / t), r0 = int(area.top() / t);
        const int c1 = std::min(grid.width() - 1, int(std::ceil(area.right() / t)) - 1);
        const int r1 = std::min(grid.height() - 1, int(std::ceil(area.bottom() / t)) - 1);
        for (int r = r0; r <= r1; ++r)
            for (int c = c0; c <= c1; ++c) {
                const TileKey key = m_loader->keyAt(level, c, r);
                if (const auto image = m_cache->find(key)) {
                    drawTile(painter, key, *image, area);
                    drew = true;
                }
            }
    }
    return drew;
}

void SlideView::drawPlaceholder(QPainter& painter, const QRectF& level0Rect) const
{
    // A tile that could not be decoded: hatched grey with a red cross, never a crash.
    const QRect r = snapped(level0ToWidget(level0Rect));
    painter.fillRect(r, QColor(220, 220, 220));
    painter.fillRect(r, QBrush(QColor(170, 170, 170), Qt::BDiagPattern));
    painter.setPen(QPen(QColor(200, 40, 40), 2));
    painter.drawLine(r.topLeft(), r.bottomRight());
    painter.drawLine(r.topRight(), r.bottomLeft());
}

void SlideView::setOverlay(const QString& name, const QImage& image, double downsample, bool smooth)
{
    const auto it =
        std::find_if(m_overlays.begin(), m_overlays.end(), [&](const Overlay& o) { return o.name == name; });
    Overlay& overlay = it != m_overlays.end() ? *it : m_overlays.emplace_back();
    overlay.name = name;
    overlay.image = image.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    overlay.downsample = downsample;
    overlay.smooth = smooth;
    overlaysChanged();
}

void SlideView::setOverlayOpacity(const QString& name, double opacity)
{
    for (Overlay& o : m_overlays)
        if (o.name == name)
            o.opacity = std::clamp(opacity, 0.0, 1.0);
    overlaysChanged();
}

void SlideView::setOverlayLegend(const QString& name, const QImage& legend)
{
    for (Overlay& o : m_overlays)
        if (o.name == name)
            o.legend = legend;
    update();
}

void SlideView::setOverlayVisible(const QString& name, bool visible)
{
    for (Overlay& o : m_overlays)
        if (o.name == name)
            o.visible = visible;
    overlaysChanged();
}

void SlideView::setOverlayOutlines(const QString& name, const std::vector<QPolygonF>& outlines,
                                   const QColor& colour)
{
    const auto it =
        std::find_if(m_overlays.begin(), m_overlays.end(), [&](const Overlay& o) { return o.name == name; });
    Overlay& overlay = it != m_overlays.end() ? *it : m_overlays.emplace_back(); // outlines only
    overlay.name = name;
    overlay.outlines = outlines;
    overlay.outlineColour = colour;
    update();
}

bool SlideView::hasOverlay(const QString& name) const
{
    return std::any_of(m_overlays.begin(), m_overlays.end(),
                       [&](const Overlay& o) { return o.name == name; });
}

bool SlideView::isOverlayVisible(const QString& name) const
{
    return std::any_of(m_overlays.begin(), m_overlays.end(),
                       [&](const Overlay& o) { return o.name == name && o.visible; });
}

void SlideView::removeOverlay(const QString& name)
{
    std::erase_if(m_overlays, [&](const Overlay& o) { return o.name == name; });
    overlaysChanged();
}

void SlideView::drawOutlines(QPainter& painter) const
{
    const QRectF visible = visibleLevel0Rect();
    for (const Overlay& o : m_overlays) {
        if (!o.visible)
            continue;
        // Image layers are blended into the tiles (decoratedTile); only outlines are drawn here.
        if (o.outlines.empty())
            continue;
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setBrush(Qt::NoBrush);
        const QPointF middle(width() / 2.0, height() / 2.0);
        painter.translate(middle);
        painter.scale(m_scale, m_scale);
        painter.translate(-m_centre);
        QPen pen(o.outlineColour, 2);
        pen.setCosmetic(true); // 2 screen pixels at every zoom
        painter.setPen(pen);
        const double minimumSide = 4 / m_scale; // level-0 pixels that make 4 screen pixels
        for (const QPolygonF& outline : o.outlines) {
            const QRectF bounds = outline.boundingRect();
            if (bounds.intersects(visible) && std::max(bounds.width(), bounds.height()) >= minimumSide)
                painter.drawPolyline(outline);
        }
        painter.restore();
    }
}

void SlideView::drawLegends(QPainter& painter) const
{
    // Stacked upwards from the lower right corner, the last-added layer lowest.
    int bottom = height() - 10;
    for (auto o = m_overlays.rbegin(); o != m_overlays.rend(); ++o) {
        if (!o->visible || o->legend.isNull())
            continue;
        const QPoint topLeft(width() - 10 - o->legend.width(), bottom - o->legend.height());
        painter.drawImage(topLeft, o->legend);
        bottom = topLeft.y() - 6;
    }
}

std::pair<double, double> SlideView::scaleBarLength() const
{
    const auto mpp = m_slide ? m_slide->micronsPerPixel() : std::nullopt;
    if (!mpp)
        return {0, 0};
    const double micronsPerScreenPixel = *mpp / m_scale;
    const double wanted = 120 * micronsPerScreenPixel;
    const double decade = std::pow(10.0, std::floor(std::log10(wanted)));
    const double base = wanted / decade;
    const double nice = (base < 1.5 ? 1 : base < 3.5 ? 2 : base < 7.5 ? 5 : 10) * decade;
    return {nice, nice / micronsPerScreenPixel};
}

void SlideView::drawScaleBar(QPainter& painter) const
{
    const auto [microns, pixels] = scaleBarLength();
    if (pixels <= 0)
        return;
    const QString label =
        microns >= 1000 ? QStringLiteral("%1 mm").arg(microns / 1000) : QStringLiteral("%1 µm").arg(microns);
    const QFontMetrics metrics(font());
    const int pad = 6;
    const QRect box(10, height() - 10 - metrics.height() - 3 * pad,
                    int(std::max(pixels, double(metrics.horizontalAdvance(label)))) + 2 * pad,
                    metrics.height() + 3 * pad);
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.fillRect(box, QColor(255, 255, 255, 200));
    painter.fillRect(QRectF(box.left() + pad, box.bottom() - pad - 4, pixels, 4), Qt::black);
    painter.setPen(Qt::black);
    painter.drawText(QRect(box.left() + pad, box.top() + pad / 2, box.width() - 2 * pad, metrics.height()),
                     Qt::AlignLeft | Qt::AlignVCenter, label);
}

void SlideView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), kOutside);
    if (!m_slide) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(rect(), Qt::AlignCenter, tr("Open a slide (Ctrl+O) or drop one here"));
        return;
    }
    const QRectF slideRect(QPointF(0, 0), QSizeF(m_slide->size()));
    painter.fillRect(snapped(level0ToWidget(slideRect)), kSlideBackground);
    painter.setRenderHint(QPainter::SmoothPixmapTransform, true);

    const TileSpan span = visibleTiles(displayLevel());
    for (int r = span.r0; r <= span.r1; ++r)
        for (int c = span.c0; c <= span.c1; ++c) {
            const TileKey key = m_loader->keyAt(span.level, c, r);
            if (const auto image = m_cache->find(key))
                drawTile(painter, key, *image, m_loader->tileRectLevel0(key));
            else if (m_loader->hasFailed(key))
                drawPlaceholder(painter, m_loader->tileRectLevel0(key));
            else
                drawFallback(painter, key);
        }
    drawOutlines(painter);
    drawScaleBar(painter);
    drawLegends(painter);
}

void SlideView::resizeEvent(QResizeEvent*)
{
    if (m_fitPending)
        fitToWindow();
    else
        setView(m_centre, m_scale);
}

bool SlideView::event(QEvent* event)
{
    // Touchpad pinch arrives as a native zoom gesture (macOS, Wayland/libinput, X11 via XInput 2.4).
    if (event->type() == QEvent::NativeGesture) {
        auto* gesture = static_cast<QNativeGestureEvent*>(event);
        if (gesture->gestureType() == Qt::ZoomNativeGesture) {
            zoomBy(1.0 + gesture->value(), gesture->position());
            return true;
        }
    }
    return QWidget::event(event);
}

void SlideView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        zoomBy(std::pow(kWheelStep, steps), event->position());
    event->accept();
}

void SlideView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = true;
        m_dragStart = event->position().toPoint();
        m_dragCentre = m_centre;
        setCursor(Qt::ClosedHandCursor);
    }
}

void SlideView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging)
        setView(m_dragCentre - QPointF(event->position().toPoint() - m_dragStart) / m_scale, m_scale);
    if (m_slide) {
        const QPointF p = widgetToLevel0(event->position());
        Q_EMIT cursorMoved(p, QRectF(QPointF(0, 0), QSizeF(m_slide->size())).contains(p));
    }
}

void SlideView::mouseReleaseEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton) {
        m_dragging = false;
        unsetCursor();
    }
}

void SlideView::mouseDoubleClickEvent(QMouseEvent* event)
{
    zoomBy(event->button() == Qt::RightButton ? 0.5 : 2.0, event->position());
}

void SlideView::keyPressEvent(QKeyEvent* event)
{
    const QPointF middle(width() / 2.0, height() / 2.0);
    const double panX = width() / 8.0 / m_scale, panY = height() / 8.0 / m_scale;
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kWheelStep, middle);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / kWheelStep, middle);
        break;
    case Qt::Key_Left:
        centreOn(m_centre - QPointF(panX, 0));
        break;
    case Qt::Key_Right:
        centreOn(m_centre + QPointF(panX, 0));
        break;
    case Qt::Key_Up:
        centreOn(m_centre - QPointF(0, panY));
        break;
    case Qt::Key_Down:
        centreOn(m_centre + QPointF(0, panY));
        break;
    case Qt::Key_Home:
    case Qt::Key_0:
        fitToWindow();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

} // namespace tessera::ui
