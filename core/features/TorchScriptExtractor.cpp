#include "TorchScriptExtractor.h"

#include "common/Error.h"
#include "model/ComputeDevice.h"

#include <torch/script.h>
#include <torch/torch.h>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <opencv2/imgproc.hpp>

namespace tessera::core {

struct TorchScriptExtractor::Model {
    torch::jit::script::Module module;
    torch::Device device{torch::kCPU};
    std::mutex mutex; // forward() on one module is not re-entrant-safe on every backend
};

namespace {

QString shapeText(const at::IntArrayRef& sizes)
{
    QStringList parts;
    for (auto s : sizes)
        parts << QString::number(s);
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

torch::Tensor flattenOutput(const torch::jit::IValue& value, const QString& path, int batch)
{
    if (!value.isTensor())
        throw Error(QStringLiteral("%1: the model returns %2, not a tensor of features")
                        .arg(path, QString::fromStdString(value.tagKind())));
    torch::Tensor out = value.toTensor();
    if (out.dim() == 4 && out.size(2) == 1 && out.size(3) == 1)
        out = out.flatten(1);
    if (out.dim() != 2 || out.size(0) != batch)
        throw Error(QStringLiteral("%1: the model returns a tensor of shape %2 for a batch of %3 patches; "
                                   "expected [%3, D] (one feature vector per patch)")
                        .arg(path, shapeText(out.sizes()))
                        .arg(batch));
    return out;
}

QString firstLine(const std::exception& e)
{
    const auto* c10 = dynamic_cast<const c10::Error*>(&e);
    const QString text = QString::fromUtf8(c10 ? c10->what_without_backtrace() : e.what()).trimmed();
    // TorchScript errors start with a traceback header; the reason is the last non-empty line.
    const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? text : lines.last().trimmed();
}

} // namespace

TorchScriptExtractor::TorchScriptExtractor(const QString& path, TorchScriptOptions options)
    : m_model(std::make_unique<Model>()), m_path(path), m_options(options)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read TorchScript model %1: %2").arg(path, file.errorString()));
    m_checksum = QString::fromLatin1(
        QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1).toHex().left(12));
    const ComputeDevice device = resolveComputeDevice(options.device);
    m_model->device = device.cuda ? torch::Device(torch::kCUDA, device.index) : torch::Device(torch::kCPU);
    try {
        m_model->module = torch::jit::load(QFile::encodeName(path).toStdString(), m_model->device);
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("%1 is not a loadable TorchScript file: %2").arg(path, firstLine(e)));
    }
    m_model->module.eval();
    // Validate the contract now, before any slide is read.
    torch::NoGradGuard noGrad;
    const int probe = 2;
    try {
        const auto input = torch::zeros({probe, 3, options.inputSize, options.inputSize},
                                        torch::TensorOptions().device(m_model->device));
        const torch::Tensor out = flattenOutput(m_model->module.forward({input}), path, probe);
        m_dimension = int(out.size(1));
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) { // c10::Error and the interpreter's JITException
        throw Error(QStringLiteral("%1 does not accept a [%2, 3, %3, %3] float image batch: %4")
                        .arg(path)
                        .arg(probe)
                        .arg(options.inputSize)
                        .arg(firstLine(e)));
    }
}

TorchScriptExtractor::~TorchScriptExtractor() = default;

QString TorchScriptExtractor::name() const
{
    return QStringLiteral("torchscript:%1").arg(QFileInfo(m_path).fileName());
}

QString TorchScriptExtractor::version() const
{
    return m_checksum;
}

QString TorchScriptExtractor::deviceName() const
{
    return QString::fromStdString(m_model->device.str());
}

void TorchScriptExtractor::extract(const std::vector<cv::Mat>& patches, float* out)
{
    if (patches.empty())
        return;
    const int s = m_options.inputSize;
    const auto batch = int64_t(patches.size());
    torch::Tensor pixels = torch::empty({batch, s, s, 3}, torch::kUInt8);
    for (int64_t i = 0; i < batch; ++i) {
        cv::Mat resized;
        const cv::Mat& patch = patches[std::size_t(i)];
        if (patch.cols != s || patch.rows != s)
            cv::resize(patch, resized, cv::Size(s, s), 0, 0, cv::INTER_AREA);
        else
            resized = patch.isContinuous() ? patch : patch.clone();
        std::memcpy(pixels[i].data_ptr<uint8_t>(), resized.data, std::size_t(s) * s * 3);
    }
    const auto mean =
        torch::tensor({m_options.mean[0], m_options.mean[1], m_options.mean[2]}).view({1, 3, 1, 1});
    const auto sd = torch::tensor({m_options.std[0], m_options.std[1], m_options.std[2]}).view({1, 3, 1, 1});
    std::lock_guard lock(m_model->mutex);
    torch::NoGradGuard noGrad;
    torch::Tensor input = pixels.to(m_model->device).permute({0, 3, 1, 2}).to(torch::kFloat32).div_(255.0f);
    input = (input - mean.to(m_model->device)) / sd.to(m_model->device);
    const torch::Tensor features = flattenOutput(m_model->module.forward({input}), m_path, int(batch))
                                       .to(torch::kCPU, torch::kFloat32)
                                       .contiguous();
    std::memcpy(out, features.data_ptr<float>(), std::size_t(batch) * m_dimension * sizeof(float));
}

} // namespace tessera::core
