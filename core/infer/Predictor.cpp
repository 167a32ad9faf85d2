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
#include <algorithm>
#include <cmath>
#include <hdf5.h>

namespace tessera::core {

// One trained network with what it judges slides by.
struct Predictor::Member {
    QString dir;
    RunDescription run;
    std::shared_ptr<nets::MilNet> net;
    std::optional<TrustReference> trust;
    QString trustNote;

    Member(const QString& runDir, const torch::Device& device);
    // This member's calibrated probabilities [C], attention [N] and consistency [N] (undefined
    // without reconstruction), and its verdict on the bag.
    struct Output {
        std::vector<float> probabilities, attention, consistency;
        OodVerdict ood;
        double temperature = 1;
    };
    Output predict(const FeatureBag& bag, const nets::BagTensors& tensors) const;
};

struct Predictor::State {
    QString runDir;
    torch::Device device{torch::kCPU};
    std::vector<Member> members;
};

Predictor::Member::Member(const QString& runDir, const torch::Device& device) : dir(runDir)
{
    const RunFolder folder(runDir);
    run = folder.readDescription();
    net = nets::makeNet(run.model, run.featureDimension, run.classNames.size());
    nets::loadWeights(folder.bestWeightsPath(), *net, device);
    net->to(device);
    net->eval();
    if (QFile::exists(folder.trustPath())) {
        try {
            trust = TrustReference::read(folder.trustPath());
            if (trust->dimension() > 0 && trust->dimension() != run.featureDimension) {
                trustNote = QObject::tr("%1 was made from %2-dimensional features, but run %3 takes %4: "
                                        "its predictions are not checked against its training data")
                                .arg(folder.trustPath())
                                .arg(trust->dimension())
                                .arg(folder.name())
                                .arg(run.featureDimension);
                trust.reset();
            }
        } catch (const Error& e) {
            trustNote = e.message(); // the run still predicts; it says why it cannot judge
        }
    } else {
        trustNote = QObject::tr("run %1 keeps no reference of its training data (made before Tessera kept "
                                "one): its predictions are not checked against the slides it learnt from")
                        .arg(folder.name());
    }
}

namespace {

std::vector<float> toVector(const torch::Tensor& t)
{
    const torch::Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

// Per element: the mean over `rows`, and (when `spread` is given) the population standard
// deviation.
std::vector<float> meanOf(const std::vector<std::vector<float>>& rows, std::vector<float>* spread = nullptr)
{
    const std::size_t n = rows.front().size();
    std::vector<float> mean(n), sd(n);
    for (std::size_t i = 0; i < n; ++i) {
        double sum = 0, squares = 0;
        for (const auto& row : rows) {
            sum += row[i];
            squares += double(row[i]) * row[i];
        }
        const double m = sum / double(rows.size());
        mean[i] = float(m);
        sd[i] = float(std::sqrt(std::max(0.0, squares / double(rows.size()) - m * m)));
    }
    if (spread)
        *spread = std::move(sd);
    return mean;
}

} // namespace

Predictor::Member::Output Predictor::Member::predict(const FeatureBag& bag,
                                                     const nets::BagTensors& tensors) const
{
    torch::manual_seed(0); // the consistency rounds' partition: the same map every time
    Output o;
    o.temperature = trust ? trust->temperature() : 1.0;
    o.probabilities = toVector(torch::softmax(net->logits(tensors) / o.temperature, 0));
    o.attention = toVector(net->attention(tensors));
    std::optional<double> reconstructionError;
    if (const torch::Tensor c = net->consistency(tensors); c.defined()) {
        o.consistency = toVector(c);
        reconstructionError = nets::reconstructionError(c);
    }
    if (trust)
        o.ood = trust->judge(bag, reconstructionError);
    return o;
}

Predictor::Predictor(const QString& runDir, const QString& device) : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.runDir = runDir;
    const ComputeDevice d = resolveComputeDevice(device);
    s.device = d.cuda ? torch::Device(torch::kCUDA, d.index) : torch::Device(torch::kCPU);
    const QStringList folds = RunFolder::ensembleMembers(runDir);
    const bool crossValidation =
        !RunFolder(runDir).hasConfig() &&
        !QDir(runDir).entryList({QStringLiteral("fold_*")}, QDir::Dirs | QDir::NoDotAndDotDot).isEmpty();
    if (crossValidation && folds.size() < 2)
        throw Error(
            QObject::tr("%1 is a cross-validation with %2 finished fold(s): its ensemble needs at least "
                        "2; use one fold's folder as the run, or let the other folds finish")
                .arg(runDir)
                .arg(folds.size()));
    if (folds.isEmpty()) {
        s.members.emplace_back(runDir, s.device);
        return;
    }
    for (const QString& fold : folds) {
        s.members.emplace_back(fold, s.device);
        const RunDescription& first = s.members.front().run;
        const RunDescription& next = s.members.back().run;
        if (next.featureDimension != first.featureDimension || next.classNames != first.classNames ||
            next.model.name != first.model.name || next.extractor != first.extractor)
            throw Error(QObject::tr("%1 cannot be used as an ensemble: its folds %2 and %3 differ in model, "
                                    "classes or features; train the folds again with one command")
                            .arg(runDir, RunFolder(s.members.front().dir).name(), RunFolder(fold).name()));
    }
}

Predictor::~Predictor() = default;

int Predictor::members() const
{
    return int(m_state->members.size());
}

bool Predictor::hasTrustReference() const
{
    return std::all_of(m_state->members.begin(), m_state->members.end(),
                       [](const Member& m) { return m.trust.has_value(); });
}

const QString& Predictor::trustNote() const
{
    for (const Member& m : m_state->members)
        if (!m.trustNote.isEmpty())
            return m.trustNote;
    return m_state->members.front().trustNote;
}

const RunDescription& Predictor::run() const
{
    return m_state->members.front().run;
}

Prediction Predictor::predict(const FeatureBag& bag, const QString& source) const
{
    const State& s = *m_state;
    const RunDescription& run = this->run();
    if (bag.dimension != run.featureDimension)
        throw Error(
            QStringLiteral("%1 has %2-dimensional features, but run %3 was trained on %4-dimensional ones "
                           "(extract with the same extractor)")
                .arg(source.isEmpty() ? QStringLiteral("The bag") : source)
                .arg(bag.dimension)
                .arg(s.runDir)
                .arg(run.featureDimension));
    if (!run.extractor.isEmpty() && !bag.extractor.isEmpty() && bag.extractor != run.extractor)
        throw Error(QStringLiteral("%1 was made by extractor '%2', but run %3 was trained on '%4' features "
                                   "(extract with the same extractor)")
                        .arg(source.isEmpty() ? QStringLiteral("The bag") : source, bag.extractor, s.runDir,
                             run.extractor));
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

void Predictor::addEvidence(Prediction& p, const nets::BagTensors& tensors) const
{
    const auto favoured = std::max_element(p.probabilities.begin(), p.probabilities.end());
    const int positive = int(favoured - p.probabilities.begin());
    std::vector<std::vector<float>> perMember;
    try {
        for (const Member& m : m_state->members) {
            torch::manual_seed(0); // as predict(): the same forward pass whose weights are read
            const torch::Tensor e = m.net->patchEvidence(tensors, positive);
            if (!e.defined())
                return; // the model has no evidence map
            perMember.push_back(toVector(e));
        }
    } catch (const std::exception& e) {
        // The backward pass needs more memory than the prediction; the rest of it stands.
        if (!nets::isOutOfMemory(e))
            throw;
        return;
    }
    p.evidence = perMember.size() == 1 ? std::move(perMember.front()) : meanOf(perMember);
    p.evidenceClass = positive;
}

Prediction Predictor::predictOn(const FeatureBag& bag) const
{
    const State& s = *m_state;
    torch::NoGradGuard noGrad;
    const SpatialGraph graph = SpatialGraph::fromCoords(bag.coords, bag.patchSizeLevel0);
    const nets::BagTensors tensors =
        nets::BagTensors::make(bag.features.data(), bag.count, bag.dimension, graph, s.device);
    std::vector<Member::Output> outputs;
    for (const Member& m : s.members)
        outputs.push_back(m.predict(bag, tensors));
    Prediction p;
    p.run = s.runDir;
    p.model = run().model.name;
    p.classNames = run().classNames;
    p.coords = bag.coords;
    p.patchStep = bag.patchSizeLevel0 > 0 ? bag.patchSizeLevel0 : int(graph.step);
    p.extractor = bag.extractor;
    p.members = int(outputs.size());
    std::size_t judge = 0; // the member whose verdict and note the prediction carries
    if (outputs.size() == 1) {
        Member::Output& o = outputs.front();
        p.probabilities = std::move(o.probabilities);
        p.attention = std::move(o.attention);
        p.consistency = std::move(o.consistency);
        p.temperature = o.temperature;
    } else {
        std::vector<std::vector<float>> probabilities, attention, consistency, relative;
        double logTemperature = 0;
        for (const Member::Output& o : outputs) {
            probabilities.push_back(o.probabilities);
            attention.push_back(o.attention);
            if (!o.consistency.empty())
                consistency.push_back(o.consistency);
            // Attention relative to an even share (1 = 1/N): comparable across bag sizes.
            std::vector<float> r(o.attention);
            for (float& v : r)
                v *= float(r.size());
            relative.push_back(std::move(r));
            logTemperature += std::log(o.temperature);
        }
        p.probabilities = meanOf(probabilities, &p.probabilitySpread);
        p.attention = meanOf(attention);
        if (consistency.size() == outputs.size())
            p.consistency = meanOf(consistency);
        meanOf(relative, &p.uncertainty);
        p.temperature = std::exp(logTemperature / double(outputs.size()));
        // The median margin above threshold: flagged when at least half the members flag the
        // slide, so the ensemble keeps its members' false-alarm rate. A member that cannot judge
        // leaves the slide unjudged, with its reason.
        std::vector<std::size_t> judged;
        for (std::size_t i = 0; i < outputs.size(); ++i)
            if (outputs[i].ood.isJudged())
                judged.push_back(i);
            else
                judge = i;
        if (judged.size() == outputs.size()) {
            const auto margin = [&](std::size_t i) {
                return outputs[i].ood.score - outputs[i].ood.threshold;
            };
            std::sort(judged.begin(), judged.end(),
                      [&](std::size_t a, std::size_t b) { return margin(a) < margin(b); });
            judge = judged[judged.size() / 2];
            OodVerdict& v = outputs[judge].ood;
            v.reference = QObject::tr("%1 (%2, the median of %3 folds)")
                              .arg(v.reference, RunFolder(s.members[judge].dir).name())
                              .arg(judged.size());
        }
    }
    addEvidence(p, tensors);
    p.ood = outputs[judge].ood;
    const Member& member = s.members[judge];
    p.trustNote = member.trustNote;
    if (member.trust && !p.ood.isJudged())
        p.trustNote = QObject::tr("run %1's reference holds too few slides to judge new ones by (%2)")
                          .arg(QFileInfo(member.dir).fileName(),
                               member.trust->summary().value(QStringLiteral("reference")).toString());
    return p;
}

bool modelMakesEvidence(const QString& model)
{
    return model == QLatin1String("srmil") || model == QLatin1String("abmil");
}

std::vector<float> Prediction::evidenceTowardPositive() const
{
    if (probabilities.size() != 2)
        return {};
    std::vector<float> toward(evidence);
    if (evidenceClass == 0)
        for (float& v : toward)
            v = -v;
    return toward;
}

const std::vector<float>& Prediction::scores(ScoreMap map) const
{
    switch (map) {
    case ScoreMap::Evidence:
        return evidence;
    case ScoreMap::Attention:
        return attention;
    case ScoreMap::Consistency:
        return consistency;
    case ScoreMap::Uncertainty:
        break;
    }
    return uncertainty;
}

QString Prediction::probabilitiesText() const
{
    QStringList parts;
    for (qsizetype c = 0; c < classNames.size() && std::size_t(c) < probabilities.size(); ++c) {
        QString part =
            QStringLiteral("%1 %2").arg(classNames[c]).arg(probabilities[std::size_t(c)], 0, 'f', 4);
        if (std::size_t(c) < probabilitySpread.size())
            part += QStringLiteral(" ± %1").arg(probabilitySpread[std::size_t(c)], 0, 'f', 4);
        parts << part;
    }
    QString text = parts.join(QStringLiteral(", "));
    if (members > 1)
        text += QObject::tr(" (mean of %1 folds)").arg(members);
    return text;
}

QString Prediction::trustSummary() const
{
    return trustLine(ood, trustNote, temperature, members);
}

QString trustLine(const OodVerdict& ood, const QString& trustNote, double temperature, int members)
{
    if (!ood.isJudged())
        return trustNote.isEmpty() ? ood.badge() : ood.badge() + QStringLiteral(": ") + trustNote;
    QString line = ood.summary();
    if (members > 1 && temperature != 1.0)
        line += QObject::tr("; each fold's probabilities calibrated with its own temperature");
    else if (temperature != 1.0)
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
            writeDataset(f, "consistency", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {hsize_t(consistency.size())},
                         consistency.data(), path);
        writeDataset(f, "coords", H5T_STD_I64LE, H5T_NATIVE_INT64, {n, 2}, coords.data(), path);
        if (!evidence.empty()) {
            writeDataset(f, "evidence", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {hsize_t(evidence.size())},
                         evidence.data(), path);
            writeAttribute(f, "evidence_class", H5T_NATIVE_INT, &evidenceClass, path);
        }
        if (!uncertainty.empty())
            writeDataset(f, "uncertainty", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {hsize_t(uncertainty.size())},
                         uncertainty.data(), path);
        if (!probabilitySpread.empty())
            writeDataset(f, "probability_sd", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT,
                         {hsize_t(probabilitySpread.size())}, probabilitySpread.data(), path);
        writeAttribute(f, "members", H5T_NATIVE_INT, &members, path);
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
    if (const auto e = shapeOf(f, "evidence"); !e.empty()) {
        const double toward = numberAttribute(f, "evidence_class").value_or(-1);
        if (e.size() != 1 || e[0] != n || !(toward >= 0 && toward < double(probabilities[0])) ||
            toward != std::floor(toward))
            throw Error(QStringLiteral("%1 is damaged: its evidence map does not match its %2 patches and "
                                       "%3 classes")
                            .arg(path)
                            .arg(n)
                            .arg(probabilities[0]));
        p.evidence = readAll<float>(f, "evidence", H5T_NATIVE_FLOAT, n, path);
        p.evidenceClass = int(toward);
    }
    const double members = numberAttribute(f, "members").value_or(1);
    if (!(members >= 1 && members <= 1000) || members != std::floor(members))
        throw Error(QStringLiteral("%1 is damaged: it says it was made by %2 models").arg(path).arg(members));
    p.members = int(members);
    // An ensemble's map and spreads: present with more than one member, of the patches' and
    // classes' sizes, within their ranges.
    const auto ensembleData = [&](const char* name, std::size_t size, float highest) {
        const auto shape = shapeOf(f, name);
        if (shape.empty())
            return std::vector<float>();
        if (p.members < 2 || shape.size() != 1 || shape[0] != size)
            throw Error(QStringLiteral("%1 is damaged: its %2 does not match its %3 model(s) and %4 entries")
                            .arg(path, QString::fromLatin1(name))
                            .arg(p.members)
                            .arg(size));
        std::vector<float> values = readAll<float>(f, name, H5T_NATIVE_FLOAT, size, path);
        for (float v : values)
            if (!(v >= 0 && v <= highest))
                throw Error(QStringLiteral("%1 is damaged: its %2 holds %3")
                                .arg(path, QString::fromLatin1(name))
                                .arg(v));
        return values;
    };
    p.uncertainty = ensembleData("uncertainty", n, float(n)); // attention × N lies in [0, N]
    p.probabilitySpread = ensembleData("probability_sd", probabilities[0], 0.5f);
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
    for (const std::vector<float>* v :
         {&p.probabilities, &p.attention, &p.consistency, &p.evidence, &p.uncertainty, &p.probabilitySpread})
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
