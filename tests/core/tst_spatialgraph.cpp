// SpatialGraph: exact neighbourhoods on a known grid; holes and separate pieces.
#include "common/Error.h"
#include "model/SpatialGraph.h"

#include <QtTest>
#include <set>

using namespace tessera::core;

namespace {
std::vector<std::int64_t> gridCoords(int cols, int rows, int step, std::int64_t x0 = 0, std::int64_t y0 = 0)
{
    std::vector<std::int64_t> c;
    for (int r = 0; r < rows; ++r)
        for (int col = 0; col < cols; ++col) {
            c.push_back(x0 + col * step);
            c.push_back(y0 + r * step);
        }
    return c;
}
} // namespace

class TestSpatialGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fullGridHasTheFiveByFiveNeighbourhood();
    void holesAndSeparatePiecesOnlyJoinWhatExists();
    void edgesAreSymmetricWithSelfLoops();
    void duplicatePositionsAreNeighbours();
    void offsetGridsOfClamContoursStillConnect();
};

void TestSpatialGraph::fullGridHasTheFiveByFiveNeighbourhood()
{
    const SpatialGraph g = SpatialGraph::fromCoords(gridCoords(7, 6, 256, 512, 1024));
    QCOMPARE(g.step, std::int64_t(256));
    QCOMPARE(g.nodes, 42);
    // Interior node (3, 3) = index 3*7+3: all 24 of its 5×5 block.
    QCOMPARE(int(g.neighboursOf(3 * 7 + 3).size()), 24);
    // Corner (0, 0): 3×3 − 1 = 8 neighbours.
    QCOMPARE(g.neighboursOf(0), (std::vector<std::int64_t>{1, 2, 7, 8, 9, 14, 15, 16}));
    // Edge node (0, 3) = 21: columns 0–2, rows 1–5 minus itself = 14.
    QCOMPARE(int(g.neighboursOf(21).size()), 14);
    // Edge count = Σ (neighbours + self).
    int expected = 0;
    for (int r = 0; r < 6; ++r)
        for (int c = 0; c < 7; ++c) {
            const int w = std::min(c + 2, 6) - std::max(c - 2, 0) + 1;
            const int h = std::min(r + 2, 5) - std::max(r - 2, 0) + 1;
            expected += w * h;
        }
    QCOMPARE(g.edgeCount(), expected);
}

void TestSpatialGraph::holesAndSeparatePiecesOnlyJoinWhatExists()
{
    // A 5×5 piece with its centre missing, and a 2×1 piece far away.
    std::vector<std::int64_t> c;
    for (int r = 0; r < 5; ++r)
        for (int col = 0; col < 5; ++col)
            if (!(r == 2 && col == 2)) {
                c.push_back(col * 100);
                c.push_back(r * 100);
            }
    c.insert(c.end(), {5000, 5000, 5100, 5000});
    const SpatialGraph g = SpatialGraph::fromCoords(c);
    QCOMPARE(g.step, std::int64_t(100));
    QCOMPARE(g.nodes, 26);
    // (1, 1) = index 6 (row 1 col 1): 4×4 block around it minus itself minus the hole = 14.
    QCOMPARE(int(g.neighboursOf(6).size()), 14);
    // The far piece: only each other.
    QCOMPARE(g.neighboursOf(24), (std::vector<std::int64_t>{25}));
    QCOMPARE(g.neighboursOf(25), (std::vector<std::int64_t>{24}));
}

void TestSpatialGraph::edgesAreSymmetricWithSelfLoops()
{
    const SpatialGraph g = SpatialGraph::fromCoords(gridCoords(9, 4, 512));
    std::set<std::pair<std::int64_t, std::int64_t>> edges;
    for (int e = 0; e < g.edgeCount(); ++e)
        edges.insert({g.source[std::size_t(e)], g.target[std::size_t(e)]});
    for (const auto& [s, t] : edges)
        QVERIFY(edges.count({t, s}));
    for (int i = 0; i < g.nodes; ++i)
        QVERIFY(edges.count({i, i}));
    for (int i = 0; i < g.nodes; ++i)
        for (std::int64_t e = g.offsets[std::size_t(i)]; e < g.offsets[std::size_t(i) + 1]; ++e)
            QCOMPARE(g.target[std::size_t(e)], std::int64_t(i));
}

void TestSpatialGraph::duplicatePositionsAreNeighbours()
{
    // As the reference's radius graph: two patches in one place are at distance 0.
    const SpatialGraph g = SpatialGraph::fromCoords({0, 0, 256, 0, 0, 0}, 256);
    QCOMPARE(g.neighboursOf(0), (std::vector<std::int64_t>{1, 2}));
    QCOMPARE(g.neighboursOf(2), (std::vector<std::int64_t>{0, 1}));
    QVERIFY_THROWS_EXCEPTION(Error, SpatialGraph::fromCoords({0, 0, 256}));
}

void TestSpatialGraph::offsetGridsOfClamContoursStillConnect()
{
    // Two contours patched by CLAM, each on its own 256-px grid; the second's origin is 37 px
    // off the first's in x (and further down the slide).
    std::vector<std::int64_t> c = gridCoords(4, 4, 256);
    const std::vector<std::int64_t> second = gridCoords(4, 4, 256, 37, 2048 + 91);
    c.insert(c.end(), second.begin(), second.end());
    // With the patch size from the file: every patch has its neighbours in its own contour.
    const SpatialGraph g = SpatialGraph::fromCoords(c, 256);
    QCOMPARE(g.isolatedCount(), 0);
    QCOMPARE(int(g.neighboursOf(16 + 5).size()), 15); // an inner patch of the second contour: its 4×4 block
    QCOMPARE(int(g.neighboursOf(5).size()), 15);      // and of the first
    QVERIFY(!g.stepInferred);
    // Guessed from the coordinates, the "step" is the 37-px offset: every neighbour lies about 7
    // steps away, the patches are left with themselves, and the graph says so.
    const SpatialGraph guessed = SpatialGraph::fromCoords(c);
    QVERIFY(guessed.stepInferred);
    QCOMPARE(guessed.step, std::int64_t(37));
    QCOMPARE(guessed.isolatedCount(), 32);
}

QTEST_GUILESS_MAIN(TestSpatialGraph)
#include "tst_spatialgraph.moc"
