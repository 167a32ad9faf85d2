// Tile reads on a large slide, on the same tiles with the same threads:
//  - Tessera's TileLoader over OpenSlide (cold) against raw openslide_read_region: the loader's
//    own overhead ("cold/raw");
//  - the TileLoader over the direct TIFF reader against raw OpenSlide ("direct/raw", a speed-up)
//    and against a decode-only loop over the same tiles' JPEG bytes held in memory (the floor);
//  - TileCache hits (warm) and openslide-python;
//  - with --dicom SERIES (the same slide written by `tessera-cli convert --format dicom`, 256-px
//    JPEG frames): the TileLoader over the DICOM reader against raw OpenSlide on the TIFF, and the
//    time from opening the series to its first screen (the lowest level that fills 1600 × 1000).
//   bench_tiles [--slide FILE] [--dicom FOLDER] [--tiles 2000] [--threads 2] [--repeats 5]
#include "slide/JpegTileDecoder.h"
#include "slide/TileLoader.h"
#include "support/BenchSlide.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSemaphore>
#include <QSet>
#include <QTemporaryFile>
#include <QTextStream>
#include <QThread>

#include <openslide.h>
#include <tiffio.h>

#include <algorithm>
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
                                          int threads, const char* reader)
{
    qputenv("TESSERA_SLIDE_READER", reader);
    const core::SlidePtr slide = core::Slide::open(path); // fresh handle, empty cache
    qunsetenv("TESSERA_SLIDE_READER");
    if (slide->readerName() != QLatin1String(reader))
        std::printf("warning: the %s reader declined the slide: %s\n", reader,
                    qPrintable(slide->readerFallbackReason()));
    core::TileCache cache(2ll << 30);
    TileLoader loader(slide, &cache, threads);
    QList<core::TileRequest> wanted;
    for (std::size_t i = 0; i < pattern.size(); ++i) // earlier in the sequence = higher priority
        wanted.append(
            {loader.keyAt(pattern[i].level, pattern[i].column, pattern[i].row), int(pattern.size() - i)});
    // Sleep until the last tile is in, as the viewer's event loop would (no polling).
    QSemaphore done;
    const auto arrived = [&] { done.release(); };
    QObject::connect(&loader, &TileLoader::tileLoaded, &loader, arrived, Qt::DirectConnection);
    QObject::connect(&loader, &TileLoader::tileFailed, &loader, arrived, Qt::DirectConnection);
    QElapsedTimer timer;
    timer.start();
    loader.request(wanted);
    done.acquire(int(wanted.size()));
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

// The floor: libjpeg-turbo decoding the tiles' compressed bytes, already in memory, into one
// reused buffer per thread. Returns -1 when the slide's level 0 is not 256-px JPEG tiles.
double decodeFloor(const QString& path, const std::vector<TileKey>& tiles, int threads,
                   bool freshMemory = false)
{
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "r");
    if (!tif)
        return -1;
    uint32_t tileWidth = 0, tileHeight = 0;
    uint16_t compression = 0, photometric = 0;
    TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tileWidth);
    TIFFGetField(tif, TIFFTAG_TILELENGTH, &tileHeight);
    TIFFGetField(tif, TIFFTAG_COMPRESSION, &compression);
    TIFFGetField(tif, TIFFTAG_PHOTOMETRIC, &photometric);
    const int size = TileLoader::kTileSize;
    if (tileWidth != uint32_t(size) || tileHeight != uint32_t(size) || compression != COMPRESSION_JPEG) {
        TIFFClose(tif);
        return -1;
    }
    uint32_t tablesSize = 0;
    const void* tablesData = nullptr;
    QByteArray tables;
    if (TIFFGetField(tif, TIFFTAG_JPEGTABLES, &tablesSize, &tablesData))
        tables = QByteArray(static_cast<const char*>(tablesData), qsizetype(tablesSize));
    uint64_t* counts = nullptr;
    TIFFGetField(tif, TIFFTAG_TILEBYTECOUNTS, &counts);
    std::vector<QByteArray> data;
    for (const TileKey& k : tiles) {
        const ttile_t index = TIFFComputeTile(tif, uint32_t(k.column * size), uint32_t(k.row * size), 0, 0);
        QByteArray bytes{qsizetype(counts[index]), Qt::Uninitialized};
        TIFFReadRawTile(tif, index, bytes.data(), bytes.size());
        data.push_back(bytes);
    }
    TIFFClose(tif);
    QElapsedTimer timer;
    timer.start();
    std::vector<QImage> kept(freshMemory ? data.size() : 0);
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            std::vector<uint32_t> reused(std::size_t(size) * size);
            for (std::size_t i = t; i < data.size(); i += threads) {
                // A cache keeps every tile: each decode then writes to new, never-touched memory.
                uint32_t* pixels = reused.data();
                if (freshMemory) {
                    kept[i] = QImage(size, size, QImage::Format_ARGB32_Premultiplied);
                    pixels = reinterpret_cast<uint32_t*>(kept[i].bits());
                }
                core::JpegTileSource source;
                source.tables =
                    tables.isEmpty() ? nullptr : reinterpret_cast<const uint8_t*>(tables.constData());
                source.tablesSize = std::size_t(tables.size());
                source.data = reinterpret_cast<const uint8_t*>(data[i].constData());
                source.size = std::size_t(data[i].size());
                source.rgbStream = photometric == PHOTOMETRIC_RGB;
                core::decodeJpegTile(source, size, size, reinterpret_cast<uint8_t*>(pixels),
                                     std::size_t(size) * 4);
            }
        });
    for (auto& w : workers)
        w.join();
    return timer.nsecsElapsed() / 1e9;
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
    const int repeats = std::max(1, bench::intArgument(args, "--repeats", 5));
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

    std::printf("slide %s: %d x %d, %d levels; %d threads; 256 x 256 tiles; medians of %d\n",
                qPrintable(path), slide->size().width(), slide->size().height(), slide->levelCount(), threads,
                repeats);
    std::printf("%-24s %6s %10s %10s %10s %10s %10s %10s | %8s %8s %8s %8s %7s\n", "workload", "tiles",
                "raw OS t/s", "loader(OS)", "direct", "floor", "warm", "python", "cold/raw", "dir/raw",
                "dir/floor", "warm/raw", "raw/py");
    double worstCold = 0, worstDirect = 1e9, worstFloor = 0;
    const auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    for (const Workload& w : {random, pan}) {
        // Interleaved repeats, medians: this VM's speed drifts by ±20 % from run to run.
        std::vector<double> raws, colds, warms, directs, floors, freshFloors;
        for (int r = 0; r < repeats; ++r) {
            raws.push_back(rawOpenSlide(path, *slide, w.tiles, threads));
            const auto [cold, warm] = tesseraColdWarm(path, w.tiles, threads, "openslide");
            colds.push_back(cold);
            warms.push_back(warm);
            directs.push_back(tesseraColdWarm(path, w.tiles, threads, "tiff").first);
            floors.push_back(decodeFloor(path, w.tiles, threads));
            freshFloors.push_back(decodeFloor(path, w.tiles, threads, true));
        }
        const double raw = median(raws), cold = median(colds), warm = median(warms), direct = median(directs),
                     floor = median(floors), freshFloor = median(freshFloors);
        const double py = pythonOpenSlide(path, *slide, w.tiles, threads);
        const double n = double(w.tiles.size());
        worstCold = std::max(worstCold, cold / raw);
        worstDirect = std::min(worstDirect, raw / direct);
        if (floor > 0)
            worstFloor = std::max(worstFloor, direct / floor);
        std::printf(
            "%-24s %6zu %10.0f %10.0f %10.0f %10.0f %10.0f %10.0f | %7.2fx %7.2fx %7.2fx %7.0fx %6.2fx\n",
            w.name, w.tiles.size(), n / raw, n / cold, n / direct, floor > 0 ? n / floor : 0.0, n / warm,
            py > 0 ? n / py : 0.0, cold / raw, raw / direct, floor > 0 ? direct / floor : 0.0, raw / warm,
            py > 0 ? py / raw : 0.0);
        if (freshFloor > 0)
            std::printf("%-24s decoding into new, kept tiles (what a cache must do): %.0f t/s; direct / "
                        "that: %.2fx\n",
                        "", n / freshFloor, direct / freshFloor);
    }
    std::printf(
        "columns: tiles per second; cold/raw = loader over OpenSlide vs raw OpenSlide (time, target <= "
        "1.05); dir/raw = direct reader's speed-up over raw OpenSlide (target >= 3); dir/floor = direct "
        "reader vs decoding alone (time, target <= 2); warm/raw = cache hit speed-up\n");
    const qsizetype dicomAt = args.indexOf(QStringLiteral("--dicom"));
    if (dicomAt > 0 && dicomAt + 1 < args.size()) {
        const QString series = args[dicomAt + 1];
        for (const QFileInfo& file : QDir(series).entryInfoList(QDir::Files))
            bench::warmPageCache(file.filePath());
        // Opening a series and drawing its first screen: headers of every instance, the frame
        // tables, then the tiles of the level a 1600 × 1000 window fits the slide with.
        std::vector<double> opens, screens;
        qint64 frames = 0;
        for (int r = 0; r < repeats; ++r) {
            QElapsedTimer timer;
            timer.start();
            const core::SlidePtr dicom = core::Slide::open(series);
            opens.push_back(timer.nsecsElapsed() / 1e6);
            const double fit = std::max(dicom->size().width() / 1600.0, dicom->size().height() / 1000.0);
            const int level = dicom->bestLevelForDownsample(fit);
            const QSize levelSize = dicom->levelSize(level);
            for (int y = 0; y < std::min(levelSize.height(), 1000); y += TileLoader::kTileSize)
                for (int x = 0; x < std::min(levelSize.width(), 1600); x += TileLoader::kTileSize)
                    dicom->readLevelRegion(level, QRect(x, y, TileLoader::kTileSize, TileLoader::kTileSize));
            screens.push_back(timer.nsecsElapsed() / 1e6);
            frames = 0;
            for (int l = 0; l < dicom->levelCount(); ++l) {
                const QSize s = dicom->levelSize(l);
                frames += qint64((s.width() + 255) / 256) * ((s.height() + 255) / 256);
            }
        }
        // The first open in a process includes the trial read of every instance in tessera-dicom-check;
        // later ones find the files already checked.
        std::printf(
            "dicom series %s: %lld frames; first open %.1f ms, its first screen %.1f ms (target < 300); "
            "later opens %.1f ms, first screen %.1f ms (medians)\n",
            qPrintable(series), frames, opens.front(), screens.front(), median(opens), median(screens));
        for (const Workload& w : {random, pan}) {
            std::vector<double> raws, dicoms;
            for (int r = 0; r < repeats; ++r) {
                raws.push_back(rawOpenSlide(path, *slide, w.tiles, threads));
                dicoms.push_back(tesseraColdWarm(series, w.tiles, threads, "dicom").first);
            }
            const double raw = median(raws), dicom = median(dicoms), n = double(w.tiles.size());
            std::printf("%-24s dicom reader %8.0f t/s, raw OpenSlide on the TIFF %8.0f t/s: dicom/raw %.2fx "
                        "(target >= 3)\n",
                        w.name, n / dicom, n / raw, raw / dicom);
        }
    }
    std::printf("direct/floor: %.2fx\n", worstFloor);
    std::printf("cold/raw: %.2fx\n", worstCold);
    std::printf("direct/raw: %.2fx\n", worstDirect);
    return 0;
}
