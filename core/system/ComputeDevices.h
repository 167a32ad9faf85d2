// The devices a job can run on, for the training dialog: the CPU and each CUDA device LibTorch
// sees, with its name and free memory when nvidia-smi can tell.
#pragma once

#include <QString>
#include <vector>

namespace tessera::core {

struct ComputeDeviceInfo {
    QString id;          // as --device takes it: "cpu", "cuda:0" …
    QString description; // "CPU (16 threads)", "cuda:0 — NVIDIA H200, 139 000 MiB free"
    qint64 freeMiB = -1; // -1 when unknown
};

// The CPU, then every CUDA device. Where CUDA devices exist this asks nvidia-smi (up to 3 s):
// keep it off a GUI thread.
std::vector<ComputeDeviceInfo> availableComputeDevices();
// The CPU alone, at once: what is known before the devices are probed.
ComputeDeviceInfo cpuComputeDevice();

} // namespace tessera::core
