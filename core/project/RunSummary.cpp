#include "RunSummary.h"

#include <QJsonArray>
#include <QLocale>
#include <QObject>

#include <cmath>

namespace tessera::core {

QStringList differingSettings(const QJsonObject& config, const QJsonObject& parent)
{
    QStringList differences;
    for (auto it = config.begin(); it != config.end(); ++it) {
        // Strings name files, folders and classes: what is trained on, not how.
        if (!it.value().isDouble() && !it.value().isBool())
            continue;
        if (parent.contains(it.key()) && parent.value(it.key()) == it.value())
            continue;
        differences << QStringLiteral("%1 %2").arg(
            it.key(), it.value().isBool() ? (it.value().toBool() ? QObject::tr("on") : QObject::tr("off"))
                                          : QString::number(it.value().toDouble(), 'g', 6));
    }
    return differences;
}

QString runDisplayName(const RunRecord& run, const RunRecord* parent)
{
    const QDateTime when = (run.started.isValid() ? run.started : run.created).toLocalTime();
    const QLocale locale;
    QString name = QStringLiteral("%1 · %2 %3")
                       .arg(run.model, locale.toString(when.date(), QLocale::ShortFormat),
                            locale.toString(when.time(), QLocale::ShortFormat));
    if (const qsizetype folds = run.config[QStringLiteral("ensemble")].toArray().size(); folds > 0)
        name += QObject::tr(" · ensemble of %1 folds").arg(folds);
    if (parent) {
        const QStringList differences = differingSettings(run.config, parent->config);
        name += differences.isEmpty() ? QObject::tr(" · as %1").arg(parent->name)
                                      : QStringLiteral(" · %1").arg(differences.join(QStringLiteral(", ")));
    }
    return name;
}

ValidationSummary summarizeValidation(const RunRecord& run)
{
    constexpr double nan = std::numeric_limits<double>::quiet_NaN();
    ValidationSummary s;
    s.auc = run.validationAuc;
    s.loss = s.aucLow = s.aucHigh = nan;
    if (!run.result) {
        s.aucText = std::isnan(s.auc) ? QStringLiteral("–") : QString::number(s.auc, 'f', 3);
        s.explanation = QObject::tr("Recorded before Tessera kept the validation slides' numbers.");
        return s;
    }
    if (const qsizetype folds = run.config[QStringLiteral("ensemble")].toArray().size(); folds > 0) {
        // An ensemble validates nothing itself: its folds' own validation AUCs, averaged.
        s.slides = run.result->validation.samples;
        s.measurable = !std::isnan(s.auc);
        s.aucText = std::isnan(s.auc) ? QStringLiteral("–")
                                      : QObject::tr("%1 (mean of %2 folds)").arg(s.auc, 0, 'f', 3).arg(folds);
        s.explanation = QObject::tr("The mean of its %1 folds' best validation AUCs, each fold on its own "
                                    "validation slides (%2 in all).")
                            .arg(folds)
                            .arg(s.slides);
        return s;
    }
    const ClassificationMetrics& v = run.result->validation;
    s.slides = v.samples;
    s.perClass = v.samplesPerClass();
    s.loss = v.loss;
    s.auc = v.macroAuc;
    s.aucLow = v.aucLow;
    s.aucHigh = v.aucHigh;
    s.measurable = v.aucIsMeasurable();
    QStringList counts;
    for (int n : s.perClass)
        counts << QString::number(n);
    if (!s.measurable) {
        s.aucText = QObject::tr("too few slides (%1)").arg(counts.join(QStringLiteral(" + ")));
        s.explanation = QObject::tr("%1 validation slides (%2 per class): an AUC needs at least %3 slides of "
                                    "each class to mean anything.")
                            .arg(s.slides)
                            .arg(counts.join(QStringLiteral(" + ")))
                            .arg(ClassificationMetrics::kMinimumPerClass);
        return s;
    }
    s.aucText = std::isnan(s.auc) ? QStringLiteral("–") : QString::number(s.auc, 'f', 3);
    if (!std::isnan(s.aucLow) && !std::isnan(s.aucHigh))
        s.aucText += QStringLiteral(" [%1–%2]").arg(s.aucLow, 0, 'f', 3).arg(s.aucHigh, 0, 'f', 3);
    s.explanation = QObject::tr("AUC on %1 validation slides (%2 per class), with its 95 % bootstrap "
                                "interval (2000 resamples within each class).")
                        .arg(s.slides)
                        .arg(counts.join(QStringLiteral(" + ")));
    return s;
}

} // namespace tessera::core
