// Fuzz harness: a feature bag's bytes (through HDF5's core driver) are read or refused with Error;
// what is read is a consistent N × D bag of finite values.
#include "common/Error.h"
#include "features/FeatureStore.h"

#include <cmath>
#include <cstdint>

using namespace tessera::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const FeatureBag bag = FeatureStore::readBytes(bytes, QStringLiteral("fuzz.h5"));
        if (bag.count <= 0 || bag.dimension <= 0 ||
            bag.features.size() != std::size_t(bag.count) * bag.dimension ||
            bag.coords.size() != std::size_t(bag.count) * 2)
            __builtin_trap();
        for (const float x : bag.features)
            if (!std::isfinite(x))
                __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
