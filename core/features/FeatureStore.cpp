#include "FeatureStore.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "common/Hdf5.h"

#include <QFile>
#include <QFileInfo>
#include <hdf5.h>

#include <cmath>
#include <limits>
#include <mutex>
#include <utility>

namespace tessera::core {

using namespace hdf5;

void FeatureStore::write(const QString& path, const FeatureBag& bag)
{
    if (bag.count <= 0 || bag.dimension <= 0)
        throw Error(QStringLiteral("Refusing to write %1: the bag is empty").arg(path));
    if (bag.features.size() != std::size_t(bag.count) * bag.dimension ||
        bag.coords.size() != std::size_t(bag.count) * 2)
        throw Error(QStringLiteral("Refusing to write %1: features/coords sizes do not match N = %2")
                        .arg(path)
                        .arg(bag.count));
    silenceHdf5();
    QByteArray bytes;
    {
        std::lock_guard lock(hdf5Mutex());
        FileInMemory file(path);
        const hid_t f = file.get();
        const auto n = hsize_t(bag.count), d = hsize_t(bag.dimension);
        writeDataset(f, "features", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n, d}, bag.features.data(), path);
        writeDataset(f, "coords", H5T_STD_I64LE, H5T_NATIVE_INT64, {n, 2}, bag.coords.data(), path);
        if (!bag.ratios.empty())
            writeDataset(f, "ratios", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n}, bag.ratios.data(), path);
        if (bag.stainDensity.size() == std::size_t(bag.count) * 3)
            writeDataset(f, "stain_od", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n, 3}, bag.stainDensity.data(),
                         path);
        if (!bag.patchLabels.empty())
            writeDataset(f, "patch_labels", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n}, bag.patchLabels.data(),
                         path);
        if (!bag.mimicPatches.empty())
            writeDataset(f, "mimic_patches", H5T_STD_I64LE, H5T_NATIVE_INT64,
                         {hsize_t(bag.mimicPatches.size())}, bag.mimicPatches.data(), path);
        writeAttribute(f, "patch_size", H5T_NATIVE_INT, &bag.patchSize, path);
        writeAttribute(f, "patch_size_level0", H5T_NATIVE_INT, &bag.patchSizeLevel0, path);
        writeAttribute(f, "patch_level", H5T_NATIVE_INT, &bag.patchLevel, path);
        writeAttribute(f, "magnification", H5T_NATIVE_DOUBLE, &bag.magnification, path);
        writeStringAttribute(f, "extractor", bag.extractor, path);
        writeStringAttribute(f, "extractor_version", bag.extractorVersion, path);
        const int complete = 1;
        writeAttribute(f, "tessera_complete", H5T_NATIVE_INT, &complete, path);
        bytes = file.finish();
    }
    writeFileAtomically(path, bytes);
}

FeatureBag FeatureStore::read(const QString& path)
{
    silenceHdf5();
    refuseFilesThatCrashHdf5(path, QStringLiteral("features"));
    std::lock_guard lock(hdf5Mutex());
    const Id file = openForReading(path, QStringLiteral("features"));
    return readOpen(file.get(), path);
}

FeatureBag FeatureStore::readBytes(const QByteArray& bytes, const QString& source)
{
    silenceHdf5();
    std::lock_guard lock(hdf5Mutex());
    const Id file = openInMemory(bytes, source, QStringLiteral("features"));
    return readOpen(file.get(), source);
}

FeatureBag FeatureStore::readOpen(hid_t f, const QString& path)
{
    FeatureBag bag;
    const char* featuresName = "features";
    const char* coordsName = "coords";
    if (!exists(f, "features") && exists(f, "feats")) {
        featuresName = "feats"; // SRMIL preprocessing layout
        coordsName = "cords";
        bag.layout = QStringLiteral("srmil");
    }
    const auto fdims = shapeOf(f, featuresName);
    if (fdims.empty())
        throw Error(QStringLiteral("%1 has no 'features' (CLAM) or 'feats' (SRMIL) dataset").arg(path));
    if (fdims.size() != 2 || fdims[0] == 0 || fdims[1] == 0)
        throw Error(QStringLiteral("'%1' in %2 must be a non-empty N × D matrix")
                        .arg(QLatin1String(featuresName), path));
    const auto cdims = shapeOf(f, coordsName);
    if (cdims.size() != 2 || cdims[1] != 2)
        throw Error(QStringLiteral("%1 has no N × 2 '%2' dataset of patch coordinates")
                        .arg(path, QLatin1String(coordsName)));
    if (cdims[0] != fdims[0])
        throw Error(QStringLiteral("%1 is inconsistent: %2 feature rows but %3 coordinates")
                        .arg(path)
                        .arg(fdims[0])
                        .arg(cdims[0]));
    if (fdims[0] > hsize_t(std::numeric_limits<int>::max()) || fdims[1] > hsize_t(1 << 20) ||
        fdims[0] * fdims[1] > hsize_t(std::numeric_limits<qsizetype>::max() / 8))
        throw Error(
            QStringLiteral("%1 declares %2 × %3 features, more than a slide can have; the file is damaged")
                .arg(path)
                .arg(fdims[0])
                .arg(fdims[1]));
    bag.count = int(fdims[0]);
    bag.dimension = int(fdims[1]);
    bag.features =
        readAll<float>(f, featuresName, H5T_NATIVE_FLOAT, std::size_t(bag.count) * bag.dimension, path);
    bag.coords = readAll<std::int64_t>(f, coordsName, H5T_NATIVE_INT64, std::size_t(bag.count) * 2, path);
    if (const auto rdims = shapeOf(f, "ratios"); !rdims.empty() && rdims[0] == fdims[0])
        bag.ratios = readAll<float>(f, "ratios", H5T_NATIVE_FLOAT, std::size_t(bag.count), path);
    if (const auto sdims = shapeOf(f, "stain_od"); sdims.size() == 2 && sdims[0] == fdims[0] && sdims[1] == 3)
        bag.stainDensity = readAll<float>(f, "stain_od", H5T_NATIVE_FLOAT, std::size_t(bag.count) * 3, path);
    if (const auto pdims = shapeOf(f, "patch_labels"); !pdims.empty() && pdims[0] == fdims[0])
        bag.patchLabels = readAll<float>(f, "patch_labels", H5T_NATIVE_FLOAT, std::size_t(bag.count), path);
    if (const auto mdims = shapeOf(f, "mimic_patches"); mdims.size() == 1) {
        bag.mimicPatches =
            readAll<std::int64_t>(f, "mimic_patches", H5T_NATIVE_INT64, std::size_t(mdims[0]), path);
        for (const std::int64_t i : bag.mimicPatches)
            if (i < 0 || i >= bag.count)
                throw Error(
                    QStringLiteral("%1: mimic_patches names patch %2 of %3").arg(path).arg(i).arg(bag.count));
    }
    if (exists(f, "label")) {
        const auto label = readAll<int>(f, "label", H5T_NATIVE_INT, 1, path);
        bag.label = label[0];
    }
    for (std::size_t i = 0; i < bag.features.size(); ++i)
        if (!std::isfinite(bag.features[i]))
            throw Error(QStringLiteral("%1 contains a non-finite feature value (NaN or Inf) in patch %2")
                            .arg(path)
                            .arg(i / std::size_t(bag.dimension)));
    // Patch geometry: Tessera's attributes on the file, or CLAM's on the coords dataset (its
    // create_patches step writes patch_size and patch_level there, with the level's downsample).
    const Id coordsSet(H5Dopen2(f, coordsName, H5P_DEFAULT), H5Dclose);
    const auto attribute = [&](const char* name) {
        std::optional<double> value = numberAttribute(f, name);
        if (!value && coordsSet.valid())
            value = numberAttribute(coordsSet.get(), name);
        return value;
    };
    // Whole numbers within what a slide can have; a damaged value is refused, not cast (casting
    // 2.8e14 to int is undefined: found by fuzz_features).
    const auto whole = [&](const char* name, double value, double most) {
        if (!std::isfinite(value) || value < 0 || value > most)
            throw Error(QStringLiteral("%1: attribute '%2' is %3, outside 0 … %4; the file is damaged")
                            .arg(path, QLatin1String(name))
                            .arg(value)
                            .arg(most));
        return int(std::lround(value));
    };
    constexpr double kMostPixels = 1 << 24, kMostLevels = 64;
    bag.patchSize = whole("patch_size", attribute("patch_size").value_or(0), kMostPixels);
    bag.patchLevel = whole("patch_level", attribute("patch_level").value_or(0), kMostLevels);
    bag.patchSizeLevel0 = whole("patch_size_level0", attribute("patch_size_level0").value_or(0), kMostPixels);
    if (bag.patchSizeLevel0 == 0 && bag.patchSize > 0) {
        std::vector<double> downsample = numberArrayAttribute(f, "downsample");
        if (downsample.empty() && coordsSet.valid())
            downsample = numberArrayAttribute(coordsSet.get(), "downsample");
        if (!downsample.empty() && downsample.front() > 0)
            bag.patchSizeLevel0 =
                whole("downsample × patch_size", bag.patchSize * downsample.front(), kMostPixels);
        else if (bag.patchLevel == 0)
            bag.patchSizeLevel0 = bag.patchSize; // read at level 0: the same size there
    }
    bag.magnification = numberAttribute(f, "magnification").value_or(0);
    bag.extractor = stringAttribute(f, "extractor");
    bag.extractorVersion = stringAttribute(f, "extractor_version");
    return bag;
}

bool FeatureStore::isComplete(const QString& path, const QString& extractor)
{
    silenceHdf5();
    try {
        refuseFilesThatCrashHdf5(path, QStringLiteral("features")); // such a file is made again
        std::lock_guard lock(hdf5Mutex());
        const Id file = openForReading(path, QStringLiteral("features"));
        const hid_t f = file.get();
        const auto fdims = shapeOf(f, "features");
        const auto cdims = shapeOf(f, "coords");
        return numberAttribute(f, "tessera_complete").value_or(0) == 1 && fdims.size() == 2 &&
               cdims.size() == 2 && fdims[0] == cdims[0] && fdims[0] > 0 &&
               stringAttribute(f, "extractor") == extractor;
    } catch (const Error&) {
        return false;
    }
}

} // namespace tessera::core
