#include "SyntheticSlideGenerator.h"

#include "DicomSeriesWriter.h"
#include "PyramidTiffWriter.h"
#include "SlideScene.h"
#include "TileRenderer.h"
#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QFuture>
#include <QtConcurrent>

#include <cmath>
#include <memory>
#include <opencv2/imgproc.hpp>
#include <optional>

namespace tessera::core {

namespace {

constexpr int kSmallestLevelSide = 1024;

// Renders one full-width strip of level 0 (one row of tiles), tiles in parallel.
cv::Mat renderStrip(const TileRenderer& renderer, int width, int top, int height, int tile)
{
    cv::Mat strip(height, width, CV_8UC3);
    QList<int> columns;
    for (int x = 0; x < width; x += tile)
        columns << x;
    QtConcurrent::blockingMap(columns, [&](int x) {
        const int w = std::min(tile, width - x);
        renderer.render(QRect(x, top, w, height)).copyTo(strip(cv::Rect(x, 0, w, height)));
    });
    return strip;
}

// Exact 2×2 box reduction; odd edges are replicated first so every output pixel is a mean
// of four input pixels.
cv::Mat halve(const cv::Mat& image)
{
    cv::Mat even = image;
    if (image.cols % 2 || image.rows % 2)
        cv::copyMakeBorder(image, even, 0, image.rows % 2, 0, image.cols % 2, cv::BORDER_REPLICATE);
    cv::Mat half;
    cv::resize(even, half, cv::Size(even.cols / 2, even.rows / 2), 0, 0, cv::INTER_AREA);
    return half;
}

QString describe(const SynthSpec& spec)
{
    return QStringLiteral("Tessera synthetic H&E slide|seed = %1|tumours = %2|MPP = %3|AppMag = %4")
        .arg(spec.seed)
        .arg(spec.tumourCount)
        .arg(spec.mpp)
        .arg(10.0 / spec.mpp);
}

} // namespace

SyntheticSlideGenerator::SyntheticSlideGenerator(SynthSpec spec) : m_spec(spec)
{
    m_spec.validate();
}

std::vector<std::pair<int, int>> SyntheticSlideGenerator::levelSizes(int width, int height)
{
    std::vector<std::pair<int, int>> sizes{{width, height}};
    while (std::max(sizes.back().first, sizes.back().second) >= kSmallestLevelSide) {
        const auto [w, h] = sizes.back();
        sizes.emplace_back((w + 1) / 2, (h + 1) / 2);
    }
    return sizes;
}

SynthResult SyntheticSlideGenerator::write(const QString& slidePath, const Progress& progress) const
{
    QElapsedTimer timer;
    timer.start();
    const QFileInfo target(slidePath);
    if (!target.dir().exists())
        throw Error(
            QStringLiteral("Cannot write %1: folder %2 does not exist").arg(slidePath, target.dir().path()));

    const SlideScene scene(m_spec);
    const TileRenderer renderer(scene);
    const auto sizes = levelSizes(m_spec.width, m_spec.height);
    const int tile = m_spec.tileSize;

    PyramidTiffOptions options;
    options.tileSize = tile;
    options.jpegQuality = m_spec.jpegQuality;
    options.mpp = m_spec.mpp;
    options.description = describe(m_spec);
    if (m_spec.format == QLatin1String("ome-tiff")) {
        options.description = omeXmlForRgb(m_spec.width, m_spec.height, m_spec.mpp, describe(m_spec));
        options.subIfdLevels = int(sizes.size()) - 1;
    }
    // Classic TIFF offsets are 32-bit; JPEG rarely reaches 4 GiB, but very large slides might.
    options.bigTiff = double(m_spec.width) * m_spec.height * 3 > 8.0 * 1024 * 1024 * 1024;

    // DICOM: a series folder at `slidePath`, its ground truth beside level-0.dcm (the file a
    // folder opens as). TIFF: one file, renamed into place when whole.
    const bool dicom = m_spec.format == QLatin1String("dicom");
    std::optional<AtomicFile> slideFile;
    std::unique_ptr<PyramidWriter> output;
    if (dicom) {
        DicomSeriesOptions series;
        series.tileSize = tile;
        series.jpegQuality = m_spec.jpegQuality;
        series.mpp = m_spec.mpp;
        series.objectivePower = std::round(10.0 / m_spec.mpp);
        series.description = QStringLiteral("Tessera synthetic slide, seed %1").arg(m_spec.seed);
        output = std::make_unique<DicomSeriesWriter>(slidePath, series);
    } else {
        slideFile.emplace(slidePath);
        output = std::make_unique<PyramidTiffWriter>(slideFile->temporaryPath(), options);
    }
    PyramidWriter& writer = *output;

    // Level 0: render strip r + 1 in the background while strip r is encoded here.
    const int strips = (m_spec.height + tile - 1) / tile;
    cv::Mat half(sizes.size() > 1 ? sizes[1].second : 0, sizes.size() > 1 ? sizes[1].first : 0, CV_8UC3);
    writer.beginLevel(m_spec.width, m_spec.height, 1.0);
    auto renderAsync = [&](int r) {
        return QtConcurrent::run([&, r] {
            const int top = r * tile;
            return renderStrip(renderer, m_spec.width, top, std::min(tile, m_spec.height - top), tile);
        });
    };
    QFuture<cv::Mat> next = renderAsync(0);
    // The background render refers to locals: never unwind past it while it runs.
    struct WaitOnExit {
        QFuture<cv::Mat>& future;
        ~WaitOnExit() { future.waitForFinished(); }
    } waitOnExit{next};
    for (int r = 0; r < strips; ++r) {
        const cv::Mat strip = next.result();
        if (r + 1 < strips)
            next = renderAsync(r + 1);
        writer.writeImage(strip, r);
        if (!half.empty()) {
            const cv::Mat reduced = halve(strip);
            const int rows = std::min(reduced.rows, half.rows - r * tile / 2);
            reduced(cv::Rect(0, 0, half.cols, rows)).copyTo(half(cv::Rect(0, r * tile / 2, half.cols, rows)));
        }
        if (progress)
            progress(0.8 * (r + 1) / strips);
    }

    // Lower levels from the in-memory half-resolution image.
    cv::Mat level = half;
    for (std::size_t l = 1; l < sizes.size(); ++l) {
        if (l > 1)
            level = halve(level)(cv::Rect(0, 0, sizes[l].first, sizes[l].second));
        writer.beginLevel(sizes[l].first, sizes[l].second, double(1 << l));
        writer.writeImage(level);
        if (progress)
            progress(0.8 + 0.15 * l / sizes.size());
    }
    writer.finish();

    const GroundTruthPaths truth =
        GroundTruthPaths::forSlide(dicom ? slidePath + QStringLiteral("/level-0.dcm") : slidePath);
    GroundTruth::write(scene, truth);
    if (slideFile)
        slideFile->commit();
    if (progress)
        progress(1.0);

    SynthResult result;
    result.slidePath = slidePath;
    result.truth = truth;
    result.levels = int(sizes.size());
    result.tumourRegions = int(scene.tumours().size());
    result.tissuePieces = int(scene.pieces().size());
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

} // namespace tessera::core
