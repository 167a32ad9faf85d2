// What LibTorch was built with and can see, for `tessera-cli info`, the About box and dialogs.
#pragma once

#include <QString>

namespace tessera::core {

struct TorchRuntime {
    QString version;
    bool cudaAvailable = false;
    int cudaDevices = 0;
    int cpuThreads = 0;
    QString parallelInfo; // ATen's threading/BLAS summary line
};
TorchRuntime torchRuntime();

} // namespace tessera::core
