#include "SplitView.h"

#include "ViewLink.h"
#include "document/SlideDocument.h"
#include "slide/TileCache.h"
#include "viewer/SlideView.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>

namespace tessera::ui {

namespace {

QWidget* newPaneHeader(QWidget* parent)
{
    auto* header = new QWidget(parent);
    header->setObjectName(QStringLiteral("paneHeader"));
    auto* row = new QHBoxLayout(header);
    row->setContentsMargins(4, 2, 4, 2);
    row->setSpacing(6);
    return header;
}

constexpr int kHandleWidth = 11;

} // namespace

SplitView::SplitView(SlideView* primary, core::TileCache* cache, QWidget* parent)
    : QWidget(parent), m_cache(cache), m_link(new ViewLink(this)), m_grid(new QGridLayout(this))
{
    m_grid->setContentsMargins(0, 0, 0, 0);
    m_panes.push_back({primary, newPaneHeader(this)});
    m_link->add(primary);
    arrange();
}

SplitView::~SplitView()
{
    while (m_panes.size() > 1)
        closeLastPane();
}

int SplitView::paneOf(const SlideView* view) const
{
    for (std::size_t i = 0; i < m_panes.size(); ++i)
        if (m_panes[i].view == view)
            return int(i);
    return -1;
}

void SplitView::setMode(core::SplitMode mode)
{
    if (m_panes.empty())
        return;
    m_mode = mode;
    const auto wanted = std::size_t(core::ViewLayout::paneCount(mode));
    while (m_panes.size() > wanted)
        closeLastPane();
    while (m_panes.size() < wanted)
        openPane();
    if (mode == core::SplitMode::Swipe) // stacked views must stay on one place
        for (const Pane& pane : m_panes)
            m_link->setLinked(pane.view, true);
    arrange();
}

SplitView::Pane SplitView::newPane(const core::SlidePtr& slide)
{
    auto* view = new SlideView(m_cache, this);
    view->setDocument(std::make_unique<SlideDocument>(slide));
    m_link->add(view);
    m_link->setPlacement(view, QTransform()); // where the others are (not fitted on its own)
    return {view, newPaneHeader(this)};
}

void SplitView::openPane()
{
    m_panes.push_back(newPane(primaryView()->slide()));
    Q_EMIT paneOpened(int(m_panes.size()) - 1, m_panes.back().view);
}

void SplitView::setPaneSlide(int index, core::SlidePtr slide)
{
    if (index <= 0 || index >= paneCount() || !slide)
        return;
    detach(); // the swipe stage refers to the view about to go
    const Pane old = m_panes[std::size_t(index)];
    m_panes[std::size_t(index)] = newPane(slide);
    dropPane(old);
    const Pane& pane = m_panes[std::size_t(index)];
    arrange();
    Q_EMIT paneOpened(index, pane.view);
}

void SplitView::closeLastPane()
{
    const Pane pane = m_panes.back();
    m_panes.pop_back();
    dropPane(pane);
}

void SplitView::dropPane(const Pane& pane)
{
    m_link->remove(pane.view);
    const core::SlidePtr slide = pane.view->slide();
    delete pane.header;
    delete pane.view; // waits for its tile loader's workers
    // Another slide's tiles leave the cache with the last pane showing it (the tab's own slide's
    // leave with the tab).
    const bool shown = std::any_of(m_panes.begin(), m_panes.end(),
                                   [&](const Pane& other) { return other.view->slide() == slide; });
    if (slide && !shown)
        m_cache->removeSlide(slide->id());
}

SlideView* SplitView::releasePrimary()
{
    while (m_panes.size() > 1)
        closeLastPane();
    SlideView* primary = primaryView();
    m_link->remove(primary);
    primary->clearMask();
    primary->setLegendCorner(Qt::BottomRightCorner);
    primary->setLinkedCursor(std::nullopt);
    primary->setParent(nullptr);
    delete m_panes.front().header;
    m_panes.clear();
    delete m_arrangement;
    m_arrangement = nullptr;
    m_stage = nullptr;
    return primary;
}

double SplitView::swipePosition() const
{
    return m_swipe;
}

void SplitView::setSwipePosition(double fraction)
{
    m_swipe = std::clamp(fraction, 0.0, 1.0);
    if (m_stage)
        m_stage->setPosition(m_swipe);
}

void SplitView::detach()
{
    // The panes leave the old arrangement before it goes.
    for (const Pane& pane : m_panes) {
        pane.view->setParent(this);
        pane.view->clearMask();
        pane.view->setLegendCorner(Qt::BottomRightCorner);
        pane.header->setParent(this);
    }
    delete m_arrangement;
    m_arrangement = nullptr;
    m_stage = nullptr;
}

void SplitView::arrange()
{
    detach();
    m_arrangement = new QWidget(this);
    m_grid->addWidget(m_arrangement, 0, 0);
    auto* grid = new QGridLayout(m_arrangement);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(2);
    if (m_mode == core::SplitMode::Swipe && m_panes.size() >= 2) {
        auto* headers = new QHBoxLayout;
        headers->addWidget(m_panes[0].header);
        headers->addWidget(m_panes[1].header);
        grid->addLayout(headers, 0, 0);
        m_stage = new SwipeStage(m_panes[0].view, m_panes[1].view, m_arrangement);
        m_stage->setPosition(m_swipe);
        connect(m_stage, &SwipeStage::moved, this, [this](double fraction) {
            m_swipe = fraction;
            Q_EMIT swipeMoved(fraction);
        });
        connect(m_stage, &SwipeStage::released, this, &SplitView::swipeReleased);
        grid->addWidget(m_stage, 1, 0);
        grid->setRowStretch(1, 1);
    } else {
        for (std::size_t i = 0; i < m_panes.size(); ++i) {
            auto* cell = new QWidget(m_arrangement);
            auto* column = new QVBoxLayout(cell);
            column->setContentsMargins(0, 0, 0, 0);
            column->setSpacing(0);
            column->addWidget(m_panes[i].header);
            column->addWidget(m_panes[i].view, 1);
            grid->addWidget(cell, int(i / 2), int(i % 2));
        }
    }
    for (const Pane& pane : m_panes) {
        pane.header->show();
        pane.view->show();
    }
    if (m_stage)
        m_stage->handle()->raise();
}

SwipeStage::SwipeStage(SlideView* under, SlideView* over, QWidget* parent)
    : QWidget(parent), m_under(under), m_over(over), m_handle(new QWidget(this))
{
    under->setParent(this);
    over->setParent(this);
    under->setLegendCorner(Qt::BottomLeftCorner); // its right part, and legends, lie under `over`
    m_handle->setObjectName(QStringLiteral("swipeHandle"));
    m_handle->setCursor(Qt::SplitHCursor);
    m_handle->setToolTip(tr("Drag to swipe between the two runs"));
    m_handle->installEventFilter(this);
    m_handle->raise();
}

int SwipeStage::lineX() const
{
    return int(std::lround(m_position * width()));
}

void SwipeStage::setPosition(double fraction)
{
    m_position = std::clamp(fraction, 0.0, 1.0);
    place();
}

void SwipeStage::resizeEvent(QResizeEvent*)
{
    place();
}

void SwipeStage::place()
{
    m_under->setGeometry(rect());
    m_over->setGeometry(rect());
    const int x = lineX();
    m_over->setMask(QRegion(x, 0, std::max(1, width() - x), height()));
    m_handle->setGeometry(x - kHandleWidth / 2, 0, kHandleWidth, height());
    m_handle->raise();
}

bool SwipeStage::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_handle)
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::Paint: {
        QPainter painter(m_handle);
        const int middle = kHandleWidth / 2;
        painter.fillRect(middle - 2, 0, 5, m_handle->height(), QColor(20, 20, 20, 160));
        painter.fillRect(middle - 1, 0, 3, m_handle->height(), Qt::white);
        const int grip = m_handle->height() / 2;
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(QPen(QColor(20, 20, 20), 1.5));
        painter.setBrush(Qt::white);
        painter.drawRoundedRect(QRectF(0.5, grip - 18, kHandleWidth - 1, 36), 4, 4);
        return true;
    }
    case QEvent::MouseButtonPress:
        m_dragging = static_cast<QMouseEvent*>(event)->button() == Qt::LeftButton;
        return true;
    case QEvent::MouseMove:
        if (m_dragging && width() > 0) {
            const QPointF at = m_handle->mapTo(this, static_cast<QMouseEvent*>(event)->position());
            setPosition(at.x() / width());
            Q_EMIT moved(m_position);
        }
        return true;
    case QEvent::MouseButtonRelease:
        if (m_dragging) {
            m_dragging = false;
            Q_EMIT released(m_position);
        }
        return true;
    default:
        return QWidget::eventFilter(watched, event);
    }
}

} // namespace tessera::ui
