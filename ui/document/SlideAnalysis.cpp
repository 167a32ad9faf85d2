#include "SlideAnalysis.h"

#include "SlideDocument.h"
#include "canvas/ImageLayer.h"
#include "canvas/OutlineLayer.h"
#include "heatmap/HeatmapSnapshot.h"

#include <QTimer>

#include <algorithm>
#include <numeric>

namespace tessera::ui {

SlideAnalysis::SlideAnalysis(SlideDocument& document, const HeatmapSettings& settings)
    : m_document(document),
      m_prediction(document.session().results()->prediction),
      m_resultsPath(document.session().results()->file),
      m_settings(settings),
      m_index(m_prediction.coords, m_prediction.patchStep)
{
    LayerStack& layers = m_document.layers();
    for (MapLayer map : kMaps) {
        if (!hasMap(map))
            continue;
        m_ranks[std::size_t(map)] = core::normalizeScores(values(map), core::Normalization::Percentile);
        ImageLayer* layer = layers.add(std::make_unique<ImageLayer>(core::scoreMapTitle(map)));
        layer->setVisible(map == MapLayer::Attention);
        m_maps[std::size_t(map)] = layer;
        render(map);
    }
    std::vector<QPolygonF> grid;
    for (int i = 0; i < int(m_prediction.attention.size()); ++i)
        grid.push_back(QPolygonF(patchRect(i)) << patchRect(i).topLeft());
    auto gridLayer = std::make_unique<OutlineLayer>(tr("Patch grid"));
    gridLayer->setOutlines(std::move(grid), QColor(40, 40, 40, 160));
    gridLayer->setVisible(false);
    m_grid = layers.add(std::move(gridLayer));
    auto highlight = std::make_unique<OutlineLayer>(tr("Chosen patch"));
    highlight->setVisible(false);
    m_highlight = layers.add(std::move(highlight));
    m_highlightTimer = new QTimer(this);
    m_highlightTimer->setSingleShot(true);
    connect(m_highlightTimer, &QTimer::timeout, this, [this] { m_highlight->setVisible(false); });
}

SlideAnalysis::~SlideAnalysis()
{
    for (ImageLayer* layer : m_maps)
        if (layer)
            m_document.layers().remove(layer);
    for (Layer* layer : {static_cast<Layer*>(m_grid), static_cast<Layer*>(m_highlight)})
        m_document.layers().remove(layer);
}

ImageLayer* SlideAnalysis::mapLayer(MapLayer layer) const
{
    return m_maps[std::size_t(layer)];
}

void SlideAnalysis::render(MapLayer layer)
{
    ImageLayer* target = mapLayer(layer);
    if (!target || values(layer).empty())
        return;
    core::PatchScores scores;
    scores.values = values(layer);
    scores.coords = m_prediction.coords;
    scores.step = m_prediction.patchStep;
    const core::ScoreMapPicture picture =
        core::renderScoreMap(layer, std::move(scores), m_settings, m_document.slide()->size());
    target->setImage(picture.heatmap.image, picture.heatmap.downsample, m_settings.smoothing > 0);
    target->setOpacity(m_settings.opacity);
    target->setLegend(core::renderLegend(picture.legend, m_settings.colormap(layer), 280));
    target->setWarning(m_prediction.ood.flagged
                           ? tr("Unlike the training data (%1): do not rely on this map or the prediction")
                                 .arg(core::OodPart::nameOf(m_prediction.ood.part))
                           : QString());
}

void SlideAnalysis::setSettings(const HeatmapSettings& settings)
{
    const bool restyle = !settings.drawsLike(m_settings);
    m_settings = settings;
    for (MapLayer layer : kMaps) {
        ImageLayer* target = mapLayer(layer);
        if (!target)
            continue;
        if (restyle)
            render(layer); // a few thousand pixels: cheap enough to do on every change
        else
            target->setOpacity(settings.opacity);
    }
}

void SlideAnalysis::setLayerVisible(MapLayer layer, bool visible)
{
    if (ImageLayer* target = mapLayer(layer))
        target->setVisible(visible);
}

bool SlideAnalysis::isLayerVisible(MapLayer layer) const
{
    const ImageLayer* target = mapLayer(layer);
    return target && target->isVisible();
}

void SlideAnalysis::setPatchGridVisible(bool visible)
{
    m_grid->setVisible(visible);
}

void SlideAnalysis::highlightPatch(int index, int milliseconds)
{
    if (index < 0 || index >= int(m_prediction.attention.size()))
        return;
    const QRectF rect = patchRect(index);
    m_highlight->setOutlines({QPolygonF(rect) << rect.topLeft()}, QColor(0, 229, 255)); // cyan: on no map
    m_highlight->setVisible(true);
    m_highlightTimer->start(milliseconds);
}

bool SlideAnalysis::isPatchGridVisible() const
{
    return m_grid->isVisible();
}

int SlideAnalysis::patchAt(QPointF level0) const
{
    return m_index.patchAt(level0.x(), level0.y());
}

QRectF SlideAnalysis::patchRect(int index) const
{
    const auto i = std::size_t(index);
    return QRectF(double(m_prediction.coords[2 * i]), double(m_prediction.coords[2 * i + 1]),
                  m_prediction.patchStep, m_prediction.patchStep);
}

QString SlideAnalysis::describePatch(int index) const
{
    const auto i = std::size_t(index);
    const auto rank = [&](MapLayer map) { return qRound(m_ranks[std::size_t(map)][i] * 100); };
    QString text = tr("attention %1 (p%2)")
                       .arg(double(m_prediction.attention[i]), 0, 'g', 3)
                       .arg(rank(MapLayer::Attention));
    if (hasMap(MapLayer::Evidence))
        text += tr(" · evidence %1 (p%2; %3)")
                    .arg(double(m_prediction.evidence[i]), 0, 'g', 3)
                    .arg(rank(MapLayer::Evidence))
                    .arg(core::scoreMapHotMeaning(MapLayer::Evidence));
    if (hasConsistency())
        text += tr(" · consistency %1 (p%2; %3)")
                    .arg(double(m_prediction.consistency[i]), 0, 'f', 3)
                    .arg(rank(MapLayer::Consistency))
                    .arg(core::scoreMapHotMeaning(MapLayer::Consistency));
    if (hasMap(MapLayer::Uncertainty))
        text += tr(" · uncertainty %1 (p%2; %3)")
                    .arg(double(m_prediction.uncertainty[i]), 0, 'f', 2)
                    .arg(rank(MapLayer::Uncertainty))
                    .arg(core::scoreMapHotMeaning(MapLayer::Uncertainty));
    return text;
}

std::vector<int> SlideAnalysis::topPatches(MapLayer layer, int count) const
{
    const std::vector<float>& v = values(layer);
    std::vector<int> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    const auto best = [&](int a, int b) {
        return layer == MapLayer::Consistency ? v[std::size_t(a)] < v[std::size_t(b)]
                                              : v[std::size_t(a)] > v[std::size_t(b)];
    };
    const auto n = std::min<std::size_t>(std::size_t(std::max(0, count)), order.size());
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(n), order.end(), best);
    order.resize(n);
    return order;
}

} // namespace tessera::ui
