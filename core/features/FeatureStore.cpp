#include "FeatureStore.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QFile>
#include <QFileInfo>
#include <hdf5.h>

#include <cmath>
#include <mutex>
#include <utility>

namespace tessera::core {

namespace {

// The Debian HDF5 build is not guaranteed thread-safe: serialize every call we make.
std::mutex& hdf5Mutex()
{
    static std::mutex mutex;
    return mutex;
}

// RAII for HDF5 identifiers (files, datasets, spaces, types, attributes).
class Id {
public:
    Id(hid_t id, herr_t (*close)(hid_t)) : m_id(id), m_close(close) {}
    ~Id()
    {
        if (m_id >= 0)
            m_close(m_id);
    }
    Id(const Id&) = delete;
    Id& operator=(const Id&) = delete;
    Id(Id&& other) noexcept : m_id(std::exchange(other.m_id, -1)), m_close(other.m_close) {}
    hid_t get() const { return m_id; }
    bool valid() const { return m_id >= 0; }

private:
    hid_t m_id;
    herr_t (*m_close)(hid_t);
};

void silenceHdf5()
{
    static std::once_flag once;
    std::call_once(once, [] { H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr); });
}

bool exists(hid_t file, const char* name)
{
    return H5Lexists(file, name, H5P_DEFAULT) > 0;
}

void writeDataset(hid_t file, const char* name, hid_t fileType, hid_t memType, std::vector<hsize_t> dims,
                  const void* data, const QString& path)
{
    const Id space(H5Screate_simple(int(dims.size()), dims.data(), nullptr), H5Sclose);
    // No modification times in the object headers: the same bag gives the same bytes.
    const Id properties(H5Pcreate(H5P_DATASET_CREATE), H5Pclose);
    H5Pset_obj_track_times(properties.get(), false);
    const Id set(H5Dcreate2(file, name, fileType, space.get(), H5P_DEFAULT, properties.get(), H5P_DEFAULT),
                 H5Dclose);
    if (!set.valid() || H5Dwrite(set.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data) < 0)
        throw Error(
            QStringLiteral("Cannot write dataset '%1' to %2 (disk full?)").arg(QLatin1String(name), path));
}

void writeAttribute(hid_t file, const char* name, hid_t type, const void* value, const QString& path)
{
    const Id space(H5Screate(H5S_SCALAR), H5Sclose);
    const Id attr(H5Acreate2(file, name, type, space.get(), H5P_DEFAULT, H5P_DEFAULT), H5Aclose);
    if (!attr.valid() || H5Awrite(attr.get(), type, value) < 0)
        throw Error(QStringLiteral("Cannot write attribute '%1' to %2").arg(QLatin1String(name), path));
}

void writeStringAttribute(hid_t file, const char* name, const QString& value, const QString& path)
{
    const QByteArray utf8 = value.toUtf8();
    const Id type(H5Tcopy(H5T_C_S1), H5Tclose);
    H5Tset_size(type.get(), std::max<size_t>(1, size_t(utf8.size())));
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    writeAttribute(file, name, type.get(), utf8.isEmpty() ? "" : utf8.constData(), path);
}

std::optional<double> numberAttribute(hid_t file, const char* name)
{
    if (H5Aexists(file, name) <= 0)
        return std::nullopt;
    const Id attr(H5Aopen(file, name, H5P_DEFAULT), H5Aclose);
    double value = 0;
    if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0)
        return std::nullopt;
    return value;
}

QString stringAttribute(hid_t file, const char* name)
{
    if (H5Aexists(file, name) <= 0)
        return {};
    const Id attr(H5Aopen(file, name, H5P_DEFAULT), H5Aclose);
    const Id type(H5Aget_type(attr.get()), H5Tclose);
    if (H5Tget_class(type.get()) != H5T_STRING)
        return {};
    if (H5Tis_variable_str(type.get()) > 0) {
        char* text = nullptr;
        const Id memType(H5Tcopy(H5T_C_S1), H5Tclose);
        H5Tset_size(memType.get(), H5T_VARIABLE);
        if (H5Aread(attr.get(), memType.get(), &text) < 0 || !text)
            return {};
        const QString result = QString::fromUtf8(text);
        H5free_memory(text);
        return result;
    }
    const size_t size = H5Tget_size(type.get());
    QByteArray buffer(qsizetype(size), '\0');
    if (H5Aread(attr.get(), type.get(), buffer.data()) < 0)
        return {};
    return QString::fromUtf8(buffer.constData(), qsizetype(qstrnlen(buffer.constData(), size)));
}

// Dataset shape; empty if the dataset is missing.
std::vector<hsize_t> shapeOf(hid_t file, const char* name)
{
    if (!exists(file, name))
        return {};
    const Id set(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    const Id space(H5Dget_space(set.get()), H5Sclose);
    const int rank = H5Sget_simple_extent_ndims(space.get());
    if (rank <= 0)
        return {};
    std::vector<hsize_t> dims(std::size_t(rank), 0);
    H5Sget_simple_extent_dims(space.get(), dims.data(), nullptr);
    return dims;
}

// Reads a whole dataset converting to `memType` (HDF5 converts int32→int64, float64→float32).
template <typename T>
std::vector<T> readAll(hid_t file, const char* name, hid_t memType, std::size_t expected, const QString& path)
{
    std::vector<T> data(expected);
    const Id set(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    if (!set.valid() || H5Dread(set.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0)
        throw Error(QStringLiteral("Cannot read dataset '%1' of %2: the file is damaged or truncated")
                        .arg(QLatin1String(name), path));
    return data;
}

Id openForReading(const QString& path)
{
    if (!QFileInfo::exists(path))
        throw Error(QStringLiteral("Cannot read features %1: the file does not exist").arg(path));
    if (H5Fis_hdf5(QFile::encodeName(path).constData()) <= 0)
        throw Error(
            QStringLiteral("Cannot read features %1: not an HDF5 file (damaged, truncated or another format)")
                .arg(path));
    Id file(H5Fopen(QFile::encodeName(path).constData(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file.valid())
        throw Error(QStringLiteral("Cannot read features %1: HDF5 could not open it (damaged or truncated)")
                        .arg(path));
    return file;
}

} // namespace

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
    AtomicFile out(path);
    {
        std::lock_guard lock(hdf5Mutex());
        const Id file(H5Fcreate(QFile::encodeName(out.temporaryPath()).constData(), H5F_ACC_TRUNC,
                                H5P_DEFAULT, H5P_DEFAULT),
                      H5Fclose);
        if (!file.valid())
            throw Error(QStringLiteral("Cannot create %1 (is the folder writable?)").arg(path));
        const hid_t f = file.get();
        const auto n = hsize_t(bag.count), d = hsize_t(bag.dimension);
        writeDataset(f, "features", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n, d}, bag.features.data(), path);
        writeDataset(f, "coords", H5T_STD_I64LE, H5T_NATIVE_INT64, {n, 2}, bag.coords.data(), path);
        if (!bag.ratios.empty())
            writeDataset(f, "ratios", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n}, bag.ratios.data(), path);
        if (!bag.patchLabels.empty())
            writeDataset(f, "patch_labels", H5T_IEEE_F32LE, H5T_NATIVE_FLOAT, {n}, bag.patchLabels.data(),
                         path);
        writeAttribute(f, "patch_size", H5T_NATIVE_INT, &bag.patchSize, path);
        writeAttribute(f, "patch_size_level0", H5T_NATIVE_INT, &bag.patchSizeLevel0, path);
        writeAttribute(f, "patch_level", H5T_NATIVE_INT, &bag.patchLevel, path);
        writeAttribute(f, "magnification", H5T_NATIVE_DOUBLE, &bag.magnification, path);
        writeStringAttribute(f, "extractor", bag.extractor, path);
        writeStringAttribute(f, "extractor_version", bag.extractorVersion, path);
        const int complete = 1;
        writeAttribute(f, "tessera_complete", H5T_NATIVE_INT, &complete, path);
        if (H5Fflush(f, H5F_SCOPE_GLOBAL) < 0)
            throw Error(QStringLiteral("Cannot write %1 (disk full?)").arg(path));
    }
    out.commit();
}

FeatureBag FeatureStore::read(const QString& path)
{
    silenceHdf5();
    std::lock_guard lock(hdf5Mutex());
    const Id file = openForReading(path);
    const hid_t f = file.get();
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
    bag.count = int(fdims[0]);
    bag.dimension = int(fdims[1]);
    bag.features =
        readAll<float>(f, featuresName, H5T_NATIVE_FLOAT, std::size_t(bag.count) * bag.dimension, path);
    bag.coords = readAll<std::int64_t>(f, coordsName, H5T_NATIVE_INT64, std::size_t(bag.count) * 2, path);
    if (const auto rdims = shapeOf(f, "ratios"); !rdims.empty() && rdims[0] == fdims[0])
        bag.ratios = readAll<float>(f, "ratios", H5T_NATIVE_FLOAT, std::size_t(bag.count), path);
    if (const auto pdims = shapeOf(f, "patch_labels"); !pdims.empty() && pdims[0] == fdims[0])
        bag.patchLabels = readAll<float>(f, "patch_labels", H5T_NATIVE_FLOAT, std::size_t(bag.count), path);
    if (exists(f, "label")) {
        const auto label = readAll<int>(f, "label", H5T_NATIVE_INT, 1, path);
        bag.label = label[0];
    }
    for (std::size_t i = 0; i < bag.features.size(); ++i)
        if (!std::isfinite(bag.features[i]))
            throw Error(QStringLiteral("%1 contains a non-finite feature value (NaN or Inf) in patch %2")
                            .arg(path)
                            .arg(i / std::size_t(bag.dimension)));
    bag.patchSize = int(numberAttribute(f, "patch_size").value_or(0));
    bag.patchSizeLevel0 = int(numberAttribute(f, "patch_size_level0").value_or(0));
    bag.patchLevel = int(numberAttribute(f, "patch_level").value_or(0));
    bag.magnification = numberAttribute(f, "magnification").value_or(0);
    bag.extractor = stringAttribute(f, "extractor");
    bag.extractorVersion = stringAttribute(f, "extractor_version");
    return bag;
}

bool FeatureStore::isComplete(const QString& path, const QString& extractor)
{
    silenceHdf5();
    std::lock_guard lock(hdf5Mutex());
    try {
        const Id file = openForReading(path);
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
