#include "InferenceRecords.h"

#include "Project.h"

#include <QFileInfo>

namespace tessera::core {

void recordInference(Project& project, const QString& runFolder, const QString& slidePath,
                     const SlideInferenceResult& result)
{
    RunRegistry& runs = project.runs();
    const qint64 run = runs.ensureRegistered(runFolder);
    if (const auto& f = result.features; f.patches > 0) {
        const qint64 set = runs.recordFeatureSet(
            QFileInfo(result.featuresPath).absolutePath(),
            f.extractor.isEmpty() ? QStringLiteral("unknown") : f.extractor, f.patchSize, f.magnification);
        runs.recordSlideFeatures(set, slidePath, result.featuresPath, f.patches, f.dimension);
    }
    runs.recordPrediction(run, slidePath, result.resultsPath, result.prediction);
}

} // namespace tessera::core
