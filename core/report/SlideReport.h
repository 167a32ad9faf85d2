// A slide report end to end: gathered from the project, written as PDF (and, when asked, the
// CSVs of annotations, top patches and the per-class summary), and recorded in the project's
// reports table with the findings.
#pragma once

#include "ReportContent.h"

namespace tessera::core {

struct ReportOutput {
    QString pdf;
    QStringList csvs;
    QStringList omitted; // sections left out, and why
    int pages = 0;
    OodVerdict ood; // of the prediction reported; not judged without one or without a reference
    QString trust;  // one line on it (Prediction::trustSummary); empty without a prediction
};

// Throws Error naming the file or the missing slide/run; nothing partial is left under the
// final names.
ReportOutput writeSlideReport(Project& project, const ReportRequest& request, const QString& pdfPath,
                              const QString& csvFolder = {});
// The CSVs alone: <slide>_annotations.csv, <slide>_top_patches.csv, <slide>_class_summary.csv.
QStringList writeReportCsvs(const ReportContent& content, const QString& folder);
// The findings last written for a slide in this project (for the dialog to start from).
QString lastFindings(Project& project, qint64 slideId);

} // namespace tessera::core
