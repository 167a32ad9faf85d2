// qcustomplot.h uses the `signals`/`foreach` keywords that the rest of Tessera turns off
// (they clash with LibTorch); this file has no torch, so allow them here.
#undef QT_NO_KEYWORDS
#include "ComparisonWindow.h"

#include "report/ComparisonReport.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace tessera::ui {

namespace {

// A chart model (core/report/Charts.h) in a QCustomPlot: curves keep their point order (ROC steps
// go straight up), a title on top, the legend inside at the lower right.
void plotChart(QCustomPlot* plot, const core::Chart& chart)
{
    plot->clearPlottables();
    auto* title = qobject_cast<QCPTextElement*>(plot->plotLayout()->element(0, 0));
    if (!title) {
        plot->plotLayout()->insertRow(0);
        title = new QCPTextElement(plot, QString(), QFont(plot->font().family(), 10, QFont::Bold));
        plot->plotLayout()->addElement(0, 0, title);
    }
    title->setText(chart.title);
    if (chart.diagonal) {
        auto* diagonal = new QCPCurve(plot->xAxis, plot->yAxis);
        diagonal->addData(std::max(chart.xMin, chart.yMin), std::max(chart.xMin, chart.yMin));
        diagonal->addData(std::min(chart.xMax, chart.yMax), std::min(chart.xMax, chart.yMax));
        diagonal->setPen(QPen(QColor(150, 150, 150), 1, Qt::DotLine));
        diagonal->removeFromLegend();
    }
    for (const core::ChartSeries& s : chart.series) {
        auto* curve = new QCPCurve(plot->xAxis, plot->yAxis);
        for (const QPointF& p : s.points)
            curve->addData(p.x(), p.y());
        curve->setPen(QPen(s.colour, 2, s.dashed ? Qt::DashLine : Qt::SolidLine));
        if (s.markers)
            curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, s.colour, 6));
        curve->setName(s.name);
        if (s.name.isEmpty())
            curve->removeFromLegend();
    }
    plot->xAxis->setLabel(chart.xLabel);
    plot->yAxis->setLabel(chart.yLabel);
    plot->xAxis->setRange(chart.xMin, chart.xMax);
    plot->yAxis->setRange(chart.yMin, chart.yMax);
    plot->legend->setVisible(true);
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    plot->replot();
}

QCustomPlot* newPlot(QWidget* parent)
{
    auto* plot = new QCustomPlot(parent);
    plot->setMinimumSize(320, 260);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    QFont small = plot->font();
    small.setPointSizeF(std::max(7.5, small.pointSizeF() - 1));
    plot->legend->setFont(small);
    return plot;
}

QTableWidgetItem* item(const QString& text)
{
    auto* cell = new QTableWidgetItem(text);
    cell->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return cell;
}

QString number(double value, int decimals = 3)
{
    return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'f', decimals);
}

} // namespace

ComparisonWindow::ComparisonWindow(core::RunComparison comparison, QWidget* parent)
    : QWidget(parent, Qt::Window), m_comparison(std::move(comparison)), m_tabs(new QTabWidget(this))
{
    setObjectName(QStringLiteral("comparisonWindow"));
    QStringList names;
    for (const core::ComparedRun& r : m_comparison.runs)
        names << r.name;
    setWindowTitle(tr("Compare runs: %1").arg(names.join(QStringLiteral(", "))));
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Slides:"), this));
    m_part = new QComboBox(this);
    m_part->setObjectName(QStringLiteral("comparisonPart"));
    if (!m_comparison.validation.empty())
        m_part->addItem(tr("Validation"), QStringLiteral("val"));
    if (!m_comparison.test.empty())
        m_part->addItem(tr("Test"), QStringLiteral("test"));
    top->addWidget(m_part);
    top->addWidget(new QLabel(
        tr("Curves score %1 against the rest; AUC intervals are DeLong's 95 %.").arg(m_comparison.positive),
        this));
    top->addStretch();
    layout->addLayout(top);
    layout->addWidget(m_tabs);
    m_tabs->addTab(curvesPage(), tr("Curves"));
    m_tabs->addTab(numbersPage(), tr("Numbers"));
    m_tabs->addTab(confusionPage(), tr("Confusion"));
    m_tabs->addTab(settingsPage(), tr("Settings"));
    // Test slides first where there are any: the part a run is judged on.
    setPart(m_comparison.test.empty() ? QStringLiteral("val") : QStringLiteral("test"));
    showPart();
    connect(m_part, &QComboBox::currentIndexChanged, this, &ComparisonWindow::showPart);
    resize(1100, 760);
}

QString ComparisonWindow::part() const
{
    return m_part->currentData().toString();
}

void ComparisonWindow::setPart(const QString& part)
{
    const int index = m_part->findData(part);
    if (index >= 0)
        m_part->setCurrentIndex(index);
}

QTableWidget* ComparisonWindow::confusionTable(int run) const
{
    return run >= 0 && run < int(m_confusion.size()) ? m_confusion[std::size_t(run)] : nullptr;
}

QWidget* ComparisonWindow::curvesPage()
{
    auto* page = new QWidget(this);
    auto* grid = new QGridLayout(page);
    m_roc = newPlot(page);
    m_roc->setObjectName(QStringLiteral("rocPlot"));
    m_precisionRecall = newPlot(page);
    m_calibration = newPlot(page);
    m_epochs = newPlot(page);
    grid->addWidget(m_roc, 0, 0);
    grid->addWidget(m_precisionRecall, 0, 1);
    grid->addWidget(m_calibration, 1, 0);
    grid->addWidget(m_epochs, 1, 1);
    plotChart(m_epochs, core::validationAucChart(m_comparison));
    return page;
}

QWidget* ComparisonWindow::numbersPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    m_runs = new QTableWidget(int(m_comparison.runs.size()), 8, page);
    m_runs->setHorizontalHeaderLabels({tr("Run"), tr("Model"), tr("Slides"), tr("AUC [95 % CI]"),
                                       tr("Average precision"), tr("ECE"), tr("ECE calibrated"),
                                       tr("Threshold")});
    m_pairs = new QTableWidget(0, 7, page);
    m_pairs->setObjectName(QStringLiteral("delongTable"));
    m_pairs->setHorizontalHeaderLabels(
        {tr("Run A"), tr("Run B"), tr("Slides"), tr("AUC A"), tr("AUC B"), tr("z"), tr("p (DeLong)")});
    for (QTableWidget* table : {m_runs, m_pairs}) {
        table->verticalHeader()->hide();
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    }
    layout->addWidget(new QLabel(tr("Each run on the chosen slides"), page));
    layout->addWidget(m_runs);
    layout->addWidget(new QLabel(tr("DeLong's test for each pair, on the slides both runs scored"), page));
    layout->addWidget(m_pairs);
    return page;
}

QWidget* ComparisonWindow::confusionPage()
{
    auto* page = new QSplitter(Qt::Horizontal, this);
    auto* scroll = new QScrollArea(page);
    auto* matrices = new QWidget(scroll);
    auto* grid = new QGridLayout(matrices);
    const int classes = int(m_comparison.classNames.size());
    for (std::size_t r = 0; r < m_comparison.runs.size(); ++r) {
        const core::ComparedRun& run = m_comparison.runs[r];
        auto* label =
            new QLabel(QStringLiteral("<b style=\"color:%1\">%2</b><br>%3")
                           .arg(core::comparisonColour(int(r)).name(), run.name.toHtmlEscaped(),
                                tr("threshold: %1").arg(core::thresholdText(run.threshold)).toHtmlEscaped()),
                       matrices);
        auto* table = new QTableWidget(classes, classes, matrices);
        table->setObjectName(QStringLiteral("confusion_%1").arg(r));
        table->setHorizontalHeaderLabels(m_comparison.classNames);
        table->setVerticalHeaderLabels(m_comparison.classNames);
        table->setToolTip(tr("Rows: true class; columns: predicted. Click a cell for its slides; "
                             "double-click to open them with %1 applied.")
                              .arg(run.name));
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
        table->setFixedHeight(table->horizontalHeader()->sizeHint().height() +
                              classes * table->verticalHeader()->defaultSectionSize() +
                              2 * table->frameWidth());
        connect(table, &QTableWidget::cellClicked, this,
                [this, r](int row, int column) { showCell(int(r), row, column); });
        connect(table, &QTableWidget::cellDoubleClicked, this, [this, r](int row, int column) {
            showCell(int(r), row, column);
            const QStringList slides = m_confusion[r]->item(row, column)->data(Qt::UserRole).toStringList();
            if (slides.size() == 1) // several: the list beside says which
                Q_EMIT openSlideRequested(slides.front(), m_comparison.runs[r].path);
        });
        m_confusion.push_back(table);
        grid->addWidget(label, int(r / 2) * 2, int(r % 2));
        grid->addWidget(table, int(r / 2) * 2 + 1, int(r % 2));
    }
    grid->setRowStretch(grid->rowCount(), 1);
    scroll->setWidget(matrices);
    scroll->setWidgetResizable(true);
    auto* side = new QWidget(page);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->addWidget(new QLabel(tr("Slides in the cell (double-click to open)"), side));
    m_cellSlides = new QListWidget(side);
    m_cellSlides->setObjectName(QStringLiteral("cellSlides"));
    sideLayout->addWidget(m_cellSlides);
    connect(m_cellSlides, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* slide) {
        if (m_cellRun >= 0)
            Q_EMIT openSlideRequested(slide->text(), m_comparison.runs[std::size_t(m_cellRun)].path);
    });
    page->addWidget(scroll);
    page->addWidget(side);
    page->setStretchFactor(0, 3);
    page->setStretchFactor(1, 1);
    return page;
}

QWidget* ComparisonWindow::settingsPage()
{
    auto* page = new QWidget(this);
    auto* layout = new QVBoxLayout(page);
    QStringList header{tr("Setting")};
    for (const core::ComparedRun& r : m_comparison.runs)
        header << r.name;
    m_settings = new QTableWidget(int(m_comparison.differences.size()), int(header.size()), page);
    m_settings->setObjectName(QStringLiteral("settingsTable"));
    m_settings->setHorizontalHeaderLabels(header);
    m_settings->verticalHeader()->hide();
    m_settings->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (int row = 0; row < int(m_comparison.differences.size()); ++row) {
        const core::SettingDifference& d = m_comparison.differences[std::size_t(row)];
        m_settings->setItem(row, 0, item(d.key));
        for (int c = 0; c < int(d.values.size()); ++c)
            m_settings->setItem(row, c + 1, item(d.values[c]));
    }
    layout->addWidget(new QLabel(m_comparison.differences.empty()
                                     ? tr("The runs were trained with the same settings.")
                                     : tr("Only the settings that differ between the runs"),
                                 page));
    layout->addWidget(m_settings);
    return page;
}

void ComparisonWindow::showPart()
{
    const core::PartComparison& part =
        this->part() == QLatin1String("test") ? m_comparison.test : m_comparison.validation;
    plotChart(m_roc, core::rocChart(m_comparison, part));
    plotChart(m_precisionRecall, core::precisionRecallChart(m_comparison, part));
    plotChart(m_calibration, core::calibrationChart(m_comparison, part));

    for (std::size_t r = 0; r < part.runs.size(); ++r) {
        const core::RunOnPart& run = part.runs[r];
        const core::ComparedRun& compared = m_comparison.runs[r];
        const int row = int(r);
        m_runs->setItem(row, 0, item(compared.name));
        m_runs->item(row, 0)->setForeground(core::comparisonColour(row));
        m_runs->setItem(row, 1, item(compared.description.model.name));
        m_runs->setItem(row, 2, item(QString::number(run.slides)));
        m_runs->setItem(row, 3, item(core::aucText(run.auc)));
        m_runs->setItem(row, 4, item(number(run.averagePrecision)));
        m_runs->setItem(row, 5, item(number(run.ece)));
        m_runs->setItem(row, 6, item(compared.calibrated ? number(run.calibratedEce) : tr("not calibrated")));
        m_runs->setItem(row, 7, item(core::thresholdText(compared.threshold)));
        QTableWidget* table = m_confusion[r];
        for (int t = 0; t < table->rowCount(); ++t)
            for (int p = 0; p < table->columnCount(); ++p) {
                const QStringList& slides = run.confusion[std::size_t(t)][std::size_t(p)];
                auto* cell = item(QString::number(slides.size()));
                cell->setTextAlignment(Qt::AlignCenter);
                cell->setData(Qt::UserRole, slides);
                cell->setToolTip(slides.join(QLatin1Char('\n')));
                cell->setBackground(t == p ? QColor(0, 114, 178, slides.isEmpty() ? 20 : 70)
                                           : QColor(213, 94, 0, slides.isEmpty() ? 20 : 90));
                table->setItem(t, p, cell);
            }
    }
    m_pairs->setRowCount(int(part.pairs.size()));
    for (int row = 0; row < int(part.pairs.size()); ++row) {
        const core::RunPair& pair = part.pairs[std::size_t(row)];
        m_pairs->setItem(row, 0, item(m_comparison.runs[std::size_t(pair.a)].name));
        m_pairs->setItem(row, 1, item(m_comparison.runs[std::size_t(pair.b)].name));
        m_pairs->setItem(row, 2, item(QString::number(pair.sharedSlides)));
        m_pairs->setItem(row, 3, item(number(pair.test.aucA)));
        m_pairs->setItem(row, 4, item(number(pair.test.aucB)));
        m_pairs->setItem(row, 5, item(number(pair.test.z, 2)));
        m_pairs->setItem(
            row, 6,
            item(std::isnan(pair.test.p) ? tr("— (too few slides)") : QString::number(pair.test.p, 'g', 3)));
    }
    m_cellSlides->clear();
    m_cellRun = -1;
}

void ComparisonWindow::showCell(int run, int row, int column)
{
    m_cellRun = run;
    m_cellSlides->clear();
    const QTableWidgetItem* cell = m_confusion[std::size_t(run)]->item(row, column);
    if (cell)
        m_cellSlides->addItems(cell->data(Qt::UserRole).toStringList());
}

} // namespace tessera::ui
