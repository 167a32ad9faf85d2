#include "KnownResults.h"

#include "project/Project.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::test {

core::Prediction knownPrediction()
{
    core::Prediction p;
    p.run = QStringLiteral("/runs/known");
    p.model = QStringLiteral("srmil");
    p.classNames = {QStringLiteral("normal"), QStringLiteral("tumour")};
    p.probabilities = {0.2f, 0.8f};
    p.patchStep = kKnownStep;
    for (int y = 2; y < 7; ++y)
        for (int x = 1; x < 7; ++x) {
            p.coords.insert(p.coords.end(), {x * kKnownStep, y * kKnownStep});
            p.attention.push_back(float(x + 10 * y));
            p.consistency.push_back(float(-x - y));
        }
    return p;
}

QString recordPrediction(core::Project& project, const QString& run, const QString& slide,
                         const core::Prediction& prediction)
{
    const QString file =
        project.folder() +
        QStringLiteral("/predictions/%1/%2.h5").arg(run, QFileInfo(slide).completeBaseName());
    QDir().mkpath(QFileInfo(file).path());
    prediction.write(file);
    qint64 id = 0;
    if (const auto existing = project.runs().find(run)) {
        id = existing->id;
    } else {
        core::RunStart start;
        start.folder = project.folder() + QStringLiteral("/runs/") + run;
        start.model = prediction.model;
        id = project.runs().startRun(start);
    }
    project.runs().recordPrediction(id, slide, file, prediction);
    return file;
}

} // namespace tessera::test
