// One thing drawn over the slide (a heatmap, the tissue mask, a patch grid, annotations): its
// title, visibility, opacity and legend, and how it draws. A layer either blends an image into
// the slide's tiles (drawn once per tile and cached, so panning costs nothing extra) or paints
// vector shapes over them on every frame — or both.
#pragma once

#include <QImage>
#include <QObject>
#include <QString>
#include <optional>

class QPainter;

namespace tessera::ui {

class ViewTransform;

// A layer's state at one moment, which it can later compare with itself (changedSince).
struct LayerStamp {
    quint64 first = 0, second = 0;
    friend bool operator==(const LayerStamp&, const LayerStamp&) = default;
};

class Layer : public QObject {
    Q_OBJECT
public:
    explicit Layer(QString title, QObject* parent = nullptr);

    const QString& title() const { return m_title; }
    bool isVisible() const { return m_visible; }
    void setVisible(bool visible);
    double opacity() const { return m_opacity; }
    void setOpacity(double opacity); // clamped to [0, 1]
    // Drawn in the view's lower right corner while the layer is visible (null: none).
    const QImage& legend() const { return m_legend; }
    void setLegend(const QImage& legend);
    // Drawn as a banner across the top of the view while the layer is visible (empty: none): what
    // the viewer must know before reading the layer, such as a map of a slide unlike the slides
    // its model was trained on.
    const QString& warning() const { return m_warning; }
    void setWarning(const QString& warning);

    // Tile blending: blendInto() draws the part of the layer over `level0Area` into a tile of
    // `tilePixels` (the painter is at the tile's origin, opacity already set). contentKey()
    // changes whenever the pixels blended into that tile would (a layer whose change is local
    // keeps the key of the tiles it did not touch, so they stay cached).
    virtual bool blendsIntoTiles() const { return false; }
    virtual void blendInto(QPainter&, const QRectF& /*level0Area*/, const QSizeF& /*tilePixels*/) const {}
    virtual size_t contentKey(const QRectF& /*level0Area*/, const QSizeF& /*tilePixels*/) const { return 0; }
    // For redrawing part of a decorated tile: the layer's stamp now, and where within
    // `level0Area` (a tile of `tilePixels`) its blended pixels changed since `since` — an empty
    // rectangle for nowhere, nullopt when it cannot say (the whole tile is redrawn). blendInto()
    // may then draw only what meets the painter's clip.
    virtual LayerStamp stamp() const { return {}; }
    virtual std::optional<QRectF> changedSince(const LayerStamp& /*since*/, const QRectF& /*level0Area*/,
                                               const QSizeF& /*tilePixels*/) const
    {
        return std::nullopt;
    }
    // Vector painting over the tiles, in widget pixels, on every frame.
    virtual void paint(QPainter&, const ViewTransform&) const {}
    // Layers of a higher z stay above those of a lower one, whenever either was added.
    virtual int z() const { return 0; }

Q_SIGNALS:
    void changed(); // anything that changes what the layer draws

private:
    QString m_title;
    bool m_visible = true;
    double m_opacity = 1.0;
    QImage m_legend;
    QString m_warning;
};

} // namespace tessera::ui
