#include "ComputeDevice.h"

#include "common/Error.h"
#include "system/RuntimeEnvironment.h"

// Only what listing and touching a device needs: all of <torch/torch.h> cost this file 49 s.
#include <ATen/Parallel.h>
#include <ATen/ops/zeros.h>
#include <c10/util/Exception.h>
#include <torch/cuda.h>

#include <QRegularExpression>

namespace tessera::core {

QString ComputeDevice::name() const
{
    return cuda ? QStringLiteral("cuda:%1").arg(index) : QStringLiteral("cpu");
}

ComputeDevice resolveComputeDevice(const QString& text)
{
    const QString spec = text.trimmed().toLower();
    const int available = torch::cuda::is_available() ? int(torch::cuda::device_count()) : 0;
    if (spec.isEmpty() || spec == QLatin1String("auto"))
        return available > 0 ? ComputeDevice{true, 0} : ComputeDevice{false, -1};
    if (spec == QLatin1String("cpu"))
        return {false, -1};
    static const QRegularExpression cudaPattern(QStringLiteral("^cuda(?::(\\d+))?$"));
    const auto match = cudaPattern.match(spec);
    if (!match.hasMatch())
        throw Error(QStringLiteral("Unknown device '%1': use auto, cpu, cuda or cuda:N").arg(text));
    const int index = match.captured(1).isEmpty() ? 0 : match.captured(1).toInt();
    if (available == 0)
        throw Error(QStringLiteral("Device '%1' was asked for, but LibTorch sees no CUDA device "
                                   "(this build or machine is CPU-only); choose the CPU or automatic")
                        .arg(text));
    if (index >= available)
        throw Error(
            QStringLiteral("Device '%1' does not exist: %2 CUDA device(s) available (cuda:0 … cuda:%3)")
                .arg(text)
                .arg(available)
                .arg(available - 1));
    // Touch the device so that a broken driver fails here, with a clear message.
    try {
        at::zeros({1}, at::TensorOptions().device(c10::Device(c10::kCUDA, index)));
    } catch (const c10::Error& e) {
        throw Error(QStringLiteral("Device '%1' cannot be used: %2")
                        .arg(text, QString::fromUtf8(e.what_without_backtrace())));
    }
    return {true, index};
}

void setTorchThreads(int threads)
{
    if (threads > 0) {
        at::set_num_threads(threads);
        setBlasThreads(threads); // torch's setting does not reach OpenBLAS's own pool
    }
}

} // namespace tessera::core
