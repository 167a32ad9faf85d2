// The pathologist in the loop, simulated (docs/REVIEW.md): does asking where the acquisition
// points teach the model more than asking at random or at its hottest patches?
//
// Per seed: synthetic feature bags with per-patch truth and isolated tumour look-alikes
// ("mimics"); slides i mod 5 < 3 train, = 3 validate, = 4 test. A model is trained on slide labels
// alone. Then, for each acquisition, 3 rounds: K proposals are picked on the training slides of
// the tumour class (the patches of a normal training slide are all normal: nothing to ask), a
// simulated pathologist answers each from the truth (tumour or normal), and the model is
// fine-tuned from the previous round's run with all answers so far (train --annotations
// --init-from). The acquisition never reads the truth; only the annotator does, and only on
// training slides. "none" fine-tunes the same epochs without answers (what the extra epochs do
// alone). Measured on the test slides after every round: slide AUC, attention patch AUC
// (attention × N pooled over the tumour test slides) and the evidence map's (toward tumour). The
// first arm is compared with the others (default: evidence; TransMIL, which has no evidence map,
// starts with disagreement).
//   bench_loop [--seeds 5] [--first-seed 1] [--rounds 3] [--count 20] [--model srmil] [--epochs 20]
//   [--tune-epochs 8] [--arms evidence,disagreement,consistency,attention,random,none]
//              [--signal 1.5] [--mimics 0.05] [--w-inst 1] [--target 0.9] [--threads 1]
#include "infer/Predictor.h"
#include "review/Acquisition.h"
#include "run/Metrics.h"
#include "synth/SyntheticBags.h"
#include "train/Trainer.h"

#include <torch/torch.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

using namespace tessera::core;

namespace {

double argument(const QStringList& args, const QString& name, double fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toDouble() : fallback;
}

Split splitOf(const LabelTable& labels)
{
    Split split;
    for (qsizetype i = 0; i < labels.slideIds.size(); ++i)
        (i % 5 < 3 ? split.train : i % 5 == 3 ? split.val : split.test) << labels.slideIds[i];
    return split;
}

struct Scores {
    double slideAuc = 0, patchAuc = 0;
    double evidenceAuc = std::nan(""); // the signed evidence map's patch AUC, where the model has one
};

Scores evaluate(const QString& run, const MilDataset& data)
{
    const Predictor predictor(run, QStringLiteral("cpu"));
    std::vector<float> probabilities;
    std::vector<int> labels;
    std::vector<double> attention, evidence;
    std::vector<bool> tumour;
    for (const MilSample& s : data.samples(QStringLiteral("test"))) {
        const Prediction p = predictor.predict(s.bag);
        probabilities.insert(probabilities.end(), p.probabilities.begin(), p.probabilities.end());
        labels.push_back(s.label);
        if (s.label != 1)
            continue;
        const std::vector<float> towardTumour = p.evidenceTowardPositive();
        evidence.insert(evidence.end(), towardTumour.begin(), towardTumour.end());
        for (int i = 0; i < s.bag.count; ++i) {
            attention.push_back(double(p.attention[std::size_t(i)]) * s.bag.count);
            tumour.push_back(s.bag.patchLabels[std::size_t(i)] > 0.5f);
        }
    }
    return {ClassificationMetrics::compute(probabilities, labels, 2).macroAuc, rocAuc(attention, tumour),
            evidence.size() == tumour.size() ? rocAuc(evidence, tumour) : std::nan("")};
}

// The proposals of one round on the tumour training slides, given the answers so far.
std::vector<Proposal> propose(const QString& run, const MilDataset& data,
                              const std::map<QString, std::vector<double>>& novelty,
                              const std::map<QString, std::vector<int>>& answers, Acquisition acquisition,
                              int count, std::uint64_t seed)
{
    const Predictor predictor(run, QStringLiteral("cpu"));
    std::vector<ProposalCandidates> candidates;
    for (const MilSample& s : data.samples(QStringLiteral("train"))) {
        if (s.label != 1)
            continue;
        ProposalCandidates c{s.slideId, predictor.predict(s.bag), s.graph, novelty.at(s.slideId), {}};
        if (const auto a = answers.find(s.slideId); a != answers.end())
            c.answered = a->second;
        candidates.push_back(std::move(c));
    }
    return pickProposals(candidates, acquisition, count, seed);
}

struct Arm {
    QString name;
    std::optional<Acquisition> acquisition; // none: fine-tune without answers
};

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int seeds = int(argument(args, QStringLiteral("--seeds"), 5));
    const int firstSeed =
        int(argument(args, QStringLiteral("--first-seed"), 1)); // to split seeds over processes
    const int rounds = int(argument(args, QStringLiteral("--rounds"), 3));
    const int count = int(argument(args, QStringLiteral("--count"), 20));
    const int epochs = int(argument(args, QStringLiteral("--epochs"), 20));
    const int tuneEpochs = int(argument(args, QStringLiteral("--tune-epochs"), 8));
    const double signal = argument(args, QStringLiteral("--signal"), 1.5);
    const double mimics = argument(args, QStringLiteral("--mimics"), 0.05);
    const double instanceWeight = argument(args, QStringLiteral("--w-inst"), 1);
    const double target = argument(args, QStringLiteral("--target"), 0.9);
    const int threads = int(argument(args, QStringLiteral("--threads"), 1));
    const qsizetype modelAt = args.indexOf(QStringLiteral("--model"));
    const QString model =
        modelAt >= 0 && modelAt + 1 < args.size() ? args[modelAt + 1] : QStringLiteral("srmil");
    torch::set_num_threads(threads);
    std::vector<Arm> arms = {{QStringLiteral("evidence"), Acquisition::Evidence},
                             {QStringLiteral("disagreement"), Acquisition::Disagreement},
                             {QStringLiteral("consistency"), Acquisition::Consistency},
                             {QStringLiteral("attention"), Acquisition::Attention},
                             {QStringLiteral("random"), Acquisition::Random},
                             {QStringLiteral("none"), std::nullopt}};
    // --arms evidence,random: fewer fine-tunings per seed; the first named is compared with the rest.
    if (const qsizetype at = args.indexOf(QStringLiteral("--arms")); at >= 0 && at + 1 < args.size()) {
        std::vector<Arm> chosen;
        for (const QString& name : args[at + 1].split(QLatin1Char(','))) {
            const auto arm =
                std::find_if(arms.begin(), arms.end(), [&](const Arm& a) { return a.name == name; });
            if (arm == arms.end()) {
                std::fprintf(stderr, "bench_loop: no arm '%s'\n", qPrintable(name));
                return 2;
            }
            chosen.push_back(*arm);
        }
        arms = chosen;
        for (std::size_t i = 0; i < arms.size(); ++i)
            for (std::size_t j = 0; j < i; ++j)
                if (arms[i].name == arms[j].name) {
                    std::fprintf(stderr, "bench_loop: arm '%s' named twice\n", qPrintable(arms[i].name));
                    return 2;
                }
    } else if (!modelMakesEvidence(model)) {
        arms.erase(arms.begin()); // the evidence arm
    }
    for (const Arm& arm : arms)
        if (arm.acquisition == Acquisition::Evidence && !modelMakesEvidence(model)) {
            std::fprintf(stderr, "bench_loop: %s has no evidence map to ask by\n", qPrintable(model));
            return 2;
        }
    std::printf(
        "bench_loop: %s, %d seeds, %d rounds of %d answers, signal %.2f, mimics %.2f, %d epochs then %d "
        "per round, w_inst %.1f\n\n",
        qPrintable(model), seeds, rounds, count, signal, mimics, epochs, tuneEpochs, instanceWeight);
    std::printf("%-4s %-12s %5s %7s %9s %9s %9s %8s\n", "seed", "acquisition", "round", "answers",
                "slide AUC", "patch AUC", "evid. AUC", "tumour");
    std::fflush(stdout);
    // [arm][round] per seed; round 0 is the model before any answer.
    std::map<QString, std::vector<std::vector<Scores>>> results;
    std::map<QString, std::vector<double>> tumourShare; // share of answers that were tumour
    for (int seed = firstSeed; seed < firstSeed + seeds; ++seed) {
        QTemporaryDir dir;
        SyntheticBagsSpec spec;
        spec.slides = 200;
        spec.dimension = 32;
        spec.seed = std::uint64_t(seed);
        spec.signal = signal;
        spec.minPatches = 100;
        spec.maxPatches = 200;
        spec.mimicFraction = mimics;
        writeSyntheticBags(spec, dir.path());
        const LabelTable labels = LabelTable::readCsv(dir.filePath(QStringLiteral("labels.csv")));
        const MilDataset base =
            MilDataset::load(dir.filePath(QStringLiteral("features")), labels, splitOf(labels));
        TrainConfig config = TrainConfig::defaultsFor(model);
        config.epochs = epochs;
        config.threads = threads;
        config.device = QStringLiteral("cpu");
        config.seed = std::uint64_t(seed);
        // The acquisition's second opinion, from slide labels only: fixed for the seed.
        ContextNovelty context;
        for (const MilSample& s : base.samples(QStringLiteral("train")))
            context.addSlide(s.bag, s.graph, s.label == 0);
        std::map<QString, std::vector<double>> novelty;
        std::vector<double> pooledNovelty; // for the printout only: how well it finds tumour
        std::vector<bool> pooledTumour;
        for (const MilSample& s : base.samples(QStringLiteral("train")))
            if (s.label == 1) {
                novelty[s.slideId] = context.of(s.bag, s.graph);
                pooledNovelty.insert(pooledNovelty.end(), novelty[s.slideId].begin(),
                                     novelty[s.slideId].end());
                for (float t : s.bag.patchLabels)
                    pooledTumour.push_back(t > 0.5f);
            }
        std::printf("%-4d context novelty on the tumour training slides: tumour patch AUC %.3f\n", seed,
                    rocAuc(pooledNovelty, pooledTumour));
        const QString initial = dir.filePath(QStringLiteral("initial"));
        QElapsedTimer clock;
        clock.start();
        Trainer(config, base, initial).run();
        const Scores start = evaluate(initial, base);
        std::printf("%-4d %-12s %5d %7d %9.3f %9.3f %9.3f %8s   (%.0f s)\n", seed, "-", 0, 0, start.slideAuc,
                    start.patchAuc, start.evidenceAuc, "", double(clock.elapsed()) / 1000);
        std::fflush(stdout);
        for (const Arm& arm : arms) {
            std::vector<Scores> curve{start};
            std::map<QString, std::vector<int>> answers;
            int tumourAnswers = 0, allAnswers = 0;
            QString run = initial;
            for (int round = 1; round <= rounds; ++round) {
                MilDataset data = base;
                if (arm.acquisition) {
                    for (const Proposal& p : propose(run, base, novelty, answers, *arm.acquisition, count,
                                                     std::uint64_t(seed * 100 + round))) {
                        const auto sample =
                            std::find_if(base.samples(QStringLiteral("train")).begin(),
                                         base.samples(QStringLiteral("train")).end(),
                                         [&](const MilSample& s) { return s.slideId == p.slideId; });
                        std::vector<int>& slideAnswers = answers[p.slideId];
                        if (slideAnswers.empty())
                            slideAnswers.assign(std::size_t(sample->bag.count), -1);
                        const bool tumour =
                            sample->bag.patchLabels[std::size_t(p.patch)] > 0.5f; // the annotator
                        slideAnswers[std::size_t(p.patch)] = tumour ? 1 : 0;
                        tumourAnswers += tumour;
                        ++allAnswers;
                    }
                    for (const auto& [slide, patchLabels] : answers)
                        data.setPatchLabels(slide, patchLabels);
                }
                TrainConfig tune = config;
                tune.epochs = tuneEpochs;
                tune.initFrom = run;
                tune.annotations = arm.acquisition.has_value();
                tune.instanceWeight = instanceWeight;
                run = dir.filePath(QStringLiteral("%1-%2").arg(arm.name).arg(round));
                clock.restart();
                Trainer(tune, data, run).run();
                curve.push_back(evaluate(run, base));
                std::printf(
                    "%-4d %-12s %5d %7d %9.3f %9.3f %9.3f %8s   (%.0f s)\n", seed, qPrintable(arm.name),
                    round, allAnswers, curve.back().slideAuc, curve.back().patchAuc, curve.back().evidenceAuc,
                    allAnswers ? qPrintable(QString::number(double(tumourAnswers) / allAnswers, 'f', 2)) : "",
                    double(clock.elapsed()) / 1000);
                std::fflush(stdout);
            }
            results[arm.name].push_back(curve);
            if (allAnswers)
                tumourShare[arm.name].push_back(double(tumourAnswers) / allAnswers);
        }
    }
    const auto meanSd = [](const std::vector<double>& v) {
        double m = 0, s = 0;
        for (double x : v)
            m += x / double(v.size());
        for (double x : v)
            s += (x - m) * (x - m);
        return std::make_pair(m, v.size() > 1 ? std::sqrt(s / double(v.size() - 1)) : 0.0);
    };
    std::printf("\nafter %d rounds (%d answers), mean ± SD over %d seeds:\n", rounds, rounds * count, seeds);
    for (const Arm& arm : arms) {
        std::vector<double> slide, patch;
        std::vector<int> reached;
        for (const auto& curve : results[arm.name]) {
            slide.push_back(curve.back().slideAuc);
            patch.push_back(curve.back().patchAuc);
            int at = -1;
            for (std::size_t r = 0; r < curve.size(); ++r)
                if (curve[r].patchAuc >= target) {
                    at = int(r) * count;
                    break;
                }
            reached.push_back(at);
        }
        const auto [sm, ss] = meanSd(slide);
        const auto [pm, ps] = meanSd(patch);
        QStringList answersToTarget;
        for (int a : reached)
            answersToTarget << (a < 0 ? QStringLiteral(">%1").arg(rounds * count) : QString::number(a));
        std::printf("  %-12s slide AUC %.3f ± %.3f | patch AUC %.3f ± %.3f | answers to patch AUC %.2f: %s",
                    qPrintable(arm.name), sm, ss, pm, ps, target,
                    qPrintable(answersToTarget.join(QLatin1Char(' '))));
        if (!tumourShare[arm.name].empty())
            std::printf(" | tumour answers %.0f %%", 100 * meanSd(tumourShare[arm.name]).first);
        std::printf("\n");
    }
    for (const Arm& other : arms) {
        if (other.name == arms.front().name)
            continue;
        std::vector<double> lead;
        int wins = 0;
        for (int s = 0; s < seeds; ++s) {
            lead.push_back(results[arms.front().name][std::size_t(s)].back().patchAuc -
                           results[other.name][std::size_t(s)].back().patchAuc);
            wins += lead.back() > 0;
        }
        const auto [m, sd] = meanSd(lead);
        std::printf("  %s against %s: patch AUC lead %+.3f ± %.3f, ahead in %d of %d seeds\n",
                    qPrintable(arms.front().name), qPrintable(other.name), m, sd, wins, seeds);
    }
    return 0;
}
