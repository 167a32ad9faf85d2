// Out-of-distribution flags and calibration (trust.h5, docs/TRUST.md) on synthetic feature bags,
// per seed: 240 slides (train 80, validation 40, test 120), an SR-MIL run trained on them, then
//  - false alarms: the share of the 120 in-distribution test slides flagged (none of them set the
//    threshold or the temperature);
//  - for each shift of those test slides — every feature moved by 0.5, 1 and 2 SD of the training
//    patches, and bags from another generator seed — the OOD AUROC against the unshifted test
//    slides and the share flagged;
//  - the expected calibration error (10 bins) on the 120 test slides before and after the
//    temperature fitted on validation;
//  - scoring's cost: inference on the test bags with the run's trust reference vs the same run
//    without it, in the same process;
//  - the size of trust.h5.
//   bench_ood [--seeds 3] [--epochs 30] [--threads 2]
// With --slides: whole synthetic slides instead (96, tumour every other one: train 48, validation
// 24, test 24, each half tumour), features
// from the handcrafted extractor, and the test slides again with a stain change (hue + 15°,
// saturation × 0.7), another tissue texture, a blur (sigma 3 px at level 0) and pen marks; plus
// the real CMU-1-Small-Region.svs (from --testdata DIR) against the same run.
//   bench_ood --slides [--seed 1] [--epochs 30] [--threads 2] [--testdata ../shared/testdata]
#include "features/ExtractionPipeline.h"
#include "features/ExtractorRegistry.h"
#include "features/FeatureStore.h"
#include "infer/Predictor.h"
#include "run/Metrics.h"
#include "synth/SyntheticBags.h"
#include "synth/SyntheticSlideGenerator.h"
#include "train/Trainer.h"
#include "trust/Calibration.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QTemporaryDir>

#include <cmath>
#include <cstdio>
#include <functional>
#include <numeric>

using namespace tessera::core;

namespace {

constexpr int kSlides = 240;

SyntheticBagsSpec bagSpec(std::uint64_t seed)
{
    SyntheticBagsSpec s;
    s.slides = kSlides;
    s.dimension = 32;
    s.seed = seed;
    s.signal = 1.0;
    s.minPatches = 150;
    s.maxPatches = 400;
    return s;
}

QString slideId(int i)
{
    return QStringLiteral("slide_%1").arg(i, 3, 10, QLatin1Char('0'));
}

// The first half of the slides is tumour: the parts take every sixth slide in turn.
QString partOf(int i)
{
    const int k = i % 6;
    return k < 2 ? QStringLiteral("train") : k < 3 ? QStringLiteral("val") : QStringLiteral("test");
}

FeatureBag shifted(FeatureBag bag, const std::vector<double>& spread, double sds)
{
    for (int i = 0; i < bag.count; ++i)
        for (int j = 0; j < bag.dimension; ++j)
            bag.features[std::size_t(i) * bag.dimension + std::size_t(j)] +=
                float(sds * spread[std::size_t(j)]);
    return bag;
}

std::vector<double> patchSpread(const std::vector<FeatureBag>& bags)
{
    const int d = bags.front().dimension;
    std::vector<double> sum(std::size_t(d), 0), squares(std::size_t(d), 0);
    double n = 0;
    for (const FeatureBag& b : bags)
        for (int i = 0; i < b.count; ++i, n += 1)
            for (int j = 0; j < d; ++j) {
                sum[std::size_t(j)] += b.row(i)[j];
                squares[std::size_t(j)] += double(b.row(i)[j]) * b.row(i)[j];
            }
    std::vector<double> sd;
    for (int j = 0; j < d; ++j)
        sd.push_back(std::sqrt(squares[std::size_t(j)] / n - std::pow(sum[std::size_t(j)] / n, 2)));
    return sd;
}

struct Tally {
    std::vector<double> values;
    void add(double v) { values.push_back(v); }
    QString text(int decimals = 3) const
    {
        const double mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
        double sq = 0;
        for (double v : values)
            sq += (v - mean) * (v - mean);
        const double sd = values.size() > 1 ? std::sqrt(sq / double(values.size() - 1)) : 0;
        return QStringLiteral("%1 ± %2").arg(mean, 0, 'f', decimals).arg(sd, 0, 'f', decimals);
    }
};

int argument(const QStringList& args, const QString& name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
}

// Whole slides: generated, extracted, a run trained on them, then shifted copies of the test
// slides judged against it.
int runSlides(const QStringList& args)
{
    const int epochs = argument(args, QStringLiteral("--epochs"), 30);
    const int threads = argument(args, QStringLiteral("--threads"), 2);
    const int seed = argument(args, QStringLiteral("--seed"), 1); // another seed: other slides, another run
    const qsizetype at = args.indexOf(QStringLiteral("--testdata"));
    const QString testdata =
        at >= 0 && at + 1 < args.size() ? args[at + 1] : QStringLiteral("../shared/testdata");
    constexpr int kCount = 96;
    QTemporaryDir dir;
    const QString slides = dir.filePath(QStringLiteral("slides")),
                  features = dir.filePath(QStringLiteral("features"));
    QDir().mkpath(slides);
    const std::unique_ptr<FeatureExtractor> extractor = makeExtractor(QStringLiteral("handcrafted"));
    ExtractionOptions options;
    options.threads = threads;
    ExtractionPipeline pipeline(*extractor, options);
    const auto specOf = [seed](int i) {
        SynthSpec spec;
        spec.width = 6000;
        spec.height = 4500;
        spec.seed = std::uint64_t(i + 1 + 1000 * (seed - 1));
        spec.tumourCount = i % 2 ? 1 + (i / 8) % 2 : 0; // one or two tumours in every part
        return spec;
    };
    // Writes and extracts one slide; returns its features.
    const auto make = [&](const QString& name, const SynthSpec& spec) {
        const QString path = QDir(slides).filePath(name + QStringLiteral(".tiff"));
        SyntheticSlideGenerator(spec).write(path);
        return pipeline.run(path, features).output;
    };
    QElapsedTimer timer;
    timer.start();
    QStringList ids, labelTexts;
    Split split;
    for (int i = 0; i < kCount; ++i) {
        const QString id = QStringLiteral("slide_%1").arg(i, 3, 10, QLatin1Char('0'));
        make(id, specOf(i));
        ids << id;
        labelTexts << (specOf(i).tumourCount > 0 ? QStringLiteral("tumour") : QStringLiteral("normal"));
        (i % 8 < 4 ? split.train : i % 8 < 6 ? split.val : split.test) << id; // both classes in each
    }
    std::printf("%d slides written and extracted in %.0f s\n", kCount, timer.elapsed() / 1000.0);
    const LabelTable labels = LabelTable::fromLabels(ids, labelTexts, QStringLiteral("bench"));
    const MilDataset data = MilDataset::load(features, labels, split);
    TrainConfig config;
    config.model.name = QStringLiteral("srmil");
    config.epochs = epochs;
    config.threads = threads;
    config.device = QStringLiteral("cpu");
    config.seed = std::uint64_t(seed);
    const QString run = dir.filePath(QStringLiteral("run"));
    const TrainResult trained = Trainer(config, data, run).run();
    const Predictor predictor(run, QStringLiteral("cpu"));
    std::printf("SR-MIL, %d epochs: validation AUC %.3f, test AUC %.3f; trust.h5 %.1f KB\n", epochs,
                trained.bestValidation.macroAuc, trained.test.macroAuc,
                double(QFileInfo(RunFolder(run).trustPath()).size()) / 1024);

    std::vector<double> inScores;
    int alarms = 0;
    for (const QString& id : split.test) {
        const Prediction p =
            predictor.predict(FeatureStore::read(QDir(features).filePath(id + QStringLiteral(".h5"))));
        inScores.push_back(p.ood.score);
        alarms += p.ood.flagged;
    }
    std::printf("in-distribution test slides flagged: %d of %lld\n", alarms, qlonglong(split.test.size()));
    const QList<QPair<QString, std::function<void(SynthSpec&)>>> shifts{
        {QStringLiteral("stain: hue +15 deg, saturation x0.7"),
         [](SynthSpec& s) {
             s.hueShift = 15;
             s.saturationScale = 0.7;
         }},
        {QStringLiteral("another tissue texture"), [](SynthSpec& s) { s.otherTexture = true; }},
        {QStringLiteral("blur sigma 3 px"), [](SynthSpec& s) { s.blurSigma = 3; }},
        {QStringLiteral("pen marks"), [](SynthSpec& s) { s.penMarks = true; }}};
    for (qsizetype k = 0; k < shifts.size(); ++k) {
        const auto& [name, change] = shifts[k];
        std::vector<double> scores = inScores;
        std::vector<bool> positive(inScores.size(), false);
        int flagged = 0;
        QMap<QString, int> parts;
        for (const QString& id : split.test) {
            SynthSpec spec = specOf(id.mid(6).toInt());
            change(spec);
            const Prediction p = predictor.predict(
                FeatureStore::read(make(QStringLiteral("%1_shift%2").arg(id).arg(k), spec)));
            scores.push_back(p.ood.score);
            positive.push_back(true);
            flagged += p.ood.flagged;
            ++parts[p.ood.part];
        }
        QStringList which;
        for (auto it = parts.begin(); it != parts.end(); ++it)
            which << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
        std::printf("%-36s OOD AUROC %.3f, flagged %d of %lld (largest part: %s)\n", qPrintable(name),
                    rocAuc(scores, positive), flagged, qlonglong(split.test.size()),
                    qPrintable(which.join(QStringLiteral(", "))));
        std::fflush(stdout);
    }
    const QString real = QDir(testdata).filePath(QStringLiteral("CMU-1-Small-Region.svs"));
    if (QFile::exists(real)) {
        const Prediction p = predictor.predict(FeatureStore::read(pipeline.run(real, features).output));
        std::printf("CMU-1-Small-Region.svs: %s\n", qPrintable(p.ood.summary()));
    }
    std::printf("total %.0f s\n", timer.elapsed() / 1000.0);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.contains(QStringLiteral("--slides")))
        return runSlides(args);
    const int seeds = argument(args, QStringLiteral("--seeds"), 3);
    const int epochs = argument(args, QStringLiteral("--epochs"), 30);
    const int threads = argument(args, QStringLiteral("--threads"), 2);
    const QList<QPair<QString, double>> shifts{{QStringLiteral("mean shift 0.5 SD"), 0.5},
                                               {QStringLiteral("mean shift 1 SD"), 1.0},
                                               {QStringLiteral("mean shift 2 SD"), 2.0},
                                               {QStringLiteral("another generator seed"), -1}};
    Tally falseAlarms, eceBefore, eceAfter, temperature, overhead, fileKb, validationAuc;
    std::vector<Tally> auroc(std::size_t(shifts.size())), flaggedShare(std::size_t(shifts.size()));
    for (int seed = 1; seed <= seeds; ++seed) {
        QTemporaryDir dir;
        const QString bags = dir.filePath(QStringLiteral("bags")),
                      other = dir.filePath(QStringLiteral("other"));
        writeSyntheticBags(bagSpec(std::uint64_t(seed)), bags);
        writeSyntheticBags(bagSpec(std::uint64_t(seed) + 1000), other);
        Split split;
        for (int i = 0; i < kSlides; ++i) {
            const QString part = partOf(i);
            (part == QLatin1String("train") ? split.train
             : part == QLatin1String("val") ? split.val
                                            : split.test)
                << slideId(i);
        }
        const LabelTable labels = LabelTable::readCsv(bags + QStringLiteral("/labels.csv"));
        const MilDataset data = MilDataset::load(bags + QStringLiteral("/features"), labels, split);
        TrainConfig config;
        config.model.name = QStringLiteral("srmil");
        config.model.hidden = 32;
        config.model.heads = 2;
        config.epochs = epochs;
        config.threads = threads;
        config.seed = std::uint64_t(seed);
        config.device = QStringLiteral("cpu");
        const QString run = dir.filePath(QStringLiteral("run"));
        const TrainResult trained = Trainer(config, data, run).run();
        validationAuc.add(trained.bestValidation.macroAuc);
        fileKb.add(double(QFileInfo(RunFolder(run).trustPath()).size()) / 1024);
        // The same run without its reference: what inference cost before, and T = 1.
        const QString bare = dir.filePath(QStringLiteral("bare"));
        QDir().mkpath(bare);
        for (const char* f : {"config.json", "best.pt"})
            QFile::copy(run + QLatin1Char('/') + QLatin1String(f),
                        bare + QLatin1Char('/') + QLatin1String(f));

        std::vector<FeatureBag> training, test, foreign;
        std::vector<int> testLabels;
        for (int i = 0; i < kSlides; ++i) {
            const QString file = QStringLiteral("/features/%1.h5").arg(slideId(i));
            if (partOf(i) == QLatin1String("train"))
                training.push_back(FeatureStore::read(bags + file));
            if (partOf(i) == QLatin1String("test")) {
                test.push_back(FeatureStore::read(bags + file));
                testLabels.push_back(labels.labelOf(slideId(i)));
                foreign.push_back(FeatureStore::read(other + file));
            }
        }
        const Predictor judged(run, QStringLiteral("cpu")), plain(bare, QStringLiteral("cpu"));
        // Scoring cost: the test bags through both, alternating, twice over.
        double withTrust = 0, without = 0;
        std::vector<double> inScores;
        std::vector<float> calibrated, raw;
        int alarms = 0;
        for (int round = 0; round < 2; ++round)
            for (const FeatureBag& bag : test) {
                QElapsedTimer t;
                t.start();
                const Prediction p = judged.predict(bag);
                withTrust += double(t.nsecsElapsed());
                t.restart();
                const Prediction q = plain.predict(bag);
                without += double(t.nsecsElapsed());
                if (round == 0) {
                    inScores.push_back(p.ood.score);
                    alarms += p.ood.flagged;
                    calibrated.insert(calibrated.end(), p.probabilities.begin(), p.probabilities.end());
                    raw.insert(raw.end(), q.probabilities.begin(), q.probabilities.end());
                }
            }
        overhead.add(withTrust / without);
        falseAlarms.add(double(alarms) / double(test.size()));
        eceBefore.add(expectedCalibrationError(raw, testLabels, 2));
        eceAfter.add(expectedCalibrationError(calibrated, testLabels, 2));
        temperature.add(judged.predict(test.front()).temperature);

        const std::vector<double> spread = patchSpread(training);
        for (qsizetype s = 0; s < shifts.size(); ++s) {
            std::vector<double> scores = inScores;
            std::vector<bool> positive(inScores.size(), false);
            int flagged = 0;
            for (std::size_t i = 0; i < test.size(); ++i) {
                const Prediction p = judged.predict(
                    shifts[s].second > 0 ? shifted(test[i], spread, shifts[s].second) : foreign[i]);
                scores.push_back(p.ood.score);
                positive.push_back(true);
                flagged += p.ood.flagged;
            }
            auroc[std::size_t(s)].add(rocAuc(scores, positive));
            flaggedShare[std::size_t(s)].add(double(flagged) / double(test.size()));
        }
        std::printf("seed %d: val AUC %.3f, false alarms %.3f, ECE %.3f -> %.3f (T %.2f), scoring x%.3f\n",
                    seed, trained.bestValidation.macroAuc, falseAlarms.values.back(), eceBefore.values.back(),
                    eceAfter.values.back(), temperature.values.back(), overhead.values.back());
        std::fflush(stdout);
    }
    std::printf("\n%d seeds, %d slides each (train 80, validation 40, test 120), SR-MIL %d epochs\n", seeds,
                kSlides, epochs);
    std::printf("validation AUC                      %s\n", qPrintable(validationAuc.text()));
    std::printf("in-distribution test slides flagged %s (target <= 0.05)\n", qPrintable(falseAlarms.text()));
    for (qsizetype s = 0; s < shifts.size(); ++s)
        std::printf("%-24s OOD AUROC %s, flagged %s\n", qPrintable(shifts[s].first),
                    qPrintable(auroc[std::size_t(s)].text()),
                    qPrintable(flaggedShare[std::size_t(s)].text()));
    std::printf("ECE on 120 test slides: before %s, after %s (temperature %s)\n",
                qPrintable(eceBefore.text()), qPrintable(eceAfter.text()), qPrintable(temperature.text(2)));
    std::printf("inference with / without scoring: x%s; trust.h5 %s KB\n", qPrintable(overhead.text()),
                qPrintable(fileKb.text(1)));
    return 0;
}
