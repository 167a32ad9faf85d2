#include "Layer.h"

#include <algorithm>

namespace tessera::ui {

Layer::Layer(QString title, QObject* parent) : QObject(parent), m_title(std::move(title)) {}

void Layer::setVisible(bool visible)
{
    if (visible == m_visible)
        return;
    m_visible = visible;
    Q_EMIT changed();
}

void Layer::setOpacity(double opacity)
{
    opacity = std::clamp(opacity, 0.0, 1.0);
    if (opacity == m_opacity)
        return;
    m_opacity = opacity;
    Q_EMIT changed();
}

void Layer::setLegend(const QImage& legend)
{
    m_legend = legend;
    Q_EMIT changed();
}

void Layer::setWarning(const QString& warning)
{
    if (warning == m_warning)
        return;
    m_warning = warning;
    Q_EMIT changed();
}

} // namespace tessera::ui
