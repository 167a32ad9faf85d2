#include "TrainingCheckpoint.h"

#include "common/Error.h"
#include "model/nets/NetWeights.h"
#include "model/nets/RngState.h"

#include <torch/serialize.h>

#include <QFile>

namespace tessera::core {

namespace {

torch::Tensor scalar(double v)
{
    return torch::tensor(v, torch::kFloat64);
}

bool tryRead(torch::serialize::InputArchive& archive, const char* key, torch::Tensor& out)
{
    return archive.try_read(key, out);
}

} // namespace

void saveTrainingCheckpoint(const QString& path, nets::MilNet& net, torch::optim::Optimizer& optimizer,
                            const TrainingState& state)
{
    nets::saveArchiveAtomically(path, [&](const std::string& file) {
        torch::serialize::OutputArchive archive, model, optim;
        net.save(model);
        optimizer.save(optim);
        archive.write("model", model);
        archive.write("optimizer", optim);
        archive.write("epoch", torch::tensor(int64_t(state.epoch)));
        archive.write("best_score", scalar(state.selection.bestScore));
        archive.write("best_loss", scalar(state.selection.bestLoss));
        archive.write("best_epoch", torch::tensor(int64_t(state.selection.bestEpoch)));
        archive.write("epochs_without_improvement",
                      torch::tensor(int64_t(state.selection.epochsWithoutImprovement)));
        archive.write("seconds", scalar(state.seconds));
        archive.write("rng", nets::cpuRngState());
        archive.save_to(file);
    });
}

TrainingState loadTrainingCheckpoint(const QString& path, nets::MilNet& net,
                                     torch::optim::Optimizer& optimizer, const torch::Device& device)
{
    TrainingState state;
    try {
        torch::serialize::InputArchive archive, model, optim;
        archive.load_from(QFile::encodeName(path).toStdString(), device);
        archive.read("model", model);
        archive.read("optimizer", optim);
        net.load(model);
        optimizer.load(optim);
        torch::Tensor epoch, rng, value;
        archive.read("epoch", epoch);
        archive.read("rng", rng);
        nets::setCpuRngState(rng);
        state.epoch = int(epoch.item<int64_t>());
        if (tryRead(archive, "best_score", value)) {
            state.selection.bestScore = value.item<double>();
            archive.read("best_loss", value);
            state.selection.bestLoss = value.item<double>();
            archive.read("best_epoch", value);
            state.selection.bestEpoch = int(value.item<int64_t>());
            archive.read("epochs_without_improvement", value);
            state.selection.epochsWithoutImprovement = int(value.item<int64_t>());
            if (tryRead(archive, "seconds", value))
                state.seconds = value.item<double>();
        } else {
            // Before named fields: best = [score, loss, epoch, epochs without improvement].
            archive.read("best", value);
            state.selection.bestScore = value[0].item<double>();
            state.selection.bestLoss = value[1].item<double>();
            state.selection.bestEpoch = int(value[2].item<double>());
            state.selection.epochsWithoutImprovement = int(value[3].item<double>());
        }
    } catch (const c10::Error& e) {
        throw Error(QStringLiteral("Cannot resume from %1: the checkpoint is unreadable (%2)")
                        .arg(path, nets::firstLine(e.what_without_backtrace())));
    }
    return state;
}

} // namespace tessera::core
