#include "AnnotationPanel.h"

#include "tasks/TaskRunner.h"

#include "document/AnnotationSelection.h"
#include "AnnotationTableModel.h"
#include "annotations/AnnotationSet.h"
#include "document/SlideDocument.h"

#include <QColorDialog>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {

QIcon swatch(const QColor& color)
{
    QPixmap pixmap(12, 12);
    pixmap.fill(color);
    return QIcon(pixmap);
}

} // namespace

AnnotationPanel::AnnotationPanel(QWidget* parent)
    : QWidget(parent),
      m_model(new AnnotationTableModel(this)),
      m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)),
      m_classes(new QListWidget(this)),
      m_currentClass(new QComboBox(this)),
      m_filter(new QComboBox(this)),
      m_summary(new QLabel(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("annotationPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);

    auto* classRow = new QHBoxLayout;
    classRow->addWidget(new QLabel(tr("Class:"), this));
    m_currentClass->setObjectName(QStringLiteral("currentClass"));
    m_currentClass->setToolTip(tr("The class new annotations get, and the one Assign gives the selection"));
    classRow->addWidget(m_currentClass, 1);
    auto* assign = new QPushButton(tr("Assign"), this);
    assign->setObjectName(QStringLiteral("assignClass"));
    assign->setToolTip(tr("Give the selected annotations this class"));
    classRow->addWidget(assign);
    auto* add = new QPushButton(tr("New…"), this);
    add->setToolTip(tr("Add a class with a name and a colour"));
    classRow->addWidget(add);
    layout->addLayout(classRow);

    m_classes->setObjectName(QStringLiteral("classList"));
    m_classes->setToolTip(tr("Untick a class to hide its annotations"));
    m_classes->setMaximumHeight(110);
    layout->addWidget(m_classes);

    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(new QLabel(tr("Show:"), this));
    m_filter->setObjectName(QStringLiteral("classFilter"));
    filterRow->addWidget(m_filter, 1);
    layout->addLayout(filterRow);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(AnnotationTableModel::kSortRole);
    m_proxy->setFilterKeyColumn(AnnotationTableModel::ClassColumn);
    m_table->setObjectName(QStringLiteral("annotationTable"));
    m_table->setModel(m_proxy);
    // Unsorted (the drawing order) until a header is clicked: sorting 100 000 rows anew after
    // every edit would hold the GUI for a third of a second.
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    // Columns as wide as their text (measured on 200 rows: 100 000 annotations stay quick).
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setResizeContentsPrecision(200);
    m_table->verticalHeader()->setDefaultSectionSize(20);
    layout->addWidget(m_table, 1);
    m_summary->setObjectName(QStringLiteral("annotationSummary"));
    m_summary->setWordWrap(false); // short lines; a wrapping label is squeezed by the table above it
    // Neither label may widen the dock (and so narrow the slide view) when its text changes.
    m_summary->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    layout->addWidget(m_summary);
    m_status->setObjectName(QStringLiteral("saveStatus"));
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Minimum);
    layout->addWidget(m_status);

    connect(assign, &QPushButton::clicked, this, &AnnotationPanel::assignToSelection);
    connect(add, &QPushButton::clicked, this, [this] {
        const QString name = QInputDialog::getText(this, tr("New Class"), tr("Name:")).trimmed();
        if (name.isEmpty())
            return;
        const QColor color =
            QColorDialog::getColor(suggestedNewClassColor(), this, tr("Colour of %1").arg(name));
        if (color.isValid())
            addClass(name, color);
    });
    connect(m_filter, &QComboBox::currentIndexChanged, this, [this] {
        const QString name = m_filter->currentData().toString();
        m_proxy->setFilterRegularExpression(name == QLatin1String("*")
                                                ? QRegularExpression()
                                                : QRegularExpression(QStringLiteral("^%1$").arg(
                                                      QRegularExpression::escape(m_filter->currentText()))));
    });
    connect(m_classes, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_syncing || !m_document)
            return;
        const QString name = item->data(Qt::UserRole).toString();
        const bool visible = item->checkState() == Qt::Checked;
        m_document->annotations().setClassVisible(name, visible);
        Q_EMIT classVisibilityChanged(name, visible);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AnnotationPanel::selectionFromTable);
    connect(m_table, &QTableView::clicked, this, [this](const QModelIndex& index) {
        if (!m_document)
            return;
        const QUuid id = index.data(AnnotationTableModel::kIdRole).toUuid();
        if (const core::Annotation* a = m_document->annotations().find(id))
            Q_EMIT fitRequested(a->geometry.bounds());
    });
    setDocument(nullptr);
}

void AnnotationPanel::setDocument(SlideDocument* document)
{
    if (m_document) {
        disconnect(&m_document->annotations(), nullptr, this, nullptr);
        disconnect(&m_document->selection(), nullptr, this, nullptr);
    }
    m_document = document;
    m_model->setAnnotations(document ? &document->annotations() : nullptr,
                            document ? document->slide()->micronsPerPixel() : std::nullopt);
    if (document) {
        connect(&document->annotations(), &core::AnnotationSet::classesChanged, this,
                &AnnotationPanel::rebuildClasses);
        connect(&document->annotations(), &core::AnnotationSet::edited, this,
                &AnnotationPanel::updateSummary);
        connect(&document->annotations(), &core::AnnotationSet::wasReset, this,
                &AnnotationPanel::updateSummary);
        connect(&document->selection(), &AnnotationSelection::changed, this,
                &AnnotationPanel::selectionToTable);
    }
    setEnabled(document != nullptr);
    rebuildClasses();
    updateSummary();
}

QString AnnotationPanel::currentClass() const
{
    return m_currentClass->currentData().toString();
}

void AnnotationPanel::setCurrentClass(const QString& name)
{
    const int index = m_currentClass->findData(name);
    if (index >= 0)
        m_currentClass->setCurrentIndex(index);
}

void AnnotationPanel::addClass(const QString& name, const QColor& color)
{
    if (!m_document || name.isEmpty())
        return;
    m_document->annotations().mergeClasses({{name, color, true}});
    setCurrentClass(name);
    Q_EMIT classAdded(name, color);
}

void AnnotationPanel::assignToSelection()
{
    if (!m_document)
        return;
    std::vector<core::Annotation> changed;
    for (const QUuid& id : m_document->selection().ids())
        if (const core::Annotation* a = m_document->annotations().find(id); a && !a->locked) {
            core::Annotation c = *a;
            c.className = currentClass();
            changed.push_back(c);
        }
    m_document->annotations().modify(changed, tr("Set Class"));
}

void AnnotationPanel::setFilterClass(const QString& name)
{
    const int index = m_filter->findData(name);
    if (index >= 0)
        m_filter->setCurrentIndex(index);
}

void AnnotationPanel::setSaveStatus(const QString& text, bool problem)
{
    m_status->setText(text);
    m_status->setStyleSheet(problem ? QStringLiteral("color: #b00020") : QString());
}

QString AnnotationPanel::summaryText() const
{
    return m_summary->text();
}

QString AnnotationPanel::saveStatus() const
{
    return m_status->text();
}

QColor AnnotationPanel::suggestedNewClassColor() const
{
    return core::suggestClassColor(m_document ? m_document->annotations().classes()
                                              : std::vector<core::AnnotationClass>{});
}

void AnnotationPanel::rebuildClasses()
{
    // Only visibility changed (often from a tick in this very list): update the ticks in place
    // rather than rebuilding the list under the item being clicked.
    // The list is "Unclassified" and then the classes.
    if (m_document) {
        const core::AnnotationSet& set = m_document->annotations();
        const std::vector<core::AnnotationClass>& classes = set.classes();
        bool same = m_classes->count() == int(classes.size()) + 1;
        for (int i = 1; same && i < m_classes->count(); ++i)
            same = m_classes->item(i)->data(Qt::UserRole).toString() == classes[size_t(i - 1)].name &&
                   m_classes->item(i)->data(Qt::UserRole + 1).value<QColor>() == classes[size_t(i - 1)].color;
        if (same) {
            const bool wasSyncing = std::exchange(m_syncing, true);
            for (int i = 0; i < m_classes->count(); ++i)
                m_classes->item(i)->setCheckState(
                    set.isClassVisible(m_classes->item(i)->data(Qt::UserRole).toString()) ? Qt::Checked
                                                                                          : Qt::Unchecked);
            m_syncing = wasSyncing;
            return;
        }
    }
    m_syncing = true;
    const QString current = currentClass(), filter = m_filter->currentData().toString();
    m_currentClass->clear();
    m_filter->clear();
    m_classes->clear();
    m_currentClass->addItem(tr("Unclassified"), QString());
    m_filter->addItem(tr("All classes"), QStringLiteral("*"));
    m_filter->addItem(tr("Unclassified"), QString());
    const auto addTick = [this](const QColor& color, const QString& text, const QString& name, bool visible) {
        auto* item = new QListWidgetItem(swatch(color), text, m_classes);
        item->setData(Qt::UserRole, name);
        item->setData(Qt::UserRole + 1, color);
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(visible ? Qt::Checked : Qt::Unchecked);
    };
    if (m_document)
        addTick(core::unclassifiedColor(), tr("Unclassified"), QString(),
                m_document->annotations().isClassVisible(QString()));
    if (m_document)
        for (const core::AnnotationClass& c : m_document->annotations().classes()) {
            m_currentClass->addItem(swatch(c.color), c.name, c.name);
            m_filter->addItem(swatch(c.color), c.name, c.name);
            addTick(c.color, c.name, c.name, c.visible);
        }
    setCurrentClass(current);
    setFilterClass(filter.isNull() ? QStringLiteral("*") : filter);
    m_syncing = false;
    updateSummary();
}

void AnnotationPanel::updateSummary()
{
    if (!m_document) {
        m_summary->setText(tr("No slide open."));
        return;
    }
    // Areas of every shape (100 000 after an import) are summed in the background, on a copy
    // of what is there now; the newest summary wins.
    const core::AnnotationSet& set = m_document->annotations();
    TaskRunner::instance().cancel(m_summarizing);
    m_summarizing = TaskRunner::instance().run(
        this, tr("Summing up annotations"),
        [annotations = set.annotations(), classes = set.classes(),
         mpp = m_document->slide()->micronsPerPixel()](TaskControl&) {
            QStringList lines;
            for (const core::ClassSummary& s : core::summarizeByClass(annotations, classes, mpp)) {
                const QString area =
                    mpp ? tr("%L1 mm²").arg(s.area / 1e6, 0, 'f', 3) : tr("%L1 px²").arg(s.area, 0, 'f', 0);
                lines << tr("%1: %n annotation(s), %2", nullptr, s.count)
                             .arg(s.className.isEmpty() ? tr("Unclassified") : s.className, area);
            }
            return lines.isEmpty() ? tr("No annotations on this slide.") : lines.join(QLatin1Char('\n'));
        },
        [this](TaskResult<QString> summary) {
            if (!summary.cancelled && summary.ok())
                m_summary->setText(*summary.value);
        });
}

void AnnotationPanel::selectionFromTable()
{
    if (m_syncing || !m_document)
        return;
    QList<QUuid> ids;
    for (const QModelIndex& row : m_table->selectionModel()->selectedRows())
        ids << row.data(AnnotationTableModel::kIdRole).toUuid();
    m_syncing = true;
    m_document->selection().set(ids);
    m_syncing = false;
}

void AnnotationPanel::selectionToTable()
{
    if (m_syncing || !m_document)
        return;
    m_syncing = true;
    QItemSelection rows;
    const QList<QUuid>& ids = m_document->selection().ids();
    if (ids.size() <= 1000) // beyond that the table keeps its own
        for (int r = 0; r < m_proxy->rowCount(); ++r) {
            const QModelIndex index = m_proxy->index(r, 0);
            if (ids.contains(index.data(AnnotationTableModel::kIdRole).toUuid()))
                rows.select(index, m_proxy->index(r, AnnotationTableModel::ColumnCount - 1));
        }
    m_table->selectionModel()->select(rows, QItemSelectionModel::ClearAndSelect);
    if (!rows.isEmpty())
        m_table->scrollTo(rows.indexes().front());
    m_syncing = false;
}

} // namespace tessera::ui
