// What a slide report says, gathered from a project: the slide and its file, the model's
// prediction and the run that made it, the heatmaps, the annotations with their measurements
// and the attention inside them, crops, and the reader's findings. Sections that cannot be made
// (no prediction for this slide, no consistency map) are left out and named in `omitted`.
#pragma once

#include "annotations/Annotation.h"
#include "heatmap/ScoreMap.h"
#include "trust/OodVerdict.h"

#include <QImage>
#include <QPageSize>
#include <QStringList>
#include <optional>
#include <vector>

namespace tessera::core {

class Project;

// Legends are drawn at this scale for print (ReportDocument prints them 70 mm wide).
constexpr double kReportLegendScale = 3;

struct ReportRequest {
    QString slide;    // the project's slide key, or a slide file in the project
    QString run;      // a run of the project; empty: the latest run that predicted this slide
    QString findings; // free text
    QString author;
    QString institution;
    QPageSize::PageSizeId page = QPageSize::A4;
    double cropMicronsPerPixel = 1.0; // crops at ≈ 10× (1 µm per pixel)
    int topPatches = 6;               // crops of the highest-attention patches
    int maxAnnotationCrops = 12;
    // How the maps are drawn: the GUI's settings for a GUI export, the CLI's options otherwise.
    HeatmapSettings heatmaps;
};

struct ReportAnnotationRow {
    QString className;
    QString shape;
    double area = 0;      // µm² (px² without a resolution)
    double perimeter = 0; // µm (px)
    int points = 0;
    std::optional<double> meanAttention; // percentile (0–100) of the patches inside; none without patches
};

struct ReportCrop {
    QImage image; // with its scale bar
    QString caption;
};

struct ReportPatch {
    int rank = 0;
    qint64 x = 0, y = 0; // level-0 top-left
    double attention = 0, attentionPercentile = 0;
    std::optional<double> consistency;
};

struct ReportContent {
    // Header
    QString slideKey, slideFile, fingerprint, vendor, micronsPerPixel, objective;
    QString date, author, institution, version;
    bool inMicrons = false;
    // Overview: thumbnail with the annotations in their class colours and a scale bar.
    QImage overview;
    // Model results (empty `runName` when the slide has no prediction)
    QString runName, model, runDate, parentRun, extractor;
    QStringList classes;
    std::vector<double> probabilities;
    std::vector<double> probabilitySpread; // an ensemble's: its folds' SD per class; else empty
    int members = 1;                       // folds in the ensemble (1: a single run)
    QString predicted;
    // Whether the slide is like the run's training slides (not judged: `trustNote` says why), and
    // the temperature the probabilities were calibrated with (1: not calibrated).
    OodVerdict ood;
    QString trustNote;
    double temperature = 1;
    QImage attentionMap, evidenceMap, consistencyMap,
        uncertaintyMap; // the heatmaps over the slide (null: none)
    // Legends, kept apart from the maps so that the report prints them at a readable size
    // whatever the slide's shape (drawn at 3× for print).
    QImage attentionLegend, evidenceLegend, consistencyLegend, uncertaintyLegend;
    QString attentionCaption, evidenceCaption, consistencyCaption, uncertaintyCaption;
    double opacity = 0.5; // the maps' opacity as drawn
    // Regions
    std::vector<ReportAnnotationRow> annotations;
    std::vector<ClassSummary> classSummary;
    std::vector<ReportCrop> crops;
    std::vector<ReportPatch> topPatches;
    QString findings;
    QStringList omitted; // sections left out, and why
    QPageSize::PageSizeId page = QPageSize::A4;
    qint64 slideId = 0, runId = 0;
};

// Throws Error naming what is missing (the slide, the run, a file).
ReportContent gatherReport(Project& project, const ReportRequest& request);

} // namespace tessera::core
