// The layers over one slide, bottom to top. Owns them; views and panels hold pointers.
#pragma once

#include "Layer.h"

#include <QObject>
#include <memory>
#include <vector>

namespace tessera::ui {

class LayerStack : public QObject {
    Q_OBJECT
public:
    explicit LayerStack(QObject* parent = nullptr);
    ~LayerStack() override;

    // Adds `layer` on top and returns it.
    template <class L> L* add(std::unique_ptr<L> layer)
    {
        L* raw = layer.get();
        insert(std::move(layer));
        return raw;
    }
    void remove(Layer* layer); // deletes it
    const std::vector<Layer*>& layers() const { return m_order; }
    bool contains(const Layer* layer) const;

    // A key of everything the visible tile-blending layers would blend into the tile over
    // `level0Area` (`tilePixels` large); 0 when none would. Decorated tiles are cached under it.
    size_t tileBlendKey(const QRectF& level0Area, const QSizeF& tilePixels) const;

Q_SIGNALS:
    void changed(); // a layer was added, removed, or changed what it draws

private:
    void insert(std::unique_ptr<Layer> layer);

    std::vector<std::unique_ptr<Layer>> m_layers;
    std::vector<Layer*> m_order;
};

} // namespace tessera::ui
