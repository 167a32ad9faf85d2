#include "SlideAnalysis.h"

#include "heatmap/HeatmapSnapshot.h"
#include "viewer/SlideView.h"

#include <algorithm>
#include <numeric>

namespace tessera::ui {

namespace {
const QString& overlayName(MapLayer layer)
{
    return layer == MapLayer::Attention ? kAttentionOverlay : kConsistencyOverlay;
}
} // namespace

SlideAnalysis::SlideAnalysis(SlideView* view, core::Prediction prediction, QString resultsPath,
                             const HeatmapSettings& settings)
    : QObject(view),
      m_view(view),
      m_prediction(std::move(prediction)),
      m_resultsPath(std::move(resultsPath)),
      m_settings(settings),
      m_index(m_prediction.coords, m_prediction.patchStep)
{
    setObjectName(QStringLiteral("slideAnalysis"));
    m_attentionRank = core::normalizeScores(m_prediction.attention, core::Normalization::Percentile);
    m_consistencyRank = core::normalizeScores(m_prediction.consistency, core::Normalization::Percentile);
    // Layers of an analysis this one replaces are overwritten or removed here (not in a
    // destructor, which may run while the view itself is being destroyed).
    render(MapLayer::Attention);
    m_view->setOverlayVisible(kAttentionOverlay, true);
    if (hasConsistency()) {
        render(MapLayer::Consistency);
        m_view->setOverlayVisible(kConsistencyOverlay, false);
    } else {
        m_view->removeOverlay(kConsistencyOverlay);
    }
    std::vector<QPolygonF> grid;
    for (int i = 0; i < int(m_prediction.attention.size()); ++i)
        grid.push_back(QPolygonF(patchRect(i)) << patchRect(i).topLeft());
    m_view->setOverlayOutlines(kPatchGridOverlay, grid, QColor(40, 40, 40, 160));
    m_view->setOverlayVisible(kPatchGridOverlay, false);
}

SlideAnalysis::~SlideAnalysis() = default;

SlideAnalysis* SlideAnalysis::of(const SlideView* view)
{
    return view ? view->findChild<SlideAnalysis*>(QStringLiteral("slideAnalysis"), Qt::FindDirectChildrenOnly)
                : nullptr;
}

const std::vector<float>& SlideAnalysis::values(MapLayer layer) const
{
    return layer == MapLayer::Attention ? m_prediction.attention : m_prediction.consistency;
}

void SlideAnalysis::render(MapLayer layer)
{
    if (values(layer).empty())
        return;
    core::PatchScores scores;
    scores.values = values(layer);
    scores.coords = m_prediction.coords;
    scores.step = m_prediction.patchStep;
    const core::HeatmapImage heatmap = core::renderHeatmap(scores, m_settings.style, m_view->slide()->size());
    const QString name = overlayName(layer);
    m_view->setOverlay(name, heatmap.image, heatmap.downsample, m_settings.style.smoothing > 0);
    m_view->setOverlayOpacity(name, m_settings.opacity);
    const core::LegendText text =
        core::legendText(layer == MapLayer::Attention ? tr("Attention") : tr("Consistency"),
                         m_settings.style.normalization, heatmap.low, heatmap.high);
    m_view->setOverlayLegend(name,
                             core::renderLegend(text.title, m_settings.style.colormap, text.low, text.high));
}

void SlideAnalysis::setSettings(const HeatmapSettings& settings)
{
    const bool restyle = settings.style.colormap != m_settings.style.colormap ||
                         settings.style.normalization != m_settings.style.normalization ||
                         settings.style.threshold != m_settings.style.threshold ||
                         settings.style.smoothing != m_settings.style.smoothing;
    m_settings = settings;
    for (MapLayer layer : {MapLayer::Attention, MapLayer::Consistency}) {
        if (values(layer).empty())
            continue;
        if (restyle)
            render(layer); // a few thousand pixels: cheap enough to do on every change
        else
            m_view->setOverlayOpacity(overlayName(layer), settings.opacity);
    }
}

void SlideAnalysis::setLayerVisible(MapLayer layer, bool visible)
{
    m_view->setOverlayVisible(overlayName(layer), visible);
}

bool SlideAnalysis::isLayerVisible(MapLayer layer) const
{
    return m_view->isOverlayVisible(overlayName(layer));
}

void SlideAnalysis::setPatchGridVisible(bool visible)
{
    m_view->setOverlayVisible(kPatchGridOverlay, visible);
}

bool SlideAnalysis::isPatchGridVisible() const
{
    return m_view->isOverlayVisible(kPatchGridOverlay);
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
    QString text = tr("attention %1 (p%2)")
                       .arg(double(m_prediction.attention[i]), 0, 'g', 3)
                       .arg(qRound(m_attentionRank[i] * 100));
    if (hasConsistency())
        text += tr(" · consistency %1 (p%2)")
                    .arg(double(m_prediction.consistency[i]), 0, 'f', 3)
                    .arg(qRound(m_consistencyRank[i] * 100));
    return text;
}

std::vector<int> SlideAnalysis::topPatches(MapLayer layer, int count) const
{
    const std::vector<float>& v = values(layer);
    std::vector<int> order(v.size());
    std::iota(order.begin(), order.end(), 0);
    const auto best = [&](int a, int b) {
        return layer == MapLayer::Attention ? v[std::size_t(a)] > v[std::size_t(b)]
                                            : v[std::size_t(a)] < v[std::size_t(b)];
    };
    const auto n = std::min<std::size_t>(std::size_t(std::max(0, count)), order.size());
    std::partial_sort(order.begin(), order.begin() + std::ptrdiff_t(n), order.end(), best);
    order.resize(n);
    return order;
}

} // namespace tessera::ui
