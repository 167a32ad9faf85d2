#include "JobMonitor.h"

#include "common/Error.h"
#include "jobs/JobLogReader.h"
#include "plots/CurvePlot.h"
#include "project/ProjectController.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

QString duration(double seconds)
{
    if (seconds < 0)
        return JobMonitor::tr("unknown");
    const int s = int(seconds + 0.5);
    return s >= 3600 ? JobMonitor::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60)
           : s >= 60 ? JobMonitor::tr("%1 min %2 s").arg(s / 60).arg(s % 60)
                     : JobMonitor::tr("%1 s").arg(s);
}

// One line of the log view for an event.
QString logLine(const core::ProgressEvent& e)
{
    const QString time = e.time.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
    switch (e.kind) {
    case core::EventKind::Started:
        return QStringLiteral("%1  started %2").arg(time, e.job);
    case core::EventKind::Epoch: {
        const auto auc = e.metrics.find(QStringLiteral("val_auc"));
        return QStringLiteral("%1  epoch %2/%3  loss %4  val AUC %5%6")
            .arg(time)
            .arg(e.epoch)
            .arg(e.epochs)
            .arg(e.losses.count(QStringLiteral("train")) ? e.losses.at(QStringLiteral("train")) : 0.0, 0, 'f',
                 4)
            .arg(auc == e.metrics.end() ? QStringLiteral("–") : QString::number(auc->second, 'f', 3))
            .arg(e.best ? QStringLiteral("  *") : QString());
    }
    case core::EventKind::Message:
        return QStringLiteral("%1  %2%3")
            .arg(time, e.level == QLatin1String("warning") ? QStringLiteral("warning: ") : QString(),
                 e.message);
    case core::EventKind::Finished:
        return QStringLiteral("%1  finished").arg(time);
    case core::EventKind::Failed:
        return QStringLiteral("%1  %2: %3")
            .arg(time, e.cancelled ? QStringLiteral("cancelled") : QStringLiteral("failed"), e.message);
    case core::EventKind::Progress:
        return {};
    }
    return {};
}

// Short tab titles, so that all four show in the dock; the tooltip says it in full.
CurvePlot* makePlot(QTabWidget* tabs, const QString& title, const QString& fullTitle, const QString& y)
{
    auto* plot = new CurvePlot(tabs);
    plot->setAxisLabels(JobMonitor::tr("epoch"), y);
    plot->setMinimumSize(240, 140);
    const int index = tabs->addTab(plot, title);
    tabs->setTabToolTip(index, fullTitle);
    return plot;
}

} // namespace

JobMonitor::JobMonitor(ProjectController* controller, QWidget* parent)
    : QWidget(parent), m_controller(controller)
{
    // Side by side, so the dock stays low under the slide: jobs | curves | progress, buttons, log.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    m_table = new QTableWidget(0, 3, splitter);
    m_table->setHorizontalHeaderLabels({tr("Job"), tr("Status"), tr("Device")});
    // Job names whole: the columns take their text's width and the table scrolls sideways.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setMinimumSize(200, 80);

    auto* tabs = new QTabWidget(splitter);
    m_loss = makePlot(tabs, tr("Loss"), tr("Training and validation loss"), tr("loss"));
    m_terms = makePlot(tabs, tr("Terms"), tr("Each loss term"), tr("loss"));
    m_auc = makePlot(tabs, tr("AUC"), tr("Validation AUC"), tr("AUC"));
    m_lr = makePlot(tabs, tr("LR"), tr("Learning rate"), tr("learning rate"));

    auto* details = new QWidget(splitter);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    m_progress = new QProgressBar(details);
    m_progress->setRange(0, 1000);
    detailsLayout->addWidget(m_progress);
    m_status = new QLabel(details);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    detailsLayout->addWidget(m_status);
    auto* buttons = new QHBoxLayout;
    m_cancel = new QPushButton(tr("Cancel"), details);
    m_resume = new QPushButton(tr("Resume"), details);
    m_openFolder = new QPushButton(tr("Open Folder"), details);
    m_cancel->setToolTip(tr("Stop the job at its next safe point (a finished epoch); resume it later"));
    m_resume->setToolTip(tr("Run the job again: training continues from its last checkpoint"));
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_resume);
    buttons->addStretch(1);
    buttons->addWidget(m_openFolder);
    detailsLayout->addLayout(buttons);
    m_log = new QPlainTextEdit(details);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setMinimumHeight(60);
    detailsLayout->addWidget(m_log, 1);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    splitter->setStretchFactor(2, 2);
    layout->addWidget(splitter);

    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        const auto rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            showJob(m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_controller->jobs() && m_shown)
            m_controller->jobs()->cancel(m_shown);
    });
    connect(m_resume, &QPushButton::clicked, this, [this] {
        if (m_controller->jobs() && m_shown)
            m_controller->jobs()->resume(m_shown);
    });
    connect(m_openFolder, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(folderOfShownJob())); });
    connect(m_controller, &ProjectController::projectChanged, this, [this] {
        m_shown = 0;
        refresh();
    });
    connect(m_controller, &ProjectController::jobChanged, this, [this](qint64 job) {
        refresh();
        if (job == m_shown || m_shown == 0)
            showJob(job);
    });
    // A job the user just started is the one to watch (the first of a plan runs first).
    connect(m_controller, &ProjectController::jobsSubmitted, this, [this](const std::vector<qint64>& jobs) {
        showJob(jobs.front());
        refresh();
    });
    connect(m_controller, &ProjectController::jobEvent, this,
            [this](qint64 job, const core::ProgressEvent& event) {
                if (job == m_shown && !(m_shownUntil.isValid() && event.time <= m_shownUntil))
                    apply(event);
            });
    refresh();
}

void JobMonitor::refresh()
{
    const QSignalBlocker block(m_table);
    m_table->setRowCount(0);
    core::JobQueue* queue = m_controller->jobs();
    setEnabled(queue != nullptr);
    std::vector<core::JobRecord> jobs;
    try {
        if (queue)
            jobs = queue->jobs();
    } catch (const core::Error& error) {
        m_status->setText(error.message());
    }
    for (const core::JobRecord& job : jobs) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto* title = new QTableWidgetItem(job.title);
        title->setData(Qt::UserRole, job.id);
        title->setToolTip(QStringLiteral("tessera-cli %1").arg(job.arguments.join(QLatin1Char(' '))));
        m_table->setItem(row, 0, title);
        auto* status = new QTableWidgetItem(job.status);
        if (!job.message.isEmpty())
            status->setToolTip(job.message);
        m_table->setItem(row, 1, status);
        m_table->setItem(row, 2, new QTableWidgetItem(job.device));
        if (job.id == m_shown)
            m_table->selectRow(row);
    }
    updateButtons();
}

void JobMonitor::showJob(qint64 id)
{
    core::JobQueue* queue = m_controller->jobs();
    std::optional<core::JobRecord> job;
    try {
        if (queue)
            job = m_controller->project()->jobs().find(id);
    } catch (const core::Error& error) {
        m_status->setText(error.message());
    }
    if (!job)
        return;
    const bool same = id == m_shown;
    m_shown = id;
    if (!same) {
        for (CurvePlot* plot : {m_loss, m_terms, m_auc, m_lr})
            plot->clear();
        m_log->clear();
        m_progress->setValue(0);
        // Until the job's first report: its state, never the last job's words ("done").
        m_progress->setFormat(job->isActive() ? tr("%1, no progress reported yet").arg(job->status)
                                              : QStringLiteral("%p%"));
        // The whole history, attempts before a resume included; live events follow (those the
        // queue passes on that were already in the file are skipped).
        m_shownUntil = {};
        for (const core::ProgressEvent& e : core::JobLogReader::readAll(job->log)) {
            apply(e);
            m_shownUntil = e.time;
        }
    }
    if (job->status == core::RunStatus::kFinished) {
        m_progress->setValue(m_progress->maximum());
        m_progress->setFormat(tr("done"));
    }
    m_status->setText(tr("%1 — %2%3")
                          .arg(job->title, job->status,
                               job->message.isEmpty() ? QString() : QStringLiteral(": ") + job->message));
    updateButtons();
}

void JobMonitor::apply(const core::ProgressEvent& e)
{
    if (const QString line = logLine(e); !line.isEmpty())
        m_log->appendPlainText(line);
    if (e.kind == core::EventKind::Epoch) {
        for (const auto& [name, value] : e.losses)
            (name == QLatin1String("train") ? m_loss : m_terms)->setPoint(name, e.epoch, value);
        if (const auto v = e.metrics.find(QStringLiteral("val_loss")); v != e.metrics.end())
            m_loss->setPoint(QStringLiteral("val"), e.epoch, v->second);
        if (const auto v = e.metrics.find(QStringLiteral("val_auc")); v != e.metrics.end())
            m_auc->setPoint(QStringLiteral("val AUC"), e.epoch, v->second);
        m_lr->setPoint(QStringLiteral("lr"), e.epoch, e.learningRate);
        m_progress->setValue(int(1000.0 * e.epoch / std::max(1, e.epochs)));
        m_progress->setFormat(
            tr("epoch %1 of %2 — %3 left").arg(e.epoch).arg(e.epochs).arg(duration(e.etaSeconds)));
    } else if (e.kind == core::EventKind::Progress && e.total > 0) {
        m_progress->setValue(int(1000 * e.fraction()));
        m_progress->setFormat(
            tr("%1 of %2 %3 — %4 left").arg(e.done).arg(e.total).arg(e.unit, duration(e.etaSeconds)));
    } else if (e.kind == core::EventKind::Finished) {
        m_progress->setValue(m_progress->maximum());
        m_progress->setFormat(tr("done"));
    }
}

void JobMonitor::updateButtons()
{
    const auto job =
        m_controller->project() && m_shown ? m_controller->project()->jobs().find(m_shown) : std::nullopt;
    m_cancel->setEnabled(job && job->isActive());
    m_resume->setEnabled(
        job && (job->status == core::RunStatus::kFailed || job->status == core::RunStatus::kCancelled));
    m_openFolder->setEnabled(job.has_value());
}

QString JobMonitor::folderOfShownJob() const
{
    const auto job = m_controller->project() ? m_controller->project()->jobs().find(m_shown) : std::nullopt;
    return job ? QFileInfo(job->log).absolutePath() : QString();
}

QString JobMonitor::statusText() const
{
    return m_status->text();
}

} // namespace tessera::ui
