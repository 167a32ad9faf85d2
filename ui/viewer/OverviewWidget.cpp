#include "OverviewWidget.h"

#include "SlideView.h"
#include "common/Error.h"
#include "tasks/TaskRunner.h"

#include <QMouseEvent>
#include <QPainter>

namespace tessera::ui {

OverviewWidget::OverviewWidget(QWidget* parent) : QWidget(parent)
{
    setMinimumSize(120, 90);
}

OverviewWidget::~OverviewWidget() = default;

namespace {
// The slide's coarsest level (or the scanner's thumbnail where that level is huge), opaque.
QImage readThumbnail(const core::SlidePtr& slide)
{
    const int top = slide->levelCount() - 1;
    constexpr int kMaxSide = 4096;
    const QSize coarsest = slide->levelSize(top);
    const bool tooLarge = std::max(coarsest.width(), coarsest.height()) > kMaxSide;
    QImage image = tooLarge && slide->associatedImageNames().contains(QStringLiteral("thumbnail"))
                       ? slide->associatedImage(QStringLiteral("thumbnail"))
                       : slide->readRegion({0, 0}, top, coarsest);
    // Transparent (empty) areas show as white, as on glass.
    QImage opaque(image.size(), QImage::Format_RGB32);
    opaque.fill(Qt::white);
    QPainter(&opaque).drawImage(0, 0, image);
    return opaque;
}
} // namespace

void OverviewWidget::setView(SlideView* view)
{
    disconnect(m_viewChanged);
    m_view = view;
    m_thumbnail = QImage();
    TaskRunner::instance().cancel(m_loading); // a thumbnail for another view is not wanted
    m_loading = 0;
    if (view && view->slide()) {
        m_viewChanged = connect(view, &SlideView::viewChanged, this, qOverload<>(&QWidget::update));
        // The coarsest level is small (< ~2k px); read it off the GUI thread all the same.
        m_loading = TaskRunner::instance().run(
            this, tr("Reading the overview"), [slide = view->slide()](TaskControl&) { return readThumbnail(slide); },
            [this](TaskResult<QImage> result) {
                if (result.cancelled)
                    return;
                m_thumbnail = result.value.value_or(QImage());
                update();
                Q_EMIT thumbnailReady();
            });
    }
    update();
}

QRectF OverviewWidget::imageRect() const
{
    if (!m_view || !m_view->slide())
        return {};
    const QSizeF slide = m_view->slide()->size();
    const QSizeF fitted = slide.scaled(QSizeF(size()) - QSizeF(8, 8), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - fitted.width()) / 2, (height() - fitted.height()) / 2), fitted);
}

QRectF OverviewWidget::viewportRect() const
{
    if (!m_view || !m_view->slide())
        return {};
    const QRectF image = imageRect();
    const double k = image.width() / m_view->slide()->size().width();
    const QRectF v = m_view->visibleLevel0Rect();
    return QRectF(image.topLeft() + v.topLeft() * k, v.size() * k).intersected(image.adjusted(-1, -1, 1, 1));
}

void OverviewWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(45, 45, 48));
    if (!m_view || !m_view->slide())
        return;
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const QRectF image = imageRect();
    if (m_thumbnail.isNull())
        painter.fillRect(image, Qt::white);
    else
        painter.drawImage(image, m_thumbnail);
    painter.setPen(QPen(QColor(230, 30, 30), 2));
    painter.setBrush(Qt::NoBrush);
    painter.drawRect(viewportRect());
}

void OverviewWidget::navigate(QPointF p)
{
    if (!m_view || !m_view->slide())
        return;
    const QRectF image = imageRect();
    const double k = m_view->slide()->size().width() / image.width();
    m_view->centreOn((p - image.topLeft()) * k);
}

void OverviewWidget::mousePressEvent(QMouseEvent* event)
{
    navigate(event->position());
}

void OverviewWidget::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        navigate(event->position());
}

} // namespace tessera::ui
