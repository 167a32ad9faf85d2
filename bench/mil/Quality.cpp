// Can the benchmark rank the models? SR-MIL, ABMIL and TransMIL on synthetic bags where spatial
// context decides (MilBench.h: QualitySpec), over several seeds and signal strengths; and what
// mask rate the reconstruction-consistency map should use.
#include "MilBench.h"

#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "model/SpatialGraph.h"
#include "model/nets/MilFactory.h"
#include "model/nets/NetWeights.h"
#include "model/nets/SrMilNet.h"
#include "run/Metrics.h"
#include "run/RunFolder.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"
#include "train/WGenSearch.h"

#include <torch/torch.h>

#include <QDate>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSysInfo>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace tessera::bench::mil {

namespace {

QString qualityData(const QualitySpec& q, double signal)
{
    const QString folder =
        dataDir(QStringLiteral("mil-quality-%1-%2x%3-%4-d%5-m%6-s%7")
                    .arg(q.mimics > 0 ? QStringLiteral("context") : QStringLiteral("plain"))
                    .arg(q.bags)
                    .arg(q.minPatches)
                    .arg(q.maxPatches)
                    .arg(q.dim)
                    .arg(q.mimics, 0, 'f', 2)
                    .arg(signal, 0, 'f', 2));
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv"))) {
        core::SyntheticBagsSpec spec;
        spec.slides = q.bags;
        spec.dimension = q.dim;
        spec.signal = signal;
        spec.minPatches = q.minPatches;
        spec.maxPatches = q.maxPatches;
        spec.tumourFraction = 0.12;
        spec.mimicFraction = q.mimics;
        spec.seed = 2026;
        core::writeSyntheticBags(spec, folder);
    }
    return folder;
}

// The task's identity in the results file: runs of another task never mix into a summary.
QJsonObject taskKey(const QualitySpec& q, double signal)
{
    return {{QStringLiteral("task"), q.mimics > 0 ? QStringLiteral("context") : QStringLiteral("plain")},
            {QStringLiteral("bags"), q.bags},
            {QStringLiteral("min_patches"), q.minPatches},
            {QStringLiteral("max_patches"), q.maxPatches},
            {QStringLiteral("dim"), q.dim},
            {QStringLiteral("mimics"), q.mimics},
            {QStringLiteral("signal"), signal},
            {QStringLiteral("epochs"), q.epochs}};
}

bool sameTask(const QJsonObject& line, const QJsonObject& key)
{
    for (auto it = key.begin(); it != key.end(); ++it)
        if (line[it.key()] != it.value())
            return false;
    return true;
}

std::vector<QJsonObject> readResults(const QString& path)
{
    std::vector<QJsonObject> lines;
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd()) {
        const QJsonDocument doc = QJsonDocument::fromJson(file.readLine());
        if (doc.isObject())
            lines.push_back(doc.object());
    }
    return lines;
}

// Appends one line; a line is written whole or, killed half-way, skipped on reading.
void appendResult(const QString& path, const QJsonObject& line)
{
    if (path.isEmpty())
        return;
    QFile file(path);
    if (!file.open(QIODevice::Append)) {
        std::printf("    (cannot append to %s: %s)\n", qPrintable(path), qPrintable(file.errorString()));
        return;
    }
    file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

// The attention patch AUC of a run's best weights over the test tumour slides: do the patches it
// weighs most lie in the tumour?
double attentionAuc(const QString& runDir, const core::MilDataset& data, const core::LabelTable& labels)
{
    const core::Predictor predictor(runDir, QStringLiteral("cpu"));
    std::vector<double> attention;
    std::vector<bool> tumour;
    const int positive = int(labels.classNames.indexOf(QStringLiteral("tumour")));
    for (const core::MilSample& s : data.samples(QStringLiteral("test"))) {
        if (s.label != positive)
            continue;
        const core::Prediction p = predictor.predict(s.bag);
        for (int i = 0; i < s.bag.count; ++i) {
            attention.push_back(p.attention[std::size_t(i)] * s.bag.count); // comparable across slides
            tumour.push_back(s.bag.patchLabels[std::size_t(i)] > 0.5f);
        }
    }
    return core::rocAuc(attention, tumour);
}

// Per-patch readings of a run's best weights besides the attention.
enum class PatchScore {
    Classifier, // SR-MIL's slide classifier on each patch's encoder output
    Evidence,   // MilNet::patchEvidence
};

// A per-patch score over the test tumour slides, scored like the attention; NaN where the model
// has no such score.
double patchScoreAuc(const QString& runDir, const core::MilDataset& data, const core::LabelTable& labels,
                     PatchScore kind)
{
    const core::RunDescription run = core::RunFolder(runDir).readDescription();
    auto net = core::nets::makeNet(run.model, data.featureDimension(), labels.classNames.size());
    core::nets::loadWeights(core::RunFolder(runDir).bestWeightsPath(), *net, torch::kCPU);
    net->eval();
    auto* srmil = dynamic_cast<core::nets::SrMilNet*>(net.get());
    const int positive = int(labels.classNames.indexOf(QStringLiteral("tumour")));
    std::vector<double> score;
    std::vector<bool> tumour;
    torch::NoGradGuard noGrad;
    for (const core::MilSample& s : data.samples(QStringLiteral("test"))) {
        if (s.label != positive)
            continue;
        const auto tensors = core::nets::BagTensors::make(s.bag.features.data(), s.bag.count, s.bag.dimension,
                                                          s.graph, torch::kCPU);
        const torch::Tensor p = kind == PatchScore::Evidence ? net->patchEvidence(tensors, positive)
                                : srmil                      ? srmil->patchProbabilities(tensors, positive)
                                                             : torch::Tensor();
        if (!p.defined())
            return std::nan("");
        const torch::Tensor values = p.contiguous().to(torch::kDouble);
        score.insert(score.end(), values.data_ptr<double>(), values.data_ptr<double>() + s.bag.count);
        for (int i = 0; i < s.bag.count; ++i)
            tumour.push_back(s.bag.patchLabels[std::size_t(i)] > 0.5f);
    }
    return core::rocAuc(score, tumour);
}

// Trains `model` on the seed's split with its defaults (SR-MIL with `--w-gen auto` unless the
// spec fixes w_gen), then scores the test slides and the attention maps of the tumour slides;
// for a w_gen search, every candidate too (never used to choose).
QJsonObject trainAndScore(const QString& model, const QualitySpec& q, double signal,
                          const core::MilDataset& data, const core::LabelTable& labels, int seed, int threads)
{
    QElapsedTimer timer;
    timer.start();
    core::TrainConfig config = core::TrainConfig::defaultsFor(model);
    if (q.epochs > 0)
        config.epochs = q.epochs;
    config.seed = std::uint64_t(seed);
    config.threads = threads;
    config.device = QStringLiteral("cpu");
    const bool search = model == QLatin1String("srmil") && q.wGen.empty();
    config.wGenAuto = search;
    if (model == QLatin1String("srmil") && !search)
        config.model.wGen = q.wGen.front();
    if (model == QLatin1String("srmil") && q.maskRate > 0)
        config.model.maskRate = q.maskRate;
    QTemporaryDir run;
    const core::TrainResult r = core::trainRun(config, data, run.path(), nullptr, {}, nullptr);
    const core::RunFolder folder(run.path());
    QJsonObject line = taskKey(q, signal);
    line[QStringLiteral("seed")] = seed;
    line[QStringLiteral("model")] = model;
    line[QStringLiteral("test_auc")] = r.test.macroAuc;
    line[QStringLiteral("val_auc")] = r.bestValidation.macroAuc;
    line[QStringLiteral("attention_auc")] = attentionAuc(run.path(), data, labels);
    if (model == QLatin1String("srmil")) {
        line[QStringLiteral("w_gen")] = folder.readConfig()[QStringLiteral("w_gen")].toDouble();
        line[QStringLiteral("mask_rate")] = config.model.maskRate;
        line[QStringLiteral("patch_classifier_auc")] =
            patchScoreAuc(run.path(), data, labels, PatchScore::Classifier);
    }
    if (const double evidence = patchScoreAuc(run.path(), data, labels, PatchScore::Evidence);
        !std::isnan(evidence)) {
        line[QStringLiteral("evidence_auc")] = evidence;
        // Which definition (bench/results/README.md): lines without it hold the uncentred one.
        line[QStringLiteral("evidence_baseline")] = QStringLiteral("even");
    }
    if (search) {
        QJsonArray candidates;
        const QJsonArray searched = folder.readResult().value_or(core::RunResult{}).candidates;
        for (const QJsonValue v : searched) {
            const QJsonObject c = v.toObject();
            const QString dir = QDir(run.path()).filePath(c[QStringLiteral("run")].toString());
            candidates.append(QJsonObject{
                {QStringLiteral("w_gen"), c[QStringLiteral("w_gen")]},
                {QStringLiteral("kept"), c[QStringLiteral("kept")]},
                {QStringLiteral("val_auc"), c[QStringLiteral("val")].toObject()[QStringLiteral("auc")]},
                {QStringLiteral("test_auc"), c[QStringLiteral("test")].toObject()[QStringLiteral("auc")]},
                {QStringLiteral("attention_auc"), attentionAuc(dir, data, labels)},
                {QStringLiteral("evidence_auc"), patchScoreAuc(dir, data, labels, PatchScore::Evidence)}});
        }
        line[QStringLiteral("candidates")] = candidates;
    }
    line[QStringLiteral("seconds")] = timer.nsecsElapsed() / 1e9;
    line[QStringLiteral("threads")] = threads;
    line[QStringLiteral("date")] = QDate::currentDate().toString(Qt::ISODate);
    line[QStringLiteral("host")] = QSysInfo::machineHostName();
    return line;
}

// Two-sided 95 % Student t quantile for `df` degrees of freedom.
double t95(int df)
{
    static const double table[] = {0, 12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228};
    return df >= 1 && df <= 10 ? table[df] : 1.96 + 2.4 / df; // within 0.01 of the exact value above 10
}

QString joined(const std::vector<double>& values, int decimals)
{
    QStringList parts;
    for (const double v : values)
        parts << QString::number(v, 'f', decimals);
    return parts.join(QLatin1Char(' '));
}

double value(const QJsonObject& line, const char* key)
{
    const QJsonValue v = line[QLatin1String(key)];
    return v.isDouble() ? v.toDouble() : std::nan("");
}

// Per model and signal: the results file's lines of this task, by seed.
using Cells = std::map<QString, std::map<int, QJsonObject>>;

void summarize(const QualitySpec& q, double signal, const Cells& cells, std::map<QString, double>& firstPass)
{
    std::printf("  signal %.2f:\n", signal);
    for (const QString& model : q.models) {
        const auto found = cells.find(model);
        if (found == cells.end())
            continue;
        std::vector<double> auc, attention, wGen;
        double seconds = 0;
        for (const auto& [seed, line] : found->second) {
            auc.push_back(value(line, "test_auc"));
            attention.push_back(value(line, "attention_auc"));
            if (line.contains(QStringLiteral("w_gen")))
                wGen.push_back(value(line, "w_gen"));
            seconds += value(line, "seconds");
        }
        const auto [am, as] = meanSd(auc);
        const auto [tm, ts] = meanSd(attention);
        // Other per-patch readings of the same weights, where recorded.
        for (const auto& [key, name] :
             {std::pair{"patch_classifier_auc", "the slide classifier on each patch"},
              std::pair{"evidence_auc", "signed evidence (attention x centred slope)"}}) {
            std::vector<double> readout;
            for (const auto& [seed, line] : found->second)
                if (line.contains(QLatin1String(key)))
                    readout.push_back(value(line, key));
            if (readout.empty())
                continue;
            const auto [rm, rs] = meanSd(readout);
            std::printf("    %-9s %s: patch AUC %.3f ± %.3f (%d seeds)\n", qPrintable(model), name, rm, rs,
                        int(readout.size()));
        }
        if (am >= 0.8 && !firstPass.contains(model))
            firstPass[model] = signal;
        std::printf(
            "    %-9s %d seeds: test slide AUC %.3f ± %.3f | attention patch AUC %.3f ± %.3f | per seed %s | "
            "%.1f CPU-h%s\n",
            qPrintable(model), int(auc.size()), am, as, tm, ts, qPrintable(joined(auc, 2)),
            seconds * double(found->second.begin()->second[QStringLiteral("threads")].toInt(1)) / 3600,
            wGen.empty() ? "" : qPrintable(QStringLiteral(" | w_gen %1").arg(joined(wGen, 1))));
    }
    // Paired by seed (the same split), every pair of models: the lead with its 95 % CI and wins.
    for (int i = 0; i < q.models.size(); ++i)
        for (int j = i + 1; j < q.models.size(); ++j) {
            const auto a = cells.find(q.models[i]), b = cells.find(q.models[j]);
            if (a == cells.end() || b == cells.end())
                continue;
            for (const char* metric : {"test_auc", "attention_auc"}) {
                std::vector<double> difference;
                int wins = 0;
                for (const auto& [seed, line] : a->second)
                    if (const auto other = b->second.find(seed); other != b->second.end()) {
                        difference.push_back(value(line, metric) - value(other->second, metric));
                        wins += difference.back() > 0;
                    }
                if (difference.size() < 2)
                    continue;
                const auto [dm, ds] = meanSd(difference);
                const double half =
                    t95(int(difference.size()) - 1) * ds / std::sqrt(double(difference.size()));
                std::printf("    %s − %-8s %-13s %+.3f (95 %% CI %+.3f … %+.3f), ahead in %d of %d seeds\n",
                            qPrintable(q.models[i]), qPrintable(q.models[j]), metric, dm, dm - half,
                            dm + half, wins, int(difference.size()));
            }
        }
    // Does validation pick the candidate that localizes better on test?
    const auto srmil = cells.find(QStringLiteral("srmil"));
    if (srmil == cells.end())
        return;
    int searches = 0, betterSlide = 0, betterAttention = 0;
    for (const auto& [seed, line] : srmil->second) {
        const QJsonArray candidates = line[QStringLiteral("candidates")].toArray();
        if (candidates.size() < 2)
            continue;
        ++searches;
        double keptSlide = 0, keptAttention = 0, bestSlide = -1, bestAttention = -1;
        for (const QJsonValue v : candidates) {
            const QJsonObject c = v.toObject();
            bestSlide = std::max(bestSlide, value(c, "test_auc"));
            bestAttention = std::max(bestAttention, value(c, "attention_auc"));
            if (c[QStringLiteral("kept")].toBool()) {
                keptSlide = value(c, "test_auc");
                keptAttention = value(c, "attention_auc");
            }
        }
        betterSlide += keptSlide >= bestSlide;
        betterAttention += keptAttention >= bestAttention;
    }
    if (searches > 0)
        std::printf(
            "    w_gen on validation kept the candidate better on test in %d of %d seeds (slide AUC), "
            "%d of %d (attention patch AUC)\n",
            betterSlide, searches, betterAttention, searches);
}

} // namespace

void quality(int threads, const QualitySpec& q)
{
    std::printf(
        "quality: %s task, %d bags of %d-%d patches (D = %d%s), seeds %d-%d (each its own 5-fold split: "
        "60 %% train, 20 %% validation, 20 %% test), each model's default schedule%s; SR-MIL's w_gen %s, "
        "mask rate %s; "
        "%d thread(s) per run%s\n",
        q.mimics > 0 ? "context" : "plain", q.bags, q.minPatches, q.maxPatches, q.dim,
        q.mimics > 0 ? qPrintable(QStringLiteral(", mimics %1 + phantom tumours in negatives").arg(q.mimics))
                     : "",
        q.firstSeed, q.firstSeed + q.seeds - 1,
        q.epochs > 0 ? qPrintable(QStringLiteral(" but %1 epochs").arg(q.epochs)) : "",
        q.wGen.empty() ? "auto (1.8 or 1.0, on validation)" : qPrintable(joined(q.wGen, 2)),
        qPrintable(q.maskRate > 0
                       ? QString::number(q.maskRate)
                       : QStringLiteral("%1 (default)")
                             .arg(core::TrainConfig::defaultsFor(QStringLiteral("srmil")).model.maskRate)),
        threads, q.results.isEmpty() ? "" : qPrintable(QStringLiteral("; results in ") + q.results));
    std::fflush(stdout);
    std::map<QString, double> firstPass;
    for (const double signal : q.signals) {
        const QJsonObject key = taskKey(q, signal);
        Cells cells;
        // SR-MIL's lines count only for the same settings: the w_gen choice (the search, or the
        // fixed value) and the mask rate (lines without one were trained at the default).
        const double maskRate = q.maskRate > 0
                                    ? q.maskRate
                                    : core::TrainConfig::defaultsFor(QStringLiteral("srmil")).model.maskRate;
        const auto sameSettings = [&](const QJsonObject& line) {
            if (line[QStringLiteral("model")].toString() != QLatin1String("srmil"))
                return true;
            const bool searched = line.contains(QStringLiteral("candidates"));
            const bool sameWGen =
                q.wGen.empty() ? searched : !searched && value(line, "w_gen") == q.wGen.front();
            return sameWGen && line[QStringLiteral("mask_rate")].toDouble(maskRate) == maskRate;
        };
        for (const QJsonObject& line : readResults(q.results))
            if (sameTask(line, key) && sameSettings(line))
                cells[line[QStringLiteral("model")].toString()][line[QStringLiteral("seed")].toInt()] = line;
        const QString folder = qualityData(q, signal);
        const core::LabelTable labels = core::LabelTable::readCsv(folder + QStringLiteral("/labels.csv"));
        for (int seed = q.firstSeed; seed < q.firstSeed + q.seeds; ++seed) {
            std::optional<core::MilDataset> data;
            for (const QString& model : q.models) {
                if (cells[model].contains(seed) || q.summaryOnly)
                    continue; // recorded by an earlier piece of the sweep
                if (!data) {
                    const core::Split split = core::Split::kFold(labels, 5, std::uint64_t(seed))[0];
                    data = core::MilDataset::load(folder + QStringLiteral("/features"), labels, split);
                }
                const QJsonObject line = trainAndScore(model, q, signal, *data, labels, seed, threads);
                appendResult(q.results, line);
                cells[model][seed] = line;
                std::printf("    signal %.2f seed %d %-8s test AUC %.3f attention AUC %.3f evidence AUC "
                            "%.3f%s %.0f s\n",
                            signal, seed, qPrintable(model), value(line, "test_auc"),
                            value(line, "attention_auc"), value(line, "evidence_auc"),
                            line.contains(QStringLiteral("w_gen"))
                                ? qPrintable(QStringLiteral(" w_gen %1").arg(value(line, "w_gen")))
                                : "",
                            value(line, "seconds"));
                std::fflush(stdout);
            }
        }
        summarize(q, signal, cells, firstPass);
        std::fflush(stdout);
    }
    for (const QString& model : q.models)
        std::printf("  %-9s first signal with mean test slide AUC >= 0.8: %s\n", qPrintable(model),
                    firstPass.contains(model) ? qPrintable(QString::number(firstPass[model], 'f', 2))
                                              : "none");
}

void consistencyMaskRate(int threads, const QualitySpec& q)
{
    // One SR-MIL model on the context task; its maps at the inference rate (25 %, every patch
    // masked once in 4 rounds) against the training rate (70 %, 10 rounds: each patch 7 times).
    const double signal = q.signals.size() > 1 ? q.signals[1] : q.signals.front();
    const QString folder = qualityData(q, signal);
    const core::LabelTable labels = core::LabelTable::readCsv(folder + QStringLiteral("/labels.csv"));
    const core::Split split = core::Split::kFold(labels, 5, 1)[0];
    const core::MilDataset data = core::MilDataset::load(folder + QStringLiteral("/features"), labels, split);
    core::TrainConfig config = core::TrainConfig::defaultsFor(QStringLiteral("srmil"));
    if (q.epochs > 0)
        config.epochs = q.epochs;
    config.threads = threads;
    config.device = QStringLiteral("cpu");
    QTemporaryDir run;
    const core::TrainResult trained = core::Trainer(config, data, run.path()).run();
    torch::set_num_threads(threads);
    std::printf(
        "consistency map: SR-MIL trained on the context task (signal %.2f, %d epochs, test AUC %.3f); "
        "test slides' maps\n",
        signal, config.epochs, trained.test.macroAuc);
    auto net = core::nets::makeNet(config.model, data.featureDimension(), labels.classNames.size());
    core::nets::loadWeights(core::RunFolder(run.path()).bestWeightsPath(), *net, torch::kCPU);
    net->eval();
    auto* srmil = dynamic_cast<core::nets::SrMilNet*>(net.get());
    struct Rate {
        double rate;
        int rounds;
    };
    for (const Rate setting : {Rate{0.25, 4}, Rate{0.7, 10}, Rate{0.7, 4}}) {
        std::vector<double> mimicScore, tumourScore, boundaryScore, firstRun, secondRun;
        std::vector<bool> isMimic, isTumour, isBoundary;
        QElapsedTimer timer;
        timer.start();
        double mapSeconds = 0;
        for (const core::MilSample& s : data.samples(QStringLiteral("test"))) {
            const core::FeatureBag& bag = s.bag;
            const auto tensors = core::nets::BagTensors::make(bag.features.data(), bag.count, bag.dimension,
                                                              s.graph, torch::kCPU);
            torch::NoGradGuard noGrad;
            torch::manual_seed(1);
            timer.restart();
            const torch::Tensor first = srmil->consistency(tensors, setting.rate, setting.rounds);
            mapSeconds += timer.nsecsElapsed() / 1e9;
            torch::manual_seed(2);
            const torch::Tensor second = srmil->consistency(tensors, setting.rate, setting.rounds);
            const std::set<std::int64_t> mimics(bag.mimicPatches.begin(), bag.mimicPatches.end());
            std::set<std::pair<std::int64_t, std::int64_t>> tumourCells;
            for (int i = 0; i < bag.count; ++i)
                if (bag.patchLabels[std::size_t(i)] > 0.5f)
                    tumourCells.insert(
                        {bag.coords[std::size_t(2 * i)] / 256, bag.coords[std::size_t(2 * i + 1)] / 256});
            for (int i = 0; i < bag.count; ++i) {
                const double inconsistency = 1.0 - first[i].item<double>(); // high: unlike its neighbours
                firstRun.push_back(first[i].item<double>());
                secondRun.push_back(second[i].item<double>());
                const bool tumour = bag.patchLabels[std::size_t(i)] > 0.5f, mimic = mimics.contains(i);
                // Mimics (isolated, shifted) against plain normal patches.
                if (!tumour) {
                    mimicScore.push_back(inconsistency);
                    isMimic.push_back(mimic);
                }
                // Tumour as such: interior tumour against plain normal patches.
                const std::int64_t x = bag.coords[std::size_t(2 * i)] / 256,
                                   y = bag.coords[std::size_t(2 * i + 1)] / 256;
                bool edge = false;
                for (const auto& [dx, dy] : {std::pair{-1, 0}, {1, 0}, {0, -1}, {0, 1}})
                    edge = edge || (tumour != tumourCells.contains({x + dx, y + dy}));
                if (!mimic && (!tumour || !edge)) {
                    tumourScore.push_back(inconsistency);
                    isTumour.push_back(tumour);
                }
                // Boundaries: tumour patches on the tumour's edge against tumour interior.
                if (tumour) {
                    boundaryScore.push_back(inconsistency);
                    isBoundary.push_back(edge);
                }
            }
        }
        // Repeatability: Pearson correlation of two maps drawn with different masks.
        double ma = 0, mb = 0, sab = 0, saa = 0, sbb = 0;
        for (std::size_t i = 0; i < firstRun.size(); ++i) {
            ma += firstRun[i] / double(firstRun.size());
            mb += secondRun[i] / double(firstRun.size());
        }
        for (std::size_t i = 0; i < firstRun.size(); ++i) {
            sab += (firstRun[i] - ma) * (secondRun[i] - mb);
            saa += (firstRun[i] - ma) * (firstRun[i] - ma);
            sbb += (secondRun[i] - mb) * (secondRun[i] - mb);
        }
        std::printf(
            "  mask %2.0f %%, %2d rounds: AUC of 1 - consistency for mimics vs normal %.3f | tumour "
            "interior vs normal %.3f | tumour edge vs interior %.3f | repeat r = %.3f | %.1f ms per map\n",
            100 * setting.rate, setting.rounds, core::rocAuc(mimicScore, isMimic),
            core::rocAuc(tumourScore, isTumour), core::rocAuc(boundaryScore, isBoundary),
            sab / std::sqrt(saa * sbb),
            1000 * mapSeconds / double(data.samples(QStringLiteral("test")).size()));
        std::fflush(stdout);
    }
}

} // namespace tessera::bench::mil
