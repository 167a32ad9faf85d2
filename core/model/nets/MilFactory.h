// Builds the network a ModelSpec names; internal to torch translation units.
#pragma once

#include "MilNet.h"
#include "model/ModelSpec.h"

#include <memory>

namespace tessera::core::nets {

// Throws FieldError for a spec that cannot be built (ModelSpec::problems()).
std::shared_ptr<MilNet> makeNet(const ModelSpec& spec, int64_t inputDim, int64_t classes);

} // namespace tessera::core::nets
