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
}

CurvePlot::CurvePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    m_plot->legend->setVisible(true);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
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
    m_plot->rescaleAxes();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
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
    m_graphIndex.clear();
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

QRectF CurvePlot::dataBounds() const
{
    const QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
    return QRectF(QPointF(x.lower, y.lower), QPointF(x.upper, y.upper));
}

} // namespace tessera::ui
