#include "OodVerdict.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace tessera::core {

namespace {

double numberOr(const QJsonValue& v)
{
    return v.isDouble() ? v.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

QJsonValue numberOrNull(double x)
{
    return x == x ? QJsonValue(x) : QJsonValue();
}

} // namespace

QString OodPart::nameOf(const QString& key)
{
    if (key == QLatin1String("features"))
        return QCoreApplication::translate("Trust", "patch feature distance");
    if (key == QLatin1String("feature_means"))
        return QCoreApplication::translate("Trust", "slide feature mean");
    if (key == QLatin1String("reconstruction"))
        return QCoreApplication::translate("Trust", "reconstruction error");
    if (key == QLatin1String("stain"))
        return QCoreApplication::translate("Trust", "stain (optical density)");
    return key;
}

QString OodPart::meaningOf(const QString& key)
{
    if (key == QLatin1String("features"))
        return QCoreApplication::translate(
            "Trust", "how far the slide's patch features lie from the nearest of the training patches' "
                     "prototypes, in spreads of each feature");
    if (key == QLatin1String("feature_means"))
        return QCoreApplication::translate(
            "Trust", "how far the slide's mean feature vector lies from the training slides' means, in "
                     "their spread per feature");
    if (key == QLatin1String("reconstruction"))
        return QCoreApplication::translate(
            "Trust", "how badly the model predicts each patch's features from its neighbours (1 − mean "
                     "consistency)");
    if (key == QLatin1String("stain"))
        return QCoreApplication::translate(
            "Trust", "how far the tissue's mean optical density per colour channel lies from the "
                     "training slides'");
    return key;
}

const OodPart* OodVerdict::partOf(const QString& key) const
{
    for (const OodPart& p : parts)
        if (p.key == key)
            return &p;
    return nullptr;
}

QString OodVerdict::badge() const
{
    if (!isJudged())
        return QCoreApplication::translate("Trust", "Not checked against the training data");
    return flagged ? QCoreApplication::translate("Trust", "Unlike the training data")
                   : QCoreApplication::translate("Trust", "Like the training data");
}

QString OodVerdict::summary() const
{
    if (!isJudged())
        return badge();
    if (flagged)
        return QCoreApplication::translate(
                   "Trust", "Unlike the training data: %1 %2 spreads above typical (flagged above %3)")
            .arg(OodPart::nameOf(part))
            .arg(score, 0, 'f', 1)
            .arg(threshold, 0, 'f', 1);
    return QCoreApplication::translate("Trust", "Like the training data (score %1, flagged above %2)")
        .arg(score, 0, 'f', 1)
        .arg(threshold, 0, 'f', 1);
}

QJsonObject OodVerdict::toJson() const
{
    QJsonArray list;
    for (const OodPart& p : parts)
        list.append(QJsonObject{{QStringLiteral("key"), p.key},
                                {QStringLiteral("value"), numberOrNull(p.value)},
                                {QStringLiteral("typical"), numberOrNull(p.typical)},
                                {QStringLiteral("spread"), numberOrNull(p.spread)},
                                {QStringLiteral("z"), numberOrNull(p.z)}});
    return {{QStringLiteral("score"), numberOrNull(score)},
            {QStringLiteral("threshold"), numberOrNull(threshold)},
            {QStringLiteral("flagged"), flagged},
            {QStringLiteral("part"), part},
            {QStringLiteral("parts"), list},
            {QStringLiteral("reference"), reference},
            {QStringLiteral("threshold_rule"), thresholdRule}};
}

OodVerdict OodVerdict::fromJson(const QJsonObject& json)
{
    OodVerdict v;
    v.score = numberOr(json.value(QStringLiteral("score")));
    v.threshold = numberOr(json.value(QStringLiteral("threshold")));
    v.flagged = json.value(QStringLiteral("flagged")).toBool() && v.isJudged();
    v.part = json.value(QStringLiteral("part")).toString();
    v.reference = json.value(QStringLiteral("reference")).toString();
    v.thresholdRule = json.value(QStringLiteral("threshold_rule")).toString();
    for (const QJsonValue& item : json.value(QStringLiteral("parts")).toArray()) {
        const QJsonObject o = item.toObject();
        OodPart p;
        p.key = o.value(QStringLiteral("key")).toString();
        p.value = numberOr(o.value(QStringLiteral("value")));
        p.typical = numberOr(o.value(QStringLiteral("typical")));
        p.spread = numberOr(o.value(QStringLiteral("spread")));
        p.z = numberOr(o.value(QStringLiteral("z")));
        v.parts.push_back(p);
    }
    return v;
}

} // namespace tessera::core
