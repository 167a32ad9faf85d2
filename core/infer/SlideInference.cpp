#include "SlideInference.h"

#include "common/Error.h"
#include "features/ExtractionPipeline.h"
#include "features/ExtractorRegistry.h"
#include "features/FeatureStore.h"
#include "run/RunFolder.h"
#include "slide/Slide.h"
#include "slide/SlideKey.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace tessera::core {

namespace {

// Features copied in from another slide would give a confident prediction and a heatmap drawn
// where there is no tissue; their coordinates betray them when they fall outside this slide.
void checkBagFitsSlide(const FeatureBag& bag, const QString& featuresPath, const QString& slidePath)
{
    QSize level0;
    try {
        level0 = Slide::open(slidePath)->size();
    } catch (const Error&) {
        return; // predicting needs only the features; the viewer reports an unreadable slide itself
    }
    for (int i = 0; i < bag.count; ++i) {
        const std::int64_t x = bag.coords[2 * std::size_t(i)], y = bag.coords[2 * std::size_t(i) + 1];
        if (x < 0 || y < 0 || x >= level0.width() || y >= level0.height())
            throw Error(QStringLiteral("%1 does not fit %2: patch %3 lies at (%4, %5), outside the slide's "
                                       "%6 × %7 pixels (features of another slide?). Delete the file to "
                                       "extract this slide's features again.")
                            .arg(featuresPath, slidePath)
                            .arg(i)
                            .arg(x)
                            .arg(y)
                            .arg(level0.width())
                            .arg(level0.height()));
    }
}

bool madeFor(const Prediction& stored, const QString& runDir, const QString& slidePath, int members)
{
    return QFileInfo(stored.run).absoluteFilePath() == runDir &&
           stored.slide == QFileInfo(slidePath).fileName() && stored.members == members;
}

// When the run's weights last changed: its best.pt, or an ensemble's newest fold's.
QDateTime weightsChanged(const QString& runDir)
{
    QStringList runs = RunFolder::ensembleMembers(runDir);
    if (runs.isEmpty())
        runs << runDir;
    QDateTime newest;
    for (const QString& run : runs)
        newest = std::max(newest, QFileInfo(RunFolder(run).bestWeightsPath()).lastModified());
    return newest;
}

} // namespace

SlideInference::SlideInference(const QString& runDir, SlideInferenceOptions options)
    : m_runDir(QFileInfo(runDir).absoluteFilePath()),
      m_options(std::move(options)),
      m_predictor(std::make_unique<Predictor>(runDir, m_options.device))
{
    if (m_options.projectDir.isEmpty())
        throw Error(QStringLiteral("No project folder given for the features and results"));
}

SlideInference::~SlideInference() = default;

QString SlideInference::featuresPath(const QString& projectDir, const QString& slidePath)
{
    return ExtractionPipeline::outputPath(slidePath, QDir(projectDir).filePath(QStringLiteral("features")));
}

QString SlideInference::resultsPath(const QString& slidePath) const
{
    const QString runName = QFileInfo(m_runDir).fileName();
    return QDir(m_options.projectDir)
        .filePath(QStringLiteral("predictions/%1/%2.h5").arg(runName, slideKey(slidePath)));
}

SlideInferenceResult SlideInference::run(const QString& slidePath) const
{
    SlideInferenceResult result;
    result.featuresPath = featuresPath(m_options.projectDir, slidePath);
    result.resultsPath = resultsPath(slidePath);

    // Stored results count only if they are newer than the weights and the features they
    // came from, and were made by this run for this slide.
    const QFileInfo stored(result.resultsPath), features(result.featuresPath);
    if (stored.exists() && features.exists() && stored.lastModified() >= weightsChanged(m_runDir) &&
        stored.lastModified() >= features.lastModified()) {
        try {
            Prediction p = Prediction::read(result.resultsPath);
            // Results stored before Tessera kept the evidence map are made again to get it.
            const bool lacksEvidence =
                p.evidence.empty() && modelMakesEvidence(m_predictor->run().model.name);
            if (madeFor(p, m_runDir, slidePath, m_predictor->members()) && !lacksEvidence) {
                result.prediction = std::move(p);
                result.reusedResults = true;
                return result;
            }
        } catch (const Error&) {
            // A damaged results file is recomputed below and replaced atomically.
        }
    }

    // Features already in the project are used as they are (CLAM files from elsewhere too);
    // predict() refuses ones from another extractor or of another dimension.
    if (!features.exists()) {
        const QString spec = m_predictor->run().extractor;
        if (spec.isEmpty())
            throw Error(QStringLiteral("%1 has no features (%2) and run %3 does not record its extractor: "
                                       "extract them into %4 with the extractor the run was trained on")
                            .arg(slidePath, result.featuresPath, m_runDir,
                                 QFileInfo(result.featuresPath).absolutePath()));
        if (spec.startsWith(QLatin1String("torchscript:")))
            throw Error(
                QStringLiteral("%1 has no features yet; run %2 was trained on %3 features: extract them "
                               "into %4 with that TorchScript encoder first")
                    .arg(slidePath, m_runDir, spec, QFileInfo(result.featuresPath).absolutePath()));
        const auto extractor = makeExtractor(spec, {m_options.device});
        ExtractionOptions extraction;
        if (m_predictor->run().patchSize > 0)
            extraction.grid.patchSize = m_predictor->run().patchSize;
        if (m_predictor->run().magnification > 0)
            extraction.grid.magnification = m_predictor->run().magnification;
        extraction.threads = m_options.threads;
        extraction.progress = m_options.progress;
        extraction.cancel = m_options.cancel;
        ExtractionPipeline(*extractor, extraction)
            .run(slidePath, QFileInfo(result.featuresPath).absolutePath());
        result.extracted = true;
    }
    if (m_options.progress)
        m_options.progress(ProgressEvent::note(
            QStringLiteral("infer"), QStringLiteral("Running the model on %1").arg(slidePath),
            QStringLiteral("info"), {{QStringLiteral("slide"), slidePath}}));
    const FeatureBag bag = FeatureStore::read(result.featuresPath);
    result.features.patches = int(bag.count);
    result.features.dimension = bag.dimension;
    result.features.extractor = bag.extractor;
    result.features.patchSize = bag.patchSize;
    result.features.magnification = bag.magnification;
    checkBagFitsSlide(bag, result.featuresPath, slidePath);
    result.prediction = m_predictor->predict(bag, result.featuresPath);
    result.prediction.slide = QFileInfo(slidePath).fileName();
    QDir().mkpath(QFileInfo(result.resultsPath).absolutePath());
    result.prediction.write(result.resultsPath);
    return result;
}

} // namespace tessera::core
