// Uncertainty from a k-fold ensemble against MC dropout (docs/TRUST.md "Uncertainty"), on
// synthetic feature bags with per-patch ground truth, per seed: 200 slides (the first half
// tumour), 120 of them split into k folds (each fold trains on k−2 parts, validates on one, tests
// on one) and every slide i with i mod 5 ≥ 3 (80, half tumour) held out from every fold. On the 80:
//  - slide AUC and ECE (10 bins) of the ensemble against its folds' mean;
//  - whether the spread finds the slides the ensemble gets wrong (AUROC of the score against
//    "misclassified at 0.5"): the folds' probability SD, MC dropout's SD (fold 0, 20 passes with
//    dropout on), and 1 − the ensemble's top probability as the plain baseline;
//  - whether the uncertainty map finds the patches the attention map gets wrong, on tumour slides:
//    the map called at the slide's true tumour share (its top share called tumour), a patch is
//    wrong where that call differs from the truth; AUROC of the ensemble's map (the SD over folds
//    of attention × N), of MC dropout's SD of the attention percentile, and of two other fold
//    maps (the SD of the percentile, a top-decile vote split);
//  - whether a slide's mean uncertainty says how well its map localizes: on tumour slides, the
//    Spearman correlation between the mean uncertainty and the attention map's patch AUC
//    (negative: the hotter the uncertainty map, the worse the map);
//  - the cost: the ensemble's inference time against one fold's, in the same process.
//   bench_uncertainty [--seeds 3] [--folds 5] [--epochs 25] [--signal 1.5] [--model srmil] [--threads 1]
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "model/SpatialGraph.h"
#include "model/nets/MilFactory.h"
#include "model/nets/NetWeights.h"
#include "run/Metrics.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"
#include "trust/Calibration.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <numeric>

using namespace tessera::core;

namespace {

constexpr int kSlides = 200, kCrossValidated = 120, kPasses = 20;

bool heldOut(int slide)
{
    return slide % 5 >= 3;
}

QString slideId(int i)
{
    return QStringLiteral("slide_%1").arg(i, 3, 10, QLatin1Char('0'));
}

std::vector<double> places(const std::vector<float>& values)
{
    std::vector<std::size_t> order(values.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<double> place(values.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        place[order[r]] = double(r) / double(std::max<std::size_t>(1, order.size() - 1));
    return place;
}

// Per element, the standard deviation over rows.
std::vector<double> spreadOf(const std::vector<std::vector<double>>& rows)
{
    std::vector<double> sd(rows.front().size());
    for (std::size_t i = 0; i < sd.size(); ++i) {
        double sum = 0, squares = 0;
        for (const auto& r : rows) {
            sum += r[i];
            squares += r[i] * r[i];
        }
        const double m = sum / double(rows.size());
        sd[i] = std::sqrt(std::max(0.0, squares / double(rows.size()) - m * m));
    }
    return sd;
}

// MC dropout on one trained run: its network in training mode (dropout on), `kPasses` passes.
struct DropoutSample {
    double probabilitySpread = 0;   // SD of the tumour probability
    std::vector<double> rankSpread; // per patch: SD of its attention percentile
};

DropoutSample mcDropout(nets::MilNet& net, const FeatureBag& bag, double temperature)
{
    torch::NoGradGuard noGrad;
    const SpatialGraph graph = SpatialGraph::fromCoords(bag.coords, bag.patchSizeLevel0);
    const nets::BagTensors tensors =
        nets::BagTensors::make(bag.features.data(), bag.count, bag.dimension, graph, torch::kCPU);
    net.train();
    std::vector<std::vector<double>> probability, ranks;
    for (int pass = 0; pass < kPasses; ++pass) {
        probability.push_back({torch::softmax(net.logits(tensors) / temperature, 0)[1].item<double>()});
        const torch::Tensor a = net.attention(tensors).contiguous();
        ranks.push_back(places(std::vector<float>(a.data_ptr<float>(), a.data_ptr<float>() + a.numel())));
    }
    net.eval();
    return {spreadOf(probability)[0], spreadOf(ranks)};
}

// Other per-patch disagreement maps from the folds' attention [member][patch], for comparison
// with the ensemble's own (the SD of attention × N): the SD of each patch's attention percentile,
// and how split the folds are on whether the patch is in their top decile (4 p (1 − p), p the
// share of folds that put it there).
constexpr std::size_t kVariants = 2;
constexpr const char* kVariantNames[kVariants] = {"SD of attention percentile", "top-decile vote split"};

std::array<std::vector<double>, kVariants> alternativeMaps(const std::vector<std::vector<float>>& attention)
{
    const std::size_t n = attention.front().size();
    std::vector<std::vector<double>> ranks, top;
    for (const auto& a : attention) {
        std::vector<double> t(n);
        const std::vector<double> place = places(a);
        for (std::size_t i = 0; i < n; ++i)
            t[i] = place[i] >= 0.9 ? 1.0 : 0.0;
        ranks.push_back(place);
        top.push_back(std::move(t));
    }
    std::array<std::vector<double>, kVariants> maps{spreadOf(ranks), std::vector<double>(n)};
    const std::vector<double> share = spreadOf(top); // SD of a 0/1 vote = sqrt(p (1 − p))
    for (std::size_t i = 0; i < n; ++i)
        maps[1][i] = 4 * share[i] * share[i];
    return maps;
}

struct SeedResult {
    double ensembleAuc = 0, foldAuc = 0, ensembleEce = 0, foldEce = 0;
    double slideEnsemble = NAN, slideDropout = NAN, slideConfidence = NAN; // misclassification AUROC
    int wrong = 0;
    double patchEnsemble = 0, patchDropout = 0; // attention-error AUROC
    double mapEnsemble = 0, mapDropout = 0;     // Spearman: slide mean uncertainty vs map AUC
    double costRatio = 0;
};

double argument(const QStringList& args, const QString& name, double fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toDouble() : fallback;
}

double spearman(const std::vector<double>& a, const std::vector<double>& b)
{
    const auto ranks = [](const std::vector<double>& v) {
        return places(std::vector<float>(v.begin(), v.end()));
    };
    const std::vector<double> x = ranks(a), y = ranks(b);
    const double mx = std::accumulate(x.begin(), x.end(), 0.0) / double(x.size());
    const double my = std::accumulate(y.begin(), y.end(), 0.0) / double(y.size());
    double sxy = 0, sxx = 0, syy = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        sxy += (x[i] - mx) * (y[i] - my);
        sxx += (x[i] - mx) * (x[i] - mx);
        syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / std::sqrt(sxx * syy);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seeds = int(argument(args, QStringLiteral("--seeds"), 3));
    const int folds = int(argument(args, QStringLiteral("--folds"), 5));
    const int epochs = int(argument(args, QStringLiteral("--epochs"), 25));
    const int threads = int(argument(args, QStringLiteral("--threads"), 1));
    const double signal = argument(args, QStringLiteral("--signal"), 1.5);
    const qsizetype modelAt = args.indexOf(QStringLiteral("--model"));
    const QString model =
        modelAt >= 0 && modelAt + 1 < args.size() ? args[modelAt + 1] : QStringLiteral("srmil");
    torch::set_num_threads(threads);
    std::printf("bench_uncertainty: %d seeds, signal %.2f, %d folds of %d slides, %d held-out slides, %s %d "
                "epochs, MC dropout %d passes\n\n",
                seeds, signal, folds, kCrossValidated, kSlides - kCrossValidated, qPrintable(model), epochs,
                kPasses);
    std::printf("%-5s %9s %9s %8s %8s | %5s %9s %9s %9s | %9s %9s | %8s %8s | %6s\n", "seed", "AUC ens",
                "AUC fold", "ECE ens", "ECE fold", "wrong", "slide ens", "slide MC", "slide 1-p", "patch ens",
                "patch MC", "map ens", "map MC", "cost");
    std::fflush(stdout);
    std::vector<SeedResult> results;
    for (int seed = 1; seed <= seeds; ++seed) {
        QTemporaryDir dir;
        SyntheticBagsSpec spec;
        spec.slides = kSlides;
        spec.dimension = 32;
        spec.seed = std::uint64_t(seed);
        spec.signal = signal; // where the models learn but still make mistakes to find
        spec.minPatches = 100;
        spec.maxPatches = 200;
        writeSyntheticBags(spec, dir.path());
        const LabelTable all = LabelTable::readCsv(dir.filePath(QStringLiteral("labels.csv")));
        LabelTable crossValidated = all;
        crossValidated.slideIds.clear();
        crossValidated.labels.clear();
        for (int i = 0; i < kSlides; ++i)
            if (!heldOut(i)) {
                crossValidated.slideIds << all.slideIds[i];
                crossValidated.labels.push_back(all.labels[std::size_t(i)]);
            }
        TrainConfig config;
        config.model.name = model;
        config.epochs = epochs;
        config.threads = threads;
        config.device = QStringLiteral("cpu");
        config.seed = std::uint64_t(seed);
        const QString cv = dir.filePath(QStringLiteral("cv"));
        const std::vector<Split> splits = Split::kFold(crossValidated, folds, config.seed);
        for (std::size_t f = 0; f < splits.size(); ++f) {
            const MilDataset data =
                MilDataset::load(dir.filePath(QStringLiteral("features")), all, splits[f]);
            Trainer(config, data, QStringLiteral("%1/fold_%2").arg(cv).arg(f)).run();
        }
        const Predictor ensemble(cv, QStringLiteral("cpu"));
        std::vector<std::unique_ptr<Predictor>> members;
        for (const QString& fold : RunFolder::ensembleMembers(cv))
            members.push_back(std::make_unique<Predictor>(fold, QStringLiteral("cpu")));
        const RunFolder first(RunFolder::ensembleMembers(cv).first());
        auto net = nets::makeNet(first.readDescription().model, spec.dimension, 2);
        nets::loadWeights(first.bestWeightsPath(), *net, torch::kCPU);

        std::vector<float> ensembleProbabilities;
        std::vector<std::vector<float>> foldProbabilities(members.size());
        std::vector<int> labels;
        std::vector<double> ensembleSpread, dropoutSpread, confidence;
        std::vector<bool> wrong;
        std::vector<double> patchEnsemble, patchDropout;
        std::vector<bool> patchWrong;
        std::vector<double> mapAuc, meanEnsemble, meanDropout; // per tumour slide
        std::array<std::vector<double>, kVariants> patchVariant, meanVariant;
        double ensembleSeconds = 0, singleSeconds = 0;
        for (int i = 0; i < kSlides; ++i) {
            if (!heldOut(i))
                continue;
            std::vector<std::vector<float>> foldAttention;
            double firstTemperature = 1;
            const FeatureBag bag =
                FeatureStore::read(dir.filePath(QStringLiteral("features/%1.h5").arg(slideId(i))));
            QElapsedTimer clock;
            clock.start();
            const Prediction p = ensemble.predict(bag);
            ensembleSeconds += double(clock.nsecsElapsed()) / 1e9;
            const int label = all.labels[std::size_t(i)];
            labels.push_back(label);
            ensembleProbabilities.insert(ensembleProbabilities.end(), p.probabilities.begin(),
                                         p.probabilities.end());
            for (std::size_t m = 0; m < members.size(); ++m) {
                clock.restart();
                const Prediction q = members[m]->predict(bag);
                if (m == 0) {
                    singleSeconds += double(clock.nsecsElapsed()) / 1e9;
                    firstTemperature = q.temperature; // MC dropout runs fold 0, calibrated as it is
                }
                foldProbabilities[m].insert(foldProbabilities[m].end(), q.probabilities.begin(),
                                            q.probabilities.end());
                foldAttention.push_back(q.attention);
            }
            const DropoutSample mc = mcDropout(*net, bag, firstTemperature);
            ensembleSpread.push_back(p.probabilitySpread[1]);
            dropoutSpread.push_back(mc.probabilitySpread);
            confidence.push_back(1.0 - std::max(p.probabilities[0], p.probabilities[1]));
            wrong.push_back((p.probabilities[1] > 0.5f) != (label == 1));
            if (label != 1)
                continue;
            const std::vector<double> attention = places(p.attention);
            std::vector<bool> truth;
            for (int j = 0; j < bag.count; ++j)
                truth.push_back(bag.patchLabels[std::size_t(j)] > 0.5f);
            const auto variants = alternativeMaps(foldAttention);
            for (std::size_t v = 0; v < kVariants; ++v)
                meanVariant[v].push_back(std::accumulate(variants[v].begin(), variants[v].end(), 0.0) /
                                         bag.count);
            const double share = double(std::count(truth.begin(), truth.end(), true)) / double(bag.count);
            for (int j = 0; j < bag.count; ++j) {
                const bool calledTumour = attention[std::size_t(j)] >= 1.0 - share;
                patchWrong.push_back(calledTumour != truth[std::size_t(j)]);
                patchEnsemble.push_back(p.uncertainty[std::size_t(j)]);
                patchDropout.push_back(mc.rankSpread[std::size_t(j)]);
                for (std::size_t v = 0; v < kVariants; ++v)
                    patchVariant[v].push_back(variants[v][std::size_t(j)]);
            }
            mapAuc.push_back(rocAuc(std::vector<double>(p.attention.begin(), p.attention.end()), truth));
            meanEnsemble.push_back(std::accumulate(p.uncertainty.begin(), p.uncertainty.end(), 0.0) /
                                   bag.count);
            meanDropout.push_back(std::accumulate(mc.rankSpread.begin(), mc.rankSpread.end(), 0.0) /
                                  bag.count);
        }
        SeedResult r;
        const auto metrics = [&](const std::vector<float>& probabilities) {
            return ClassificationMetrics::compute(probabilities, labels, 2);
        };
        const auto ece = [&](const std::vector<float>& probabilities) {
            return expectedCalibrationError(probabilities, labels, 2);
        };
        r.ensembleAuc = metrics(ensembleProbabilities).macroAuc;
        r.ensembleEce = ece(ensembleProbabilities);
        for (const auto& fp : foldProbabilities) {
            r.foldAuc += metrics(fp).macroAuc / double(members.size());
            r.foldEce += ece(fp) / double(members.size());
        }
        r.wrong = int(std::count(wrong.begin(), wrong.end(), true));
        if (r.wrong > 0 && r.wrong < int(wrong.size())) {
            r.slideEnsemble = rocAuc(ensembleSpread, wrong);
            r.slideDropout = rocAuc(dropoutSpread, wrong);
            r.slideConfidence = rocAuc(confidence, wrong);
        }
        r.patchEnsemble = rocAuc(patchEnsemble, patchWrong);
        r.patchDropout = rocAuc(patchDropout, patchWrong);
        r.mapEnsemble = spearman(meanEnsemble, mapAuc);
        for (std::size_t v = 0; v < kVariants; ++v)
            std::printf("      %-28s patch %.3f  map %.3f\n", kVariantNames[v],
                        rocAuc(patchVariant[v], patchWrong), spearman(meanVariant[v], mapAuc));
        r.mapDropout = spearman(meanDropout, mapAuc);
        r.costRatio = ensembleSeconds / singleSeconds;
        std::printf(
            "%-5d %9.3f %9.3f %8.3f %8.3f | %5d %9.3f %9.3f %9.3f | %9.3f %9.3f | %8.3f %8.3f | %5.1fx\n",
            seed, r.ensembleAuc, r.foldAuc, r.ensembleEce, r.foldEce, r.wrong, r.slideEnsemble,
            r.slideDropout, r.slideConfidence, r.patchEnsemble, r.patchDropout, r.mapEnsemble, r.mapDropout,
            r.costRatio);
        std::fflush(stdout);
        results.push_back(r);
    }
    const auto mean = [&](double SeedResult::*field) {
        double sum = 0;
        int n = 0;
        for (const SeedResult& r : results)
            if (std::isfinite(r.*field)) {
                sum += r.*field;
                ++n;
            }
        return n ? sum / n : NAN;
    };
    std::printf(
        "%-5s %9.3f %9.3f %8.3f %8.3f | %5s %9.3f %9.3f %9.3f | %9.3f %9.3f | %8.3f %8.3f | %5.1fx\n", "mean",
        mean(&SeedResult::ensembleAuc), mean(&SeedResult::foldAuc), mean(&SeedResult::ensembleEce),
        mean(&SeedResult::foldEce), "", mean(&SeedResult::slideEnsemble), mean(&SeedResult::slideDropout),
        mean(&SeedResult::slideConfidence), mean(&SeedResult::patchEnsemble), mean(&SeedResult::patchDropout),
        mean(&SeedResult::mapEnsemble), mean(&SeedResult::mapDropout), mean(&SeedResult::costRatio));
    return 0;
}
