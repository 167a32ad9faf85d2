// Only this file includes c10d (Gloo); USE_C10D_GLOO unlocks its Gloo header.
#define USE_C10D_GLOO 1
#include "ProcessGroup.h"

#include "common/Error.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/torch.h>

#include <QRegularExpression>
#include <QString>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tessera::core {

namespace {

std::optional<int> integerVariable(const char* name)
{
    if (!qEnvironmentVariableIsSet(name))
        return std::nullopt;
    bool ok = false;
    const int value = qEnvironmentVariable(name).toInt(&ok);
    if (!ok || value < 0)
        throw Error(QStringLiteral("Distributed launch: %1=%2 is not a non-negative integer")
                        .arg(QLatin1String(name), qEnvironmentVariable(name)));
    return value;
}

} // namespace

QString DistributedLaunch::firstSlurmHost(const QString& nodeList)
{
    // "gpu[01-04,07],cpu3" → "gpu01"
    static const QRegularExpression bracket(QStringLiteral("^([^,\\[]+)\\[([^\\],-]+)"));
    if (const auto m = bracket.match(nodeList); m.hasMatch())
        return m.captured(1) + m.captured(2);
    return nodeList.section(QLatin1Char(','), 0, 0).trimmed();
}

DistributedLaunch DistributedLaunch::fromEnvironment()
{
    DistributedLaunch launch;
    const auto rank = integerVariable("RANK");
    const auto world = integerVariable("WORLD_SIZE");
    if (rank && world) {
        launch.rank = *rank;
        launch.worldSize = *world;
        launch.localRank = integerVariable("LOCAL_RANK").value_or(0);
        if (!qEnvironmentVariableIsSet("MASTER_ADDR"))
            throw Error(
                QStringLiteral("Distributed launch: RANK and WORLD_SIZE are set but MASTER_ADDR is not"));
        launch.masterAddress = qEnvironmentVariable("MASTER_ADDR");
    } else if (const auto procId = integerVariable("SLURM_PROCID"); procId) {
        launch.rank = *procId;
        launch.worldSize = integerVariable("SLURM_NTASKS").value_or(1);
        launch.localRank = integerVariable("SLURM_LOCALID").value_or(0);
        launch.masterAddress = qEnvironmentVariableIsSet("MASTER_ADDR")
                                   ? qEnvironmentVariable("MASTER_ADDR")
                                   : firstSlurmHost(qEnvironmentVariable("SLURM_NODELIST"));
        if (launch.masterAddress.isEmpty())
            throw Error(QStringLiteral("Distributed launch under SLURM: SLURM_NODELIST is empty"));
    } else {
        throw Error(QStringLiteral("--distributed needs RANK, WORLD_SIZE and MASTER_ADDR (torchrun) or "
                                   "SLURM_PROCID and SLURM_NTASKS (srun) in the environment"));
    }
    launch.masterPort = integerVariable("MASTER_PORT").value_or(29500);
    if (launch.worldSize < 1 || launch.rank >= launch.worldSize)
        throw Error(QStringLiteral("Distributed launch: rank %1 is not below the world size %2")
                        .arg(launch.rank)
                        .arg(launch.worldSize));
    return launch;
}

struct ProcessGroup::Impl {
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
};

ProcessGroup::ProcessGroup(const DistributedLaunch& launch) : m_launch(launch), m_impl(new Impl)
{
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(launch.masterPort);
        options.isServer = launch.rank == 0;
        options.numWorkers = std::size_t(launch.worldSize);
        options.waitWorkers = true;
        options.timeout = std::chrono::seconds(launch.timeoutSeconds);
        m_impl->store = c10::make_intrusive<c10d::TCPStore>(launch.masterAddress.toStdString(), options);
        auto groupOptions = c10d::ProcessGroupGloo::Options::create();
        groupOptions->timeout = std::chrono::seconds(launch.timeoutSeconds);
        groupOptions->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
        m_impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(m_impl->store, launch.rank,
                                                                    launch.worldSize, groupOptions);
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Rank %1 of %2 could not join the process group at %3:%4: %5")
                        .arg(launch.rank)
                        .arg(launch.worldSize)
                        .arg(launch.masterAddress)
                        .arg(launch.masterPort)
                        .arg(QString::fromStdString(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

ProcessGroup::~ProcessGroup() = default;

void ProcessGroup::allReduceSum(std::vector<at::Tensor>& tensors)
{
    try {
        m_impl->group->allreduce(tensors)->wait();
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Rank %1 of %2: the gradient exchange failed — another rank stopped or "
                                   "stopped answering (%3)")
                        .arg(m_launch.rank)
                        .arg(m_launch.worldSize)
                        .arg(QString::fromStdString(e.what()).section(QLatin1Char('\n'), 0, 0)));
    }
}

void ProcessGroup::barrier()
{
    std::vector<at::Tensor> token{torch::zeros({1})};
    allReduceSum(token);
}

bool ProcessGroup::anyOf(bool flag)
{
    std::vector<at::Tensor> value{torch::full({1}, flag ? 1.0 : 0.0, torch::kFloat64)};
    allReduceSum(value);
    return value.front().item<double>() > 0;
}

bool ProcessGroup::allEqual(int value)
{
    std::vector<at::Tensor> sums{torch::tensor({double(value), double(value) * value}, torch::kFloat64)};
    allReduceSum(sums);
    // Equal values exactly when the variance is zero: n·Σv² = (Σv)².
    const double sum = sums.front()[0].item<double>(), squares = sums.front()[1].item<double>();
    return squares * m_launch.worldSize == sum * sum;
}

int freeLocalPort()
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        throw Error(QStringLiteral("Cannot open a socket to find a free port"));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    const bool ok = ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                    ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    ::close(fd);
    if (!ok)
        throw Error(QStringLiteral("Cannot find a free port on 127.0.0.1"));
    return ntohs(address.sin_port);
}

} // namespace tessera::core
