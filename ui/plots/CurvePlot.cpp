// qcustomplot.h uses the `signals`/`foreach` keywords that the rest of Tessera turns off
// (they clash with LibTorch); this file has no torch, so allow them here.
#undef QT_NO_KEYWORDS
#include "CurvePlot.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace tessera::ui {

namespace {
const QColor kPalette[] = {QColor(31, 119, 180), QColor(255, 127, 14),  QColor(44, 160, 44),
                           QColor(214, 39, 40),  QColor(148, 103, 189), QColor(140, 86, 75)};

constexpr double kTickPoints = 8; // readable at the dock's default size

// [low, high] with 5 % of the span on each side (5 % of the value when it is the only one).
QCPRange padded(double low, double high)
{
    const double span = high - low;
    const double pad = span > 0 ? 0.05 * span : low != 0 ? 0.05 * std::abs(low) : 0.05;
    return QCPRange(low - pad, high + pad);
}
} // namespace

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    QFont ticks = font();
    ticks.setPointSizeF(std::max(kTickPoints, ticks.pointSizeF()));
    for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis}) {
        axis->setTickLabelFont(ticks);
        axis->setLabelFont(ticks);
    }
    // The legend in a row of its own under the plot, never over the curves; it joins the layout
    // with the first series (an empty legend would cap the column's width and squeeze the axes).
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setFont(ticks);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setVisible(false);
    m_plot->xAxis->setRange(0, 1); // empty axes, not QCustomPlot's 0–5
    m_plot->yAxis->setRange(0, 1);
}

void CurvePlot::showLegend(bool shown)
{
    if (shown == m_plot->legend->visible())
        return;
    m_plot->legend->setVisible(shown);
    if (shown) {
        m_plot->plotLayout()->addElement(1, 0, m_plot->legend);
        m_plot->plotLayout()->setRowStretchFactor(1, 0.001);
    } else {
        m_plot->plotLayout()->take(m_plot->legend);
        m_plot->plotLayout()->simplify();
    }
}

void CurvePlot::setAxisLabels(const QString& x, const QString& y)
{
    m_plot->xAxis->setLabel(x);
    m_plot->yAxis->setLabel(y);
}

void CurvePlot::addPoint(const QString& series, double x, double y)
{
    if (!std::isfinite(x) || !std::isfinite(y))
        return;
    auto it = m_graphIndex.find(series);
    if (it == m_graphIndex.end()) {
        QCPGraph* graph = m_plot->addGraph();
        graph->setName(series);
        graph->setPen(QPen(kPalette[m_graphIndex.size() % std::size(kPalette)], 2));
        it = m_graphIndex.insert(series, m_plot->graphCount() - 1);
    }
    m_plot->graph(it.value())->addData(x, y);
    showLegend(true);
    fitAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void CurvePlot::fitAxes()
{
    // The x axis runs from the first epoch to the last (0–1 around a single epoch 1); the y axis
    // spans the data and 5 % more on each side.
    bool any = false;
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    for (int g = 0; g < m_plot->graphCount(); ++g) {
        bool found = false;
        const QCPRange xs = m_plot->graph(g)->getKeyRange(found);
        if (!found)
            continue;
        const QCPRange ys = m_plot->graph(g)->getValueRange(found);
        x0 = any ? std::min(x0, xs.lower) : xs.lower;
        x1 = any ? std::max(x1, xs.upper) : xs.upper;
        y0 = any ? std::min(y0, ys.lower) : ys.lower;
        y1 = any ? std::max(y1, ys.upper) : ys.upper;
        any = true;
    }
    if (!any)
        return;
    m_plot->xAxis->setRange(x1 > x0 ? QCPRange(x0, x1) : QCPRange(std::min(0.0, x0), std::max(1.0, x0)));
    m_plot->yAxis->setRange(padded(y0, y1));
}

void CurvePlot::setPoint(const QString& series, double x, double y)
{
    if (const auto it = m_graphIndex.constFind(series); it != m_graphIndex.constEnd())
        m_plot->graph(it.value())->data()->remove(x);
    addPoint(series, x, y);
}

void CurvePlot::clear()
{
    m_plot->clearGraphs();
    showLegend(false);
    m_graphIndex.clear();
    m_plot->xAxis->setRange(0, 1);
    m_plot->yAxis->setRange(0, 1);
    m_plot->replot();
}

QStringList CurvePlot::seriesNames() const
{
    return m_graphIndex.keys();
}

int CurvePlot::pointCount(const QString& series) const
{
    const auto it = m_graphIndex.constFind(series);
    return it == m_graphIndex.constEnd() ? 0 : m_plot->graph(it.value())->dataCount();
}

QRectF CurvePlot::axisBounds() const
{
    const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    return QRectF(QPointF(x.lower, y.lower), QPointF(x.upper, y.upper));
}

} // namespace tessera::ui
