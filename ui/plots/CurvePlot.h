// Live line plot of named series (loss and metric curves), built on QCustomPlot.
#pragma once

#include <QHash>
#include <QWidget>

class QCustomPlot;

namespace tessera::ui {

class CurvePlot : public QWidget {
    Q_OBJECT
public:
    explicit CurvePlot(QWidget* parent = nullptr);

    void setAxisLabels(const QString& x, const QString& y);
    // Appends a point to the series, creating it (with the next palette colour) on first use;
    // NaN and infinite values are skipped so one bad step cannot wreck the axes.
    void addPoint(const QString& series, double x, double y);
    // As addPoint, but replaces a point the series already has at `x` (an epoch reported again).
    void setPoint(const QString& series, double x, double y);
    void clear();

    QStringList seriesNames() const;
    int pointCount(const QString& series) const;
    // The axes' ranges: x from the first epoch to the last, y the data ±5 % of its span.
    QRectF axisBounds() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    void fitAxes();
    void showLegend(bool shown);

    QCustomPlot* m_plot;
    QHash<QString, int> m_graphIndex;
};

} // namespace tessera::ui
