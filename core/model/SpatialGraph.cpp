#include "SpatialGraph.h"

#include "common/Error.h"

#include <QHash>
#include <algorithm>
#include <cmath>
#include <set>

namespace tessera::core {

std::int64_t SpatialGraph::inferStep(const std::vector<std::int64_t>& coords)
{
    std::int64_t step = 0;
    for (int axis = 0; axis < 2; ++axis) {
        std::set<std::int64_t> values;
        for (std::size_t i = axis; i < coords.size(); i += 2)
            values.insert(coords[i]);
        for (auto it = values.begin(); it != values.end() && std::next(it) != values.end(); ++it) {
            const std::int64_t d = *std::next(it) - *it;
            if (d > 0 && (step == 0 || d < step))
                step = d;
        }
    }
    return step;
}

SpatialGraph SpatialGraph::fromCoords(const std::vector<std::int64_t>& coords, std::int64_t step,
                                      double radius)
{
    if (coords.size() % 2 != 0)
        throw Error(QStringLiteral("Coordinates must be N × 2"));
    SpatialGraph graph;
    graph.nodes = int(coords.size() / 2);
    graph.step = step > 0 ? step : std::max<std::int64_t>(1, inferStep(coords));
    const int reach = int(std::floor(radius));

    // Grid cell → node; a repeated position is a data error (two patches in one place).
    QHash<QPair<std::int64_t, std::int64_t>, int> cells;
    std::vector<std::pair<std::int64_t, std::int64_t>> grid(std::size_t(graph.nodes));
    for (int i = 0; i < graph.nodes; ++i) {
        const std::int64_t gx = std::llround(double(coords[2 * std::size_t(i)]) / double(graph.step));
        const std::int64_t gy = std::llround(double(coords[2 * std::size_t(i) + 1]) / double(graph.step));
        grid[std::size_t(i)] = {gx, gy};
        graph.gridPositions.push_back(gx);
        graph.gridPositions.push_back(gy);
        if (cells.contains({gx, gy}))
            throw Error(QStringLiteral("Patches %1 and %2 have the same grid position (%3, %4)")
                            .arg(cells.value({gx, gy}))
                            .arg(i)
                            .arg(coords[2 * std::size_t(i)])
                            .arg(coords[2 * std::size_t(i) + 1]));
        cells.insert({gx, gy}, i);
    }
    graph.offsets.reserve(std::size_t(graph.nodes) + 1);
    graph.offsets.push_back(0);
    for (int i = 0; i < graph.nodes; ++i) {
        const auto [gx, gy] = grid[std::size_t(i)];
        for (int dy = -reach; dy <= reach; ++dy)
            for (int dx = -reach; dx <= reach; ++dx) {
                if (dx * dx + dy * dy > radius * radius)
                    continue;
                const auto it = cells.constFind({gx + dx, gy + dy});
                if (it == cells.constEnd())
                    continue;
                graph.source.push_back(it.value());
                graph.target.push_back(i);
            }
        graph.offsets.push_back(std::int64_t(graph.source.size()));
    }
    return graph;
}

std::vector<std::int64_t> SpatialGraph::neighboursOf(int node) const
{
    std::vector<std::int64_t> result;
    for (std::int64_t e = offsets[std::size_t(node)]; e < offsets[std::size_t(node) + 1]; ++e)
        if (source[std::size_t(e)] != node)
            result.push_back(source[std::size_t(e)]);
    std::sort(result.begin(), result.end());
    return result;
}

} // namespace tessera::core
