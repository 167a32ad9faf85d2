// tessera-cli eval / infer: a trained run applied to labelled bags (metrics) or to one bag (maps).
#include "CliCommand.h"

#include "common/Error.h"
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "train/Dataset.h"
#include "train/Metrics.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>

namespace tessera::cli {

int runEval(const QStringList& arguments, CliContext& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Evaluate a trained run on labelled feature bags"));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run folder made by 'train'."), QStringLiteral("dir")},
        {QStringLiteral("features"), QStringLiteral("Folder of <slide_id>.h5 bags."), QStringLiteral("dir")},
        {QStringLiteral("labels"), QStringLiteral("CSV with slide_id,label."), QStringLiteral("csv")},
        {QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N."), QStringLiteral("device"),
         QStringLiteral("auto")},
    });
    parseOrThrow(parser, arguments);
    for (const char* required : {"run", "features", "labels"})
        if (!parser.isSet(QString::fromLatin1(required)))
            throw UsageError{QStringLiteral("--%1 is required").arg(QLatin1String(required))};
    const core::Predictor predictor(parser.value(QStringLiteral("run")),
                                    parser.value(QStringLiteral("device")));
    const core::LabelTable labels = core::LabelTable::readCsv(parser.value(QStringLiteral("labels")));
    if (labels.classNames != predictor.classNames())
        throw core::Error(QStringLiteral("The labels' classes (%1) differ from the run's (%2)")
                              .arg(labels.classNames.join(QStringLiteral(", ")),
                                   predictor.classNames().join(QStringLiteral(", "))));
    std::vector<float> probabilities;
    std::vector<int> truth;
    QStringList missing;
    for (qsizetype i = 0; i < labels.slideIds.size(); ++i) {
        const QString path = QDir(parser.value(QStringLiteral("features")))
                                 .filePath(labels.slideIds[i] + QStringLiteral(".h5"));
        if (!QFileInfo::exists(path)) {
            missing << labels.slideIds[i];
            continue;
        }
        const core::Prediction p = predictor.predict(core::FeatureStore::read(path), path);
        probabilities.insert(probabilities.end(), p.probabilities.begin(), p.probabilities.end());
        truth.push_back(labels.labels[std::size_t(i)]);
    }
    if (!missing.isEmpty())
        throw core::Error(
            QStringLiteral("%1 labelled slide(s) have no features, e.g. '%2'; nothing was evaluated")
                .arg(missing.size())
                .arg(missing.first()));
    const auto metrics =
        core::ClassificationMetrics::compute(probabilities, truth, int(labels.classNames.size()));
    io.out << QJsonDocument(metrics.toJson()).toJson(QJsonDocument::Indented);
    return kOk;
}

int runInfer(const QStringList& arguments, CliContext& io)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Slide probabilities, attention and consistency maps for one bag"));
    parser.addOptions({
        {QStringLiteral("run"), QStringLiteral("Run folder made by 'train'."), QStringLiteral("dir")},
        {QStringLiteral("features"), QStringLiteral("One feature bag (.h5)."), QStringLiteral("file")},
        {QStringLiteral("out"), QStringLiteral("Output .h5 (probabilities, attention, consistency, coords)."),
         QStringLiteral("file")},
        {QStringLiteral("device"), QStringLiteral("auto, cpu, cuda or cuda:N."), QStringLiteral("device"),
         QStringLiteral("auto")},
    });
    parseOrThrow(parser, arguments);
    for (const char* required : {"run", "features", "out"})
        if (!parser.isSet(QString::fromLatin1(required)))
            throw UsageError{QStringLiteral("--%1 is required").arg(QLatin1String(required))};
    const core::Predictor predictor(parser.value(QStringLiteral("run")),
                                    parser.value(QStringLiteral("device")));
    const QString input = parser.value(QStringLiteral("features"));
    const core::Prediction p = predictor.predict(core::FeatureStore::read(input), input);
    p.write(parser.value(QStringLiteral("out")));
    QStringList probabilities;
    for (qsizetype c = 0; c < p.classNames.size(); ++c)
        probabilities
            << QStringLiteral("%1 %2").arg(p.classNames[c]).arg(p.probabilities[std::size_t(c)], 0, 'f', 4);
    io.out << QStringLiteral("%1: %2 → %3\n")
                  .arg(QFileInfo(input).fileName(), probabilities.join(QStringLiteral(", ")),
                       parser.value(QStringLiteral("out")));
    return kOk;
}

} // namespace tessera::cli
