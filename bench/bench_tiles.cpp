// Tile reads on a large slide: Tessera's TileLoader (cold) and TileCache (warm) against raw
// openslide_read_region in C++ and openslide-python, on the same tiles with the same threads.
//   bench_tiles [--slide FILE] [--tiles 2000] [--threads 2]
#include "slide/TileLoader.h"
#include "support/BenchSlide.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSet>
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>

#include <openslide.h>

#include <cstdio>
#include <random>
#include <thread>

using namespace tessera;
using core::TileKey;
using core::TileLoader;

namespace {

struct Workload {
    const char* name;
    std::vector<TileKey> tiles;
};

double rawOpenSlide(const QString& path, const core::Slide& slide, const std::vector<TileKey>& tiles,
                    int threads)
{
    openslide_t* osr = openslide_open(path.toLocal8Bit().constData()); // fresh: its own cache is cold
    QElapsedTimer timer;
    timer.start();
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            std::vector<uint32_t> buffer(TileLoader::kTileSize * TileLoader::kTileSize);
            for (std::size_t i = t; i < tiles.size(); i += threads) {
                const TileKey& k = tiles[i];
                const double ds = slide.levelDownsample(k.level);
                openslide_read_region(osr, buffer.data(), int64_t(k.column * TileLoader::kTileSize * ds),
                                      int64_t(k.row * TileLoader::kTileSize * ds), k.level,
                                      TileLoader::kTileSize, TileLoader::kTileSize);
            }
        });
    for (auto& w : workers)
        w.join();
    const double seconds = timer.nsecsElapsed() / 1e9;
    openslide_close(osr);
    return seconds;
}

std::pair<double, double> tesseraColdWarm(const QString& path, const std::vector<TileKey>& pattern,
                                          int threads)
{
    const core::SlidePtr slide = core::Slide::open(path); // fresh handle, empty cache
    core::TileCache cache(2ll << 30);
    TileLoader loader(slide, &cache, threads);
    QList<core::TileRequest> wanted;
    for (std::size_t i = 0; i < pattern.size(); ++i) // earlier in the sequence = higher priority
        wanted.append(
            {loader.keyAt(pattern[i].level, pattern[i].column, pattern[i].row), int(pattern.size() - i)});
    QElapsedTimer timer;
    timer.start();
    loader.request(wanted);
    while (loader.loadedCount() + loader.failedCount() < qint64(wanted.size()))
        QThread::usleep(200);
    const double cold = timer.nsecsElapsed() / 1e9;
    timer.restart();
    qint64 found = 0;
    for (const auto& r : wanted)
        found += cache.find(r.key).has_value();
    const double warm = timer.nsecsElapsed() / 1e9;
    if (found != wanted.size())
        std::printf("warning: only %lld of %lld tiles were cached\n", found, qint64(wanted.size()));
    return {cold, warm};
}

double pythonOpenSlide(const QString& path, const core::Slide& slide, const std::vector<TileKey>& tiles,
                       int threads)
{
    QTemporaryFile list;
    list.open();
    QTextStream out(&list);
    for (const TileKey& k : tiles) {
        const double ds = slide.levelDownsample(k.level);
        out << qint64(k.column * TileLoader::kTileSize * ds) << ' '
            << qint64(k.row * TileLoader::kTileSize * ds) << ' ' << k.level << '\n';
    }
    out.flush();
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(TESSERA_BENCH_SOURCE_DIR "/reference/openslide_tiles.py"), path,
                  list.fileName(), QString::number(threads), QString::number(TileLoader::kTileSize)});
    python.waitForFinished(-1);
    bool ok = false;
    const double seconds = QString::fromUtf8(python.readAllStandardOutput()).trimmed().toDouble(&ok);
    if (!ok)
        std::printf("python reference failed: %s\n", python.readAllStandardError().constData());
    return ok ? seconds : -1;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString path = bench::benchSlide(args);
    const int count = bench::intArgument(args, "--tiles", 2000);
    const int threads = bench::intArgument(args, "--threads", 2);
    bench::warmPageCache(path);
    const core::SlidePtr slide = core::Slide::open(path);
    core::TileCache scratch;
    const TileLoader grid(slide, &scratch, 1);
    const QSize tiles0 = grid.gridSize(0);

    Workload random{"random access (level 0)", {}};
    std::mt19937 rng(42);
    QSet<TileKey> seen; // distinct tiles: a repeat would be a cache hit, not a read
    while (int(random.tiles.size()) < count) {
        const TileKey key = grid.keyAt(0, int(rng() % tiles0.width()), int(rng() % tiles0.height()));
        if (!seen.contains(key)) {
            seen.insert(key);
            random.tiles.push_back(key);
        }
    }
    // A right pan across the middle of the slide with a 1600 × 1000 window: columns of 5 tiles
    // enter the view one after another.
    Workload pan{"pan sequence (level 0)", {}};
    for (int c = 0; int(pan.tiles.size()) < count && c < tiles0.width(); ++c)
        for (int r = 0; r < 5; ++r)
            pan.tiles.push_back(grid.keyAt(0, c, tiles0.height() / 2 - 2 + r));

    std::printf("slide %s: %d x %d, %d levels; %d threads; 256 x 256 tiles\n", qPrintable(path),
                slide->size().width(), slide->size().height(), slide->levelCount(), threads);
    std::printf("%-26s %8s %12s %12s %12s %12s | %9s %9s %9s\n", "workload", "tiles", "raw C++ t/s",
                "Tessera cold", "Tessera warm", "python t/s", "cold/raw", "warm/raw", "raw/py");
    for (const Workload& w : {random, pan}) {
        const double raw = rawOpenSlide(path, *slide, w.tiles, threads);
        const auto [cold, warm] = tesseraColdWarm(path, w.tiles, threads);
        const double py = pythonOpenSlide(path, *slide, w.tiles, threads);
        const double n = double(w.tiles.size());
        std::printf("%-26s %8zu %12.0f %12.0f %12.0f %12.0f | %8.2fx %8.0fx %8.2fx\n", w.name, w.tiles.size(),
                    n / raw, n / cold, n / warm, py > 0 ? n / py : 0.0, cold / raw, raw / warm,
                    py > 0 ? py / raw : 0.0);
    }
    std::printf("cold/raw: time ratio, target <= 1.2; warm/raw: speed-up of a cache hit over a raw read, "
                "target >= 20\n");
    return 0;
}
