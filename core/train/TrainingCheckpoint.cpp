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

} // namespace

void saveTrainingCheckpoint(const QString& path, nets::MilNet& net, torch::optim::Optimizer& optimizer,
                            const TrainingState& state)
{
    nets::saveArchiveAtomically(path, [&](torch::serialize::OutputArchive& archive) {
        torch::serialize::OutputArchive model, optim;
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
        // A fresh tensor per field: reading into a defined tensor replaces its storage in place,
        // which would reinterpret an int64 field read into an earlier float64 one.
        const auto field = [&](const char* key) {
            torch::Tensor t;
            archive.read(key, t);
            return t;
        };
        nets::setCpuRngState(field("rng"));
        state.epoch = int(field("epoch").item<int64_t>());
        if (torch::Tensor score; archive.try_read("best_score", score)) {
            state.selection.bestScore = score.item<double>();
            state.selection.bestLoss = field("best_loss").item<double>();
            state.selection.bestEpoch = int(field("best_epoch").item<int64_t>());
            state.selection.epochsWithoutImprovement =
                int(field("epochs_without_improvement").item<int64_t>());
            if (torch::Tensor seconds; archive.try_read("seconds", seconds))
                state.seconds = seconds.item<double>();
        } else {
            // Before named fields: best = [score, loss, epoch, epochs without improvement].
            const torch::Tensor best = field("best");
            state.selection.bestScore = best[0].item<double>();
            state.selection.bestLoss = best[1].item<double>();
            state.selection.bestEpoch = int(best[2].item<double>());
            state.selection.epochsWithoutImprovement = int(best[3].item<double>());
        }
    } catch (const c10::Error& e) {
        throw Error(QStringLiteral("Cannot resume from %1: the checkpoint is unreadable (%2)")
                        .arg(path, nets::firstLine(e.what_without_backtrace())));
    }
    return state;
}

} // namespace tessera::core
