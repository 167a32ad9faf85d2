// Identifies one viewer tile: which slide, which level, which cell of that level's grid.
#pragma once

#include <QHash>
#include <QRect>
#include <QtGlobal>

namespace tessera::core {

struct TileKey {
    quint64 slideId = 0;
    int level = 0;
    int column = 0;
    int row = 0;

    friend bool operator==(const TileKey&, const TileKey&) = default;
};

inline size_t qHash(const TileKey& key, size_t seed = 0)
{
    return qHashMulti(seed, key.slideId, key.level, key.column, key.row);
}

} // namespace tessera::core
