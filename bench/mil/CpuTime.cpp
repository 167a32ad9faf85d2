// Where training's CPU time goes: user against system time of one epoch, per runtime setting.
#include "BenchBags.h"
#include "MilBench.h"

#include "features/FeatureStore.h"
#include "model/SpatialGraph.h"
#include "model/nets/MilFactory.h"
#include "synth/SyntheticBags.h"
#include "system/CachingCpuAllocator.h"
#include "system/RuntimeEnvironment.h"
#include "train/Trainer.h"

#include <torch/torch.h>

#include <QDir>
#include <QFileInfo>

#include <cstdio>

namespace tessera::bench::mil {

namespace {

QString cpuData()
{
    // The workload of the measurement that found the problem: 120 bags of about 1 000 × 64.
    const QString folder = dataDir(QStringLiteral("mil-cpu"));
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv"))) {
        core::SyntheticBagsSpec spec;
        spec.slides = 120;
        spec.dimension = 64;
        spec.minPatches = 800;
        spec.maxPatches = 1200;
        spec.seed = 3;
        core::writeSyntheticBags(spec, folder);
    }
    return folder + QStringLiteral("/features");
}

struct Setting {
    const char* name;
    QStringList environment;
};

} // namespace

void cpuTimeChild(const QString& model, int threads)
{
    torch::set_num_threads(threads);
    torch::manual_seed(1);
    const BenchBags loaded = loadBenchBags(cpuData());
    const std::vector<core::nets::BagTensors>& bags = loaded.bags;
    const std::vector<int>& labels = loaded.labels;
    const int dim = loaded.dimension;
    const core::TrainConfig config = core::TrainConfig::defaultsFor(model);
    core::ModelSpec spec;
    spec.name = model;
    auto net = core::nets::makeNet(spec, dim, 2);
    torch::optim::AdamW optimizer(
        net->parameters(), torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));
    net->train();
    const CpuTimes start = cpuTimesNow();
    for (std::size_t i = 0; i < bags.size(); ++i) {
        optimizer.zero_grad();
        net->trainingStep(bags[i], labels[i], {}).total.backward();
        if (config.gradientClip > 0)
            torch::nn::utils::clip_grad_norm_(net->parameters(), config.gradientClip);
        optimizer.step();
    }
    const CpuTimes used = cpuTimesNow() - start;
    const core::CpuCacheStatistics cache = core::cpuCacheStatistics();
    std::printf("%.2f %.2f %.2f %s %llu %llu\n", used.wall, used.user, used.system,
                qPrintable(core::blasThreadingName().section(QLatin1Char(' '), 0, 0)),
                (unsigned long long)cache.hits, (unsigned long long)cache.misses);
}

void cpuTime(int threads)
{
    cpuData();
    // The child processes start as tessera-cli does (restartWithRuntimeSettings); the first
    // setting restores the runtime as it was before (OpenBLAS's own pool, malloc).
    const QByteArray path = qgetenv("LD_LIBRARY_PATH");
    QStringList withoutOpenMpBlas;
    for (const QByteArray& entry : path.split(':'))
        if (!entry.isEmpty() && !entry.contains("openblas-openmp"))
            withoutOpenMpBlas << QString::fromLocal8Bit(entry);
    const QString previousPath =
        QStringLiteral("LD_LIBRARY_PATH=") +
        (withoutOpenMpBlas.isEmpty() ? QStringLiteral("-") : withoutOpenMpBlas.join(QLatin1Char(':')));
    const Setting settings[] = {
        {"before (OpenBLAS pool, malloc)",
         {previousPath, QStringLiteral("TESSERA_RUNTIME_DEFAULTS=1"),
          QStringLiteral("OMP_WAIT_POLICY=passive"), QStringLiteral("MALLOC_MMAP_THRESHOLD_=1048576"),
          QStringLiteral("OPENBLAS_NUM_THREADS=-"),
          QStringLiteral("OPENBLAS_CORETYPE=") +
              qEnvironmentVariable("OPENBLAS_CORETYPE", QStringLiteral("-"))}},
        {"one thread pool, malloc", {QStringLiteral("TESSERA_CPU_ALLOCATOR=malloc")}},
        {"one pool + caching allocator", {QStringLiteral("TESSERA_CPU_ALLOCATOR=-")}},
    };
    std::printf("CPU time of one training epoch: 120 bags of 800-1200 patches, D = 64, %d threads "
                "(getrusage of the training loop)\n",
                threads);
    for (const QString& model : {QStringLiteral("srmil"), QStringLiteral("transmil")}) {
        double firstWall = 0;
        for (const Setting& setting : settings) {
            const QStringList f = runChild({QStringLiteral("--cpu-child"), model, QStringLiteral("--threads"),
                                            QString::number(threads)},
                                           setting.environment)
                                      .split(QLatin1Char(' '));
            if (f.size() < 6)
                continue;
            const double wall = f[0].toDouble(), user = f[1].toDouble(), system = f[2].toDouble();
            if (firstWall == 0)
                firstWall = wall;
            std::printf("  %-8s %-30s wall %6.1f s  user %6.1f s  system %6.1f s  user share %3.0f %%  "
                        "speed-up %.2fx  (BLAS %s, cache hits/misses %s/%s)\n",
                        qPrintable(model), setting.name, wall, user, system, 100 * user / (user + system),
                        firstWall / wall, qPrintable(f[3]), qPrintable(f[4]), qPrintable(f[5]));
            std::fflush(stdout);
        }
    }
}

} // namespace tessera::bench::mil
