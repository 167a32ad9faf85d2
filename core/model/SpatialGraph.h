// The patch graph of one slide: patches joined to their spatial neighbours on the patch grid.
#pragma once

#include <cstdint>
#include <vector>

namespace tessera::core {

// Directed edge lists sorted by destination (every edge also exists reversed), self-loops
// included. The SR-MIL supernode is not stored: the model adds it (it joins every patch).
struct SpatialGraph {
    int nodes = 0;
    std::int64_t step = 0;            // grid step in level-0 pixels (the patch size)
    std::vector<std::int64_t> source; // E edges
    std::vector<std::int64_t> target;
    std::vector<std::int64_t> offsets;       // CSR: edges into node i are [offsets[i], offsets[i+1])
    std::vector<std::int64_t> gridPositions; // N × 2: coordinates divided by the step

    // Patches whose grid positions are within `radius` grid steps are neighbours (2 × 1.42:
    // the 5 × 5 block, at most 24 neighbours). `coords` is N × 2 level-0 top-left (x, y);
    // `step` 0 infers the grid step from the coordinates. Works for any irregular tissue shape:
    // only positions that exist are joined.
    static SpatialGraph fromCoords(const std::vector<std::int64_t>& coords, std::int64_t step = 0,
                                   double radius = 2 * 1.42);

    int edgeCount() const { return int(source.size()); }
    std::vector<std::int64_t> neighboursOf(int node) const; // excluding itself
    // The smallest positive spacing between distinct x or y coordinates (0 for one patch).
    static std::int64_t inferStep(const std::vector<std::int64_t>& coords);
};

} // namespace tessera::core
