// Parses and resolves the --device option (auto | cpu | cuda | cuda:N) for LibTorch work.
#pragma once

#include <QString>

namespace tessera::core {

struct ComputeDevice {
    bool cuda = false;
    int index = -1;       // CUDA ordinal, -1 for CPU
    QString name() const; // "cpu" or "cuda:N"
};

// "auto" picks CUDA device 0 when LibTorch sees one, otherwise the CPU. Asking for a CUDA
// device that is not there is an Error (never a silent fallback: a 50× slower run should
// not surprise anyone). Throws Error for text that is not a device.
ComputeDevice resolveComputeDevice(const QString& text);

// Sets intra-op threads for the calling thread (LibTorch's setting is per thread).
void setTorchThreads(int threads);

} // namespace tessera::core
