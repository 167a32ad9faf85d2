// MIL engine benchmarks (the parts are in bench/mil/).
//  speed (default): seconds per training epoch of the C++ models against the PyTorch references
//    (bench/reference/srmil_reference.py — the published SR-MIL — and abmil_reference.py), same
//    bags, same threads.
//  --step: one SR-MIL training step on a 10 000-patch, 1024-d bag, C++ against the reference:
//    time and memory.
//  --memory: peak resident memory of one SR-MIL step on a 100k-patch bag, fused edge aggregation
//    against index_add, each in its own process.
//  --cpu: user and system CPU time of one training epoch under the runtime settings before and
//    after the single thread pool and the caching allocator.
//  --quality: SR-MIL vs ABMIL vs TransMIL on the context task over seeds and signal strengths;
//    SR-MIL with --w-gen auto unless --w-gen fixes it; with --results FILE every run is a JSON line
//    there, cells already in it are read back (a sweep runs in pieces), and the summary covers
//    every seed the file holds: paired leads with 95 % CIs, seeds won, first signal past 0.8.
//  --consistency: the reconstruction-consistency map at the inference and the training mask rates.
//  --distributed: one epoch with 1 process against 2 processes x 1 thread (tessera-cli train
//    --nproc 2) and the bytes all-reduced per step  [--repeats 2].
//
//  bench_mil [--step | --memory | --cpu | --quality | --consistency | --distributed] [--threads 2]
//            [--patches N --dim D]                                (--step, --memory)
//            [--bags 200 --min-patches 60 --max-patches 160 --feature-dim 32 --seeds 5 --first-seed 1
//            --epochs E
//             --mimics 0.05 --signals 0.15,0.3,0.6 --models srmil,abmil,transmil --w-gen auto|w
//             --mask-rate R (SR-MIL's, default 0.7) --results FILE.jsonl [--summary-only]]
#include "mil/MilBench.h"
#include "support/BenchSlide.h"
#include "system/RuntimeEnvironment.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

using namespace tessera;
using namespace tessera::bench::mil;

namespace {

std::vector<double> numbers(const QString& list)
{
    std::vector<double> values;
    for (const QString& v : list.split(QLatin1Char(','), Qt::SkipEmptyParts))
        values.push_back(v.toDouble());
    return values;
}

QualitySpec qualitySpec(const QStringList& args)
{
    QualitySpec q;
    q.bags = bench::intArgument(args, "--bags", q.bags);
    q.minPatches = bench::intArgument(args, "--min-patches", q.minPatches);
    q.maxPatches = bench::intArgument(args, "--max-patches", q.maxPatches);
    q.dim = bench::intArgument(args, "--feature-dim", q.dim);
    q.seeds = bench::intArgument(args, "--seeds", q.seeds);
    q.firstSeed = bench::intArgument(args, "--first-seed", q.firstSeed);
    q.epochs = bench::intArgument(args, "--epochs", q.epochs);
    if (const qsizetype i = args.indexOf(QStringLiteral("--mimics")); i >= 0)
        q.mimics = args.value(i + 1).toDouble();
    if (const qsizetype i = args.indexOf(QStringLiteral("--signals")); i >= 0)
        q.signals = numbers(args.value(i + 1));
    if (const qsizetype i = args.indexOf(QStringLiteral("--models")); i >= 0)
        q.models = args.value(i + 1).split(QLatin1Char(','));
    if (const qsizetype i = args.indexOf(QStringLiteral("--w-gen"));
        i >= 0 && args.value(i + 1) != QLatin1String("auto"))
        q.wGen = numbers(args.value(i + 1));
    if (const qsizetype i = args.indexOf(QStringLiteral("--mask-rate")); i >= 0) {
        bool ok = false;
        q.maskRate = args.value(i + 1).toDouble(&ok);
        if (!ok || q.maskRate <= 0 || q.maskRate >= 1) {
            std::fprintf(stderr, "--mask-rate takes a number in (0, 1), got '%s'\n",
                         qPrintable(args.value(i + 1)));
            std::exit(2);
        }
    }
    if (const qsizetype i = args.indexOf(QStringLiteral("--results")); i >= 0)
        q.results = args.value(i + 1);
    q.summaryOnly = args.contains(QStringLiteral("--summary-only"));
    return q;
}

} // namespace

int main(int argc, char* argv[])
{
    // As tessera and tessera-cli run (the Python references inherit the same settings).
    core::restartWithRuntimeSettings(argv);
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int threads = bench::intArgument(args, "--threads", 2);
    const bool step = args.contains(QStringLiteral("--step"));
    const int patches = bench::intArgument(args, "--patches", step ? 10000 : 100000),
              dim = bench::intArgument(args, "--dim", 1024);
    if (const qsizetype child = args.indexOf(QStringLiteral("--step-child")); child >= 0)
        stepChild(patches, dim, threads, args.value(child + 1) == QLatin1String("fused"),
                  bench::intArgument(args, "--repeats", 1));
    else if (const qsizetype cpu = args.indexOf(QStringLiteral("--cpu-child")); cpu >= 0)
        cpuTimeChild(args.value(cpu + 1), threads);
    else if (step)
        stepAgainstReference(patches, dim, threads);
    else if (args.contains(QStringLiteral("--memory")))
        memory(patches, dim, threads);
    else if (args.contains(QStringLiteral("--cpu")))
        cpuTime(threads);
    else if (args.contains(QStringLiteral("--distributed")))
        distributed(bench::intArgument(args, "--repeats", 2));
    else if (args.contains(QStringLiteral("--quality")))
        quality(threads, qualitySpec(args));
    else if (args.contains(QStringLiteral("--consistency")))
        consistencyMaskRate(threads, qualitySpec(args));
    else
        speed(threads);
    return 0;
}
