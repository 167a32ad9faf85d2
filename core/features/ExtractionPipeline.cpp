#include "ExtractionPipeline.h"

#include "StainDensity.h"
#include "slide/SlideKey.h"

#include "FeatureStore.h"
#include "common/Error.h"
#include "tissue/RgbOnWhite.h"
#include "tissue/TissueDetector.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QThreadPool>
#include <QtConcurrent>

#include <limits>
#include <opencv2/imgproc.hpp>

namespace tessera::core {

namespace {

constexpr int kProgressEvery = 256; // patches between progress events
const QString kJob = QStringLiteral("extract");

// A patch as 8-bit RGB of the target size, composited on white (transparent = glass).
cv::Mat readPatch(const Slide& slide, const PatchGrid& grid, QPoint topLeft)
{
    const cv::Mat patch =
        rgbOnWhite(slide.readRegion(topLeft, grid.readLevel, QSize(grid.readSize, grid.readSize)));
    cv::Mat out;
    if (grid.readSize != grid.patchSize)
        cv::resize(patch, out, cv::Size(grid.patchSize, grid.patchSize), 0, 0, cv::INTER_AREA);
    else
        out = patch;
    return out;
}

} // namespace

ExtractionPipeline::ExtractionPipeline(FeatureExtractor& extractor, ExtractionOptions options)
    : m_extractor(extractor), m_options(std::move(options))
{
}

QString ExtractionPipeline::outputPath(const QString& slidePath, const QString& outDir)
{
    return QDir(outDir).filePath(slideKey(slidePath) + QStringLiteral(".h5"));
}

void ExtractionPipeline::emitProgress(const ProgressEvent& event) const
{
    if (m_options.progress)
        m_options.progress(event);
}

SlideExtraction ExtractionPipeline::run(const QString& slidePath, const QString& outDir)
{
    QElapsedTimer timer;
    timer.start();
    SlideExtraction result;
    result.slide = slidePath;
    result.output = outputPath(slidePath, outDir);
    if (FeatureStore::isComplete(result.output, m_extractor.name())) {
        result.reused = true;
        result.patches = FeatureStore::read(result.output).count;
        return result;
    }
    const auto cancelled = [this] { return m_options.cancel && m_options.cancel->load(); };
    if (cancelled())
        throw Error(QStringLiteral("%1: extraction cancelled; nothing was written").arg(slidePath));
    const SlidePtr slide = Slide::open(slidePath);
    const TissueMask tissue = TissueDetector(m_options.tissue).detect(*slide, m_options.cancel);
    const PatchGrid grid = PatchGrid::build(*slide, tissue, m_options.grid);
    if (grid.coords.empty())
        throw Error(QStringLiteral("%1: no patch has ≥ %2 % tissue (tissue covers %3 % of the slide); "
                                   "nothing was written")
                        .arg(slidePath)
                        .arg(m_options.grid.minTissueFraction * 100)
                        .arg(tissue.tissueFraction() * 100, 0, 'f', 1));
    const int n = int(grid.coords.size());
    const QString caption = QStringLiteral("Extracting features of %1").arg(QFileInfo(slidePath).fileName());
    const EtaEstimator eta;
    ProgressEvent started = ProgressEvent::progress(kJob, 0, n, QStringLiteral("patches"), caption);
    started.details = {{QStringLiteral("slide"), slidePath},
                       {QStringLiteral("tissue_fraction"), tissue.tissueFraction()}};
    emitProgress(started);

    const int d = m_extractor.dimension();
    keepOpenCvOnCallersThread(); // we parallelize over patches; OpenCV's threads would only fight ours
    std::vector<float> features(std::size_t(n) * d);
    std::vector<char> readable(std::size_t(n), 1);
    std::vector<float> stain(std::size_t(n) * 3, std::numeric_limits<float>::quiet_NaN());
    QThreadPool pool;
    pool.setMaxThreadCount(m_options.threads > 0 ? m_options.threads : QThread::idealThreadCount());

    const int chunk = std::max(kProgressEvery, m_extractor.batchSize());
    for (int start = 0; start < n; start += chunk) {
        if (cancelled())
            throw Error(QStringLiteral("%1: extraction cancelled; nothing was written").arg(slidePath));
        const int end = std::min(n, start + chunk);
        std::vector<cv::Mat> patches(std::size_t(end - start));
        QList<int> indices;
        for (int i = start; i < end; ++i)
            indices << i;
        // Readers in parallel; the handcrafted extractor runs right there too.
        const bool perPatch = m_extractor.parallelPerPatch();
        QtConcurrent::blockingMap(&pool, indices, [&](int i) {
            try {
                patches[std::size_t(i - start)] = readPatch(*slide, grid, grid.coords[std::size_t(i)]);
                if (const auto od = meanStainDensity(patches[std::size_t(i - start)]))
                    std::copy(od->begin(), od->end(), stain.begin() + std::ptrdiff_t(i) * 3);
                if (perPatch)
                    m_extractor.extract({patches[std::size_t(i - start)]},
                                        features.data() + std::size_t(i) * d);
            } catch (const Error& error) {
                readable[std::size_t(i)] = 0;
                qWarning("%s", qPrintable(error.message()));
            }
        });
        if (!perPatch) {
            const int batch = std::max(1, m_extractor.batchSize());
            for (int b = start; b < end; b += batch) {
                std::vector<cv::Mat> ready;
                std::vector<int> where;
                for (int i = b; i < std::min(end, b + batch); ++i)
                    if (readable[std::size_t(i)]) {
                        ready.push_back(patches[std::size_t(i - start)]);
                        where.push_back(i);
                    }
                std::vector<float> out(ready.size() * std::size_t(d));
                m_extractor.extract(ready, out.data());
                for (std::size_t k = 0; k < where.size(); ++k)
                    std::copy_n(out.data() + k * d, d, features.data() + std::size_t(where[k]) * d);
            }
        }
        ProgressEvent step = ProgressEvent::progress(kJob, end, n, QStringLiteral("patches"), caption,
                                                     eta.secondsLeft(end, n));
        step.details = {{QStringLiteral("slide"), slidePath}};
        emitProgress(step);
    }

    FeatureBag bag;
    bag.dimension = d;
    for (int i = 0; i < n; ++i) {
        if (!readable[std::size_t(i)]) {
            ++result.unreadablePatches;
            continue;
        }
        bag.features.insert(bag.features.end(), features.begin() + std::ptrdiff_t(i) * d,
                            features.begin() + std::ptrdiff_t(i + 1) * d);
        bag.coords.push_back(grid.coords[std::size_t(i)].x());
        bag.coords.push_back(grid.coords[std::size_t(i)].y());
        bag.ratios.push_back(grid.tissueFractions[std::size_t(i)]);
        bag.stainDensity.insert(bag.stainDensity.end(), stain.begin() + std::ptrdiff_t(i) * 3,
                                stain.begin() + std::ptrdiff_t(i + 1) * 3);
    }
    bag.count = n - result.unreadablePatches;
    if (bag.count == 0)
        throw Error(QStringLiteral("%1: none of its %2 tissue patches could be read; nothing was written")
                        .arg(slidePath)
                        .arg(n));
    bag.patchSize = grid.patchSize;
    bag.patchSizeLevel0 = grid.patchSizeLevel0;
    bag.patchLevel = grid.readLevel;
    bag.magnification = grid.magnification;
    bag.extractor = m_extractor.name();
    bag.extractorVersion = m_extractor.version();
    QDir().mkpath(outDir);
    FeatureStore::write(result.output, bag);
    result.patches = bag.count;
    result.seconds = timer.elapsed() / 1000.0;
    return result;
}

} // namespace tessera::core
