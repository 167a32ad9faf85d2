#include "Trainer.h"

#include "system/CachingCpuAllocator.h"
#include "system/HeapTrimScope.h"

#include "ProcessGroup.h"
#include "TrainingCheckpoint.h"
#include "common/Error.h"
#include "compare/RunComparison.h"
#include "model/ComputeDevice.h"
#include "model/nets/Autocast.h"
#include "model/nets/MilFactory.h"
#include "model/nets/NetWeights.h"
#include "model/nets/OutOfMemory.h"
#include "run/RunEvaluation.h"
#include "trust/TrustReference.h"

#include <torch/torch.h>

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>

#include <cmath>
#include <limits>
#include <numbers>
#include <random>
#include <tuple>

namespace tessera::core {

namespace {

const QString kJob = QStringLiteral("train");

double learningRateAt(const TrainConfig& c, int epoch) // epoch is 1-based
{
    if (epoch <= c.warmupEpochs)
        return c.learningRate * epoch / double(c.warmupEpochs + 1);
    const double progress = double(epoch - c.warmupEpochs - 1) / std::max(1, c.epochs - c.warmupEpochs);
    return c.learningRate * 0.5 * (1 + std::cos(std::numbers::pi * progress));
}

// The autocast type of `precision` on this device; nullopt for float32.
std::optional<c10::ScalarType> mixedPrecisionType(const QString& precision, bool cuda)
{
    if (precision == QLatin1String("fp32") || (precision == QLatin1String("auto") && !cuda))
        return std::nullopt;
    return c10::ScalarType::BFloat16;
}

// One part of the split (train, val or test) on the device.
struct Part {
    std::vector<nets::BagTensors> bags;
    std::vector<int> labels;
    QStringList ids;
    std::vector<torch::Tensor> evidence; // per bag: its annotated evidence patches; undefined if none
    std::vector<torch::Tensor> counter;  // per bag: patches annotated with another class; undefined if none
};

Part onDevice(const std::vector<MilSample>& samples, const torch::Device& device)
{
    Part part;
    for (const MilSample& s : samples) {
        // The dataset outlives the run: on CPU its features serve as the tensors (no second copy).
        try {
            part.bags.push_back(nets::BagTensors::borrowing(s.bag.features.data(), s.bag.count,
                                                            s.bag.dimension, s.graph, device));
        } catch (const std::exception& e) {
            if (!nets::isOutOfMemory(e))
                throw;
            throw nets::outOfMemory(QObject::tr("preparing"), s.slideId, s.bag.count, s.bag.dimension, true);
        }
        part.labels.push_back(s.label);
        part.ids << s.slideId;
        const auto onDevice = [&](const std::vector<std::int64_t>& indices) {
            return indices.empty() ? torch::Tensor() : torch::tensor(indices, torch::kLong).to(device);
        };
        part.evidence.push_back(onDevice(s.evidence()));
        part.counter.push_back(onDevice(s.counterEvidence()));
    }
    return part;
}

struct Evaluation {
    ClassificationMetrics metrics;
    double loss = 0;
    std::vector<float> probabilities; // slides × classes
    std::vector<float> logits;        // slides × classes
};

Evaluation evaluate(nets::MilNet& net, const Part& part, int classes)
{
    torch::NoGradGuard noGrad;
    net.eval();
    std::vector<float> probabilities;
    std::vector<float> rawLogits;
    double loss = 0;
    for (std::size_t i = 0; i < part.bags.size(); ++i) {
        const torch::Tensor logits = [&] {
            try {
                return net.logits(part.bags[i]).to(torch::kCPU, torch::kFloat32);
            } catch (const std::exception& e) {
                if (!nets::isOutOfMemory(e))
                    throw;
                throw nets::outOfMemory(QObject::tr("evaluating"), part.ids[qsizetype(i)],
                                        part.bags[i].patches, part.bags[i].features.size(1), true);
            }
        }();
        const torch::Tensor p = torch::softmax(logits, 0).contiguous();
        probabilities.insert(probabilities.end(), p.data_ptr<float>(), p.data_ptr<float>() + classes);
        const torch::Tensor raw = logits.contiguous();
        rawLogits.insert(rawLogits.end(), raw.data_ptr<float>(), raw.data_ptr<float>() + classes);
        loss -= torch::log_softmax(logits, 0)[part.labels[i]].item<double>();
    }
    Evaluation out;
    out.logits = std::move(rawLogits);
    out.metrics = ClassificationMetrics::compute(probabilities, part.labels, classes);
    out.loss = part.bags.empty() ? 0 : loss / double(part.bags.size());
    out.metrics.loss = part.bags.empty() ? std::numeric_limits<double>::quiet_NaN() : out.loss;
    out.probabilities = std::move(probabilities);
    return out;
}

// The metrics a run is judged by, with the AUC's bootstrap interval; each slide's probabilities go
// into `outcomes` as part `partName`.
ClassificationMetrics finalMetrics(nets::MilNet& net, const Part& part, int classes, const QString& partName,
                                   RunEvaluation& outcomes)
{
    Evaluation e = evaluate(net, part, classes);
    std::tie(e.metrics.aucLow, e.metrics.aucHigh) =
        bootstrapAucInterval(e.probabilities, part.labels, classes);
    for (std::size_t i = 0; i < part.labels.size(); ++i) {
        const auto row = e.probabilities.begin() + std::ptrdiff_t(i) * classes;
        outcomes.slides.push_back(
            {part.ids.value(qsizetype(i)), partName, part.labels[i], {row, row + classes}});
    }
    return e.metrics;
}

// A slide's reconstruction error (1 − mean consistency) as inference computes it, for models
// with a reconstruction branch.
std::optional<double> reconstructionError(nets::MilNet& net, const nets::BagTensors& bag)
{
    torch::manual_seed(0); // the consistency rounds' partition, as Predictor draws it
    return nets::reconstructionError(net.consistency(bag));
}

// What inference needs to say when a slide is unlike the training slides, and the temperature
// that calibrates the best weights on validation (trust.h5; docs/TRUST.md).
QJsonObject writeTrustReference(nets::MilNet& net, const MilDataset& data, const Part& training,
                                const Part& validation, int classes, std::uint64_t seed,
                                const RunFolder& folder)
{
    torch::NoGradGuard noGrad;
    net.eval();
    TrustInputs inputs;
    inputs.classes = classes;
    const auto add = [&](const QString& name, const Part& part, std::vector<TrustSlide>& into) {
        const std::vector<MilSample>& samples = data.samples(name);
        for (std::size_t i = 0; i < samples.size() && i < part.bags.size(); ++i)
            into.push_back({&samples[i].bag, reconstructionError(net, part.bags[i])});
    };
    add(QStringLiteral("train"), training, inputs.training);
    add(QStringLiteral("val"), validation, inputs.validation);
    inputs.validationLogits = evaluate(net, validation, classes).logits;
    inputs.validationLabels = validation.labels;
    const TrustReference reference = TrustReference::build(inputs, seed);
    reference.write(folder.trustPath());
    return reference.summary();
}

// Inverse class frequency of the training labels, or an undefined tensor when switched off.
torch::Tensor classWeightsOf(const TrainConfig& config, const std::vector<int>& labels, int classes,
                             const torch::Device& device)
{
    if (!config.classWeights)
        return {};
    std::vector<float> counts(std::size_t(classes), 0.f);
    for (int l : labels)
        counts[std::size_t(l)] += 1;
    std::vector<float> w;
    for (float c : counts)
        w.push_back(float(labels.size()) / (float(classes) * std::max(1.f, c)));
    return torch::tensor(w).to(device);
}

// config.json: the training configuration plus what the data was.
QJsonObject runConfig(const TrainConfig& config, const MilDataset& data)
{
    QJsonObject json = config.toJson();
    json[QStringLiteral("feature_dimension")] = data.featureDimension();
    json[QStringLiteral("classes")] = QJsonArray::fromStringList(data.classNames());
    // Where the features came from: new slides must be cut and described the same way.
    if (const FeatureBag& first = data.samples(QStringLiteral("train")).front().bag;
        !first.extractor.isEmpty()) {
        json[QStringLiteral("extractor")] = first.extractor;
        json[QStringLiteral("patch_size")] = first.patchSize;
        json[QStringLiteral("magnification")] = first.magnification;
    }
    return json;
}

// The state of one call of Trainer::run: the network, its optimizer and the data on the device.
class Session {
public:
    Session(const TrainConfig& config, const MilDataset& data)
        : m_config(config), m_classes(int(data.classNames().size()))
    {
        const ComputeDevice computeDevice = resolveComputeDevice(config.device);
        m_device = computeDevice.cuda ? torch::Device(torch::kCUDA, computeDevice.index)
                                      : torch::Device(torch::kCPU);
        m_autocast = mixedPrecisionType(config.precision, computeDevice.cuda);
        setTorchThreads(config.threads);
        torch::manual_seed(config.seed);
        m_net = nets::makeNet(config.model, data.featureDimension(), m_classes);
        m_net->to(m_device);
        m_train = onDevice(data.samples(QStringLiteral("train")), m_device);
        m_val = onDevice(data.samples(QStringLiteral("val")), m_device);
        m_test = onDevice(data.samples(QStringLiteral("test")), m_device);
        m_classWeights = classWeightsOf(config, m_train.labels, m_classes, m_device);
        m_optimizer = std::make_unique<torch::optim::AdamW>(
            m_net->parameters(),
            torch::optim::AdamWOptions(config.learningRate).weight_decay(config.weightDecay));
        m_deviceName = computeDevice.name();
    }

    // Every rank takes rank 0's weights and its stop decision: floating-point sums that differ in
    // the last bit (other thread counts, other GPUs) must not let the ranks drift apart.
    bool followRankZero(ProcessGroup& group, bool stop)
    {
        torch::NoGradGuard noGrad;
        std::vector<torch::Tensor> pieces;
        for (const torch::Tensor& p : m_net->parameters())
            pieces.push_back(group.isPrimary() ? p.detach().to(torch::kCPU, torch::kFloat32).reshape({-1})
                                               : torch::zeros({p.numel()}, torch::kFloat32));
        pieces.push_back(torch::full({1}, group.isPrimary() && stop ? 1.f : 0.f));
        std::vector<torch::Tensor> buffer{torch::cat(pieces)};
        group.allReduceSum(buffer);
        std::int64_t offset = 0;
        for (torch::Tensor& p : m_net->parameters()) {
            p.copy_(buffer.front().narrow(0, offset, p.numel()).view(p.sizes()));
            offset += p.numel();
        }
        return buffer.front()[offset].item<float>() > 0;
    }

    // Fine-tuning: the parent run's best weights replace the random initialisation.
    void initialiseFrom(const RunFolder& parent)
    {
        nets::loadWeights(parent.bestWeightsPath(), *m_net, m_device);
    }

    nets::MilNet& net() { return *m_net; }
    torch::optim::AdamW& optimizer() { return *m_optimizer; }
    const torch::Device& device() const { return m_device; }
    const QString& deviceName() const { return m_deviceName; }
    const Part& train() const { return m_train; }
    const Part& validation() const { return m_val; }
    const Part& test() const { return m_test; }
    int classes() const { return m_classes; }

    // One pass over the training bags in this epoch's order; false when cancelled part-way. Each
    // optimizer step takes the next slidesPerStep slides of the order; with a process group this
    // rank computes every size()-th of them and the gradients are summed over the ranks, so the
    // step is the same whatever the number of processes.
    bool trainEpoch(int epoch, const std::atomic<bool>* cancel, EpochReport& report, ProcessGroup* group)
    {
        const double lr = learningRateAt(m_config, epoch);
        for (auto& group : m_optimizer->param_groups())
            static_cast<torch::optim::AdamWOptions&>(group.options()).lr(lr);
        std::vector<std::size_t> order(m_train.bags.size());
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(),
                     std::mt19937_64(m_config.seed * 1000003 + std::uint64_t(epoch)));
        m_net->train();
        const std::size_t perStep = std::size_t(m_config.slidesPerStep);
        const int rank = group ? group->rank() : 0, ranks = group ? group->size() : 1;
        // One slide a step in one process is the published recipe: one random stream for the
        // run. Otherwise each slide's masks come from its own seed, so that which rank computes
        // a slide does not change its masks.
        const bool perSlideSeeds = perStep > 1 || ranks > 1;
        double lossSum = 0;
        std::map<std::string, double> termSums;
        for (std::size_t first = 0; first < order.size(); first += perStep) {
            // Ranks stop together: a cancel seen by any rank cancels the step for all of them.
            if (group ? group->anyOf(cancel && cancel->load()) : (cancel && cancel->load()))
                return false;
            const std::size_t inStep = std::min(perStep, order.size() - first);
            m_optimizer->zero_grad();
            for (std::size_t k = 0; k < inStep; ++k) {
                if (int(k % std::size_t(ranks)) != rank)
                    continue;
                const std::size_t i = order[first + k];
                if (perSlideSeeds)
                    torch::manual_seed(slideSeed(epoch, i));
                const nets::StepLosses losses = stepOn(i, [&] {
                    nets::StepLosses step;
                    {
                        // Autocast covers the forward pass only, as before (backward follows its types).
                        const nets::AutocastScope precision(m_device.type(), m_autocast);
                        step = m_net->trainingStep(m_train.bags[i], m_train.labels[i], m_classWeights);
                        addAnnotationLoss(step, i);
                    }
                    (inStep == 1 ? step.total : step.total / double(inStep)).backward();
                    return step;
                });
                lossSum += losses.total.item<double>();
                for (const auto& [name, value] : losses.terms)
                    termSums[name] += value.item<double>();
            }
            if (group)
                sumGradients(*group, lossSum, termSums, first + inStep == order.size());
            if (m_config.gradientClip > 0)
                torch::nn::utils::clip_grad_norm_(m_net->parameters(), m_config.gradientClip);
            m_optimizer->step();
        }
        report.learningRate = lr;
        report.trainLoss = lossSum / double(order.size());
        for (const auto& [name, sum] : termSums)
            report.terms[QString::fromStdString(name)] = sum / double(order.size());
        return true;
    }

private:
    // With --annotations: the share of slide i's attention on the patches annotated with its
    // class and off those annotated with another, as −log, weighted by w_inst beside the slide
    // loss ("inst" in metrics.csv).
    void addAnnotationLoss(nets::StepLosses& step, std::size_t i) const
    {
        const torch::Tensor& evidence = m_train.evidence[i];
        const torch::Tensor& counter = m_train.counter[i];
        if (!m_config.annotations || m_config.instanceWeight <= 0)
            return;
        if (!evidence.defined() && !counter.defined()) { // every slide has the term: ranks sum alike
            step.terms["inst"] = torch::zeros({}, torch::kFloat32);
            return;
        }
        const torch::Tensor loss = m_net->evidenceLoss(m_train.bags[i], evidence, counter);
        step.total = step.total + m_config.instanceWeight * loss;
        step.terms["inst"] = loss.detach();
    }

    // A failed allocation in slide i's step names the slide and its size instead of "bad_alloc".
    template <typename Step> nets::StepLosses stepOn(std::size_t i, const Step& step) const
    {
        try {
            return step();
        } catch (const std::exception& e) {
            if (!nets::isOutOfMemory(e))
                throw;
            const nets::BagTensors& bag = m_train.bags[i];
            throw nets::outOfMemory(QObject::tr("training on"), m_train.ids[qsizetype(i)], bag.patches,
                                    bag.features.size(1), true);
        }
    }

    std::uint64_t slideSeed(int epoch, std::size_t slide) const
    {
        // splitmix64 over (seed, epoch, slide): independent streams, the same on every rank.
        std::uint64_t z = m_config.seed * 0x9E3779B97F4A7C15ull +
                          std::uint64_t(epoch) * 0xBF58476D1CE4E5B9ull +
                          std::uint64_t(slide) * 0x94D049BB133111EBull;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return (z ^ (z >> 31)) >> 1; // manual_seed takes a signed range on some builds
    }

    // Sums this step's gradients over the ranks in one buffer. A parameter no rank produced a
    // gradient for stays without one (AdamW then leaves it alone, as in one process). At the
    // epoch's last step the loss sums travel along, so that every rank reports the same means.
    void sumGradients(ProcessGroup& group, double& lossSum, std::map<std::string, double>& termSums,
                      bool last)
    {
        std::vector<torch::Tensor> parameters = m_net->parameters();
        std::vector<torch::Tensor> pieces;
        std::vector<float> present;
        for (const torch::Tensor& p : parameters) {
            const torch::Tensor& g = p.grad();
            pieces.push_back(g.defined() ? g.detach().to(torch::kCPU, torch::kFloat32).reshape({-1})
                                         : torch::zeros({p.numel()}, torch::kFloat32));
            present.push_back(g.defined() ? 1.f : 0.f);
        }
        pieces.push_back(torch::tensor(present));
        std::vector<double> sums{lossSum};
        for (const auto& [name, value] : termSums)
            sums.push_back(value);
        if (last)
            pieces.push_back(torch::tensor(sums, torch::kFloat64).to(torch::kFloat32));
        std::vector<torch::Tensor> buffer{torch::cat(pieces)};
        group.allReduceSum(buffer);
        const torch::Tensor flat = buffer.front();
        std::int64_t gradientValues = 0;
        for (const torch::Tensor& p : parameters)
            gradientValues += p.numel();
        const torch::Tensor presentSum = flat.narrow(0, gradientValues, std::int64_t(parameters.size()));
        std::int64_t offset = 0;
        for (std::size_t j = 0; j < parameters.size(); ++j) {
            torch::Tensor& p = parameters[j];
            const std::int64_t n = p.numel();
            if (presentSum[std::int64_t(j)].item<float>() > 0) {
                const torch::Tensor summed =
                    flat.narrow(0, offset, n).view(p.sizes()).to(p.device(), p.scalar_type());
                if (p.grad().defined())
                    p.mutable_grad().copy_(summed);
                else
                    p.mutable_grad() = summed.clone();
            }
            offset += n;
        }
        if (last) {
            const torch::Tensor totals =
                flat.narrow(0, flat.numel() - std::int64_t(sums.size()), std::int64_t(sums.size()));
            lossSum = totals[0].item<double>();
            std::size_t t = 1;
            for (auto& [name, value] : termSums)
                value = totals[std::int64_t(t++)].item<double>();
        }
    }

    const TrainConfig& m_config;
    int m_classes;
    torch::Device m_device{torch::kCPU};
    QString m_deviceName;
    std::optional<c10::ScalarType> m_autocast;
    std::shared_ptr<nets::MilNet> m_net;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
    Part m_train, m_val, m_test;
    torch::Tensor m_classWeights;
};

} // namespace

ProgressEvent EpochReport::toEvent() const
{
    ProgressEvent e = ProgressEvent::progress(kJob, epoch, epochs, QStringLiteral("epochs"), {}, etaSeconds);
    e.kind = EventKind::Epoch;
    e.epoch = epoch;
    e.epochs = epochs;
    e.losses[QStringLiteral("train")] = trainLoss;
    for (const auto& [name, value] : terms)
        e.losses[name] = value;
    e.metrics = {{QStringLiteral("val_loss"), validationLoss},
                 {QStringLiteral("val_accuracy"), validation.accuracy},
                 {QStringLiteral("val_balanced_accuracy"), validation.balancedAccuracy},
                 {QStringLiteral("val_f1"), validation.macroF1}};
    if (!std::isnan(validation.macroAuc))
        e.metrics[QStringLiteral("val_auc")] = validation.macroAuc;
    e.learningRate = learningRate;
    e.seconds = seconds;
    e.best = best;
    return e;
}

EpochRecord EpochReport::toRecord() const
{
    EpochRecord r;
    r.epoch = epoch;
    r.learningRate = learningRate;
    r.trainLoss = trainLoss;
    r.validationLoss = validationLoss;
    r.validationAuc = validation.macroAuc;
    r.validationAccuracy = validation.accuracy;
    r.validationBalancedAccuracy = validation.balancedAccuracy;
    r.validationF1 = validation.macroF1;
    r.seconds = seconds;
    r.terms = terms;
    return r;
}

Trainer::Trainer(TrainConfig config, const MilDataset& data, QString runDir)
    : m_config(std::move(config)), m_data(data), m_folder(runDir)
{
}

RunFolder Trainer::checkedParent() const
{
    const RunFolder parent(m_config.initFrom);
    const auto refuse = [&](const QString& why) {
        throw FieldError({QStringLiteral("init_from"),
                          QStringLiteral("cannot fine-tune from %1: %2").arg(parent.path(), why)});
    };
    RunDescription d;
    try {
        d = parent.readDescription();
    } catch (const Error& e) {
        refuse(e.message());
    }
    if (!parent.hasBestWeights())
        refuse(QStringLiteral("it has no trained weights yet (best.pt)"));
    if (d.model.name != m_config.model.name || d.model.hidden != m_config.model.hidden ||
        d.model.heads != m_config.model.heads)
        refuse(QStringLiteral(
                   "it is a %1 model (hidden %2, %3 heads), this run a %4 model (hidden %5, %6 heads)")
                   .arg(d.model.name)
                   .arg(d.model.hidden)
                   .arg(d.model.heads)
                   .arg(m_config.model.name)
                   .arg(m_config.model.hidden)
                   .arg(m_config.model.heads));
    if (d.featureDimension != m_data.featureDimension())
        refuse(QStringLiteral("it was trained on %1-dimensional features, these are %2-dimensional")
                   .arg(d.featureDimension)
                   .arg(m_data.featureDimension()));
    if (d.classNames != m_data.classNames())
        refuse(QStringLiteral("its classes are %1, these labels' are %2")
                   .arg(d.classNames.join(QStringLiteral(", ")),
                        m_data.classNames().join(QStringLiteral(", "))));
    return parent;
}

TrainResult Trainer::run(const ProgressSink& progress, const std::atomic<bool>* cancel)
{
    // With a process group, every rank trains and validates (the weights are the same on all of
    // them after each step, so are their choices); rank 0 alone writes and reports.
    const bool primary = !m_group || m_group->isPrimary();
    const auto report = [&](const ProgressEvent& e) {
        if (progress && primary)
            progress(e);
    };
    throwIfAny(m_config.problems());
    if (m_group && m_group->size() > m_config.slidesPerStep)
        throw FieldError({QStringLiteral("slides_per_step"),
                          QStringLiteral("%1 processes need at least %1 slides per step (got %2)")
                              .arg(m_group->size())
                              .arg(m_config.slidesPerStep)});
    const auto& trainSamples = m_data.samples(QStringLiteral("train"));
    const auto& valSamples = m_data.samples(QStringLiteral("val"));
    if (trainSamples.empty() || valSamples.empty())
        throw Error(QStringLiteral("Training needs training and validation slides (got %1 and %2)")
                        .arg(trainSamples.size())
                        .arg(valSamples.size()));
    if (m_group && int(trainSamples.size()) < m_group->size())
        throw Error(QStringLiteral("%1 processes need at least %1 training slides (got %2)")
                        .arg(m_group->size())
                        .arg(trainSamples.size()));
    // Declared before the session, so it runs after the session's tensors are gone: the process
    // keeps no cached blocks once training is over.
    const struct ReleaseCachedBlocks {
        ~ReleaseCachedBlocks() { releaseCachedCpuMemory(); }
    } releaseCachedBlocks;
    const HeapTrimScope keepFreedHeapWhileTraining;
    Session session(m_config, m_data);
    const QJsonObject configJson = runConfig(m_config, m_data);

    TrainResult result;
    TrainingState state;
    std::vector<EpochRecord> metrics;
    if (m_folder.hasCheckpoint()) {
        if (m_folder.readConfig() != configJson)
            throw Error(QStringLiteral("%1 holds a run with a different configuration or data; train into "
                                       "another folder, or delete this one to start over")
                            .arg(m_folder.path()));
        state = loadTrainingCheckpoint(m_folder.checkpointPath(), session.net(), session.optimizer(),
                                       session.device());
        metrics = m_folder.readMetrics();
        std::erase_if(metrics, [&](const EpochRecord& r) { return r.epoch > state.epoch; });
        result.resumed = true;
    } else {
        if (!m_config.initFrom.isEmpty())
            session.initialiseFrom(checkedParent());
        if (primary) {
            m_folder.create();
            m_folder.writeConfig(configJson);
        }
    }
    if (primary) // best weights left pending by a run killed or failed before its checkpoint
        m_folder.settleBestWeights(state.epoch, state.selection.bestEpoch);
    if (m_group && !m_group->allEqual(state.epoch))
        throw Error(
            QStringLiteral("Rank %1 of %2: the ranks resumed from different epochs (this one from %3); the "
                           "run folder %4 must be the same shared folder for every rank")
                .arg(m_group->rank())
                .arg(m_group->size())
                .arg(state.epoch)
                .arg(m_folder.path()));
    ModelSelection selection(m_config.epochs, m_config.selectAfter, m_config.patience, state.selection);
    report(ProgressEvent::started(kJob, {{QStringLiteral("run"), m_folder.path()},
                                         {QStringLiteral("model"), m_config.model.name},
                                         {QStringLiteral("device"), session.deviceName()},
                                         {QStringLiteral("train"), int(session.train().bags.size())},
                                         {QStringLiteral("val"), int(session.validation().bags.size())},
                                         {QStringLiteral("test"), int(session.test().bags.size())},
                                         {QStringLiteral("dimension"), m_data.featureDimension()},
                                         {QStringLiteral("epochs"), m_config.epochs},
                                         {QStringLiteral("resumed_after_epoch"), state.epoch}}));
    for (const QString& warning : m_data.warnings())
        report(ProgressEvent::note(kJob, warning, QStringLiteral("warning")));

    result.epochsRun = state.epoch;
    // A run that stopped early stays stopped: rerunning it does not train on.
    result.stoppedEarly = selection.shouldStop();
    for (int epoch = state.epoch + 1; epoch <= m_config.epochs && !result.stoppedEarly; ++epoch) {
        QElapsedTimer timer;
        timer.start();
        EpochReport epochReport;
        epochReport.epoch = epoch;
        epochReport.epochs = m_config.epochs;
        if (!session.trainEpoch(epoch, cancel, epochReport, m_group)) {
            // The last complete epoch's checkpoint stays; a rerun resumes there.
            result.cancelled = true;
            report(ProgressEvent::failed(
                kJob, QStringLiteral("cancelled after epoch %1").arg(state.epoch), true,
                {{QStringLiteral("run"), m_folder.path()}, {QStringLiteral("epochs_run"), state.epoch}}));
            return result;
        }
        const Evaluation v = evaluate(session.net(), session.validation(), session.classes());
        epochReport.validation = v.metrics;
        epochReport.validationLoss = v.loss;
        epochReport.best = selection.offer(epoch, v.metrics, v.loss);
        if (epochReport.best && primary)
            nets::saveWeights(m_folder.pendingBestWeightsPath(epoch), session.net());
        epochReport.seconds = double(timer.elapsed()) / 1000.0;
        state.epoch = epoch;
        state.selection = selection.state();
        state.seconds += epochReport.seconds;
        metrics.push_back(epochReport.toRecord());
        if (primary) {
            // Metrics first: killed between the two, the resumed run redoes this epoch and drops the
            // rows past its checkpoint. The other way round, this epoch's row was lost for good
            // (found by tst_faults_kill).
            m_folder.writeMetrics(metrics);
            saveTrainingCheckpoint(m_folder.checkpointPath(), session.net(), session.optimizer(), state);
            if (epochReport.best)
                m_folder.commitBestWeights(epoch);
        }
        epochReport.etaSeconds = epochReport.seconds * (m_config.epochs - epoch);
        result.epochsRun = epoch;
        report(epochReport.toEvent());
        const bool stop =
            m_group ? session.followRankZero(*m_group, selection.shouldStop()) : selection.shouldStop();
        if (stop) {
            result.stoppedEarly = true;
            break;
        }
    }

    if (!primary) // rank 0 evaluates the best model and writes the result
        return result;
    // The best model on validation, then (if any) on test.
    nets::loadWeights(m_folder.bestWeightsPath(), session.net(), session.device());
    result.bestEpoch = selection.state().bestEpoch;
    RunEvaluation outcomes;
    outcomes.classNames = m_data.classNames();
    result.bestValidation =
        finalMetrics(session.net(), session.validation(), session.classes(), QStringLiteral("val"), outcomes);
    RunResult summary;
    summary.bestEpoch = result.bestEpoch;
    summary.epochsRun = result.epochsRun;
    summary.stoppedEarly = result.stoppedEarly;
    summary.validation = result.bestValidation;
    summary.seconds = state.seconds;
    if (!session.test().bags.empty()) {
        result.test =
            finalMetrics(session.net(), session.test(), session.classes(), QStringLiteral("test"), outcomes);
        summary.test = result.test;
    }
    // As the trust reference below: losing this file costs comparing the run, not the run.
    try {
        outcomes.write(m_folder.evaluationPath());
    } catch (const Error& e) {
        report(ProgressEvent::note(kJob,
                                   QStringLiteral("No per-slide results were kept: %1").arg(e.message()),
                                   QStringLiteral("warning")));
    }
    // The run is trained whatever becomes of its reference: a failure here costs the flag, not
    // the weights (inference then says the run keeps no reference).
    try {
        summary.trust = writeTrustReference(session.net(), m_data, session.train(), session.validation(),
                                            session.classes(), m_config.seed, m_folder);
    } catch (const std::exception& e) {
        QFile::remove(m_folder.trustPath());
        const auto* error = dynamic_cast<const Error*>(&e);
        report(ProgressEvent::note(kJob,
                                   QStringLiteral("No trust reference was kept: %1")
                                       .arg(error ? error->message() : QString::fromLocal8Bit(e.what())),
                                   QStringLiteral("warning")));
    }
    summary.decision =
        toJson(decisionThreshold(outcomes, summary.trust[QStringLiteral("ece_after")].isDouble()));
    m_folder.writeResult(summary);
    QJsonObject finished = summary.toJson();
    finished[QStringLiteral("run")] = m_folder.path();
    report(ProgressEvent::finished(kJob, finished));
    return result;
}

} // namespace tessera::core
