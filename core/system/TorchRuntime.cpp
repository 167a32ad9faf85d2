#include "TorchRuntime.h"

#include <ATen/Parallel.h>
#include <torch/cuda.h>
#include <torch/version.h>

namespace tessera::core {

TorchRuntime torchRuntime()
{
    TorchRuntime runtime;
    runtime.version = QString::fromLatin1(TORCH_VERSION);
    runtime.cudaAvailable = torch::cuda::is_available();
    runtime.cudaDevices = runtime.cudaAvailable ? int(torch::cuda::device_count()) : 0;
    runtime.cpuThreads = at::get_num_threads();
    runtime.parallelInfo = QString::fromStdString(at::get_parallel_info()).trimmed();
    return runtime;
}

} // namespace tessera::core
