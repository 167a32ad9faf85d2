#include "Colormap.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace tessera::core {

namespace {

struct Stop {
    double t;
    int r, g, b;
};

// matplotlib's viridis sampled at ten equally spaced points (CC0).
constexpr std::array<Stop, 10> kViridis{{{0.0 / 9, 0x44, 0x01, 0x54},
                                         {1.0 / 9, 0x48, 0x28, 0x78},
                                         {2.0 / 9, 0x3e, 0x49, 0x89},
                                         {3.0 / 9, 0x31, 0x68, 0x8e},
                                         {4.0 / 9, 0x26, 0x82, 0x8e},
                                         {5.0 / 9, 0x1f, 0x9e, 0x89},
                                         {6.0 / 9, 0x35, 0xb7, 0x79},
                                         {7.0 / 9, 0x6e, 0xce, 0x58},
                                         {8.0 / 9, 0xb5, 0xde, 0x2b},
                                         {9.0 / 9, 0xfd, 0xe7, 0x25}}};

// Moreland's diverging "cool to warm" map (as matplotlib's coolwarm), nine samples.
constexpr std::array<Stop, 9> kCoolwarm{{{0.000, 59, 76, 192},
                                         {0.125, 98, 130, 234},
                                         {0.250, 141, 176, 254},
                                         {0.375, 184, 208, 249},
                                         {0.500, 221, 221, 221},
                                         {0.625, 245, 196, 173},
                                         {0.750, 244, 154, 123},
                                         {0.875, 222, 96, 77},
                                         {1.000, 180, 4, 38}}};

// matplotlib's inferno sampled at ten equally spaced points (CC0).
constexpr std::array<Stop, 10> kInferno{{{0.0 / 9, 0x00, 0x00, 0x04},
                                         {1.0 / 9, 0x1b, 0x0c, 0x42},
                                         {2.0 / 9, 0x4b, 0x0c, 0x6b},
                                         {3.0 / 9, 0x78, 0x1c, 0x6d},
                                         {4.0 / 9, 0xa5, 0x2c, 0x60},
                                         {5.0 / 9, 0xcf, 0x44, 0x46},
                                         {6.0 / 9, 0xed, 0x69, 0x25},
                                         {7.0 / 9, 0xfb, 0x9a, 0x06},
                                         {8.0 / 9, 0xf7, 0xd0, 0x3c},
                                         {9.0 / 9, 0xfc, 0xff, 0xa4}}};

constexpr Colormap kAll[] = {Colormap::Viridis, Colormap::Turbo, Colormap::Coolwarm, Colormap::Inferno};

template <std::size_t N> QRgb interpolate(const std::array<Stop, N>& stops, double t)
{
    const auto upper = std::upper_bound(stops.begin(), stops.end(), t,
                                        [](double value, const Stop& s) { return value < s.t; });
    if (upper == stops.begin())
        return qRgb(stops.front().r, stops.front().g, stops.front().b);
    if (upper == stops.end())
        return qRgb(stops.back().r, stops.back().g, stops.back().b);
    const Stop& a = *(upper - 1);
    const Stop& b = *upper;
    const double f = (t - a.t) / (b.t - a.t);
    const auto mix = [f](int x, int y) { return int(std::lround(x + (y - x) * f)); };
    return qRgb(mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b));
}

// Turbo (Mikhailov, Google 2019) through its published degree-5 polynomial fit.
QRgb turbo(double t)
{
    const auto poly = [t](double c0, double c1, double c2, double c3, double c4, double c5) {
        const double v = c0 + t * (c1 + t * (c2 + t * (c3 + t * (c4 + t * c5))));
        return int(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    return qRgb(poly(0.13572138, 4.61539260, -42.66032258, 132.13108234, -152.94239396, 59.28637943),
                poly(0.09140261, 2.19418839, 4.84296658, -14.18503333, 4.27729857, 2.82956604),
                poly(0.10667330, 12.64194608, -60.58204836, 110.36276771, -89.90310912, 27.34824973));
}

} // namespace

QString colormapName(Colormap map)
{
    switch (map) {
    case Colormap::Viridis:
        return QStringLiteral("viridis");
    case Colormap::Turbo:
        return QStringLiteral("turbo");
    case Colormap::Coolwarm:
        return QStringLiteral("coolwarm");
    case Colormap::Inferno:
        return QStringLiteral("inferno");
    }
    return {};
}

std::optional<Colormap> colormapFromName(const QString& name)
{
    for (Colormap map : kAll)
        if (name.compare(colormapName(map), Qt::CaseInsensitive) == 0)
            return map;
    return std::nullopt;
}

QStringList colormapNames()
{
    QStringList names;
    for (Colormap map : kAll)
        names << colormapName(map);
    return names;
}

QRgb colormapColour(Colormap map, double t)
{
    t = std::isfinite(t) ? std::clamp(t, 0.0, 1.0) : 0.0;
    switch (map) {
    case Colormap::Viridis:
        return interpolate(kViridis, t);
    case Colormap::Turbo:
        return turbo(t);
    case Colormap::Coolwarm:
        return interpolate(kCoolwarm, t);
    case Colormap::Inferno:
        return interpolate(kInferno, t);
    }
    return 0;
}

} // namespace tessera::core
