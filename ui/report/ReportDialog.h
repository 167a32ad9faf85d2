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
    // Writes the report (and CSVs); returns a sentence for the user. Throws core::Error.
    QString exportReport();
    // The message after an export, with "Open PDF" and "Show in Folder" (object name
    // "reportExported").
    static void showExported(QWidget* parent, const QString& message, const QString& pdf);

    QPlainTextEdit* findingsEdit() const { return m_findings; }
    QLineEdit* pdfEdit() const { return m_pdf; }
    QLabel* preview() const { return m_preview; }
    quint64 previewRevision() const { return m_previewRevision; }

private:
    void regather();
    void updatePreview();
    void remember() const;

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
};

} // namespace tessera::ui
