#include "ViewNavigation.h"

#include "CursorReadout.h"
#include "document/SlideDocument.h"
#include "viewer/SlideView.h"

#include <QComboBox>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStatusBar>
#include <QToolBar>
#include <cmath>

namespace tessera::ui {

namespace {
const double kMagnifications[] = {1.25, 2.5, 5, 10, 20, 40, 80};
}

ViewNavigation::ViewNavigation(QMainWindow* window)
    : QObject(window),
      m_window(window),
      m_position(new CursorReadout(window)),
      m_magnificationLabel(new QLabel(window)),
      m_magnifications(new QComboBox(window))
{
    window->statusBar()->addWidget(m_position, 1);
    window->statusBar()->addPermanentWidget(m_magnificationLabel);
    m_magnifications->setToolTip(tr("Magnification"));
    m_magnifications->setPlaceholderText(tr("Magnification"));
    m_magnifications->setMinimumContentsLength(8);
    connect(m_magnifications, &QComboBox::activated, this, [this](int index) {
        if (m_view)
            m_view->setMagnification(m_magnifications->itemData(index).toDouble());
    });
}

QAction* ViewNavigation::addViewActions(QMenu* view)
{
    QAction* fit = view->addAction(tr("&Fit to Window"), this, [this] {
        if (m_view)
            m_view->fitToWindow();
    });
    fit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    const auto zoom = [this](double factor) {
        if (m_view)
            m_view->zoomBy(factor, QPointF(m_view->width() / 2.0, m_view->height() / 2.0));
    };
    view->addAction(tr("Zoom &In"), this, [zoom] { zoom(1.5); })->setShortcut(QKeySequence::ZoomIn);
    view->addAction(tr("Zoom &Out"), this, [zoom] { zoom(1 / 1.5); })->setShortcut(QKeySequence::ZoomOut);
    return fit;
}

void ViewNavigation::addPresets(QToolBar* toolbar)
{
    toolbar->addWidget(m_magnifications);
}

void ViewNavigation::watch(SlideView* view)
{
    connect(view, &SlideView::viewChanged, this, &ViewNavigation::updateStatus);
    connect(view, &SlideView::cursorMoved, this,
            [this, view](QPointF p, bool inside) { m_position->showCursor(view, p, inside); });
    connect(view, &SlideView::tileFailed, this, [this](const QString& message) {
        m_window->statusBar()->showMessage(tr("A tile could not be read: %1").arg(message), 10000);
    });
    SlideDocument* document = view->document();
    connect(document, &SlideDocument::tissueDetected, this, [this](double fraction, double threshold) {
        m_window->statusBar()->showMessage(tr("Tissue covers %1 % of the slide (saturation threshold %2)")
                                               .arg(fraction * 100, 0, 'f', 1)
                                               .arg(threshold),
                                           10000);
    });
    connect(document, &SlideDocument::tissueFailed, this, &ViewNavigation::errorOccurred);
}

void ViewNavigation::setCurrentView(SlideView* view)
{
    m_view = view;
    m_position->setCurrentView(view);
    m_magnifications->clear();
    const auto power = view ? view->slide()->objectivePower() : std::nullopt;
    if (power)
        for (double m : kMagnifications)
            if (m <= 2 * *power)
                m_magnifications->addItem(QStringLiteral("%1×").arg(m), m);
    m_magnifications->setEnabled(m_magnifications->count() > 0);
    updateStatus();
}

void ViewNavigation::updateStatus()
{
    const double magnification = m_view ? m_view->magnification() : 0;
    m_magnificationLabel->setText(
        magnification > 0 ? tr("%1×").arg(magnification, 0, 'f', magnification < 10 ? 2 : 1) : QString());
    // The preset box shows a preset only while the view is exactly at it.
    int preset = -1;
    for (int i = 0; i < m_magnifications->count(); ++i)
        if (std::abs(m_magnifications->itemData(i).toDouble() - magnification) < 1e-3 * magnification)
            preset = i;
    m_magnifications->setCurrentIndex(preset);
}

} // namespace tessera::ui
