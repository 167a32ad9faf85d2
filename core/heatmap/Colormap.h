// Perceptual colour maps for heatmaps: a value in [0, 1] to an opaque colour.
#pragma once

#include <QColor>
#include <QStringList>
#include <optional>

namespace tessera::core {

enum class Colormap { Viridis, Turbo, Coolwarm, Inferno };

QString colormapName(Colormap map);
std::optional<Colormap> colormapFromName(const QString& name);
QStringList colormapNames();

// `t` is clamped to [0, 1]. Viridis: sequential, perceptually uniform; Turbo: rainbow-like
// with high contrast; Coolwarm: diverging (blue – grey – red) for scores with a midpoint;
// Inferno: sequential from black through red to pale yellow, the "hot" end unmistakable.
QRgb colormapColour(Colormap map, double t);

} // namespace tessera::core
