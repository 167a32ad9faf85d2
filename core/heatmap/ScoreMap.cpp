#include "ScoreMap.h"

#include <QObject>

namespace tessera::core {

QString scoreMapTitle(ScoreMap map)
{
    switch (map) {
    case ScoreMap::Attention:
        return QObject::tr("Attention");
    case ScoreMap::Consistency:
        return QObject::tr("Reconstruction consistency");
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
           uncertaintyColormap == other.uncertaintyColormap && normalization == other.normalization &&
           threshold == other.threshold && smoothing == other.smoothing;
}

LegendText scoreMapLegend(ScoreMap map, Normalization normalization, float lowestScore, float highestScore)
{
    const auto number = [](float v) { return QString::number(double(v), 'g', 3); };
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
    picture.heatmap = renderHeatmap(scores, settings.style(map), slideSize);
    if (map == ScoreMap::Consistency)
        picture.heatmap = {picture.heatmap.image, picture.heatmap.downsample, -picture.heatmap.high,
                           -picture.heatmap.low};
    picture.legend = scoreMapLegend(map, settings.normalization, picture.heatmap.low, picture.heatmap.high);
    return picture;
}

} // namespace tessera::core
