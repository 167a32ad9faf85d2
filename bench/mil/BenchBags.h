// The bags of a benchmark folder as tensors, for the benchmarks that train by hand (speed, CPU
// time). Internal to the benchmarks' torch translation units.
#pragma once

#include "model/nets/MilNet.h"

#include <QString>
#include <vector>

namespace tessera::bench::mil {

struct BenchBags {
    std::vector<core::nets::BagTensors> bags;
    std::vector<int> labels; // 1 when the bag has a tumour patch
    int dimension = 0;
};
// Every *.h5 bag of `folder`, in name order, with its spatial graph.
BenchBags loadBenchBags(const QString& folder);

} // namespace tessera::bench::mil
