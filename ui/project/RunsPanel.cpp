#include "RunsPanel.h"

#include "ProjectController.h"
#include "common/Error.h"
#include "project/RunSummary.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tessera::ui {

namespace {

// A numeric cell that sorts by value; "–" for NaN.
QTableWidgetItem* numberItem(double value, int decimals)
{
    auto* item = new QTableWidgetItem;
    if (std::isnan(value))
        item->setText(QStringLiteral("–"));
    else
        item->setData(Qt::DisplayRole, QString::number(value, 'f', decimals).toDouble());
    return item;
}

// Whether the run keeps a reference of its training data (to flag slides unlike it) and how its
// probabilities are calibrated.
QTableWidgetItem* trustItem(const core::RunRecord& run)
{
    auto* item = new QTableWidgetItem;
    if (run.status != QLatin1String("finished") || !run.result)
        return item;
    const QJsonObject trust = run.result->trust;
    if (trust.isEmpty()) {
        item->setText(RunsPanel::tr("none (older run)"));
        item->setToolTip(
            RunsPanel::tr("Made before Tessera kept a reference of the training data: its "
                          "predictions are not checked against it. Train it again to have one."));
        return item;
    }
    const double t = trust[QStringLiteral("temperature")].toDouble(1);
    const QJsonValue before = trust[QStringLiteral("ece_before")], after = trust[QStringLiteral("ece_after")];
    item->setText(t != 1.0 && before.isDouble() && after.isDouble() ? RunsPanel::tr("yes · ECE %1 → %2")
                                                                          .arg(before.toDouble(), 0, 'f', 2)
                                                                          .arg(after.toDouble(), 0, 'f', 2)
                                                                    : RunsPanel::tr("yes · not calibrated"));
    item->setToolTip(RunsPanel::tr("Reference: %1\nFlagged above %2: %3\nCalibration: %4")
                         .arg(trust[QStringLiteral("reference")].toString())
                         .arg(trust[QStringLiteral("threshold")].toDouble(), 0, 'f', 1)
                         .arg(trust[QStringLiteral("threshold_rule")].toString(),
                              trust[QStringLiteral("temperature_note")].toString()));
    return item;
}

// The validation AUC cell: its text with the interval (or "too few slides"), sorted by the AUC
// itself, with runs whose AUC says nothing below every measured one.
class AucItem : public QTableWidgetItem {
public:
    AucItem(const QString& text, double sortKey) : QTableWidgetItem(text), m_sortKey(sortKey) {}
    bool operator<(const QTableWidgetItem& other) const override
    {
        if (const auto* auc = dynamic_cast<const AucItem*>(&other))
            return m_sortKey < auc->m_sortKey;
        return QTableWidgetItem::operator<(other);
    }

private:
    double m_sortKey;
};

QString elapsed(double seconds)
{
    const int s = int(seconds + 0.5);
    return s >= 3600 ? QStringLiteral("%1:%2:%3")
                           .arg(s / 3600)
                           .arg((s / 60) % 60, 2, 10, QLatin1Char('0'))
                           .arg(s % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

RunsPanel::RunsPanel(ProjectController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller), m_table(new QTableWidget(0, ColumnCount, this))
{
    auto* layout = new QVBoxLayout(this);
    // What judges a run first, then how it came about.
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Val AUC (95 % CI)"), tr("Val n"), tr("Val loss"),
                                        tr("Test AUC"), tr("Trust reference"), tr("Status"), tr("Parent"),
                                        tr("Epochs"), tr("Best"), tr("LR"), tr("w_gen"), tr("Time")});
    m_table->horizontalHeaderItem(ValSlides)->setToolTip(tr("Validation slides"));
    m_table->horizontalHeaderItem(ValAuc)->setToolTip(
        tr("The best epoch's validation AUC with its 95 % bootstrap interval; \"too few slides\" where a "
           "class has fewer than %1 validation slides.")
            .arg(core::ClassificationMetrics::kMinimumPerClass));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Several rows: what Compare… compares; Apply and Delete act on one.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    // Every column as wide as its text: the dock scrolls sideways rather than cut a name.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(90);
    layout->addWidget(m_table, 1);
    auto* buttons = new QHBoxLayout;
    m_train = new QPushButton(tr("Train…"), this);
    m_apply = new QPushButton(tr("Apply to Slide"), this);
    m_apply->setToolTip(tr("Show this run's attention and consistency maps on the current slide"));
    m_delete = new QPushButton(tr("Delete…"), this);
    m_compare = new QPushButton(tr("Compare…"), this);
    m_compare->setToolTip(tr("Curves, DeLong's test, calibration and confusion matrices of 2–6 runs"));
    buttons->addWidget(m_train);
    buttons->addStretch(1);
    buttons->addWidget(m_compare);
    buttons->addWidget(m_apply);
    buttons->addWidget(m_delete);
    layout->addLayout(buttons);
    connect(m_train, &QPushButton::clicked, this, &RunsPanel::trainRequested);
    connect(m_apply, &QPushButton::clicked, this, [this] {
        if (const auto run = m_controller->project()->runs().find(selectedRun()))
            Q_EMIT applyRequested(run->folder);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] { deleteSelected(true); });
    connect(m_compare, &QPushButton::clicked, this, [this] { Q_EMIT compareRequested(selectedRuns()); });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsPanel::updateButtons);
    connect(m_controller, &ProjectController::projectChanged, this, &RunsPanel::refresh);
    connect(m_controller, &ProjectController::runsChanged, this, &RunsPanel::refresh);
    refresh();
}

void RunsPanel::refresh()
{
    const QStringList selected = selectedRuns(); // kept through the refresh (every epoch of a job)
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
    core::Project* project = m_controller->project();
    setEnabled(project != nullptr);
    std::vector<core::RunRecord> runs;
    try {
        if (project)
            runs = project->runs().list();
    } catch (const core::Error& error) {
        Q_EMIT errorOccurred(error.message());
    }
    {
        for (const core::RunRecord& r : runs) {
            const int row = m_table->rowCount();
            m_table->insertRow(row);
            const auto parent = std::find_if(
                runs.begin(), runs.end(), [&](const core::RunRecord& p) { return p.name == r.parentName; });
            auto* name = new QTableWidgetItem(core::runDisplayName(
                r, !r.parentName.isEmpty() && parent != runs.end() ? &*parent : nullptr));
            name->setData(Qt::UserRole, r.name);
            name->setToolTip(r.name + QLatin1Char('\n') + r.folder);
            m_table->setItem(row, Name, name);
            m_table->setItem(row, Parent, new QTableWidgetItem(r.parentName));
            auto* status = new QTableWidgetItem(r.status);
            status->setToolTip(r.message);
            m_table->setItem(row, Status, status);
            m_table->setItem(row, Epochs, numberItem(r.epochsDone, 0));
            m_table->setItem(row, BestEpoch, numberItem(r.bestEpoch > 0 ? r.bestEpoch : std::nan(""), 0));
            const core::ValidationSummary validation = core::summarizeValidation(r);
            m_table->setItem(row, ValSlides,
                             numberItem(validation.slides > 0 ? validation.slides : std::nan(""), 0));
            m_table->setItem(row, ValLoss, numberItem(validation.loss, 3));
            auto* auc =
                new AucItem(validation.aucText,
                            validation.measurable && !std::isnan(validation.auc) ? validation.auc : -1.0);
            auc->setToolTip(validation.explanation);
            m_table->setItem(row, ValAuc, auc);
            m_table->setItem(row, TestAuc, numberItem(r.testAuc, 3));
            m_table->setItem(row, Trust, trustItem(r));
            m_table->setItem(row, LearningRate,
                             numberItem(r.config[QStringLiteral("lr")].toDouble(std::nan("")), 6));
            m_table->setItem(row, WGen,
                             numberItem(r.model == QLatin1String("srmil")
                                            ? r.config[QStringLiteral("w_gen")].toDouble(std::nan(""))
                                            : std::nan(""),
                                        2));
            m_table->setItem(row, Time, new QTableWidgetItem(r.seconds > 0 ? elapsed(r.seconds) : QString()));
            if (selected.contains(r.name))
                m_table->selectionModel()->select(m_table->model()->index(row, 0),
                                                  QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }
    m_table->setSortingEnabled(true);
    updateButtons();
}

void RunsPanel::updateButtons()
{
    const qsizetype chosen = selectedRuns().size();
    m_apply->setEnabled(chosen == 1);
    m_delete->setEnabled(chosen == 1);
    m_compare->setEnabled(m_controller->project() != nullptr && m_table->rowCount() >= 2);
}

QString RunsPanel::selectedRun() const
{
    const QStringList runs = selectedRuns();
    return runs.size() == 1 ? runs.front() : QString();
}

QStringList RunsPanel::selectedRuns() const
{
    QModelIndexList rows = m_table->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex& a, const QModelIndex& b) { return a.row() < b.row(); });
    QStringList runs;
    for (const QModelIndex& row : rows)
        runs << m_table->item(row.row(), Name)->data(Qt::UserRole).toString();
    return runs;
}

void RunsPanel::deleteSelected(bool confirm)
{
    const QString run = selectedRun();
    if (run.isEmpty())
        return;
    if (confirm &&
        QMessageBox::question(this, tr("Delete Run"),
                              tr("Delete run %1 with its folder (weights, metrics, log)? This cannot be "
                                 "undone.")
                                  .arg(run)) != QMessageBox::Yes)
        return;
    try {
        m_controller->deleteRun(run, true);
    } catch (const core::Error& error) {
        Q_EMIT errorOccurred(error.message());
    }
}

} // namespace tessera::ui
