// MIL engine benchmarks.
//  speed (default): seconds per training epoch of the C++ models vs the PyTorch reference of
//    the same models (bench/reference/mil_reference.py, Debian python3-torch), same bags,
//    same threads.
//  --quality: SR-MIL vs ABMIL vs TransMIL on synthetic bags over 5 seeds — test slide AUC
//    and patch-localization AUC of the attention and consistency maps against the truth; with
//    several --w-gen values SR-MIL trains each and keeps, per seed, the best on validation.
//  --memory: peak resident memory of one SR-MIL training step (forward + backward) on a
//    100k-patch bag, fused edge aggregation vs the index_add reference, each in its own process.
//  bench_mil [--quality [--signal 0.35] [--bags 60] [--max-patches 500] [--epochs 30]
//             [--models srmil,abmil,transmil] [--w-gen 0.3,1,1.8] | --memory [--patches 100000] [--dim 1024]]
//             [--threads 2]
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "model/SpatialGraph.h"
#include "model/nets/Checkpoint.h"
#include "model/nets/EdgeAggregation.h"
#include "model/nets/MilFactory.h"
#include "run/Metrics.h"
#include "support/BenchSlide.h"
#include "synth/SyntheticBags.h"
#include "system/RuntimeEnvironment.h"
#include "train/Trainer.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <memory>

using namespace tessera;

namespace {

QString dataDir(const char* name)
{
    return QDir(qEnvironmentVariable("TESSERA_BENCH_DATA", QStringLiteral("/tmp/tessera-bench")))
        .filePath(QLatin1String(name));
}

double cppSecondsPerEpoch(const QString& model, const QString& folder, int threads, int epochs)
{
    torch::set_num_threads(threads);
    torch::manual_seed(1);
    std::vector<core::nets::BagTensors> bags;
    std::vector<int> labels;
    int dim = 0;
    for (const QFileInfo& f : QDir(folder).entryInfoList({QStringLiteral("*.h5")}, QDir::Files, QDir::Name)) {
        const core::FeatureBag bag = core::FeatureStore::read(f.filePath());
        bags.push_back(core::nets::BagTensors::make(bag.features.data(), bag.count, bag.dimension,
                                                    core::SpatialGraph::fromCoords(bag.coords), torch::kCPU));
        labels.push_back(*std::max_element(bag.patchLabels.begin(), bag.patchLabels.end()) > 0);
        dim = bag.dimension;
    }
    core::ModelSpec spec;
    spec.name = model;
    auto net = core::nets::makeNet(spec, dim, 2);
    torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(5e-4).weight_decay(1e-5));
    net->train();
    double best = 1e300;
    for (int e = 0; e < epochs; ++e) {
        QElapsedTimer timer;
        timer.start();
        for (std::size_t i = 0; i < bags.size(); ++i) {
            optimizer.zero_grad();
            net->trainingStep(bags[i], labels[i], {}).total.backward();
            torch::nn::utils::clip_grad_norm_(net->parameters(), 5.0);
            optimizer.step();
        }
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    return best;
}

double pythonSecondsPerEpoch(const QString& model, const QString& folder, int threads, int epochs)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 {QStringLiteral(TESSERA_BENCH_SOURCE_DIR "/reference/mil_reference.py"), model, folder,
                  QString::number(threads), QString::number(epochs)});
    python.waitForFinished(-1);
    bool ok = false;
    const double seconds = QString::fromUtf8(python.readAllStandardOutput()).trimmed().toDouble(&ok);
    if (!ok)
        std::printf("python reference failed: %s\n", python.readAllStandardError().right(400).constData());
    return ok ? seconds : -1;
}

void speed(int threads)
{
    const QString folder = dataDir("mil-speed");
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv"))) {
        core::SyntheticBagsSpec spec;
        spec.slides = 20;
        spec.dimension = 128;
        spec.minPatches = 500;
        spec.maxPatches = 2000;
        spec.seed = 77;
        core::writeSyntheticBags(spec, folder);
    }
    std::printf("training speed: 20 bags of 500-2000 patches, D = 128, %d threads, best of 2 epochs\n",
                threads);
    for (const QString& model : {QStringLiteral("srmil"), QStringLiteral("abmil")}) {
        const double cpp = cppSecondsPerEpoch(model, folder + QStringLiteral("/features"), threads, 2);
        const double py = pythonSecondsPerEpoch(model, folder + QStringLiteral("/features"), threads, 2);
        std::printf(
            "  %-8s C++ %7.2f s/epoch   PyTorch reference %7.2f s/epoch   speed-up %.2fx (target >= 1.5)\n",
            qPrintable(model), cpp, py, py > 0 ? py / cpp : 0.0);
    }
}

struct QualitySpec {
    int epochs = 30;
    double signal = 0.35;
    int bags = 60;
    int maxPatches = 500;
    QStringList models{QStringLiteral("srmil"), QStringLiteral("abmil"), QStringLiteral("transmil")};
    std::vector<double> wGen{core::ModelSpec().wGen}; // SR-MIL candidates, picked on validation
};

void quality(int threads, const QualitySpec& q)
{
    const QString folder = dataDir(qPrintable(QStringLiteral("mil-quality-%1-bags-%2-signal-%3")
                                                  .arg(q.bags)
                                                  .arg(q.maxPatches)
                                                  .arg(q.signal, 0, 'f', 2)));
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv"))) {
        core::SyntheticBagsSpec spec;
        spec.slides = q.bags;
        spec.dimension = 32;
        spec.signal = q.signal;
        spec.maxPatches = q.maxPatches;
        spec.minPatches = std::min(spec.minPatches, q.maxPatches / 2);
        spec.seed = 2026;
        core::writeSyntheticBags(spec, folder);
    }
    const core::LabelTable labels = core::LabelTable::readCsv(folder + QStringLiteral("/labels.csv"));
    std::printf("quality: %d synthetic bags of <= %d patches (signal %.2f, D = 32), 5-fold split per seed, "
                "%d epochs, best-by-val\n",
                q.bags, q.maxPatches, q.signal, q.epochs);
    for (const QString& model : q.models) {
        QElapsedTimer timer;
        timer.start();
        std::vector<double> slideAuc, attentionAuc, consistencyAuc, chosenWGen;
        // SR-MIL's w_gen is picked per seed by validation AUC among q.wGen (test is not looked at).
        const std::vector<double> candidates =
            model == QLatin1String("srmil") ? q.wGen : std::vector<double>{core::ModelSpec().wGen};
        for (int seed = 1; seed <= 5; ++seed) {
            const core::Split split = core::Split::kFold(labels, 5, std::uint64_t(seed))[0];
            const core::MilDataset data =
                core::MilDataset::load(folder + QStringLiteral("/features"), labels, split);
            std::unique_ptr<QTemporaryDir> best;
            core::TrainResult bestResult;
            double bestWGen = 0;
            for (const double wGen : candidates) {
                core::TrainConfig config;
                config.model.name = model;
                config.epochs = q.epochs;
                config.seed = std::uint64_t(seed);
                config.threads = threads;
                config.device = QStringLiteral("cpu");
                config.model.wGen = wGen;
                auto run = std::make_unique<QTemporaryDir>();
                const core::TrainResult r = core::Trainer(config, data, run->path()).run();
                if (!best || r.bestValidation.macroAuc > bestResult.bestValidation.macroAuc) {
                    best = std::move(run);
                    bestResult = r;
                    bestWGen = wGen;
                }
            }
            slideAuc.push_back(bestResult.test.macroAuc);
            chosenWGen.push_back(bestWGen);
            const core::Predictor predictor(best->path(), QStringLiteral("cpu"));
            std::vector<double> att, cons;
            std::vector<bool> truthA, truthC;
            for (const core::MilSample& s : data.samples(QStringLiteral("test"))) {
                if (s.label != labels.classNames.indexOf(QStringLiteral("tumour")))
                    continue;
                const core::Prediction p = predictor.predict(s.bag);
                for (int i = 0; i < s.bag.count; ++i) {
                    att.push_back(p.attention[std::size_t(i)] * s.bag.count); // comparable across slides
                    truthA.push_back(s.bag.patchLabels[std::size_t(i)] > 0.5f);
                    if (!p.consistency.empty()) {
                        cons.push_back(p.consistency[std::size_t(i)]);
                        truthC.push_back(s.bag.patchLabels[std::size_t(i)] > 0.5f);
                    }
                }
            }
            attentionAuc.push_back(core::rocAuc(att, truthA));
            if (!cons.empty())
                consistencyAuc.push_back(core::rocAuc(cons, truthC));
        }
        const auto meanSd = [](const std::vector<double>& v) {
            if (v.empty())
                return std::make_pair(std::nan(""), std::nan(""));
            double m = 0, s = 0;
            for (double x : v)
                m += x / double(v.size());
            for (double x : v)
                s += (x - m) * (x - m) / double(std::max<std::size_t>(1, v.size() - 1));
            return std::make_pair(m, std::sqrt(s));
        };
        const auto [am, as] = meanSd(slideAuc);
        const auto [tm, ts] = meanSd(attentionAuc);
        const auto [cm, cs] = meanSd(consistencyAuc);
        QString chosen;
        if (candidates.size() > 1)
            for (const double w : chosenWGen)
                chosen += QStringLiteral(" %1").arg(w);
        std::printf("  %-9s test slide AUC %.3f ± %.3f | patch AUC attention %.3f ± %.3f | consistency %s | "
                    "%.0f s%s\n",
                    qPrintable(model), am, as, tm, ts,
                    consistencyAuc.empty()
                        ? "n/a"
                        : qPrintable(QStringLiteral("%1 ± %2").arg(cm, 0, 'f', 3).arg(cs, 0, 'f', 3)),
                    timer.nsecsElapsed() / 1e9,
                    chosen.isEmpty() ? "" : qPrintable(QStringLiteral(" | w_gen by validation:") + chosen));
        std::fflush(stdout);
    }
}

// Peak resident set size of this process so far (Linux VmHWM), in MiB.
double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

// Restarts VmHWM at the current resident size (Linux: "5" to clear_refs).
void resetPeakMiB()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

// One training step on an n-patch bag (a square-ish grid with 10 % holes) and what it cost.
void memoryChild(int patches, int dim, int threads, bool fused)
{
    torch::set_num_threads(threads);
    core::nets::setFusedEdgeAggregation(fused);
    const int columns = int(std::sqrt(patches / 0.9 * 1.33));
    std::vector<std::int64_t> coords;
    for (int i = 0; int(coords.size()) / 2 < patches; ++i)
        if (i % 10 != 3)
            coords.insert(coords.end(), {std::int64_t(i % columns) * 256, std::int64_t(i / columns) * 256});
    // As in training, only the bag's tensors stay: the graph's lists and the features' host copy go.
    int64_t edges = 0;
    auto bag = [&] {
        const core::SpatialGraph graph = core::SpatialGraph::fromCoords(coords);
        edges = graph.edgeCount();
        std::vector<float> features(std::size_t(patches) * dim);
        for (std::size_t i = 0; i < features.size(); ++i)
            features[i] = float((i * 2654435761u) % 1000) / 1000.f;
        return core::nets::BagTensors::make(features.data(), patches, dim, graph, torch::kCPU);
    }();
    auto net = core::nets::makeNet(core::ModelSpec(), dim, 2);
    net->train();
    // Building the bag copied the features once more than training needs: restart the peak here,
    // so that it covers the step (with the bag, the net and the runtime resident).
    resetPeakMiB();
    const double before = peakMiB();
    QElapsedTimer timer;
    timer.start();
    const auto losses = net->trainingStep(bag, 1, {});
    if (qEnvironmentVariableIsSet("TESSERA_BENCH_VERBOSE"))
        std::fprintf(stderr, "after forward: %.0f MiB\n", peakMiB());
    losses.total.backward();
    std::printf("%d %lld %.1f %.1f %.2f\n", patches, (long long)edges, before, peakMiB(),
                timer.nsecsElapsed() / 1e9);
}

void memory(int patches, int dim, int threads)
{
    std::printf(
        "memory: one SR-MIL training step (forward + backward), %d patches, D = %d, hidden 64, 4 heads, "
        "%d threads\n",
        patches, dim, threads);
    for (const bool fused : {true, false}) {
        // index_add keeps ≈ 10 per-edge message tensors [E, 4, 64] per layer; past ~8 GB this
        // machine would swap or kill it.
        const double messageGiB = 10.0 * patches * 22.4 * 4 * 64 * 4 / double(1 << 30);
        if (!fused && messageGiB > 8) {
            std::printf("  index_add skipped (≈ %.0f GiB of per-edge messages)\n", messageGiB);
            continue;
        }
        QProcess child;
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--memory-child"),
                     fused ? QStringLiteral("fused") : QStringLiteral("indexadd"),
                     QStringLiteral("--patches"), QString::number(patches), QStringLiteral("--dim"),
                     QString::number(dim), QStringLiteral("--threads"), QString::number(threads)});
        child.waitForFinished(-1);
        const QStringList f =
            QString::fromUtf8(child.readAllStandardOutput()).trimmed().split(QLatin1Char(' '));
        if (f.size() < 5) {
            std::printf("  %s: failed (%s)\n", fused ? "fused" : "index_add",
                        qPrintable(QString::fromUtf8(child.readAllStandardError()).right(300)));
            continue;
        }
        std::printf("  %-9s %s edges: peak RSS %.0f MiB (%.0f MiB before the step, +%.0f MiB), step %.1f s "
                    "(target < 2048 MiB)\n",
                    fused ? "fused" : "index_add", qPrintable(f[1]), f[3].toDouble(), f[2].toDouble(),
                    f[3].toDouble() - f[2].toDouble(), f[4].toDouble());
        std::fflush(stdout);
    }
}

} // namespace

int main(int argc, char* argv[])
{
    // As tessera and tessera-cli run (the Python reference inherits the same settings).
    core::restartWithRuntimeSettings(argv);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int threads = bench::intArgument(args, "--threads", 2);
    const int patches = bench::intArgument(args, "--patches", 100000),
              dim = bench::intArgument(args, "--dim", 1024);
    if (const qsizetype child = args.indexOf(QStringLiteral("--memory-child")); child >= 0)
        memoryChild(patches, dim, threads, args.value(child + 1) == QLatin1String("fused"));
    else if (args.contains(QStringLiteral("--memory")))
        memory(patches, dim, threads);
    else if (args.contains(QStringLiteral("--quality"))) {
        QualitySpec q;
        q.epochs = bench::intArgument(args, "--epochs", q.epochs);
        q.bags = bench::intArgument(args, "--bags", q.bags);
        q.maxPatches = bench::intArgument(args, "--max-patches", q.maxPatches);
        if (const qsizetype i = args.indexOf(QStringLiteral("--signal")); i >= 0)
            q.signal = args.value(i + 1).toDouble();
        if (const qsizetype i = args.indexOf(QStringLiteral("--models")); i >= 0)
            q.models = args.value(i + 1).split(QLatin1Char(','));
        if (const qsizetype i = args.indexOf(QStringLiteral("--w-gen")); i >= 0) {
            q.wGen.clear();
            for (const QString& w : args.value(i + 1).split(QLatin1Char(',')))
                q.wGen.push_back(w.toDouble());
        }
        quality(threads, q);
    } else
        speed(threads);
    return 0;
}
