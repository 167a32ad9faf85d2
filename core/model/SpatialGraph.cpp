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
    graph.stepInferred = step <= 0;
    graph.step = step > 0 ? step : std::max<std::int64_t>(1, inferStep(coords));
    const double reach = radius * double(graph.step);
    const double reachSquared = reach * reach * (1 + 1e-12); // inclusive, as the reference's <=
    const auto x = [&](int i) { return coords[2 * std::size_t(i)]; };
    const auto y = [&](int i) { return coords[2 * std::size_t(i) + 1]; };

    // Buckets one step wide: a node's neighbours lie in the buckets within `cells` of its own.
    const auto bucketOf = [&](std::int64_t v) {
        return std::int64_t(std::floor(double(v) / double(graph.step)));
    };
    const int cells = int(std::ceil(radius)) + 1;
    QHash<QPair<std::int64_t, std::int64_t>, std::vector<int>> buckets;
    for (int i = 0; i < graph.nodes; ++i) {
        buckets[{bucketOf(x(i)), bucketOf(y(i))}].push_back(i);
        graph.gridPositions.push_back(std::llround(double(x(i)) / double(graph.step)));
        graph.gridPositions.push_back(std::llround(double(y(i)) / double(graph.step)));
    }
    graph.offsets.reserve(std::size_t(graph.nodes) + 1);
    graph.offsets.push_back(0);
    std::vector<int> near;
    for (int i = 0; i < graph.nodes; ++i) {
        near.clear();
        const std::int64_t bx = bucketOf(x(i)), by = bucketOf(y(i));
        for (std::int64_t dy = -cells; dy <= cells; ++dy)
            for (std::int64_t dx = -cells; dx <= cells; ++dx) {
                const auto it = buckets.constFind({bx + dx, by + dy});
                if (it == buckets.constEnd())
                    continue;
                for (const int j : it.value()) {
                    const double ddx = double(x(j) - x(i)), ddy = double(y(j) - y(i));
                    if (ddx * ddx + ddy * ddy <= reachSquared)
                        near.push_back(j);
                }
            }
        std::sort(near.begin(), near.end()); // deterministic edge order
        for (const int j : near) {
            graph.source.push_back(j);
            graph.target.push_back(i);
        }
        graph.offsets.push_back(std::int64_t(graph.source.size()));
    }
    return graph;
}

int SpatialGraph::isolatedCount() const
{
    int isolated = 0;
    for (int i = 0; i < nodes; ++i)
        isolated += offsets[std::size_t(i) + 1] - offsets[std::size_t(i)] <= 1;
    return isolated;
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
