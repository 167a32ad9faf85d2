// The patch graph of one slide: patches joined to their spatial neighbours on the patch grid.
#pragma once

#include <cstdint>
#include <vector>

namespace tessera::core {

// Directed edge lists sorted by destination (every edge also exists reversed), self-loops
// included. The SR-MIL supernode is not stored: the model adds it (it joins every patch).
struct SpatialGraph {
    int nodes = 0;
    std::int64_t step = 0;            // patch size in level-0 pixels (the grid step)
    bool stepInferred = false;        // no patch size was known: the smallest spacing was taken
    std::vector<std::int64_t> source; // E edges
    std::vector<std::int64_t> target;
    std::vector<std::int64_t> offsets;       // CSR: edges into node i are [offsets[i], offsets[i+1])
    std::vector<std::int64_t> gridPositions; // N × 2: coordinates divided by the step, rounded

    // Patches whose top-left corners lie within `radius` × `step` level-0 pixels of each other
    // are neighbours — true Euclidean distance, as the SR-MIL authors' radius graph — so 2 × 1.42
    // gives the 5 × 5 block (at most 24 neighbours) on a regular grid, and patches on grids with
    // different origins (CLAM patches every tissue contour on a grid of its own) still find their
    // neighbours. `coords` is N × 2 level-0 top-left (x, y); `step` is the patch size in level-0
    // pixels, 0 to infer it from the coordinates (the smallest spacing: wrong for per-contour
    // grids, so a file's patch size should be passed when it has one).
    static SpatialGraph fromCoords(const std::vector<std::int64_t>& coords, std::int64_t step = 0,
                                   double radius = 2 * 1.42);

    int edgeCount() const { return int(source.size()); }
    std::vector<std::int64_t> neighboursOf(int node) const; // excluding itself
    int isolatedCount() const;                              // patches with no neighbour but themselves
    // The smallest positive spacing between distinct x or y coordinates (0 for one patch).
    static std::int64_t inferStep(const std::vector<std::int64_t>& coords);
};

} // namespace tessera::core
