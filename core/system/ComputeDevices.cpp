#include "ComputeDevices.h"

#include "TorchRuntime.h"

#include <QProcess>
#include <QThread>

#include <map>

namespace tessera::core {

namespace {

struct GpuReport {
    QString name;
    qint64 freeMiB = -1;
};

// nvidia-smi's view of the GPUs, by index; empty where it is absent or fails.
std::map<int, GpuReport> nvidiaSmi()
{
    std::map<int, GpuReport> gpus;
    QProcess smi;
    smi.start(QStringLiteral("nvidia-smi"), {QStringLiteral("--query-gpu=index,name,memory.free"),
                                             QStringLiteral("--format=csv,noheader,nounits")});
    if (!smi.waitForFinished(3000)) {
        smi.kill(); // a hung driver: the devices are listed without names
        smi.waitForFinished(1000);
        return gpus;
    }
    if (smi.exitStatus() != QProcess::NormalExit || smi.exitCode() != 0)
        return gpus;
    for (const QByteArray& line : smi.readAllStandardOutput().split('\n')) {
        const QList<QByteArray> cells = line.split(',');
        if (cells.size() < 3)
            continue;
        gpus[cells[0].trimmed().toInt()] = {QString::fromUtf8(cells[1].trimmed()),
                                            cells[2].trimmed().toLongLong()};
    }
    return gpus;
}

} // namespace

ComputeDeviceInfo cpuComputeDevice()
{
    return {QStringLiteral("cpu"), QStringLiteral("CPU (%1 threads)").arg(QThread::idealThreadCount()), -1};
}

std::vector<ComputeDeviceInfo> availableComputeDevices()
{
    std::vector<ComputeDeviceInfo> devices{cpuComputeDevice()};
    TorchRuntime torch = torchRuntime();
    // A test hook: pretend to have CUDA devices, so that the slow path (nvidia-smi) can be
    // measured and tested on machines without a GPU.
    if (const int fake = qEnvironmentVariableIntValue("TESSERA_TEST_CUDA_DEVICES"); fake > 0)
        torch.cudaDevices = fake;
    if (torch.cudaDevices == 0)
        return devices;
    const std::map<int, GpuReport> smi = nvidiaSmi();
    for (int i = 0; i < torch.cudaDevices; ++i) {
        const QString id = QStringLiteral("cuda:%1").arg(i);
        const auto it = smi.find(i);
        if (it == smi.end())
            devices.push_back({id, QStringLiteral("%1 — CUDA device %2").arg(id).arg(i), -1});
        else
            devices.push_back(
                {id, QStringLiteral("%1 — %2, %3 MiB free").arg(id, it->second.name).arg(it->second.freeMiB),
                 it->second.freeMiB});
    }
    return devices;
}

} // namespace tessera::core
