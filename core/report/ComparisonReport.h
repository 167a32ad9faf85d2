// A run comparison on paper and in tables: the chart models the PDF paints and the comparison
// window plots, the PDF itself (summary and DeLong tables, ROC, precision–recall, calibration,
// training curves, confusion matrices, settings that differ) and its CSVs.
#pragma once

#include "Charts.h"
#include "compare/RunComparison.h"

#include <QStringList>

namespace tessera::core {

QString partTitle(const QString& part); // "Validation" or "Test"
Chart rocChart(const RunComparison& comparison, const PartComparison& part);
Chart precisionRecallChart(const RunComparison& comparison, const PartComparison& part);
// Before temperature scaling solid, after it dashed (runs with a fitted temperature only).
Chart calibrationChart(const RunComparison& comparison, const PartComparison& part);
Chart validationAucChart(const RunComparison& comparison); // per epoch
Chart trainingLossChart(const RunComparison& comparison);  // per epoch
// "0.912 [0.85, 0.97]", "—" when undefined.
QString aucText(const AucInterval& auc);
// "Youden's J on validation: 0.43", "0.5 on calibrated probabilities", "largest probability".
QString thresholdText(const DecisionThreshold& threshold);
QString shortThresholdText(const DecisionThreshold& threshold); // "0.43 (Youden)", for tables
// The part whose confusion matrices the PDF shows: test where the runs have test slides.
const PartComparison& reportedPart(const RunComparison& comparison);

// Throws Error naming the file; never leaves a partial file.
void writeComparisonPdf(const RunComparison& comparison, const QString& path);
// summary.csv, pairs.csv, roc.csv, precision_recall.csv, calibration.csv, confusion.csv,
// curves.csv and settings.csv in `dir` (made if needed); returns their paths. Throws Error.
QStringList writeComparisonCsv(const RunComparison& comparison, const QString& dir);

} // namespace tessera::core
