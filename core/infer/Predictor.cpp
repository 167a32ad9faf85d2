#include "Predictor.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "model/ComputeDevice.h"
#include "model/SpatialGraph.h"
#include "model/nets/MilFactory.h"

#include <torch/torch.h>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <hdf5.h>

namespace tessera::core {

struct Predictor::State {
    QString runDir;
    TrainConfig config;
    QStringList classNames;
    int dimension = 0;
    torch::Device device{torch::kCPU};
    std::shared_ptr<nets::MilNet> net;
};

Predictor::Predictor(const QString& runDir, const QString& device) : m_state(std::make_unique<State>())
{
    State& s = *m_state;
    s.runDir = runDir;
    const QString configPath = QDir(runDir).filePath(QStringLiteral("config.json"));
    QFile configFile(configPath);
    if (!configFile.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("%1 is not a training run: %2 is missing").arg(runDir, configPath));
    const QJsonObject json = QJsonDocument::fromJson(configFile.readAll()).object();
    if (json.isEmpty())
        throw Error(QStringLiteral("%1 is not valid JSON").arg(configPath));
    s.config = TrainConfig::fromJson(json);
    s.dimension = json[QStringLiteral("feature_dimension")].toInt();
    for (const QJsonValue v : json[QStringLiteral("classes")].toArray())
        s.classNames << v.toString();
    if (s.dimension <= 0 || s.classNames.size() < 2)
        throw Error(QStringLiteral("%1 lacks the feature dimension or class names").arg(configPath));
    const ComputeDevice d = resolveComputeDevice(device);
    s.device = d.cuda ? torch::Device(torch::kCUDA, d.index) : torch::Device(torch::kCPU);
    s.net = nets::makeNet(s.config, s.dimension, s.classNames.size());
    const QString weights = QDir(runDir).filePath(QStringLiteral("best.pt"));
    if (!QFile::exists(weights))
        throw Error(QStringLiteral("%1 has no trained weights (best.pt is missing)").arg(runDir));
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(QFile::encodeName(weights).toStdString(), s.device);
        s.net->load(archive);
    } catch (const c10::Error& e) {
        throw Error(QStringLiteral("Cannot load %1: the checkpoint is damaged or from another model (%2)")
                        .arg(weights,
                             QString::fromUtf8(e.what_without_backtrace()).section(QLatin1Char('\n'), 0, 0)));
    }
    s.net->to(s.device);
    s.net->eval();
}

Predictor::~Predictor() = default;

int Predictor::featureDimension() const
{
    return m_state->dimension;
}
QStringList Predictor::classNames() const
{
    return m_state->classNames;
}
QString Predictor::model() const
{
    return m_state->config.model;
}

Prediction Predictor::predict(const FeatureBag& bag, const QString& source) const
{
    const State& s = *m_state;
    if (bag.dimension != s.dimension)
        throw Error(
            QStringLiteral("%1 has %2-dimensional features, but run %3 was trained on %4-dimensional ones "
                           "(extract with the same extractor)")
                .arg(source.isEmpty() ? QStringLiteral("The bag") : source)
                .arg(bag.dimension)
                .arg(s.runDir)
                .arg(s.dimension));
    torch::NoGradGuard noGrad;
    torch::manual_seed(0); // the consistency rounds' partition: the same map every time
    const SpatialGraph graph = SpatialGraph::fromCoords(bag.coords);
    const nets::BagTensors tensors =
        nets::BagTensors::make(bag.features.data(), bag.count, bag.dimension, graph, s.device);
    const auto toVector = [](const torch::Tensor& t) {
        const torch::Tensor c = t.to(torch::kCPU, torch::kFloat32).contiguous();
        return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    };
    Prediction p;
    p.run = s.runDir;
    p.model = s.config.model;
    p.classNames = s.classNames;
    p.probabilities = toVector(torch::softmax(s.net->logits(tensors), 0));
    p.attention = toVector(s.net->attention(tensors));
    if (const torch::Tensor c = s.net->consistency(tensors); c.defined())
        p.consistency = toVector(c);
    p.coords = bag.coords;
    return p;
}

namespace {

void writeVector(hid_t file, const char* name, const std::vector<float>& v, std::vector<hsize_t> dims)
{
    const hid_t space = H5Screate_simple(int(dims.size()), dims.data(), nullptr);
    const hid_t set = H5Dcreate2(file, name, H5T_IEEE_F32LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const herr_t status = H5Dwrite(set, H5T_NATIVE_FLOAT, H5S_ALL, H5S_ALL, H5P_DEFAULT, v.data());
    H5Dclose(set);
    H5Sclose(space);
    if (status < 0)
        throw Error(QStringLiteral("Cannot write dataset %1 (disk full?)").arg(QLatin1String(name)));
}

void writeCoords(hid_t file, const std::vector<std::int64_t>& coords)
{
    const hsize_t dims[2] = {hsize_t(coords.size() / 2), 2};
    const hid_t space = H5Screate_simple(2, dims, nullptr);
    const hid_t set = H5Dcreate2(file, "coords", H5T_STD_I64LE, space, H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT);
    const herr_t status = H5Dwrite(set, H5T_NATIVE_INT64, H5S_ALL, H5S_ALL, H5P_DEFAULT, coords.data());
    H5Dclose(set);
    H5Sclose(space);
    if (status < 0)
        throw Error(QStringLiteral("Cannot write dataset coords (disk full?)"));
}

void writeString(hid_t file, const char* name, const QString& value)
{
    const QByteArray utf8 = value.toUtf8();
    const hid_t type = H5Tcopy(H5T_C_S1);
    H5Tset_size(type, std::max<size_t>(1, size_t(utf8.size())));
    const hid_t space = H5Screate(H5S_SCALAR);
    const hid_t attr = H5Acreate2(file, name, type, space, H5P_DEFAULT, H5P_DEFAULT);
    H5Awrite(attr, type, utf8.isEmpty() ? "" : utf8.constData());
    H5Aclose(attr);
    H5Sclose(space);
    H5Tclose(type);
}

} // namespace

void Prediction::write(const QString& path) const
{
    AtomicFile out(path);
    {
        const hid_t file = H5Fcreate(QFile::encodeName(out.temporaryPath()).constData(), H5F_ACC_TRUNC,
                                     H5P_DEFAULT, H5P_DEFAULT);
        if (file < 0)
            throw Error(QStringLiteral("Cannot create %1 (is the folder writable?)").arg(path));
        try {
            const hsize_t n = hsize_t(attention.size());
            writeVector(file, "probabilities", probabilities, {hsize_t(probabilities.size())});
            writeVector(file, "attention", attention, {n});
            if (!consistency.empty())
                writeVector(file, "consistency", consistency, {n});
            writeCoords(file, coords);
            writeString(file, "run", run);
            writeString(file, "model", model);
            writeString(file, "classes", classNames.join(QLatin1Char(',')));
        } catch (...) {
            H5Fclose(file);
            throw;
        }
        H5Fclose(file);
    }
    out.commit();
}

} // namespace tessera::core
