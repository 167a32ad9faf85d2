#include "Predictor.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/Hdf5.h"
#include "model/ComputeDevice.h"
#include "model/SpatialGraph.h"
#include "model/nets/MilFactory.h"
#include "model/nets/NetWeights.h"
#include "model/nets/OutOfMemory.h"
#include "run/RunFolder.h"
#include "trust/TrustReference.h"

#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <hdf5.h>

namespace tessera::core {

struct Predictor::State {
    QString runDir;
    RunDescription run;
    torch::Device device{torch::kCPU};
    std::shared_ptr<nets::MilNet> net;
    std::optional<TrustReference> trust;
    QString trustNote;
};

Predictor::Predictor(const QString& runDir, const QString& device) : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.runDir = runDir;
    const RunFolder folder(runDir);
    s.run = folder.readDescription();
    const ComputeDevice d = resolveComputeDevice(device);
    s.device = d.cuda ? torch::Device(torch::kCUDA, d.index) : torch::Device(torch::kCPU);
    s.net = nets::makeNet(s.run.model, s.run.featureDimension, s.run.classNames.size());
    nets::loadWeights(folder.bestWeightsPath(), *s.net, s.device);
    s.net->to(s.device);
    s.net->eval();
    if (QFile::exists(folder.trustPath())) {
        try {
            s.trust = TrustReference::read(folder.trustPath());
            if (s.trust->dimension() > 0 && s.trust->dimension() != s.run.featureDimension) {
                s.trustNote = QObject::tr("%1 was made from %2-dimensional features, but run %3 takes %4: "
                                          "its predictions are not checked against its training data")
                                  .arg(folder.trustPath())
                                  .arg(s.trust->dimension())
                                  .arg(folder.name())
                                  .arg(s.run.featureDimension);
                s.trust.reset();
            }
        } catch (const Error& e) {
            s.trustNote = e.message(); // the run still predicts; it says why it cannot judge
        }
    } else {
        s.trustNote = QObject::tr("run %1 keeps no reference of its training data (made before Tessera kept "
                                  "one): its predictions are not checked against the slides it learnt from")
                          .arg(folder.name());
    }
}

Predictor::~Predictor() = default;

bool Predictor::hasTrustReference() const
{
    return m_state->trust.has_value();
}

const QString& Predictor::trustNote() const
{
    return m_state->trustNote;
}

const RunDescription& Predictor::run() const
{
    return m_state->run;
}

Prediction Predictor::predict(const FeatureBag& bag, const QString& source) const
{
    const State& s = *m_state;
    if (bag.dimension != s.run.featureDimension)
        throw Error(
            QStringLiteral("%1 has %2-dimensional features, but run %3 was trained on %4-dimensional ones "
                           "(extract with the same extractor)")
                .arg(source.isEmpty() ? QStringLiteral("The bag") : source)
                .arg(bag.dimension)
                .arg(s.runDir)
                .arg(s.run.featureDimension));
    if (!s.run.extractor.isEmpty() && !bag.extractor.isEmpty() && bag.extractor != s.run.extractor)
        throw Error(QStringLiteral("%1 was made by extractor '%2', but run %3 was trained on '%4' features "
                                   "(extract with the same extractor)")
                        .arg(source.isEmpty() ? QStringLiteral("The bag") : source, bag.extractor, s.runDir,
                             s.run.extractor));
    try {
        return predictOn(bag);
    } catch (const std::exception& e) {
        if (!nets::isOutOfMemory(e))
            throw;
        throw nets::outOfMemory(QObject::tr("predicting"),
                                source.isEmpty() ? QStringLiteral("the bag") : source, bag.count,
                                bag.dimension, false);
    }
}

Prediction Predictor::predictOn(const FeatureBag& bag) const
{
    const State& s = *m_state;
    torch::NoGradGuard noGrad;
    torch::manual_seed(0); // the consistency rounds' partition: the same map every time
    const SpatialGraph graph = SpatialGraph::fromCoords(bag.coords, bag.patchSizeLevel0);
    const nets::BagTensors tensors =
        nets::BagTensors::make(bag.features.data(), bag.count, bag.dimension, graph, s.device);
    const auto toVector = [](const torch::Tensor& t) {
        const torch::Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
        return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    };
    Prediction p;
    p.run = s.runDir;
    p.model = s.run.model.name;
    p.classNames = s.run.classNames;
    p.temperature = s.trust ? s.trust->temperature() : 1.0;
    p.probabilities = toVector(torch::softmax(s.net->logits(tensors) / p.temperature, 0));
    p.attention = toVector(s.net->attention(tensors));
    std::optional<double> reconstructionError;
    if (const torch::Tensor c = s.net->consistency(tensors); c.defined()) {
        p.consistency = toVector(c);
        reconstructionError = nets::reconstructionError(c);
    }
    if (s.trust)
        p.ood = s.trust->judge(bag, reconstructionError);
    p.trustNote = s.trustNote;
    if (s.trust && !p.ood.isJudged())
        p.trustNote = QObject::tr("run %1's reference holds too few slides to judge new ones by (%2)")
                          .arg(QFileInfo(s.runDir).fileName(),
                               s.trust->summary().value(QStringLiteral("reference")).toString());
    p.coords = bag.coords;
    p.patchStep = bag.patchSizeLevel0 > 0 ? bag.patchSizeLevel0 : int(graph.step);
    p.extractor = bag.extractor;
    return p;
}

QString Prediction::trustSummary() const
{
    return trustLine(ood, trustNote, temperature);
}

QString trustLine(const OodVerdict& ood, const QString& trustNote, double temperature)
{
    if (!ood.isJudged())
        return trustNote.isEmpty() ? ood.badge() : ood.badge() + QStringLiteral(": ") + trustNote;
    QString line = ood.summary();
    if (temperature != 1.0)
        line += QObject::tr("; probabilities calibrated (temperature %1)").arg(temperature, 0, 'g', 3);
    return line + QObject::tr("; reference: %1").arg(ood.reference);
}

using namespace hdf5;

void Prediction::write(const QString& path) const
{
    silenceHdf5();
    QByteArray bytes;
    {
        std::lock_guard lock(hdf5Mutex());
        FileInMemory file(path);
        const hid_t f = file.get();
        const hsize_t n = hsize_t(attention.size());
        writeDataset(f, "probabilities", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {hsize_t(probabilities.size())},
                     probabilities.data(), path);
        writeDataset(f, "attention", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n}, attention.data(), path);
        if (!consistency.empty())
            writeDataset(f, "consistency", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n}, consistency.data(), path);
        writeDataset(f, "coords", H5T_STD_I64LE, H5T_NATIVE_INT64, {n, 2}, coords.data(), path);
        writeStringAttribute(f, "run", run, path);
        writeStringAttribute(f, "model", model, path);
        writeStringAttribute(f, "classes", classNames.join(QLatin1Char(',')), path);
        writeStringAttribute(f, "extractor", extractor, path);
        writeStringAttribute(f, "slide", slide, path);
        writeAttribute(f, "patch_size_level0", H5T_NATIVE_INT, &patchStep, path);
        writeAttribute(f, "temperature", H5T_NATIVE_DOUBLE, &temperature, path);
        const int flag = ood.isJudged() ? (ood.flagged ? 1 : 0) : -1;
        writeAttribute(f, "ood_flag", H5T_NATIVE_INT, &flag, path);
        if (ood.isJudged()) {
            writeAttribute(f, "ood_score", H5T_NATIVE_DOUBLE, &ood.score, path);
            writeStringAttribute(
                f, "ood", QString::fromUtf8(QJsonDocument(ood.toJson()).toJson(QJsonDocument::Compact)),
                path);
        }
        writeStringAttribute(f, "ood_note", trustNote, path);
        bytes = file.finish();
    }
    writeFileAtomically(path, bytes);
}

namespace {

Prediction readResults(const QString& path) // the caller holds hdf5Mutex()
{
    const Id file = openForReading(path, QStringLiteral("results"));
    const hid_t f = file.get();
    const auto attention = shapeOf(f, "attention");
    const auto coords = shapeOf(f, "coords");
    const auto probabilities = shapeOf(f, "probabilities");
    if (attention.size() != 1 || coords.size() != 2 || coords[0] != attention[0] || coords[1] != 2 ||
        probabilities.size() != 1)
        throw Error(QStringLiteral("%1 is not a Tessera results file (it needs probabilities, attention and "
                                   "coords of matching sizes)")
                        .arg(path));
    Prediction p;
    const std::size_t n = attention[0];
    p.probabilities = readAll<float>(f, "probabilities", H5T_NATIVE_FLOAT, probabilities[0], path);
    p.attention = readAll<float>(f, "attention", H5T_NATIVE_FLOAT, n, path);
    if (const auto c = shapeOf(f, "consistency"); c.size() == 1 && c[0] == n)
        p.consistency = readAll<float>(f, "consistency", H5T_NATIVE_FLOAT, n, path);
    p.coords = readAll<std::int64_t>(f, "coords", H5T_NATIVE_INT64, 2 * n, path);
    p.run = stringAttribute(f, "run");
    p.model = stringAttribute(f, "model");
    p.classNames = stringAttribute(f, "classes").split(QLatin1Char(','), Qt::SkipEmptyParts);
    p.extractor = stringAttribute(f, "extractor");
    p.slide = stringAttribute(f, "slide");
    const double step = numberAttribute(f, "patch_size_level0").value_or(0);
    if (!std::isfinite(step) || step < 0 || step > double(1 << 24))
        throw Error(QStringLiteral("%1 is damaged: its patch size is %2").arg(path).arg(step));
    p.patchStep = int(step);
    p.temperature = numberAttribute(f, "temperature").value_or(1);
    if (!(p.temperature > 0) || !std::isfinite(p.temperature))
        throw Error(QStringLiteral("%1 is damaged: its temperature is %2").arg(path).arg(p.temperature));
    if (const QString ood = stringAttribute(f, "ood"); !ood.isEmpty())
        p.ood = OodVerdict::fromJson(QJsonDocument::fromJson(ood.toUtf8()).object());
    p.trustNote = stringAttribute(f, "ood_note");
    if (p.patchStep <= 0)
        p.patchStep = int(SpatialGraph::inferStep(p.coords));
    if (p.classNames.size() != qsizetype(p.probabilities.size()))
        throw Error(QStringLiteral("%1 is damaged: %2 class names for %3 probabilities")
                        .arg(path)
                        .arg(p.classNames.size())
                        .arg(p.probabilities.size()));
    for (const std::vector<float>* v : {&p.probabilities, &p.attention, &p.consistency})
        for (float x : *v)
            if (!std::isfinite(x))
                throw Error(QStringLiteral("%1 is damaged: it holds NaN or infinite scores").arg(path));
    return p;
}

} // namespace

Prediction Prediction::read(const QString& path)
{
    silenceHdf5();
    refuseFilesThatCrashHdf5(path, QStringLiteral("results"));
    std::lock_guard lock(hdf5Mutex());
    return readResults(path);
}

} // namespace tessera::core
