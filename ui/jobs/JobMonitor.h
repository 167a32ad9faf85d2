// The "Jobs" dock: the project's jobs with their state, and for the chosen one its live curves
// (train and validation loss, each SR-MIL loss term, validation AUC, learning rate), a progress
// bar with the time left, its log, and buttons to cancel it, resume it from its last checkpoint
// and open its folder.
#pragma once

#include "jobs/ProgressEvent.h"

#include <QDateTime>
#include <QWidget>
#include <map>

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

namespace tessera::ui {

class CurvePlot;
class ProjectController;

class JobMonitor : public QWidget {
    Q_OBJECT
public:
    explicit JobMonitor(ProjectController* controller, QWidget* parent = nullptr);

    void refresh();           // the job list
    void showJob(qint64 job); // curves, progress and log of that job (read back from its log)
    qint64 shownJob() const { return m_shown; }

    QTableWidget* jobTable() const { return m_table; }
    CurvePlot* lossPlot() const { return m_loss; }
    CurvePlot* termsPlot() const { return m_terms; }
    CurvePlot* aucPlot() const { return m_auc; }
    CurvePlot* learningRatePlot() const { return m_lr; }
    QProgressBar* progressBar() const { return m_progress; }
    QPlainTextEdit* logView() const { return m_log; }
    QPushButton* cancelButton() const { return m_cancel; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* openFolderButton() const { return m_openFolder; }
    QString statusText() const;

private:
    void apply(const core::ProgressEvent& event); // to the shown job's widgets
    void updateButtons();
    QString folderOfShownJob() const;

    ProjectController* m_controller;
    QTableWidget* m_table;
    CurvePlot *m_loss, *m_terms, *m_auc, *m_lr;
    QProgressBar* m_progress;
    QLabel* m_status;
    QPlainTextEdit* m_log;
    QPushButton *m_cancel, *m_resume, *m_openFolder;
    qint64 m_shown = 0;
    QDateTime m_shownUntil; // the last event read from the shown job's log file
};

} // namespace tessera::ui
