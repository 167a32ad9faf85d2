#include "Trainer.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "model/ComputeDevice.h"
#include "model/nets/Autocast.h"
#include "model/nets/MilFactory.h"

#include "model/nets/RngState.h"
#include <torch/torch.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>
#include <numbers>
#include <random>

namespace tessera::core {

namespace {

const char* kConfigFile = "config.json";
const char* kCheckpointFile = "checkpoint.pt";
const char* kBestFile = "best.pt";
const char* kMetricsFile = "metrics.csv";
const char* kResultFile = "result.json";

double learningRateAt(const TrainConfig& c, int epoch) // epoch is 1-based
{
    if (epoch <= c.warmupEpochs)
        return c.learningRate * epoch / double(c.warmupEpochs + 1);
    const double progress = double(epoch - c.warmupEpochs - 1) / std::max(1, c.epochs - c.warmupEpochs);
    return c.learningRate * 0.5 * (1 + std::cos(std::numbers::pi * progress));
}

void saveAtomically(const QString& path, const std::function<void(const std::string&)>& save)
{
    AtomicFile file(path);
    try {
        save(QFile::encodeName(file.temporaryPath()).toStdString());
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot write %1 (disk full?): %2")
                        .arg(path, QString::fromUtf8(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
    file.commit();
}

struct Evaluation {
    ClassificationMetrics metrics;
    double loss = 0;
};

Evaluation evaluate(nets::MilNet& net, const std::vector<nets::BagTensors>& bags,
                    const std::vector<int>& labels, int classes)
{
    torch::NoGradGuard noGrad;
    net.eval();
    std::vector<float> probabilities;
    double loss = 0;
    for (std::size_t i = 0; i < bags.size(); ++i) {
        const torch::Tensor logits = net.logits(bags[i]).to(torch::kCPU, torch::kFloat32);
        const torch::Tensor p = torch::softmax(logits, 0).contiguous();
        probabilities.insert(probabilities.end(), p.data_ptr<float>(), p.data_ptr<float>() + classes);
        loss -= torch::log_softmax(logits, 0)[labels[i]].item<double>();
    }
    return {ClassificationMetrics::compute(probabilities, labels, classes),
            bags.empty() ? 0 : loss / double(bags.size())};
}

// The autocast type of `precision` on this device; nullopt for float32.
std::optional<c10::ScalarType> mixedPrecisionType(const QString& precision, bool cuda)
{
    if (!kPrecisions.contains(precision))
        throw Error(QStringLiteral("Unknown precision '%1' (%2)")
                        .arg(precision, kPrecisions.join(QStringLiteral(", "))));
    if (precision == QLatin1String("fp32") || (precision == QLatin1String("auto") && !cuda))
        return std::nullopt;
    return c10::ScalarType::BFloat16;
}

} // namespace

QJsonObject TrainConfig::toJson() const
{
    return {{QStringLiteral("model"), model},
            {QStringLiteral("epochs"), epochs},
            {QStringLiteral("lr"), learningRate},
            {QStringLiteral("weight_decay"), weightDecay},
            {QStringLiteral("warmup_epochs"), warmupEpochs},
            {QStringLiteral("grad_clip"), gradientClip},
            {QStringLiteral("class_weights"), classWeights},
            {QStringLiteral("patience"), patience},
            {QStringLiteral("select_after"), selectAfter},
            {QStringLiteral("seed"), QString::number(seed)},
            {QStringLiteral("w_gen"), wGen},
            {QStringLiteral("w_ce"), wCe},
            {QStringLiteral("mask_rate"), maskRate},
            {QStringLiteral("hidden"), hidden},
            {QStringLiteral("heads"), heads},
            {QStringLiteral("precision"), precision}};
}

TrainConfig TrainConfig::fromJson(const QJsonObject& j)
{
    TrainConfig c;
    c.model = j[QStringLiteral("model")].toString(c.model);
    c.epochs = j[QStringLiteral("epochs")].toInt(c.epochs);
    c.learningRate = j[QStringLiteral("lr")].toDouble(c.learningRate);
    c.weightDecay = j[QStringLiteral("weight_decay")].toDouble(c.weightDecay);
    c.warmupEpochs = j[QStringLiteral("warmup_epochs")].toInt(c.warmupEpochs);
    c.gradientClip = j[QStringLiteral("grad_clip")].toDouble(c.gradientClip);
    c.classWeights = j[QStringLiteral("class_weights")].toBool(c.classWeights);
    c.patience = j[QStringLiteral("patience")].toInt(c.patience);
    c.selectAfter = j[QStringLiteral("select_after")].toDouble(c.selectAfter);
    c.seed = j[QStringLiteral("seed")].toString().toULongLong();
    c.wGen = j[QStringLiteral("w_gen")].toDouble(c.wGen);
    c.wCe = j[QStringLiteral("w_ce")].toDouble(c.wCe);
    c.maskRate = j[QStringLiteral("mask_rate")].toDouble(c.maskRate);
    c.hidden = j[QStringLiteral("hidden")].toInt(c.hidden);
    c.heads = j[QStringLiteral("heads")].toInt(c.heads);
    c.precision = j[QStringLiteral("precision")].toString(c.precision);
    return c;
}

QJsonObject EpochReport::toJson() const
{
    return {{QStringLiteral("event"), QStringLiteral("epoch")},
            {QStringLiteral("epoch"), epoch},
            {QStringLiteral("epochs"), epochs},
            {QStringLiteral("train_loss"), trainLoss},
            {QStringLiteral("terms"), terms},
            {QStringLiteral("val"), validation.toJson()},
            {QStringLiteral("val_loss"), validationLoss},
            {QStringLiteral("lr"), learningRate},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("eta_seconds"), seconds * (epochs - epoch)},
            {QStringLiteral("best"), best}};
}

Trainer::Trainer(TrainConfig config, const MilDataset& data, QString runDir)
    : m_config(std::move(config)), m_data(data), m_runDir(std::move(runDir))
{
}

TrainResult Trainer::run(const std::function<void(const EpochReport&)>& onEpoch,
                         const std::atomic<bool>* cancel)
{
    const auto& train = m_data.samples(QStringLiteral("train"));
    const auto& val = m_data.samples(QStringLiteral("val"));
    const auto& test = m_data.samples(QStringLiteral("test"));
    if (train.empty() || val.empty())
        throw Error(QStringLiteral("Training needs training and validation slides (got %1 and %2)")
                        .arg(train.size())
                        .arg(val.size()));
    if (m_config.epochs < 1)
        throw Error(QStringLiteral("--epochs must be at least 1"));
    const ComputeDevice computeDevice = resolveComputeDevice(m_config.device);
    const torch::Device device =
        computeDevice.cuda ? torch::Device(torch::kCUDA, computeDevice.index) : torch::Device(torch::kCPU);
    const std::optional<c10::ScalarType> autocastType =
        mixedPrecisionType(m_config.precision, computeDevice.cuda);
    setTorchThreads(m_config.threads);
    torch::manual_seed(m_config.seed);
    const int classes = int(m_data.classNames().size());
    const int64_t dim = m_data.featureDimension();

    std::shared_ptr<nets::MilNet> net = nets::makeNet(m_config, dim, classes);
    net->to(device);
    const auto tensors = [&](const std::vector<MilSample>& part, std::vector<int>* labels) {
        std::vector<nets::BagTensors> bags;
        for (const MilSample& s : part) {
            // The dataset outlives run(): on CPU its features serve as the tensors (no second copy).
            bags.push_back(nets::BagTensors::borrowing(s.bag.features.data(), s.bag.count, s.bag.dimension,
                                                       s.graph, device));
            labels->push_back(s.label);
        }
        return bags;
    };
    std::vector<int> trainLabels, valLabels, testLabels;
    const auto trainBags = tensors(train, &trainLabels);
    const auto valBags = tensors(val, &valLabels);
    const auto testBags = tensors(test, &testLabels);
    torch::Tensor classWeights;
    if (m_config.classWeights) {
        std::vector<float> counts(std::size_t(classes), 0.f);
        for (int l : trainLabels)
            counts[std::size_t(l)] += 1;
        std::vector<float> w;
        for (float c : counts)
            w.push_back(float(trainLabels.size()) / (classes * std::max(1.f, c)));
        classWeights = torch::tensor(w).to(device);
    }
    torch::optim::AdamW optimizer(
        net->parameters(),
        torch::optim::AdamWOptions(m_config.learningRate).weight_decay(m_config.weightDecay));

    QDir().mkpath(m_runDir);
    const QDir dir(m_runDir);
    QJsonObject configJson = m_config.toJson();
    configJson[QStringLiteral("feature_dimension")] = int(dim);
    configJson[QStringLiteral("classes")] = QJsonArray::fromStringList(m_data.classNames());
    // Where the features came from: new slides must be cut and described the same way.
    if (const FeatureBag& first = train.front().bag; !first.extractor.isEmpty()) {
        configJson[QStringLiteral("extractor")] = first.extractor;
        configJson[QStringLiteral("patch_size")] = first.patchSize;
        configJson[QStringLiteral("magnification")] = first.magnification;
    }
    const QString configPath = dir.filePath(QString::fromLatin1(kConfigFile));
    const QString checkpointPath = dir.filePath(QString::fromLatin1(kCheckpointFile));
    const QString bestPath = dir.filePath(QString::fromLatin1(kBestFile));

    TrainResult result;
    int startEpoch = 1, bestEpoch = 0, badEpochs = 0;
    double bestScore = -1, bestLoss = 1e300;
    QStringList metricRows{QStringLiteral(
        "epoch,lr,train_loss,val_loss,val_auc,val_accuracy,val_balanced_accuracy,val_f1,seconds")};
    if (QFile::exists(checkpointPath)) {
        QFile existing(configPath);
        existing.open(QIODevice::ReadOnly);
        if (QJsonDocument::fromJson(existing.readAll()).object() != configJson)
            throw Error(
                QStringLiteral("%1 holds a run with a different configuration or data; use another --out "
                               "folder or delete it to start over")
                    .arg(m_runDir));
        try {
            torch::serialize::InputArchive archive, model, optim;
            archive.load_from(QFile::encodeName(checkpointPath).toStdString(), device);
            archive.read("model", model);
            archive.read("optimizer", optim);
            net->load(model);
            optimizer.load(optim);
            torch::Tensor epoch, best, rng;
            archive.read("epoch", epoch);
            archive.read("best", best);
            archive.read("rng", rng);
            nets::setCpuRngState(rng);
            startEpoch = int(epoch.item<int64_t>()) + 1;
            bestScore = best[0].item<double>();
            bestLoss = best[1].item<double>();
            bestEpoch = int(best[2].item<double>());
            badEpochs = int(best[3].item<double>());
        } catch (const c10::Error& e) {
            throw Error(
                QStringLiteral("Cannot resume from %1: the checkpoint is unreadable (%2)")
                    .arg(checkpointPath,
                         QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
        }
        QFile metrics(dir.filePath(QString::fromLatin1(kMetricsFile)));
        if (metrics.open(QIODevice::ReadOnly | QIODevice::Text)) {
            const QStringList rows =
                QString::fromUtf8(metrics.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
            for (qsizetype i = 1;
                 i < rows.size() && rows[i].section(QLatin1Char(','), 0, 0).toInt() < startEpoch; ++i)
                metricRows << rows[i];
        }
        result.resumed = true;
    } else {
        writeFileAtomically(configPath, QJsonDocument(configJson).toJson());
    }

    for (int epoch = startEpoch; epoch <= m_config.epochs; ++epoch) {
        QElapsedTimer timer;
        timer.start();
        const double lr = learningRateAt(m_config, epoch);
        for (auto& group : optimizer.param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        std::vector<std::size_t> order(trainBags.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(),
                     std::mt19937_64(m_config.seed * 1000003 + std::uint64_t(epoch)));
        net->train();
        double lossSum = 0;
        std::map<std::string, double> termSums;
        for (std::size_t k = 0; k < order.size(); ++k) {
            if (cancel && cancel->load()) {
                result.cancelled = true;
                result.epochsRun = epoch - 1;
                return result; // the last complete epoch's checkpoint stays; a rerun resumes there
            }
            optimizer.zero_grad();
            const nets::StepLosses losses = [&] {
                const nets::AutocastScope precision(device.type(), autocastType);
                return net->trainingStep(trainBags[order[k]], trainLabels[order[k]], classWeights);
            }();
            losses.total.backward();
            if (m_config.gradientClip > 0)
                torch::nn::utils::clip_grad_norm_(net->parameters(), m_config.gradientClip);
            optimizer.step();
            lossSum += losses.total.item<double>();
            for (const auto& [name, value] : losses.terms)
                termSums[name] += value.item<double>();
        }
        const Evaluation v = evaluate(*net, valBags, valLabels, classes);
        EpochReport report;
        report.epoch = epoch;
        report.epochs = m_config.epochs;
        report.trainLoss = lossSum / double(order.size());
        for (const auto& [name, sum] : termSums)
            report.terms[QString::fromStdString(name)] = sum / double(order.size());
        report.validation = v.metrics;
        report.validationLoss = v.loss;
        report.learningRate = lr;
        const double score = std::isnan(v.metrics.macroAuc) ? v.metrics.accuracy : v.metrics.macroAuc;
        const bool eligible = epoch > int(m_config.selectAfter * m_config.epochs) || epoch == m_config.epochs;
        if (eligible && (score > bestScore || (score == bestScore && v.loss < bestLoss))) {
            bestScore = score;
            bestLoss = v.loss;
            bestEpoch = epoch;
            badEpochs = 0;
            report.best = true;
            saveAtomically(bestPath, [&](const std::string& path) {
                torch::serialize::OutputArchive archive;
                net->save(archive);
                archive.save_to(path);
            });
        } else if (eligible) {
            ++badEpochs;
        }
        saveAtomically(checkpointPath, [&](const std::string& path) {
            torch::serialize::OutputArchive archive, model, optim;
            net->save(model);
            optimizer.save(optim);
            archive.write("model", model);
            archive.write("optimizer", optim);
            archive.write("epoch", torch::tensor(int64_t(epoch)));
            archive.write("best", torch::tensor({bestScore, bestLoss, double(bestEpoch), double(badEpochs)},
                                                torch::kFloat64));
            archive.write("rng", nets::cpuRngState());
            archive.save_to(path);
        });
        report.seconds = timer.elapsed() / 1000.0;
        metricRows << QStringLiteral("%1,%2,%3,%4,%5,%6,%7,%8,%9")
                          .arg(epoch)
                          .arg(lr, 0, 'g', 6)
                          .arg(report.trainLoss, 0, 'g', 8)
                          .arg(v.loss, 0, 'g', 8)
                          .arg(v.metrics.macroAuc, 0, 'g', 6)
                          .arg(v.metrics.accuracy, 0, 'g', 6)
                          .arg(v.metrics.balancedAccuracy, 0, 'g', 6)
                          .arg(v.metrics.macroF1, 0, 'g', 6)
                          .arg(report.seconds, 0, 'f', 2);
        writeFileAtomically(dir.filePath(QString::fromLatin1(kMetricsFile)),
                            metricRows.join(QLatin1Char('\n')).toUtf8() + '\n');
        result.epochsRun = epoch;
        if (onEpoch)
            onEpoch(report);
        if (m_config.patience > 0 && badEpochs >= m_config.patience) {
            result.stoppedEarly = true;
            break;
        }
    }

    // The best model on validation, then (if any) on test.
    torch::serialize::InputArchive best;
    best.load_from(QFile::encodeName(bestPath).toStdString(), device);
    net->load(best);
    result.bestEpoch = bestEpoch;
    result.bestValidation = evaluate(*net, valBags, valLabels, classes).metrics;
    if (!testBags.empty())
        result.test = evaluate(*net, testBags, testLabels, classes).metrics;
    const QJsonObject summary{
        {QStringLiteral("best_epoch"), bestEpoch},
        {QStringLiteral("epochs_run"), result.epochsRun},
        {QStringLiteral("stopped_early"), result.stoppedEarly},
        {QStringLiteral("val"), result.bestValidation.toJson()},
        {QStringLiteral("test"), testBags.empty() ? QJsonValue() : QJsonValue(result.test.toJson())}};
    writeFileAtomically(dir.filePath(QString::fromLatin1(kResultFile)), QJsonDocument(summary).toJson());
    return result;
}

} // namespace tessera::core
