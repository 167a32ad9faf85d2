// The "Project" dock: the project's slides with label, split, features and predictions; filter
// and sort; labels edited in place; a double-click opens the slide.
#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;

namespace tessera::ui {

class ProjectController;
class SlideTableModel;

class ProjectPanel : public QWidget {
    Q_OBJECT
public:
    explicit ProjectPanel(ProjectController* controller, QWidget* parent = nullptr);

    void refresh();
    QTableView* table() const { return m_table; }
    QLineEdit* filterEdit() const { return m_filter; }
    QComboBox* splitBox() const { return m_split; }
    SlideTableModel* model() const { return m_model; }
    int visibleRows() const;
    QString summary() const;

Q_SIGNALS:
    void openSlideRequested(const QString& path);
    void errorOccurred(const QString& message);

private:
    ProjectController* m_controller;
    QLabel* m_summary;
    QComboBox* m_split;
    QLineEdit* m_filter;
    QTableView* m_table;
    SlideTableModel* m_model;
    QSortFilterProxyModel* m_proxy;
};

} // namespace tessera::ui
