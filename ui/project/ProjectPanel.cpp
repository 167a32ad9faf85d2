#include "ProjectPanel.h"

#include "ProjectController.h"
#include "SlideTableModel.h"
#include "common/Error.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tessera::ui {

ProjectPanel::ProjectPanel(ProjectController* controller, QWidget* parent)
    : QWidget(parent),
      m_controller(controller),
      m_summary(new QLabel(this)),
      m_split(new QComboBox(this)),
      m_filter(new QLineEdit(this)),
      m_table(new QTableView(this)),
      m_model(new SlideTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this))
{
    auto* layout = new QVBoxLayout(this);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    auto* row = new QHBoxLayout;
    m_filter->setPlaceholderText(tr("Filter slides, labels, splits…"));
    m_filter->setClearButtonEnabled(true);
    row->addWidget(m_filter, 1);
    m_split->setToolTip(tr("The split whose parts the table shows"));
    row->addWidget(m_split);
    layout->addLayout(row);
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1); // every column
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SlideTableModel::Slide, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed |
                             QAbstractItemView::SelectedClicked);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->verticalHeader()->hide();
    layout->addWidget(m_table, 1);

    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);
    connect(m_split, &QComboBox::currentTextChanged, this, &ProjectPanel::refresh);
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex& index) {
        if (index.column() == SlideTableModel::Label)
            return; // that double-click edits the label
        const core::SlideRecord& s = m_model->slideAt(m_proxy->mapToSource(index).row());
        if (s.missing)
            Q_EMIT errorOccurred(tr("%1 is missing: it is not at %2").arg(s.key, s.path));
        else
            Q_EMIT openSlideRequested(s.path);
    });
    m_model->setLabelEditor([this](const QString& key, const QString& label) {
        try {
            m_controller->setLabel(key, label); // refreshes the table
            return true;
        } catch (const core::Error& e) {
            Q_EMIT errorOccurred(e.message());
            return false;
        }
    });
    connect(m_controller, &ProjectController::projectChanged, this, &ProjectPanel::refresh);
    connect(m_controller, &ProjectController::slidesChanged, this, &ProjectPanel::refresh);
    refresh();
}

void ProjectPanel::refresh()
{
    core::Project* project = m_controller->project();
    setEnabled(project != nullptr);
    if (!project) {
        m_model->setSlides({});
        m_summary->setText(tr("No project open. File ▸ New Project… or Open Project…"));
        return;
    }
    {
        const QSignalBlocker block(m_split);
        const QString current = m_split->currentText();
        m_split->clear();
        m_split->addItems(project->slides().splitNames());
        if (m_split->count() == 0)
            m_split->addItem(QStringLiteral("default"));
        m_split->setCurrentText(current.isEmpty() ? QStringLiteral("default") : current);
    }
    try {
        std::vector<core::SlideRecord> slides = project->slides().list(m_split->currentText());
        int missing = 0, labelled = 0;
        for (const core::SlideRecord& s : slides) {
            missing += s.missing;
            labelled += !s.label.isEmpty();
        }
        m_summary->setText(
            tr("<b>%1</b>: %2 slides, %3 labelled%4, %5 runs")
                .arg(project->name().toHtmlEscaped())
                .arg(slides.size())
                .arg(labelled)
                .arg(missing ? tr(", <span style='color:#b00020'>%1 missing</span>").arg(missing) : QString())
                .arg(project->runs().list().size()));
        m_model->setSlides(std::move(slides));
        m_table->resizeColumnsToContents();
    } catch (const core::Error& e) {
        Q_EMIT errorOccurred(e.message());
    }
}

int ProjectPanel::visibleRows() const
{
    return m_proxy->rowCount();
}

QString ProjectPanel::summary() const
{
    return m_summary->text();
}

} // namespace tessera::ui
