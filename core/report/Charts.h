// Line charts painted with QPainter, for PDFs: axes with ticks, series in the comparison palette
// (solid or dashed, with or without markers), an optional diagonal, and a legend. Vector output.
#pragma once

#include <QColor>
#include <QPointF>
#include <QString>
#include <vector>

class QPainter;
class QRectF;

namespace tessera::core {

// The colour of the i-th compared run: Okabe & Ito's palette, told apart with colour-blindness.
QColor comparisonColour(int index);

struct ChartSeries {
    QString name; // in the legend; empty: left out of it
    QColor colour;
    std::vector<QPointF> points;
    bool dashed = false;
    bool markers = false; // a dot at each point (calibration bins)
};

struct Chart {
    QString title, xLabel, yLabel;
    double xMin = 0, xMax = 1, yMin = 0, yMax = 1;
    bool diagonal = false; // y = x, dotted grey (chance ROC, perfect calibration)
    std::vector<ChartSeries> series;
};

// Paints `chart` inside `area` (title above, axis labels outside the plot, legend inside at the
// lower right). Fonts follow the painter's; sizes are in the painter's units.
void paintChart(QPainter& painter, const QRectF& area, const Chart& chart);

} // namespace tessera::core
