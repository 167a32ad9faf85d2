#include "BenchBags.h"

#include "features/FeatureStore.h"
#include "model/SpatialGraph.h"

#include <torch/torch.h>

#include <QDir>

#include <algorithm>

namespace tessera::bench::mil {

BenchBags loadBenchBags(const QString& folder)
{
    BenchBags out;
    for (const QFileInfo& f : QDir(folder).entryInfoList({QStringLiteral("*.h5")}, QDir::Files, QDir::Name)) {
        const core::FeatureBag bag = core::FeatureStore::read(f.filePath());
        out.bags.push_back(core::nets::BagTensors::make(
            bag.features.data(), bag.count, bag.dimension,
            core::SpatialGraph::fromCoords(bag.coords, bag.patchSizeLevel0), torch::kCPU));
        out.labels.push_back(*std::max_element(bag.patchLabels.begin(), bag.patchLabels.end()) > 0);
        out.dimension = bag.dimension;
    }
    return out;
}

} // namespace tessera::bench::mil
