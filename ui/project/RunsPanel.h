// The "Runs" dock: the project's runs side by side — a name that tells them apart (model, date,
// what differs from the parent), parent run, validation slides, loss and AUC with its interval
// (or "too few slides"), test AUC, hyper-parameters, time — to compare them; apply one to the
// current slide; delete one; compare several (Compare…). The run's folder name is each Name item's
// Qt::UserRole.
#pragma once

#include <QWidget>

class QPushButton;
class QTableWidget;

namespace tessera::ui {

class ProjectController;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    enum Column {
        Name,
        ValAuc,
        ValSlides,
        ValLoss,
        TestAuc,
        Trust,
        Status,
        Parent,
        Epochs,
        BestEpoch,
        LearningRate,
        WGen,
        Time,
        ColumnCount
    };

    explicit RunsPanel(ProjectController* controller, QWidget* parent = nullptr);

    void refresh();
    QString selectedRun() const;      // the one selected run; empty when none or several are
    QStringList selectedRuns() const; // their names, in table order
    QTableWidget* table() const { return m_table; }
    QPushButton* applyButton() const { return m_apply; }
    QPushButton* deleteButton() const { return m_delete; }
    QPushButton* compareButton() const { return m_compare; }
    // Deletes the selected run and its folder after asking (tests answer through `confirm`).
    void deleteSelected(bool confirm = true);

Q_SIGNALS:
    void applyRequested(const QString& runFolder);  // apply to the current slide
    void compareRequested(const QStringList& runs); // the selected runs' names (may be fewer than 2)
    void trainRequested();
    void errorOccurred(const QString& message);

private:
    ProjectController* m_controller;
    QTableWidget* m_table;
    void updateButtons();

    QPushButton *m_apply, *m_delete, *m_train, *m_compare;
};

} // namespace tessera::ui
