#include "ScoreMap.h"

#include <QObject>

#include <algorithm>
#include <cmath>

namespace tessera::core {

QString scoreMapName(ScoreMap map)
{
    switch (map) {
    case ScoreMap::Attention:
        return QStringLiteral("attention");
    case ScoreMap::Consistency:
        return QStringLiteral("consistency");
    case ScoreMap::Evidence:
        return QStringLiteral("evidence");
    case ScoreMap::Uncertainty:
        break;
    }
    return QStringLiteral("uncertainty");
}

std::optional<ScoreMap> scoreMapFromName(const QString& name)
{
    for (ScoreMap map : kScoreMaps)
        if (scoreMapName(map) == name)
            return map;
    return std::nullopt;
}

QStringList scoreMapNames()
{
    QStringList names;
    for (ScoreMap map : kScoreMaps)
        names << scoreMapName(map);
    return names;
}

QString scoreMapTitle(ScoreMap map)
{
    switch (map) {
    case ScoreMap::Attention:
        return QObject::tr("Attention");
    case ScoreMap::Consistency:
        return QObject::tr("Reconstruction consistency");
    case ScoreMap::Evidence:
        return QObject::tr("Evidence");
    case ScoreMap::Uncertainty:
        break;
    }
    return QObject::tr("Uncertainty");
}

QString scoreMapHotMeaning(ScoreMap map)
{
    switch (map) {
    case ScoreMap::Attention:
        return QObject::tr("high = weighed most");
    case ScoreMap::Consistency:
        return QObject::tr("low = unlike its neighbours");
    case ScoreMap::Evidence:
        return QObject::tr("high = for the predicted class");
    case ScoreMap::Uncertainty:
        break;
    }
    return QObject::tr("high = the folds disagree");
}

namespace {

// The settings' colour map field for `map` (const or not).
template <typename Settings> auto& colormapIn(Settings& settings, ScoreMap map)
{
    switch (map) {
    case ScoreMap::Attention:
        return settings.attentionColormap;
    case ScoreMap::Consistency:
        return settings.consistencyColormap;
    case ScoreMap::Evidence:
        return settings.evidenceColormap;
    case ScoreMap::Uncertainty:
        break;
    }
    return settings.uncertaintyColormap;
}

} // namespace

Colormap HeatmapSettings::colormap(ScoreMap map) const
{
    return colormapIn(*this, map);
}

void HeatmapSettings::setColormap(ScoreMap map, Colormap colormap)
{
    colormapIn(*this, map) = colormap;
}

HeatmapStyle HeatmapSettings::style(ScoreMap map) const
{
    HeatmapStyle s;
    s.colormap = colormap(map);
    s.normalization = normalization;
    s.threshold = threshold;
    s.smoothing = smoothing;
    return s;
}

bool HeatmapSettings::drawsLike(const HeatmapSettings& other) const
{
    return attentionColormap == other.attentionColormap && consistencyColormap == other.consistencyColormap &&
           uncertaintyColormap == other.uncertaintyColormap && evidenceColormap == other.evidenceColormap &&
           normalization == other.normalization && threshold == other.threshold &&
           smoothing == other.smoothing;
}

LegendText scoreMapLegend(ScoreMap map, Normalization normalization, float lowestScore, float highestScore)
{
    const auto number = [](float v) { return QString::number(double(v), 'g', 3); };
    if (map == ScoreMap::Evidence) { // drawn on its own symmetric scale (renderScoreMap)
        const float reach = std::max(std::abs(lowestScore), std::abs(highestScore));
        return {QObject::tr("%1 (0 in the middle)").arg(scoreMapTitle(map)),
                QObject::tr("hot: %1").arg(scoreMapHotMeaning(map)), number(-reach),
                QStringLiteral("+") + number(reach)};
    }
    const bool percentile = normalization == Normalization::Percentile;
    LegendText text;
    text.title = percentile ? QObject::tr("%1 (percentile)").arg(scoreMapTitle(map))
                            : QObject::tr("%1 (min–max)").arg(scoreMapTitle(map));
    text.note = QObject::tr("hot: %1").arg(scoreMapHotMeaning(map));
    // The bar runs cold to hot: attention and uncertainty low to high, consistency high to low.
    const bool reversed = map == ScoreMap::Consistency;
    const float cold = reversed ? highestScore : lowestScore;
    const float hot = reversed ? lowestScore : highestScore;
    const QString coldRank = reversed ? QStringLiteral("p100") : QStringLiteral("p0");
    const QString hotRank = reversed ? QStringLiteral("p0") : QStringLiteral("p100");
    text.low = percentile ? QStringLiteral("%1 = %2").arg(coldRank, number(cold)) : number(cold);
    text.high = percentile ? QStringLiteral("%1 = %2").arg(hotRank, number(hot)) : number(hot);
    return text;
}

ScoreMapPicture renderScoreMap(ScoreMap map, PatchScores scores, const HeatmapSettings& settings,
                               QSize slideSize)
{
    if (map == ScoreMap::Consistency)
        for (float& v : scores.values)
            v = -v; // drawn reversed: the least consistent patches come out hot
    ScoreMapPicture picture;
    HeatmapStyle style = settings.style(map);
    if (map == ScoreMap::Evidence) {
        // Signed: 0 stays in the diverging map's middle, so "for" and "against" keep their colours.
        float reach = 0;
        for (float v : scores.values)
            reach = std::max(reach, std::abs(v));
        reach = reach > 0 ? reach : 1;
        style.fixedRange = std::pair{-reach, reach};
    }
    picture.heatmap = renderHeatmap(scores, style, slideSize);
    if (map == ScoreMap::Consistency)
        picture.heatmap = {picture.heatmap.image, picture.heatmap.downsample, -picture.heatmap.high,
                           -picture.heatmap.low};
    picture.legend = scoreMapLegend(map, settings.normalization, picture.heatmap.low, picture.heatmap.high);
    return picture;
}

} // namespace tessera::core
