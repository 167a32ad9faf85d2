#include "ScoreMap.h"

#include <QObject>

namespace tessera::core {

QString scoreMapTitle(ScoreMap map)
{
    return map == ScoreMap::Attention ? QObject::tr("Attention") : QObject::tr("Reconstruction consistency");
}

QString scoreMapHotMeaning(ScoreMap map)
{
    return map == ScoreMap::Attention ? QObject::tr("high = weighed most")
                                      : QObject::tr("low = unlike its neighbours");
}

Colormap HeatmapSettings::colormap(ScoreMap map) const
{
    return map == ScoreMap::Attention ? attentionColormap : consistencyColormap;
}

void HeatmapSettings::setColormap(ScoreMap map, Colormap colormap)
{
    (map == ScoreMap::Attention ? attentionColormap : consistencyColormap) = colormap;
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
           normalization == other.normalization && threshold == other.threshold &&
           smoothing == other.smoothing;
}

LegendText scoreMapLegend(ScoreMap map, Normalization normalization, float lowestScore, float highestScore)
{
    const auto number = [](float v) { return QString::number(double(v), 'g', 3); };
    const bool percentile = normalization == Normalization::Percentile;
    LegendText text;
    text.title = percentile ? QObject::tr("%1 (percentile)").arg(scoreMapTitle(map))
                            : QObject::tr("%1 (min–max)").arg(scoreMapTitle(map));
    text.note = QObject::tr("hot: %1").arg(scoreMapHotMeaning(map));
    // The bar runs cold to hot: attention low to high, consistency high to low.
    const float cold = map == ScoreMap::Attention ? lowestScore : highestScore;
    const float hot = map == ScoreMap::Attention ? highestScore : lowestScore;
    const QString coldRank = map == ScoreMap::Attention ? QStringLiteral("p0") : QStringLiteral("p100");
    const QString hotRank = map == ScoreMap::Attention ? QStringLiteral("p100") : QStringLiteral("p0");
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
