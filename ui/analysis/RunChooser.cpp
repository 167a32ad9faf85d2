#include "RunChooser.h"

#include "common/Error.h"
#include "project/Project.h"
#include "project/RunSummary.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHeaderView>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace tessera::ui {

RunChooser::RunChooser(core::Project& project, QWidget* parent)
    : QDialog(parent), m_table(new QTableWidget(0, 4, this))
{
    setWindowTitle(tr("Run Model on Slide"));
    auto* layout = new QVBoxLayout(this);
    m_table->setObjectName(QStringLiteral("runChoices"));
    m_table->setHorizontalHeaderLabels({tr("Run"), tr("Model"), tr("Trained"), tr("Val AUC (95 % CI)")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    std::vector<core::RunRecord> runs;
    for (core::RunRecord& r : project.runs().list())
        if (r.status == core::RunStatus::kFinished)
            runs.push_back(std::move(r));
    // The best measurable validation AUC first, then the newest.
    const auto key = [](const core::RunRecord& r) {
        const core::ValidationSummary v = core::summarizeValidation(r);
        return v.measurable && !std::isnan(v.auc) ? v.auc : -1.0;
    };
    std::stable_sort(runs.begin(), runs.end(), [&](const core::RunRecord& a, const core::RunRecord& b) {
        return key(a) != key(b) ? key(a) > key(b) : a.finished > b.finished;
    });
    const QLocale locale;
    for (const core::RunRecord& r : runs) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto* name = new QTableWidgetItem(r.name);
        name->setData(Qt::UserRole, r.folder);
        name->setToolTip(r.folder);
        m_table->setItem(row, 0, name);
        m_table->setItem(row, 1, new QTableWidgetItem(r.model));
        m_table->setItem(
            row, 2,
            new QTableWidgetItem(locale.toString(
                (r.finished.isValid() ? r.finished : r.created).toLocalTime(), QLocale::ShortFormat)));
        const core::ValidationSummary v = core::summarizeValidation(r);
        auto* auc = new QTableWidgetItem(v.aucText);
        auc->setToolTip(v.explanation);
        m_table->setItem(row, 3, auc);
    }
    if (m_table->rowCount() > 0)
        m_table->selectRow(0);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Run"));
    QPushButton* other = buttons->addButton(tr("Other Folder…"), QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &QDialog::accept);
    connect(other, &QPushButton::clicked, this, [this] {
        const QString dir =
            QFileDialog::getExistingDirectory(this, tr("Choose a Training Run"), m_lastFolder);
        if (dir.isEmpty())
            return;
        m_otherFolder = dir;
        accept();
    });
    resize(640, 320);
}

QString RunChooser::chosenFolder() const
{
    if (!m_otherFolder.isEmpty())
        return m_otherFolder;
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString() : m_table->item(rows.first().row(), 0)->data(Qt::UserRole).toString();
}

bool RunChooser::isEmpty() const
{
    return m_table->rowCount() == 0;
}

QString RunChooser::choose(QWidget* parent, core::Project* project, const QString& lastFolder)
{
    if (project) {
        try {
            RunChooser chooser(*project, parent);
            chooser.m_lastFolder = lastFolder;
            if (!chooser.isEmpty())
                return chooser.exec() == QDialog::Accepted ? chooser.chosenFolder() : QString();
        } catch (const core::Error&) {
            // a project that cannot be read: the folder picker still works
        }
    }
    return QFileDialog::getExistingDirectory(parent, tr("Choose a Training Run"), lastFolder);
}

} // namespace tessera::ui
