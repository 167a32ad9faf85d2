#include "ComparisonReport.h"

#include "common/AtomicFile.h"
#include "common/CsvText.h"
#include "common/Error.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFontMetricsF>
#include <QLocale>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <cmath>

namespace tessera::core {

namespace {

QString number(double value, int decimals = 3)
{
    return std::isnan(value) ? QStringLiteral("—") : QString::number(value, 'f', decimals);
}

QString pText(double p)
{
    if (std::isnan(p))
        return QStringLiteral("—");
    return p < 0.001 ? QStringLiteral("< 0.001") : QString::number(p, 'f', 3);
}

QString csvNumber(double value)
{
    return std::isnan(value) ? QString() : QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// Accuracy at the run's threshold: the diagonal of its confusion matrix.
double accuracy(const RunOnPart& run)
{
    int right = 0;
    for (std::size_t i = 0; i < run.confusion.size(); ++i)
        right += int(run.confusion[i][i].size());
    return run.slides > 0 ? double(right) / run.slides : std::nan("");
}

// Rows of text cells painted in columns as wide as their widest cell (narrowed alike, and elided,
// when they would not fit `width`); the first row bold. Returns the height used.
double paintTable(QPainter& painter, QPointF at, double width, const std::vector<QStringList>& rows)
{
    const QFont regular = painter.font();
    QFont bold = regular;
    bold.setBold(true);
    const QFontMetricsF regularMetrics(regular), boldMetrics(bold);
    const double gap = regularMetrics.averageCharWidth() * 1.5;
    std::vector<double> widths;
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            if (std::size_t(c) >= widths.size())
                widths.resize(std::size_t(c) + 1, 0);
            const double w = (r == 0 ? boldMetrics : regularMetrics).horizontalAdvance(rows[r][c]) + gap;
            widths[std::size_t(c)] = std::max(widths[std::size_t(c)], w);
        }
    double total = 0;
    for (double w : widths)
        total += w;
    if (total > width)
        for (double& w : widths)
            w *= width / total;
    const double line = regularMetrics.height() * 1.25;
    double y = at.y();
    for (std::size_t r = 0; r < rows.size(); ++r) {
        painter.setFont(r == 0 ? bold : regular);
        const QFontMetricsF& metrics = r == 0 ? boldMetrics : regularMetrics;
        double x = at.x();
        for (qsizetype c = 0; c < rows[r].size(); ++c) {
            const double w = widths[std::size_t(c)];
            painter.drawText(QRectF(x, y, w, line), Qt::AlignLeft | Qt::AlignVCenter,
                             metrics.elidedText(rows[r][c], Qt::ElideRight, w - gap / 2));
            x += w;
        }
        y += line;
        if (r == 0) {
            painter.setPen(QPen(Qt::gray, 0.5));
            painter.drawLine(QPointF(at.x(), y), QPointF(x, y));
            painter.setPen(Qt::black);
        }
    }
    painter.setFont(regular);
    return y - at.y();
}

void paintHeading(QPainter& painter, const QRectF& area, const QString& text, double size)
{
    QFont font = painter.font();
    const QFont regular = font;
    font.setPointSizeF(size);
    font.setBold(true);
    painter.setFont(font);
    painter.drawText(area, Qt::AlignLeft | Qt::AlignTop, text);
    painter.setFont(regular);
}

// Returns the y below the matrix.
double paintConfusion(QPainter& painter, const QRectF& area, const RunComparison& comparison, int runIndex,
                      const RunOnPart& run)
{
    const int classes = int(comparison.classNames.size());
    const QFontMetricsF metrics(painter.font());
    const double line = metrics.height();
    painter.setPen(comparisonColour(runIndex));
    paintHeading(painter, QRectF(area.left(), area.top(), area.width(), line * 1.4),
                 comparison.runs[std::size_t(runIndex)].name, painter.font().pointSizeF() * 1.1);
    painter.setPen(Qt::black);
    const double label = line * 5;
    const QRectF grid(area.left() + label, area.top() + line * 3.6, area.width() - label,
                      area.height() - line * 3.6);
    const double cellW = grid.width() / classes, cellH = std::min(grid.height() / classes, line * 2.6);
    painter.drawText(QRectF(grid.left(), area.top() + line * 1.3, grid.width(), line), Qt::AlignCenter,
                     QObject::tr("predicted"));
    int most = 1;
    for (const auto& row : run.confusion)
        for (const QStringList& cell : row)
            most = std::max(most, int(cell.size()));
    for (int t = 0; t < classes; ++t) {
        painter.drawText(QRectF(area.left(), grid.top() + t * cellH, label - 4, cellH),
                         Qt::AlignRight | Qt::AlignVCenter,
                         metrics.elidedText(comparison.classNames[t], Qt::ElideRight, label - 4));
        for (int p = 0; p < classes; ++p) {
            if (t == 0)
                painter.drawText(QRectF(grid.left() + p * cellW, grid.top() - line * 1.15, cellW, line),
                                 Qt::AlignCenter,
                                 metrics.elidedText(comparison.classNames[p], Qt::ElideRight, cellW));
            const int count = int(run.confusion[std::size_t(t)][std::size_t(p)].size());
            const QRectF cell(grid.left() + p * cellW, grid.top() + t * cellH, cellW, cellH);
            QColor fill = t == p ? QColor(0, 114, 178) : QColor(213, 94, 0);
            fill.setAlphaF(0.1 + 0.6 * double(count) / most);
            painter.fillRect(cell, fill);
            painter.setPen(QPen(Qt::white, 1));
            painter.drawRect(cell);
            painter.setPen(Qt::black);
            painter.drawText(cell, Qt::AlignCenter, QString::number(count));
        }
    }
    return grid.top() + classes * cellH;
}

} // namespace

QString partTitle(const QString& part)
{
    return part == QLatin1String("test") ? QObject::tr("Test") : QObject::tr("Validation");
}

QString aucText(const AucInterval& auc)
{
    if (std::isnan(auc.auc))
        return QStringLiteral("—");
    if (std::isnan(auc.low))
        return number(auc.auc);
    return QStringLiteral("%1 [%2, %3]").arg(number(auc.auc), number(auc.low, 2), number(auc.high, 2));
}

QString shortThresholdText(const DecisionThreshold& threshold)
{
    if (threshold.rule == QLatin1String("default"))
        return QObject::tr("0.5 (default)");
    if (threshold.rule == QLatin1String("calibrated"))
        return QObject::tr("0.5 (calibrated)");
    if (threshold.rule == QLatin1String("youden"))
        return QObject::tr("%1 (Youden)").arg(number(threshold.value));
    return QObject::tr("argmax");
}

QString thresholdText(const DecisionThreshold& threshold)
{
    if (threshold.rule == QLatin1String("default"))
        return QObject::tr("0.5 (validation lacks a class for Youden's J)");
    if (threshold.rule == QLatin1String("calibrated"))
        return QObject::tr("0.5 on calibrated probabilities");
    if (threshold.rule == QLatin1String("youden"))
        return QObject::tr("Youden's J on validation: %1").arg(number(threshold.value));
    return QObject::tr("largest probability");
}

const PartComparison& reportedPart(const RunComparison& comparison)
{
    return comparison.test.empty() ? comparison.validation : comparison.test;
}

Chart rocChart(const RunComparison& comparison, const PartComparison& part)
{
    Chart chart;
    chart.title =
        QObject::tr("ROC, %1 (%2 positive)").arg(partTitle(part.part).toLower(), comparison.positive);
    chart.xLabel = QObject::tr("1 − specificity");
    chart.yLabel = QObject::tr("sensitivity");
    chart.diagonal = true;
    for (std::size_t i = 0; i < part.runs.size(); ++i) {
        ChartSeries s{QStringLiteral("%1  AUC %2").arg(comparison.runs[i].name, number(part.runs[i].auc.auc)),
                      comparisonColour(int(i)),
                      {}};
        for (const RocPoint& p : part.runs[i].roc)
            s.points.emplace_back(p.falsePositiveRate, p.truePositiveRate);
        chart.series.push_back(s);
    }
    return chart;
}

Chart precisionRecallChart(const RunComparison& comparison, const PartComparison& part)
{
    Chart chart;
    chart.title = QObject::tr("Precision–recall, %1").arg(partTitle(part.part).toLower());
    chart.xLabel = QObject::tr("recall");
    chart.yLabel = QObject::tr("precision");
    for (std::size_t i = 0; i < part.runs.size(); ++i) {
        ChartSeries s{
            QStringLiteral("%1  AP %2").arg(comparison.runs[i].name, number(part.runs[i].averagePrecision)),
            comparisonColour(int(i)),
            {}};
        // Each point's precision over the recall it adds: the steps average precision sums.
        double recall = 0;
        for (const PrecisionRecallPoint& p : part.runs[i].precisionRecall) {
            s.points.emplace_back(recall, p.precision);
            s.points.emplace_back(p.recall, p.precision);
            recall = p.recall;
        }
        chart.series.push_back(s);
    }
    return chart;
}

Chart calibrationChart(const RunComparison& comparison, const PartComparison& part)
{
    Chart chart;
    chart.title = QObject::tr("Calibration, %1").arg(partTitle(part.part).toLower());
    chart.xLabel = QObject::tr("predicted probability of %1").arg(comparison.positive);
    chart.yLabel = QObject::tr("observed share");
    chart.diagonal = true;
    const auto binsToPoints = [](const std::vector<ReliabilityBin>& bins) {
        std::vector<QPointF> points;
        for (const ReliabilityBin& b : bins)
            if (b.count > 0)
                points.emplace_back(b.meanPredicted, b.observed);
        return points;
    };
    for (std::size_t i = 0; i < part.runs.size(); ++i) {
        const RunOnPart& r = part.runs[i];
        chart.series.push_back({QStringLiteral("%1  ECE %2").arg(comparison.runs[i].name, number(r.ece)),
                                comparisonColour(int(i)), binsToPoints(r.reliability), false, true});
        if (!r.calibratedReliability.empty())
            chart.series.push_back(
                {QObject::tr("%1 calibrated  ECE %2").arg(comparison.runs[i].name, number(r.calibratedEce)),
                 comparisonColour(int(i)), binsToPoints(r.calibratedReliability), true, true});
    }
    return chart;
}

namespace {

Chart epochChart(const RunComparison& comparison, const QString& title, const QString& yLabel,
                 double (*value)(const EpochRecord&), bool unitRange)
{
    Chart chart;
    chart.title = title;
    chart.xLabel = QObject::tr("epoch");
    chart.yLabel = yLabel;
    double high = 0, low = unitRange ? 0 : 1e300, last = 1;
    for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
        ChartSeries s{comparison.runs[i].name, comparisonColour(int(i)), {}};
        for (const EpochRecord& e : comparison.runs[i].epochs) {
            const double v = value(e);
            if (!std::isfinite(v))
                continue;
            s.points.emplace_back(e.epoch, v);
            high = std::max(high, v);
            low = std::min(low, v);
            last = std::max(last, double(e.epoch));
        }
        chart.series.push_back(s);
    }
    chart.xMin = 1;
    chart.xMax = std::max(2.0, last);
    chart.yMin = unitRange ? 0 : (low > high ? 0 : std::max(0.0, low - 0.05 * (high - low)));
    chart.yMax = unitRange ? 1 : (high > chart.yMin ? high + 0.05 * (high - chart.yMin) : chart.yMin + 1);
    return chart;
}

} // namespace

Chart validationAucChart(const RunComparison& comparison)
{
    return epochChart(
        comparison, QObject::tr("Validation AUC per epoch"), QObject::tr("AUC"),
        [](const EpochRecord& e) { return e.validationAuc; }, true);
}

Chart trainingLossChart(const RunComparison& comparison)
{
    return epochChart(
        comparison, QObject::tr("Training loss per epoch"), QObject::tr("loss"),
        [](const EpochRecord& e) { return e.trainLoss; }, false);
}

void writeComparisonPdf(const RunComparison& comparison, const QString& path)
{
    QBuffer pdf; // made in memory and written through QSaveFile: see ReportDocument::writePdf
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setResolution(72); // painter units are points
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(QObject::tr("Run comparison"));
        writer.setCreator(QStringLiteral("Tessera %1").arg(QCoreApplication::applicationVersion()));
        QPainter painter;
        if (!painter.begin(&writer))
            throw Error(QObject::tr("%1 cannot be written: the PDF could not be started").arg(path));
        painter.setRenderHint(QPainter::Antialiasing);
        QFont font = painter.font();
        font.setPointSizeF(7.5);
        painter.setFont(font);
        const QRectF page(36, 36, 595 - 72, 842 - 72);
        const double half = page.width() / 2;
        int pageNumber = 1;
        const auto footer = [&] {
            painter.drawText(
                QRectF(page.left(), page.bottom() + 6, page.width(), 14), Qt::AlignRight,
                QObject::tr("Tessera run comparison · page %1 · for research use only").arg(pageNumber));
        };

        const double rowHeight = QFontMetricsF(painter.font()).height() * 1.25;
        double y = page.top();
        // A new page when `height` does not fit below y.
        const auto room = [&](double height) {
            if (y + height <= page.bottom())
                return;
            footer();
            writer.newPage();
            ++pageNumber;
            y = page.top();
        };
        // A heading and a table, continued on the next pages (header repeated) when long.
        const auto section = [&](const QString& heading, const std::vector<QStringList>& rows) {
            room(16 + 3 * rowHeight);
            paintHeading(painter, QRectF(page.left(), y, page.width(), 14), heading, 9);
            y += 16;
            for (std::size_t first = 1; first < rows.size();) {
                room(2 * rowHeight);
                const std::size_t fit =
                    std::max<std::size_t>(1, std::size_t((page.bottom() - y) / rowHeight) - 1);
                std::vector<QStringList> slice{rows.front()};
                for (std::size_t r = first; r < rows.size() && r < first + fit; ++r)
                    slice.push_back(rows[r]);
                y += paintTable(painter, {page.left(), y}, page.width(), slice);
                first += fit;
            }
            y += 14;
        };

        // Page 1: what was compared and the numbers.
        paintHeading(painter, QRectF(page.left(), page.top(), page.width(), 24),
                     QObject::tr("Run comparison: %1").arg([&] {
                         QStringList names;
                         for (const ComparedRun& r : comparison.runs)
                             names << r.name;
                         return names.join(QStringLiteral(", "));
                     }()),
                     13);
        y = page.top() + 26;
        painter.drawText(QRectF(page.left(), y, page.width(), 14), Qt::AlignLeft,
                         QObject::tr("%1 · curves score %2 against the rest · AUC intervals: DeLong 95 %")
                             .arg(QDateTime::currentDateTime().toString(Qt::ISODate), comparison.positive));
        y += 22;
        std::vector<QStringList> runs{{QObject::tr("Run"), QObject::tr("Model"), QObject::tr("Parent"),
                                       QObject::tr("Epochs"), QObject::tr("Validation AUC"),
                                       QObject::tr("Test AUC"), QObject::tr("Test AP"), QObject::tr("ECE"),
                                       QObject::tr("Threshold")}};
        for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
            const ComparedRun& r = comparison.runs[i];
            const RunOnPart& reported = reportedPart(comparison).runs[i];
            runs.push_back(
                {r.name, r.description.model.name,
                 r.description.parentRun.isEmpty() ? QStringLiteral("—") : r.description.parentRun,
                 QStringLiteral("%1 (best %2)").arg(r.result.epochsRun).arg(r.result.bestEpoch),
                 aucText(comparison.validation.runs[i].auc), aucText(comparison.test.runs[i].auc),
                 number(comparison.test.runs[i].averagePrecision),
                 std::isnan(reported.calibratedEce)
                     ? number(reported.ece)
                     : QStringLiteral("%1 → %2").arg(number(reported.ece), number(reported.calibratedEce)),
                 shortThresholdText(r.threshold)});
        }
        y += paintTable(painter, {page.left(), y}, page.width(), runs) + 4;
        painter.drawText(
            QRectF(page.left(), y, page.width(), 24), Qt::AlignLeft | Qt::TextWordWrap,
            QObject::tr("Threshold: Youden's J on the validation slides, or 0.5 on calibrated "
                        "probabilities where the run's temperature was fitted. ECE: before → after it."));
        y += 24;
        for (const PartComparison* part : {&comparison.validation, &comparison.test}) {
            if (part->empty())
                continue;
            std::vector<QStringList> pairs{{QObject::tr("Run A"), QObject::tr("Run B"), QObject::tr("Slides"),
                                            QObject::tr("AUC A"), QObject::tr("AUC B"),
                                            QObject::tr("Difference"), QObject::tr("z"), QObject::tr("p")}};
            for (const RunPair& pair : part->pairs)
                pairs.push_back(
                    {comparison.runs[std::size_t(pair.a)].name, comparison.runs[std::size_t(pair.b)].name,
                     QString::number(pair.sharedSlides), number(pair.test.aucA), number(pair.test.aucB),
                     number(pair.test.aucA - pair.test.aucB), number(pair.test.z, 2), pText(pair.test.p)});
            section(QObject::tr("DeLong's test, %1 slides").arg(partTitle(part->part).toLower()), pairs);
        }
        if (!comparison.differences.empty()) {
            std::vector<QStringList> settings{{QObject::tr("Setting")}};
            for (const ComparedRun& r : comparison.runs)
                settings.front() << r.name;
            for (const SettingDifference& d : comparison.differences)
                settings.push_back(QStringList{d.key} + d.values);
            section(QObject::tr("Settings that differ"), settings);
        }
        footer();

        // Page 2: ROC and precision–recall curves.
        writer.newPage();
        ++pageNumber;
        const double chartHeight = 250;
        std::vector<Chart> charts;
        for (const PartComparison* part : {&comparison.validation, &comparison.test})
            if (!part->empty())
                charts.push_back(rocChart(comparison, *part));
        for (const PartComparison* part : {&comparison.validation, &comparison.test})
            if (!part->empty())
                charts.push_back(precisionRecallChart(comparison, *part));
        for (const PartComparison* part : {&comparison.validation, &comparison.test})
            if (!part->empty())
                charts.push_back(calibrationChart(comparison, *part));
        charts.push_back(validationAucChart(comparison));
        charts.push_back(trainingLossChart(comparison));
        int slot = 0;
        for (const Chart& chart : charts) {
            if (slot == 6) {
                footer();
                writer.newPage();
                ++pageNumber;
                slot = 0;
            }
            const QRectF area(page.left() + (slot % 2) * half, page.top() + (slot / 2) * (chartHeight + 10),
                              half - 8, chartHeight);
            paintChart(painter, area, chart);
            ++slot;
        }
        footer();

        // Last page: confusion matrices, each cell's slides listed in confusion.csv.
        writer.newPage();
        ++pageNumber;
        const PartComparison& part = reportedPart(comparison);
        paintHeading(
            painter, QRectF(page.left(), page.top(), page.width(), 20),
            QObject::tr("Confusion matrices, %1 slides (rows: truth)").arg(partTitle(part.part).toLower()),
            11);
        for (std::size_t i = 0; i < comparison.runs.size(); ++i) {
            const QRectF area(page.left() + double(i % 2) * half, page.top() + 30 + double(i / 2) * 230,
                              half - 12, 130);
            double below = paintConfusion(painter, area, comparison, int(i), part.runs[i]) + 4;
            const QFontMetricsF metrics(painter.font());
            const auto caption = [&](const QString& text) {
                painter.drawText(QRectF(area.left(), below, area.width(), 11), Qt::AlignLeft,
                                 metrics.elidedText(text, Qt::ElideRight, area.width()));
                below += 11;
            };
            caption(QObject::tr("threshold: %1 · accuracy %2")
                        .arg(thresholdText(comparison.runs[i].threshold), number(accuracy(part.runs[i]))));
            // The slides called wrongly, by cell, as far as four lines take them (all are in
            // confusion.csv).
            int lines = 0;
            for (std::size_t t = 0; t < part.runs[i].confusion.size(); ++t)
                for (std::size_t p = 0; p < part.runs[i].confusion[t].size(); ++p)
                    if (t != p && !part.runs[i].confusion[t][p].isEmpty() && ++lines <= 4)
                        caption(QObject::tr("%1 called %2: %3")
                                    .arg(comparison.classNames[qsizetype(t)],
                                         comparison.classNames[qsizetype(p)],
                                         part.runs[i].confusion[t][p].join(QStringLiteral(", "))));
        }
        footer();
        if (!painter.end())
            throw Error(QObject::tr("%1 cannot be written: the PDF could not be completed").arg(path));
    }
    writeFileAtomically(path, pdf.data());
}

QStringList writeComparisonCsv(const RunComparison& comparison, const QString& dir)
{
    if (!QDir().mkpath(dir))
        throw Error(QObject::tr("The folder %1 cannot be made").arg(dir));
    QStringList written;
    const auto write = [&](const QString& name, const QStringList& lines) {
        const QString path = QDir(dir).filePath(name);
        writeFileAtomically(path, lines.join(QLatin1Char('\n')).toUtf8() + '\n');
        written << path;
    };
    const std::array<const PartComparison*, 2> parts{&comparison.validation, &comparison.test};

    QStringList summary{
        QStringLiteral("run,part,slides,auc,auc_low,auc_high,auc_variance,average_precision,ece,"
                       "ece_calibrated,temperature,threshold_rule,threshold,accuracy")};
    QStringList pairs{QStringLiteral(
        "part,run_a,run_b,slides,label_conflicts,auc_a,auc_b,variance_a,variance_b,covariance,z,p")};
    QStringList roc{QStringLiteral("run,part,false_positive_rate,true_positive_rate,threshold")};
    QStringList pr{QStringLiteral("run,part,recall,precision,threshold")};
    QStringList calibration{
        QStringLiteral("run,part,calibrated,bin_low,bin_high,mean_predicted,observed,count")};
    QStringList confusion{QStringLiteral("run,part,true,predicted,count,slides")};
    for (const PartComparison* part : parts)
        for (std::size_t i = 0; i < part->runs.size(); ++i) {
            const ComparedRun& run = comparison.runs[i];
            const RunOnPart& r = part->runs[i];
            const QString prefix = csvField(run.name) + QLatin1Char(',') + part->part + QLatin1Char(',');
            summary << prefix + QStringList{QString::number(r.slides),
                                            csvNumber(r.auc.auc),
                                            csvNumber(r.auc.low),
                                            csvNumber(r.auc.high),
                                            csvNumber(r.auc.variance),
                                            csvNumber(r.averagePrecision),
                                            csvNumber(r.ece),
                                            csvNumber(r.calibratedEce),
                                            csvNumber(run.temperature),
                                            run.threshold.rule,
                                            csvNumber(run.threshold.value),
                                            csvNumber(accuracy(r))}
                                    .join(QLatin1Char(','));
            for (const RocPoint& p : r.roc)
                roc << prefix + QStringList{csvNumber(p.falsePositiveRate), csvNumber(p.truePositiveRate),
                                            std::isinf(p.threshold) ? QStringLiteral("inf")
                                                                    : csvNumber(p.threshold)}
                                    .join(QLatin1Char(','));
            for (const PrecisionRecallPoint& p : r.precisionRecall)
                pr << prefix +
                          QStringList{csvNumber(p.recall), csvNumber(p.precision), csvNumber(p.threshold)}
                              .join(QLatin1Char(','));
            for (const auto& [calibrated, bins] :
                 {std::pair{0, &r.reliability}, std::pair{1, &r.calibratedReliability}})
                for (const ReliabilityBin& b : *bins)
                    calibration << prefix + QStringList{QString::number(calibrated),
                                                        csvNumber(b.low),
                                                        csvNumber(b.high),
                                                        b.count ? csvNumber(b.meanPredicted) : QString(),
                                                        b.count ? csvNumber(b.observed) : QString(),
                                                        QString::number(b.count)}
                                                .join(QLatin1Char(','));
            for (std::size_t t = 0; t < r.confusion.size(); ++t)
                for (std::size_t p = 0; p < r.confusion[t].size(); ++p)
                    confusion << prefix + QStringList{csvField(comparison.classNames[qsizetype(t)]),
                                                      csvField(comparison.classNames[qsizetype(p)]),
                                                      QString::number(r.confusion[t][p].size()),
                                                      csvField(r.confusion[t][p].join(QLatin1Char(';')))}
                                              .join(QLatin1Char(','));
        }
    for (const PartComparison* part : parts)
        for (const RunPair& pair : part->pairs)
            pairs << QStringList{part->part,
                                 csvField(comparison.runs[std::size_t(pair.a)].name),
                                 csvField(comparison.runs[std::size_t(pair.b)].name),
                                 QString::number(pair.sharedSlides),
                                 QString::number(pair.labelConflicts),
                                 csvNumber(pair.test.aucA),
                                 csvNumber(pair.test.aucB),
                                 csvNumber(pair.test.varianceA),
                                 csvNumber(pair.test.varianceB),
                                 csvNumber(pair.test.covariance),
                                 csvNumber(pair.test.z),
                                 csvNumber(pair.test.p)}
                         .join(QLatin1Char(','));
    QStringList curves{QStringLiteral("run,epoch,train_loss,val_loss,val_auc")};
    for (const ComparedRun& run : comparison.runs)
        for (const EpochRecord& e : run.epochs)
            curves << QStringList{csvField(run.name), QString::number(e.epoch), csvNumber(e.trainLoss),
                                  csvNumber(e.validationLoss), csvNumber(e.validationAuc)}
                          .join(QLatin1Char(','));
    QStringList settingsHeader{QStringLiteral("setting")};
    for (const ComparedRun& run : comparison.runs)
        settingsHeader << csvField(run.name);
    QStringList settings{settingsHeader.join(QLatin1Char(','))};
    for (const SettingDifference& d : comparison.differences) {
        QStringList row{csvField(d.key)};
        for (const QString& v : d.values)
            row << csvField(v);
        settings << row.join(QLatin1Char(','));
    }
    write(QStringLiteral("summary.csv"), summary);
    write(QStringLiteral("pairs.csv"), pairs);
    write(QStringLiteral("roc.csv"), roc);
    write(QStringLiteral("precision_recall.csv"), pr);
    write(QStringLiteral("calibration.csv"), calibration);
    write(QStringLiteral("confusion.csv"), confusion);
    write(QStringLiteral("curves.csv"), curves);
    write(QStringLiteral("settings.csv"), settings);
    return written;
}

} // namespace tessera::core
