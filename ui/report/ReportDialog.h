// File ▸ Export Report…: what goes into the current slide's report (run, author, institution,
// page size, crop resolution, top patches, findings), a live preview of page 1, and where to
// write the PDF and the CSVs. The settings are remembered; the findings are kept in the project.
#pragma once

#include "report/ReportContent.h"

#include <QDialog>
#include <QTimer>
#include <optional>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;

namespace tessera::core {
class Project;
}

namespace tessera::ui {

class ReportDialog : public QDialog {
    Q_OBJECT
public:
    // Throws core::Error when the slide is not in the project or cannot be read. The heatmaps are
    // drawn as `heatmaps` says: the viewer's settings.
    ReportDialog(core::Project& project, const QString& slidePath, const core::HeatmapSettings& heatmaps,
                 QWidget* parent = nullptr);

    core::ReportRequest request() const;
    QString pdfPath() const;
    QString csvFolder() const; // empty: no CSVs
    // Writes the report (and CSVs) here and now; returns a sentence for the user. Throws
    // core::Error. For scripts and tests: the dialog's button uses startExport().
    QString exportReport();
    // Writes it in the background on its own database connection (the Export button): the
    // dialog stays responsive, then closes with exported(message) and the message box, or shows
    // the problem and stays open.
    void startExport();
    // Gathering, drawing the preview or exporting is under way.
    bool isBusy() const;
    // The message after an export, with "Open PDF" and "Show in Folder" (object name
    // "reportExported").
    static void showExported(QWidget* parent, const QString& message, const QString& pdf);

    QPlainTextEdit* findingsEdit() const { return m_findings; }
    QLineEdit* pdfEdit() const { return m_pdf; }
    QLabel* preview() const { return m_preview; }
    quint64 previewRevision() const { return m_previewRevision; }

Q_SIGNALS:
    void exported(const QString& message);

private:
    void regather();
    void updatePreview();
    void remember() const;
    void checkOutputFolder() const; // throws core::Error

    core::Project& m_project;
    QString m_slideKey;
    core::HeatmapSettings m_heatmaps;
    QComboBox* m_run;
    QLineEdit* m_author;
    QLineEdit* m_institution;
    QComboBox* m_page;
    QDoubleSpinBox* m_cropMpp;
    QSpinBox* m_topPatches;
    QPlainTextEdit* m_findings;
    QLineEdit* m_pdf;
    QCheckBox* m_writeCsv;
    QLabel* m_preview;
    QLabel* m_problem;
    QTimer m_previewTimer;
    std::optional<core::ReportContent> m_content;
    quint64 m_previewRevision = 0;
    QDialogButtonBox* m_buttons = nullptr;
    quint64 m_gathering = 0; // tasks
    quint64 m_rendering = 0;
    quint64 m_exporting = 0;
};

} // namespace tessera::ui
