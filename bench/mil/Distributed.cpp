// Data-parallel training on this machine: one epoch with 1 process against 2 processes × 1
// thread (tessera-cli train --nproc 2), and what one optimizer step sends through the
// all-reduce — the numbers behind the N-GPU projection in docs/BENCHMARKS.md.
#include "MilBench.h"

#include "model/nets/MilFactory.h"
#include "synth/SyntheticBags.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

namespace tessera::bench::mil {

namespace {

// 64 bags of 600–1 000 patches × 1 024: a cohort's features as a UNI/CONCH-class encoder gives them.
QString distributedData()
{
    const QString folder = dataDir(QStringLiteral("mil-distributed"));
    if (!QFileInfo::exists(folder + QStringLiteral("/labels.csv"))) {
        core::SyntheticBagsSpec spec;
        spec.slides = 64;
        spec.dimension = 1024;
        spec.minPatches = 600;
        spec.maxPatches = 1000;
        spec.seed = 5;
        core::writeSyntheticBags(spec, folder);
    }
    return folder;
}

double trainSeconds(const QString& data, const QStringList& extra, int epochs)
{
    QTemporaryDir run;
    const QString cli = QCoreApplication::applicationDirPath() + QStringLiteral("/../app/tessera-cli");
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(cli, QStringList{QStringLiteral("train"), QStringLiteral("--features"),
                                   data + QStringLiteral("/features"), QStringLiteral("--labels"),
                                   data + QStringLiteral("/labels.csv"), QStringLiteral("--folds"),
                                   QStringLiteral("4"), QStringLiteral("--fold"), QStringLiteral("0"),
                                   QStringLiteral("--model"), QStringLiteral("srmil"),
                                   QStringLiteral("--epochs"), QString::number(epochs),
                                   QStringLiteral("--out"), run.filePath(QStringLiteral("r"))} +
                           extra);
    process.waitForFinished(-1);
    if (process.exitCode() != 0)
        std::printf("train failed: %s\n", process.readAllStandardError().constData());
    return timer.nsecsElapsed() / 1e9;
}

} // namespace

void distributed(int repeats)
{
    const QString data = distributedData();
    const int epochs = 2;
    // What one step all-reduces: every gradient (float32) plus one presence flag per tensor.
    core::ModelSpec spec;
    spec.name = QStringLiteral("srmil");
    const auto net = core::nets::makeNet(spec, 1024, 2);
    std::int64_t values = 0, tensors = 0;
    for (const torch::Tensor& p : net->parameters()) {
        values += p.numel();
        ++tensors;
    }
    const double bytes = double(values + tensors) * 4;
    std::printf("SR-MIL on 1024-d features: %lld parameters in %lld tensors; all-reduced per optimizer step: "
                "%.2f MB\n",
                static_cast<long long>(values), static_cast<long long>(tensors), bytes / 1e6);
    struct Setting {
        const char* name;
        QStringList arguments;
    };
    const std::vector<Setting> settings{
        {"1 process x 1 thread", {QStringLiteral("--threads"), QStringLiteral("1")}},
        {"1 process x 2 threads", {QStringLiteral("--threads"), QStringLiteral("2")}},
        {"2 processes x 1 thread",
         {QStringLiteral("--nproc"), QStringLiteral("2"), QStringLiteral("--threads"), QStringLiteral("2")}},
    };
    std::printf("%d epochs of 48 training bags, --slides-per-step 2 in every setting (the same steps):\n",
                epochs);
    std::vector<double> best(settings.size(), 1e300);
    for (int r = 0; r < repeats; ++r) // interleaved: the VM drifts
        for (std::size_t s = 0; s < settings.size(); ++s)
            best[s] = std::min(
                best[s], trainSeconds(data,
                                      settings[s].arguments + QStringList{QStringLiteral("--slides-per-step"),
                                                                          QStringLiteral("2")},
                                      epochs));
    for (std::size_t s = 0; s < settings.size(); ++s)
        std::printf("  %-24s %7.1f s (best of %d)   vs 1 x 1: %.2fx\n", settings[s].name, best[s], repeats,
                    best[0] / best[s]);
    const double steps = 48.0 / 2 * epochs;
    std::printf(
        "  per optimizer step (2 slides): 1x1 %.0f ms, 2x1 %.0f ms; all-reduce of %.2f MB per step on "
        "loopback\n",
        best[0] / steps * 1000, best[2] / steps * 1000, bytes / 1e6);
}

} // namespace tessera::bench::mil
