// Builds the network a TrainConfig names; internal to torch translation units.
#pragma once

#include "MilNet.h"
#include "train/Trainer.h"

#include <memory>

namespace tessera::core::nets {

// Throws Error for an unknown model name.
std::shared_ptr<MilNet> makeNet(const TrainConfig& config, int64_t inputDim, int64_t classes);

} // namespace tessera::core::nets
