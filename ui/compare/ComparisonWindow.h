// Runs ▸ Compare…: two to six runs in one window. Curves (ROC, precision–recall, calibration before
// and after temperature scaling, validation AUC per epoch) on validation or test slides; the
// numbers (AUC with DeLong's interval, DeLong's test per pair, ECE, each run's threshold and its
// rule); a confusion matrix per run whose cells list their slides — a double-click opens the
// slide with that run applied; and the settings that differ.
#pragma once

#include "compare/RunComparison.h"

#include <QWidget>

class QComboBox;
class QCustomPlot;
class QListWidget;
class QTableWidget;
class QTabWidget;

namespace tessera::ui {

class ComparisonWindow : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonWindow(core::RunComparison comparison, QWidget* parent = nullptr);

    const core::RunComparison& comparison() const { return m_comparison; }
    // The part the curves and confusion matrices show ("val" or "test").
    QString part() const;
    void setPart(const QString& part);

    QTabWidget* tabs() const { return m_tabs; }
    QCustomPlot* rocPlot() const { return m_roc; }
    // The confusion matrix of run `run`: rows true class, columns predicted, each cell its count
    // with the slides in Qt::UserRole (a QStringList).
    QTableWidget* confusionTable(int run) const;
    QListWidget* cellSlides() const { return m_cellSlides; } // the slides of the cell last clicked
    QTableWidget* pairsTable() const { return m_pairs; }
    QTableWidget* settingsTable() const { return m_settings; }

Q_SIGNALS:
    // A slide of a confusion cell, to open with the run applied.
    void openSlideRequested(const QString& slide, const QString& runFolder);

private:
    QWidget* curvesPage();
    QWidget* numbersPage();
    QWidget* confusionPage();
    QWidget* settingsPage();
    void showPart();
    void showCell(int run, int row, int column);

    core::RunComparison m_comparison;
    QTabWidget* m_tabs;
    QComboBox* m_part = nullptr;
    QCustomPlot *m_roc = nullptr, *m_precisionRecall = nullptr, *m_calibration = nullptr, *m_epochs = nullptr;
    QTableWidget *m_runs = nullptr, *m_pairs = nullptr, *m_settings = nullptr;
    std::vector<QTableWidget*> m_confusion;
    QListWidget* m_cellSlides = nullptr;
    int m_cellRun = -1;
};

} // namespace tessera::ui
