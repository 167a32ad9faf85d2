#include "ReportContent.h"

#include "ReportImages.h"
#include "common/Error.h"
#include "heatmap/HeatmapSnapshot.h"
#include "infer/Predictor.h"
#include "project/Project.h"
#include "session/SlideSession.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QLocale>
#include <QObject>
#include <QPainter>

#include <algorithm>
#include <numeric>

namespace tessera::core {

namespace {

constexpr int kLegendWidth = 280;

QString heatmapCaption(ScoreMap map, const HeatmapSettings& settings, const Prediction& p, int patches)
{
    const QString scale =
        map == ScoreMap::Evidence
            ? QObject::tr("a scale symmetric about 0 (grey), ± the strongest patch's evidence")
        : settings.normalization == Normalization::Percentile
            ? QObject::tr("percentile normalisation (each patch's rank among the slide's patches)")
            : QObject::tr("min–max normalisation");
    const QString hot = map == ScoreMap::Attention
                            ? QObject::tr("the hot end marks the patches the model weighed most")
                        : map == ScoreMap::Consistency
                            ? QObject::tr("drawn reversed: the hot end marks the patches least like "
                                          "their neighbours (low consistency)")
                        : map == ScoreMap::Evidence
                            ? QObject::tr("the hot end marks the patches that push the slide toward %1, the "
                                          "cold end those that push it away")
                                  .arg(p.classNames.value(p.evidenceClass))
                            : QObject::tr("the hot end marks the patches whose weight the folds disagree "
                                          "on most (the spread of their attention, in even shares)");
    return QObject::tr("%1: %2 colour map over %3 patches, %4; %5. Drawn at %6 % opacity.")
        .arg(scoreMapTitle(map), colormapName(settings.colormap(map)))
        .arg(patches)
        .arg(scale, hot)
        .arg(qRound(settings.opacity * 100));
}

// One map of the report: the slide with the map over it, its legend for print, its caption.
void drawMap(const Slide& slide, const QImage& thumbnail, const Prediction& p, ScoreMap map,
             const HeatmapSettings& settings, QImage& picture, QImage& legend, QString& caption)
{
    PatchScores scores;
    scores.values = p.scores(map);
    scores.coords = p.coords;
    scores.step = p.patchStep;
    const int patches = int(scores.values.size());
    const ScoreMapPicture drawn = renderScoreMap(map, std::move(scores), settings, slide.size());
    picture = renderHeatmapSnapshot(thumbnail, slide.size(), drawn.heatmap, settings.opacity, QImage());
    legend = renderLegend(drawn.legend, settings.colormap(map), kLegendWidth, kReportLegendScale);
    caption = heatmapCaption(map, settings, p, patches);
}

} // namespace

ReportContent gatherReport(Project& project, const ReportRequest& request)
{
    ReportContent c;
    c.page = request.page;
    // The slide as the project knows it: the same session the viewer shows.
    const std::unique_ptr<SlideSession> session =
        SlideSession::fromProject(project, request.slide, request.run);
    const SlideRecord& record = *session->projectRecord();
    const SlidePtr slide = session->slide();
    const std::optional<double> mpp = slide->micronsPerPixel();
    const QLocale locale;
    c.slideId = record.id;
    c.slideKey = record.key;
    c.slideFile = record.path;
    c.fingerprint =
        QObject::tr("%1 bytes, SHA-1 of the first MiB %2")
            .arg(locale.toString(record.fingerprint.size), QString::fromLatin1(record.fingerprint.headHash));
    c.vendor = slide->vendor();
    c.inMicrons = mpp.has_value();
    c.micronsPerPixel = mpp ? locale.toString(*mpp, 'g', 4) : QObject::tr("not recorded");
    c.objective = slide->objectivePower() ? QStringLiteral("%1×%2")
                                                .arg(*slide->objectivePower())
                                                .arg(slide->objectivePowerEstimated()
                                                         ? QObject::tr(" (estimated from the resolution)")
                                                         : QString())
                                          : QObject::tr("not recorded");
    c.date = locale.toString(QDateTime::currentDateTime(), QLocale::LongFormat);
    c.author = request.author;
    c.institution = request.institution;
    c.version = QCoreApplication::applicationVersion();
    c.findings = request.findings;

    const QImage thumbnail = slideThumbnail(*slide, 1600);
    const std::vector<Annotation>& annotations = session->annotations().annotations();
    const std::vector<AnnotationClass>& classes = session->annotations().classes();
    c.overview = overviewWithAnnotations(thumbnail, slide->size(), annotations, classes, mpp);

    // The prediction: of the run asked for, or the latest for this slide.
    const std::optional<SessionResults>& results = session->results();
    const Prediction* prediction = results ? &results->prediction : nullptr;
    const std::optional<RunRecord> run = results ? results->run : session->requestedRun();
    if (!prediction) {
        c.omitted
            << (run ? QObject::tr("Model results: run %1 has no prediction for this slide.").arg(run->name)
                    : QObject::tr("Model results: no model has been applied to this slide."));
    } else {
        c.runId = run ? run->id : 0;
        c.runName = run ? run->name : prediction->run;
        c.model = prediction->model;
        c.runDate =
            run ? locale.toString((run->finished.isValid() ? run->finished : run->created).toLocalTime(),
                                  QLocale::ShortFormat)
                : QString();
        c.parentRun =
            run && !run->parentName.isEmpty() ? run->parentName : QObject::tr("none (trained afresh)");
        c.extractor = prediction->extractor;
        c.classes = prediction->classNames;
        c.probabilities.assign(prediction->probabilities.begin(), prediction->probabilities.end());
        c.probabilitySpread.assign(prediction->probabilitySpread.begin(),
                                   prediction->probabilitySpread.end());
        c.members = prediction->members;
        c.ood = prediction->ood;
        c.trustNote = prediction->trustNote;
        c.temperature = prediction->temperature;
        if (!c.probabilities.empty()) {
            const auto best = std::max_element(c.probabilities.begin(), c.probabilities.end());
            c.predicted = c.classes.value(int(best - c.probabilities.begin()));
        }
        c.opacity = request.heatmaps.opacity;
        drawMap(*slide, thumbnail, *prediction, ScoreMap::Attention, request.heatmaps, c.attentionMap,
                c.attentionLegend, c.attentionCaption);
        if (!prediction->evidence.empty())
            drawMap(*slide, thumbnail, *prediction, ScoreMap::Evidence, request.heatmaps, c.evidenceMap,
                    c.evidenceLegend, c.evidenceCaption);
        if (!prediction->consistency.empty()) {
            drawMap(*slide, thumbnail, *prediction, ScoreMap::Consistency, request.heatmaps, c.consistencyMap,
                    c.consistencyLegend, c.consistencyCaption);
        } else {
            c.omitted << QObject::tr("Reconstruction consistency: model %1 has no reconstruction.")
                             .arg(prediction->model);
        }
        if (!prediction->uncertainty.empty())
            drawMap(*slide, thumbnail, *prediction, ScoreMap::Uncertainty, request.heatmaps, c.uncertaintyMap,
                    c.uncertaintyLegend, c.uncertaintyCaption);
    }

    // Regions: each annotation's measurements and the mean attention percentile inside it.
    std::vector<float> percentiles;
    if (prediction)
        percentiles = normalizeScores(prediction->attention, Normalization::Percentile);
    for (const Annotation& a : annotations) {
        ReportAnnotationRow row;
        const AnnotationMeasure m = measure(a.geometry, mpp);
        row.className = a.className.isEmpty() ? QObject::tr("Unclassified") : a.className;
        row.shape = shapeKindName(a.geometry.kind);
        row.area = m.area;
        row.perimeter = m.perimeter;
        row.points = m.points;
        if (prediction && a.geometry.hasArea()) {
            const QRectF box = a.geometry.bounds();
            double sum = 0;
            int n = 0;
            for (size_t i = 0; i < percentiles.size(); ++i) {
                const QPointF centre(double(prediction->coords[2 * i]) + prediction->patchStep / 2.0,
                                     double(prediction->coords[2 * i + 1]) + prediction->patchStep / 2.0);
                if (box.contains(centre) && a.geometry.contains(centre)) {
                    sum += percentiles[i];
                    ++n;
                }
            }
            if (n > 0)
                row.meanAttention = 100.0 * sum / n;
        }
        c.annotations.push_back(row);
    }
    c.classSummary = summarizeByClass(annotations, classes, mpp);

    // Crops: the largest annotations, then the highest-attention patches.
    std::vector<size_t> order(annotations.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        return annotations[a].geometry.area() > annotations[b].geometry.area();
    });
    for (size_t k = 0; k < order.size() && int(c.crops.size()) < request.maxAnnotationCrops; ++k) {
        const Annotation& a = annotations[order[k]];
        c.crops.push_back(
            {cropAround(*slide, a.geometry.bounds(), request.cropMicronsPerPixel, &a.geometry,
                        displayColor(a, classes)),
             QObject::tr("%1 (%2)").arg(c.annotations[order[k]].className, c.annotations[order[k]].shape)});
    }
    if (prediction) {
        std::vector<size_t> byAttention(prediction->attention.size());
        std::iota(byAttention.begin(), byAttention.end(), 0);
        std::stable_sort(byAttention.begin(), byAttention.end(), [&](size_t a, size_t b) {
            return prediction->attention[a] > prediction->attention[b];
        });
        for (int r = 0; r < request.topPatches && r < int(byAttention.size()); ++r) {
            const size_t i = byAttention[size_t(r)];
            ReportPatch patch;
            patch.rank = r + 1;
            patch.x = prediction->coords[2 * i];
            patch.y = prediction->coords[2 * i + 1];
            patch.attention = prediction->attention[i];
            patch.attentionPercentile = 100.0 * percentiles[i];
            if (!prediction->consistency.empty())
                patch.consistency = prediction->consistency[i];
            c.topPatches.push_back(patch);
            const double step = prediction->patchStep;
            c.crops.push_back({cropAround(*slide, QRectF(double(patch.x), double(patch.y), step, step),
                                          request.cropMicronsPerPixel, nullptr, QColor(250, 200, 0)),
                               QObject::tr("Attention rank %1 (percentile %2)")
                                   .arg(patch.rank)
                                   .arg(patch.attentionPercentile, 0, 'f', 1)});
        }
    }
    if (annotations.empty())
        c.omitted << QObject::tr("Regions: there are no annotations on this slide.");
    return c;
}

} // namespace tessera::core
