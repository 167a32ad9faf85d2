#include "LayerStack.h"

#include <QHashFunctions>

#include <algorithm>

namespace tessera::ui {

LayerStack::LayerStack(QObject* parent) : QObject(parent) {}

LayerStack::~LayerStack() = default;

void LayerStack::insert(std::unique_ptr<Layer> layer)
{
    connect(layer.get(), &Layer::changed, this, &LayerStack::changed);
    const int z = layer->z();
    const auto above =
        std::find_if(m_order.begin(), m_order.end(), [z](const Layer* l) { return l->z() > z; });
    m_order.insert(above, layer.get());
    m_layers.push_back(std::move(layer));
    Q_EMIT changed();
}

void LayerStack::remove(Layer* layer)
{
    const auto it =
        std::find_if(m_layers.begin(), m_layers.end(), [&](const auto& l) { return l.get() == layer; });
    if (it == m_layers.end())
        return;
    std::erase(m_order, layer);
    m_layers.erase(it);
    Q_EMIT changed();
}

bool LayerStack::contains(const Layer* layer) const
{
    return std::find(m_order.begin(), m_order.end(), layer) != m_order.end();
}

size_t LayerStack::tileBlendKey(const QRectF& level0Area, const QSizeF& tilePixels) const
{
    size_t key = 0;
    for (const Layer* layer : m_order)
        if (layer->isVisible() && layer->blendsIntoTiles() && layer->opacity() > 0)
            key = qHashMulti(key + 1, quintptr(layer), layer->contentKey(level0Area, tilePixels),
                             layer->opacity());
    return key;
}

} // namespace tessera::ui
