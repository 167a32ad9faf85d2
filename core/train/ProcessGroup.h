// Data-parallel training across processes on torch's own runtime (c10d): a TCPStore rendezvous
// and a Gloo process group (CPU tensors; NCCL would take CUDA ones). Launch settings come from
// torchrun's variables or SLURM's, so clusters start Tessera the way they start PyTorch.
#pragma once

#include <QString>
#include <memory>
#include <vector>

namespace at {
class Tensor;
}

namespace tessera::core {

struct DistributedLaunch {
    int rank = 0;
    int worldSize = 1;
    int localRank = 0;
    QString masterAddress = QStringLiteral("127.0.0.1");
    int masterPort = 29500;
    // A rank that does not answer for this long has failed (a dead one is noticed at once: its
    // connections close). Long, as torch's default: rank 0 evaluates and writes between folds.
    int timeoutSeconds = 1800;

    // MASTER_ADDR, MASTER_PORT, RANK, WORLD_SIZE, LOCAL_RANK (torchrun); else SLURM_PROCID,
    // SLURM_NTASKS, SLURM_LOCALID and the first host of SLURM_NODELIST (port: MASTER_PORT or
    // 29500). Throws Error naming what is missing or malformed.
    static DistributedLaunch fromEnvironment();
    // "host[01-04,07]" → "host01"; "a,b" → "a".
    static QString firstSlurmHost(const QString& nodeList);
};

class ProcessGroup {
public:
    // Joins the group (waits for every rank up to the timeout); throws Error.
    explicit ProcessGroup(const DistributedLaunch& launch);
    ~ProcessGroup();
    ProcessGroup(const ProcessGroup&) = delete;
    ProcessGroup& operator=(const ProcessGroup&) = delete;

    int rank() const { return m_launch.rank; }
    int size() const { return m_launch.worldSize; }
    int localRank() const { return m_launch.localRank; }
    bool isPrimary() const { return m_launch.rank == 0; }

    // Sums each tensor over all ranks, in place (CPU tensors). Throws Error naming this rank when
    // a peer has died or timed out.
    void allReduceSum(std::vector<at::Tensor>& tensors);
    // Waits for every rank.
    void barrier();
    // Whether `flag` is true on any rank; whether `value` is the same on every rank.
    bool anyOf(bool flag);
    bool allEqual(int value);

private:
    struct Impl;
    DistributedLaunch m_launch;
    std::unique_ptr<Impl> m_impl;
};

// A TCP port on 127.0.0.1 that was free a moment ago (for local workers).
int freeLocalPort();

} // namespace tessera::core
