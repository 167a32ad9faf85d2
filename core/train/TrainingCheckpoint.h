// The trainer's checkpoint.pt with named fields: weights, optimizer, epoch, model selection,
// time so far and the random generator's state. Internal to torch translation units.
#pragma once

#include "ModelSelection.h"
#include "model/nets/MilNet.h"

#include <torch/optim/optimizer.h>

#include <QString>

namespace tessera::core {

struct TrainingState {
    int epoch = 0; // the last complete epoch
    ModelSelection::State selection;
    double seconds = 0; // training time so far
};

// Written atomically; throws Error (disk full, unwritable folder).
void saveTrainingCheckpoint(const QString& path, nets::MilNet& net, torch::optim::Optimizer& optimizer,
                            const TrainingState& state);
// Restores the net, the optimizer and the CPU random generator; throws Error naming the file
// when it is unreadable. Reads the positional "best" tensor of checkpoints from before 0.2 too.
TrainingState loadTrainingCheckpoint(const QString& path, nets::MilNet& net,
                                     torch::optim::Optimizer& optimizer, const torch::Device& device);

} // namespace tessera::core
