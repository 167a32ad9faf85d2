// Training speed against the PyTorch references, and one large step against the SR-MIL reference.
#include "BenchBags.h"
#include "MilBench.h"

#include "features/FeatureStore.h"
#include "model/SpatialGraph.h"
#include "model/nets/EdgeAggregation.h"
#include "model/nets/MilFactory.h"
#include "synth/SyntheticBags.h"
#include "system/CachingCpuAllocator.h"
#include "system/HeapTrimScope.h"
#include "train/Trainer.h"

#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>

#include <cmath>
#include <cstdio>

namespace tessera::bench::mil {

namespace {

double cppSecondsPerEpoch(const QString& model, const QString& folder, int threads, int epochs)
{
    torch::set_num_threads(threads);
    torch::manual_seed(1);
    const BenchBags loaded = loadBenchBags(folder);
    const std::vector<core::nets::BagTensors>& bags = loaded.bags;
    const std::vector<int>& labels = loaded.labels;
    const int dim = loaded.dimension;
    const core::TrainConfig defaults = core::TrainConfig::defaultsFor(model);
    core::ModelSpec spec;
    spec.name = model;
    auto net = core::nets::makeNet(spec, dim, 2);
    // As the references: AdamW 5e-4 / 1e-5; the model's own clipping (SR-MIL: none).
    torch::optim::AdamW optimizer(net->parameters(), torch::optim::AdamWOptions(5e-4).weight_decay(1e-5));
    net->train();
    const core::HeapTrimScope keepFreedHeapWhileTraining; // as Trainer::run
    double best = 1e300;
    for (int e = 0; e < epochs; ++e) {
        QElapsedTimer timer;
        timer.start();
        for (std::size_t i = 0; i < bags.size(); ++i) {
            optimizer.zero_grad();
            net->trainingStep(bags[i], labels[i], {}).total.backward();
            if (defaults.gradientClip > 0)
                torch::nn::utils::clip_grad_norm_(net->parameters(), defaults.gradientClip);
            optimizer.step();
        }
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    return best;
}

// A square-ish grid with 10 % holes, patch size 256 (srmil_reference.py --step lays it out the same).
std::vector<std::int64_t> gridCoords(int patches)
{
    const int columns = int(std::sqrt(patches / 0.9 * 1.33));
    std::vector<std::int64_t> coords;
    for (int i = 0; int(coords.size()) / 2 < patches; ++i)
        if (i % 10 != 3)
            coords.insert(coords.end(), {std::int64_t(i % columns) * 256, std::int64_t(i / columns) * 256});
    return coords;
}

} // namespace

void speed(int threads)
{
    const QString folder = dataDir(QStringLiteral("mil-speed"));
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
    const QString features = folder + QStringLiteral("/features");
    for (const QString& model : {QStringLiteral("srmil"), QStringLiteral("abmil")}) {
        const double cpp = cppSecondsPerEpoch(model, features, threads, 2);
        const QString out =
            model == QLatin1String("srmil")
                ? runPythonReference(
                      QStringLiteral("srmil_reference.py"),
                      {QStringLiteral("--epoch"), features, QString::number(threads), QStringLiteral("2")})
                : runPythonReference(QStringLiteral("abmil_reference.py"),
                                     {features, QString::number(threads), QStringLiteral("2")});
        const double py = out.toDouble();
        std::printf(
            "  %-8s C++ %7.2f s/epoch   PyTorch reference %7.2f s/epoch   speed-up %.2fx (target >= %s)\n",
            qPrintable(model), cpp, py, py > 0 ? py / cpp : 0.0,
            model == QLatin1String("srmil") ? "5" : "1.5");
        std::fflush(stdout);
    }
}

void stepChild(int patches, int dim, int threads, bool fused, int repeats)
{
    torch::set_num_threads(threads);
    core::nets::setFusedEdgeAggregation(fused);
    int64_t edges = 0;
    // As in training, only the bag's tensors stay: the graph's lists and the features' host copy go.
    auto bag = [&] {
        const core::SpatialGraph graph = core::SpatialGraph::fromCoords(gridCoords(patches), 256);
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
    double best = 1e300;
    for (int r = 0; r < repeats; ++r) {
        net->zero_grad();
        QElapsedTimer timer;
        timer.start();
        const bool verbose = qEnvironmentVariableIsSet("TESSERA_BENCH_VERBOSE");
        const auto live = [](const char* when) {
            const core::CpuCacheStatistics s = core::cpuCacheStatistics();
            std::fprintf(
                stderr,
                "%s: resident peak %.0f MiB; tensors of 1 MiB and more: %.0f MiB live, peak %.0f MiB\n", when,
                peakMiB(), double(s.liveBytes) / (1 << 20), double(s.windowPeakLiveBytes) / (1 << 20));
            core::restartLivePeak();
        };
        if (verbose)
            live("before the step");
        const auto losses = net->trainingStep(bag, 1, {});
        if (verbose)
            live("after forward");
        losses.total.backward();
        if (verbose)
            live("after backward");
        best = std::min(best, timer.nsecsElapsed() / 1e9);
    }
    std::printf("%d %lld %.1f %.1f %.3f\n", patches, (long long)edges, before, peakMiB(), best);
}

void stepAgainstReference(int patches, int dim, int threads)
{
    std::printf("one SR-MIL training step (forward + backward), %d patches, D = %d, %d threads, best of 3; "
                "memory: peak resident during the steps, and above the bag and net\n",
                patches, dim, threads);
    const QStringList cpp =
        runChild({QStringLiteral("--step-child"), QStringLiteral("fused"), QStringLiteral("--patches"),
                  QString::number(patches), QStringLiteral("--dim"), QString::number(dim),
                  QStringLiteral("--threads"), QString::number(threads), QStringLiteral("--repeats"),
                  QStringLiteral("3")})
            .split(QLatin1Char(' '));
    const QStringList py = runPythonReference(QStringLiteral("srmil_reference.py"),
                                              {QStringLiteral("--step"), QString::number(patches),
                                               QString::number(dim), QString::number(threads)})
                               .split(QLatin1Char(' '));
    if (cpp.size() < 5 || py.size() < 3)
        return;
    const double cppSeconds = cpp[4].toDouble(), cppPeak = cpp[3].toDouble(), cppBefore = cpp[2].toDouble();
    const double pySeconds = py[0].toDouble(), pyPeak = py[1].toDouble(), pyBefore = py[2].toDouble();
    std::printf("  C++                %6.2f s   peak %6.0f MiB   step +%6.0f MiB\n", cppSeconds, cppPeak,
                cppPeak - cppBefore);
    std::printf("  PyTorch reference  %6.2f s   peak %6.0f MiB   step +%6.0f MiB\n", pySeconds, pyPeak,
                pyPeak - pyBefore);
    std::printf("  C++ is %.1fx faster and takes %.1fx less memory in the step (%.1fx less at the peak) "
                "(targets >= 5x)\n",
                pySeconds / cppSeconds, (pyPeak - pyBefore) / std::max(1.0, cppPeak - cppBefore),
                pyPeak / cppPeak);
    std::fflush(stdout);
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
        const QStringList f =
            runChild({QStringLiteral("--step-child"),
                      fused ? QStringLiteral("fused") : QStringLiteral("indexadd"),
                      QStringLiteral("--patches"), QString::number(patches), QStringLiteral("--dim"),
                      QString::number(dim), QStringLiteral("--threads"), QString::number(threads)})
                .split(QLatin1Char(' '));
        if (f.size() < 5)
            continue;
        std::printf("  %-9s %s edges: peak RSS %.0f MiB (%.0f MiB before the step, +%.0f MiB), step %.1f s "
                    "(target < 2048 MiB)\n",
                    fused ? "fused" : "index_add", qPrintable(f[1]), f[3].toDouble(), f[2].toDouble(),
                    f[3].toDouble() - f[2].toDouble(), f[4].toDouble());
        std::fflush(stdout);
    }
}

} // namespace tessera::bench::mil
