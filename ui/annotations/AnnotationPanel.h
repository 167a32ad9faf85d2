// The annotation list dock: the classes (colour, visibility, the one new annotations get),
// the current slide's annotations with their measurements, filtered by class and sortable, a
// summary per class, and whether the last change is saved. Clicking a row selects the
// annotation and asks for the view to fit it.
#pragma once

#include <QRectF>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QSortFilterProxyModel;
class QTableView;

namespace tessera::ui {

class AnnotationTableModel;
class SlideDocument;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnnotationPanel(QWidget* parent = nullptr);

    void setDocument(SlideDocument* document); // nullptr: no slide
    QString currentClass() const;              // empty: unclassified
    void setCurrentClass(const QString& name);
    // Adds a class to the current document's classes (and, through classAdded, to the project).
    void addClass(const QString& name, const QColor& color);
    void assignToSelection();
    void setFilterClass(const QString& name); // "*": every class
    void setSaveStatus(const QString& text, bool problem);

    QTableView* table() const { return m_table; }
    QListWidget* classList() const { return m_classes; }
    QString summaryText() const;
    QString saveStatus() const;

    // The colour the New Class dialog starts from: distinct from every class and from the
    // unclassified red.
    QColor suggestedNewClassColor() const;

Q_SIGNALS:
    void fitRequested(const QRectF& level0);
    void classAdded(const QString& name, const QColor& color);
    void classVisibilityChanged(const QString& name, bool visible);

private:
    void rebuildClasses();
    void updateSummary();
    void selectionFromTable();
    void selectionToTable();

    SlideDocument* m_document = nullptr;
    AnnotationTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QListWidget* m_classes;
    QComboBox* m_currentClass;
    QComboBox* m_filter;
    QLabel* m_summary;
    quint64 m_summarizing = 0; // the task summing up the classes
    QLabel* m_status;
    bool m_syncing = false;
};

} // namespace tessera::ui
