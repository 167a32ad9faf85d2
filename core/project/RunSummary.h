// How a run is named and judged at a glance, the same in the Runs dock, the report and the CLI:
// a name from its model, date and the settings that set it apart from its parent, and its
// validation AUC with n and a 95 % interval — or "too few slides" where an AUC says nothing.
#pragma once

#include "RunRegistry.h"

namespace tessera::core {

// The numeric and yes/no settings of `config` that differ from `parent`'s: "lr 0.0005, w_gen 2".
QStringList differingSettings(const QJsonObject& config, const QJsonObject& parent);

// "srmil · 6 Dec 2026 14:03 · lr 0.0005, w_gen 2" (the differences only for a fine-tuned run).
QString runDisplayName(const RunRecord& run, const RunRecord* parent);

struct ValidationSummary {
    int slides = 0;                 // 0: not known (a run without a result)
    std::vector<int> perClass;      // validation slides per class
    double loss = 0;                // NaN when not known
    double auc = 0;                 // NaN when undefined
    double aucLow = 0, aucHigh = 0; // NaN when not computed
    bool measurable = false;        // every class has ClassificationMetrics::kMinimumPerClass slides
    QString aucText;                // "0.912 [0.801–0.978]", "too few slides (1 + 1)", "–"
    QString explanation;            // a sentence for a tooltip
};

ValidationSummary summarizeValidation(const RunRecord& run);

} // namespace tessera::core
