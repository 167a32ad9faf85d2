#include "SlideView.h"

#include "LegendPainter.h"
#include "ScaleBar.h"
#include "TilePainter.h"
#include "TilePlan.h"
#include "document/SlideDocument.h"
#include "viewer/tools/PanTool.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QNativeGestureEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QTimer>
#include <QWheelEvent>

#include <cmath>

namespace tessera::ui {

namespace {
constexpr double kWheelStep = 1.25;
const QColor kOutside(58, 58, 62);
const core::SlidePtr kNoSlide;

// A cross where a linked view's pointer is: white over a dark outline, readable on any stain.
void paintLinkedCursor(QPainter& painter, QPointF at)
{
    constexpr double arm = 9;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    for (const auto& [colour, width] :
         {std::pair{QColor(20, 20, 20, 200), 4.0}, std::pair{QColor(Qt::white), 1.6}}) {
        painter.setPen(QPen(colour, width, Qt::SolidLine, Qt::RoundCap));
        painter.drawLine(at - QPointF(arm, 0), at + QPointF(arm, 0));
        painter.drawLine(at - QPointF(0, arm), at + QPointF(0, arm));
    }
    painter.restore();
}
} // namespace

SlideView::SlideView(core::TileCache* cache, QWidget* parent)
    : QWidget(parent), m_cache(cache), m_panTool(new PanTool(this)), m_tool(m_panTool)
{
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setMinimumSize(200, 150);
    setCursor(m_tool->cursor());
    // Tiles arrive in bursts from the loader threads; one repaint per ~frame is enough.
    m_tileRepaint.setSingleShot(true);
    m_tileRepaint.setInterval(15);
    connect(&m_tileRepaint, &QTimer::timeout, this, qOverload<>(&QWidget::update));
}

SlideView::~SlideView()
{
    // The painter reads the loader and the document's layers; the loader's workers write the cache.
    m_painter.reset();
    m_loader.reset();
    m_document.reset();
}

const core::SlidePtr& SlideView::slide() const
{
    return m_document ? m_document->slide() : kNoSlide;
}

void SlideView::setDocument(std::unique_ptr<SlideDocument> document)
{
    m_painter.reset();
    m_loader.reset();
    m_document = std::move(document);
    if (m_document) {
        m_loader = std::make_unique<core::TileLoader>(m_document->slide(), m_cache);
        m_painter = std::make_unique<TilePainter>(*m_loader, *m_cache, m_document->layers());
        m_painter->setFrameBudget(kFrameBudgetMs);
        connect(m_loader.get(), &core::TileLoader::tileLoaded, this, [this] {
            requestPrefetchOnceVisible();
            if (!m_tileRepaint.isActive())
                m_tileRepaint.start();
        });
        connect(m_loader.get(), &core::TileLoader::tileFailed, this,
                [this](const core::TileKey&, const QString& message) {
                    requestPrefetchOnceVisible();
                    update();
                    Q_EMIT tileFailed(message);
                });
        connect(&m_document->layers(), &LayerStack::changed, this, &SlideView::layersChanged);
        m_view = ViewTransform(QSizeF(m_document->slide()->size()), size());
    }
    m_fitPending = true;
    fitToWindow();
}

void SlideView::setSlide(core::SlidePtr slide)
{
    setDocument(slide ? std::make_unique<SlideDocument>(std::move(slide)) : nullptr);
}

void SlideView::layersChanged()
{
    // A layer can change at the end of a long turn (100 000 imported annotations adopted): its
    // frame is painted in a turn of its own, after the timers due meanwhile, not straight after.
    if (m_layersRepaintQueued)
        return;
    m_layersRepaintQueued = true;
    // A real timer (1 ms): a 0-ms one is a queued call, which can run before the timers due.
    QTimer::singleShot(1, Qt::PreciseTimer, this, [this] {
        m_layersRepaintQueued = false;
        update();
    });
}

void SlideView::setView(QPointF centre, double scale)
{
    if (!m_document)
        return;
    m_fitPending = false;
    m_view = m_view.at(centre, scale);
    m_loader->request(planTileRequests(*m_loader, m_view, TileWave::Visible));
    m_prefetchPending = true;
    requestPrefetchOnceVisible();
    update();
    Q_EMIT viewChanged();
}

void SlideView::requestPrefetchOnceVisible()
{
    if (!m_prefetchPending || !m_painter || !m_painter->isComplete(m_view))
        return;
    m_prefetchPending = false;
    m_loader->request(planTileRequests(*m_loader, m_view, TileWave::All));
}

void SlideView::centreOn(QPointF level0)
{
    setView(level0, m_view.scale());
}

void SlideView::fitToWindow()
{
    if (!m_document) {
        update();
        return;
    }
    const ViewTransform fitted = m_view.fitted();
    setView(fitted.centre(), fitted.scale());
    m_fitPending = true; // keep fitting on resize until the user navigates
}

void SlideView::zoomBy(double factor, QPointF anchor)
{
    const ViewTransform zoomed = m_view.zoomedBy(factor, anchor);
    setView(zoomed.centre(), zoomed.scale());
}

double SlideView::magnification() const
{
    const auto power = slide() ? slide()->objectivePower() : std::nullopt;
    return power ? *power * m_view.scale() : 0.0;
}

void SlideView::setMagnification(double magnification)
{
    const auto power = slide() ? slide()->objectivePower() : std::nullopt;
    if (power && magnification > 0)
        setView(m_view.centre(), magnification / *power);
}

int SlideView::displayLevel() const
{
    return slide() ? ui::displayLevel(*slide(), m_view.scale()) : 0;
}

std::pair<int, int> SlideView::tileRedraws() const
{
    return m_painter ? std::pair{m_painter->wholeRedraws(), m_painter->partRedraws()} : std::pair{0, 0};
}

bool SlideView::isFullyLoaded() const
{
    return !m_painter || m_painter->isComplete(m_view);
}

std::pair<double, double> SlideView::scaleBarLength() const
{
    return ScaleBar::length(slide() ? slide()->micronsPerPixel() : std::nullopt, m_view.scale());
}

void SlideView::setTool(ViewerTool* tool)
{
    if (!tool)
        tool = m_panTool;
    if (tool == m_tool)
        return;
    m_tool->deactivate();
    m_tool = tool;
    m_tool->activate();
    setCursor(m_tool->cursor());
    update();
}

QPixmap SlideView::grab(const QRect& rectangle)
{
    // A picture is taken whole: no tile is left for a later frame.
    const int budget = m_painter ? m_painter->frameBudget() : 0;
    if (m_painter)
        m_painter->setFrameBudget(0);
    QPixmap picture = QWidget::grab(rectangle);
    if (m_painter)
        m_painter->setFrameBudget(budget);
    return picture;
}

void SlideView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), kOutside);
    if (!m_document) {
        painter.setPen(QColor(200, 200, 200));
        painter.drawText(rect(), Qt::AlignCenter, tr("Open a slide (Ctrl+O) or drop one here"));
        return;
    }
    m_painter->paint(painter, m_view);
    if (m_painter->deferredTiles() > 0) // the rest of the tiles in the next frames
        QTimer::singleShot(0, this, qOverload<>(&QWidget::update));
    for (const Layer* layer : m_document->layers().layers())
        if (layer->isVisible())
            layer->paint(painter, m_view);
    m_tool->paint(painter, m_view);
    if (m_linkedCursor)
        paintLinkedCursor(painter, m_view.level0ToWidget(*m_linkedCursor));
    ScaleBar::paint(painter, rect(), font(), slide()->micronsPerPixel(), m_view.scale());
    LegendPainter::paint(painter, rect(), m_document->layers(), m_legendCorner);
}

void SlideView::setLinkedCursor(std::optional<QPointF> level0)
{
    if (level0 == m_linkedCursor)
        return;
    m_linkedCursor = level0;
    update();
}

void SlideView::setLegendCorner(Qt::Corner corner)
{
    m_legendCorner = corner;
    update();
}

void SlideView::leaveEvent(QEvent* event)
{
    Q_EMIT cursorLeft();
    QWidget::leaveEvent(event);
}

void SlideView::resizeEvent(QResizeEvent*)
{
    const QScopedValueRollback resizing(m_resizing, true);
    m_view = m_view.resized(size());
    if (m_fitPending)
        fitToWindow();
    else
        setView(m_view.centre(), m_view.scale());
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
    if (m_document && m_tool->mousePress(event))
        event->accept();
}

void SlideView::mouseMoveEvent(QMouseEvent* event)
{
    if (!m_document)
        return;
    m_tool->mouseMove(event);
    const QPointF p = widgetToLevel0(event->position());
    Q_EMIT cursorMoved(p, QRectF(QPointF(0, 0), QSizeF(slide()->size())).contains(p));
}

void SlideView::mouseReleaseEvent(QMouseEvent* event)
{
    if (m_document && m_tool->mouseRelease(event))
        event->accept();
}

void SlideView::mouseDoubleClickEvent(QMouseEvent* event)
{
    if (m_document && m_tool->mouseDoubleClick(event))
        event->accept();
}

void SlideView::keyPressEvent(QKeyEvent* event)
{
    if (m_document && m_tool->keyPress(event)) {
        event->accept();
        return;
    }
    const QPointF middle(width() / 2.0, height() / 2.0);
    const double panX = width() / 8.0 / m_view.scale(), panY = height() / 8.0 / m_view.scale();
    const QPointF centre = m_view.centre();
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(kWheelStep, middle);
        break;
    case Qt::Key_Minus:
        zoomBy(1 / kWheelStep, middle);
        break;
    case Qt::Key_Left:
        centreOn(centre - QPointF(panX, 0));
        break;
    case Qt::Key_Right:
        centreOn(centre + QPointF(panX, 0));
        break;
    case Qt::Key_Up:
        centreOn(centre - QPointF(0, panY));
        break;
    case Qt::Key_Down:
        centreOn(centre + QPointF(0, panY));
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
