#include "Hdf5.h"

#include "CrashContainment.h"

#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <set>
#include <tuple>

#include <sys/stat.h>

namespace tessera::core::hdf5 {

std::mutex& hdf5Mutex()
{
    static std::mutex mutex;
    return mutex;
}

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
        throw Error(QStringLiteral("Cannot write dataset '%1' to %2").arg(QLatin1String(name), path));
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

std::vector<double> numberArrayAttribute(hid_t object, const char* name)
{
    if (H5Aexists(object, name) <= 0)
        return {};
    const Id attr(H5Aopen(object, name, H5P_DEFAULT), H5Aclose);
    const Id type(H5Aget_type(attr.get()), H5Tclose);
    const H5T_class_t kind = H5Tget_class(type.get());
    if (kind != H5T_INTEGER && kind != H5T_FLOAT)
        return {};
    const Id space(H5Aget_space(attr.get()), H5Sclose);
    const hssize_t count = H5Sget_simple_extent_npoints(space.get());
    if (count <= 0 || count > 1024)
        return {};
    std::vector<double> values(std::size_t(count), 0.0); // sized from the file: an array cannot overrun it
    if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, values.data()) < 0)
        return {};
    return values;
}

std::optional<double> numberAttribute(hid_t object, const char* name)
{
    const std::vector<double> values = numberArrayAttribute(object, name);
    if (values.empty())
        return std::nullopt;
    return values.front();
}

QString stringAttribute(hid_t file, const char* name)
{
    if (H5Aexists(file, name) <= 0)
        return {};
    const Id attr(H5Aopen(file, name, H5P_DEFAULT), H5Aclose);
    const Id type(H5Aget_type(attr.get()), H5Tclose);
    // One string only: an array attribute would be read past the one pointer or buffer below.
    const Id space(H5Aget_space(attr.get()), H5Sclose);
    if (H5Tget_class(type.get()) != H5T_STRING || H5Sget_simple_extent_npoints(space.get()) != 1)
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

void checkReadable(hid_t set, const char* name, std::size_t elements, const QString& path)
{
    // Data kept in other files (external storage, virtual datasets) would make HDF5 open paths the
    // file names: Tessera never writes such files, and does not read them.
    const Id properties(H5Dget_create_plist(set), H5Pclose);
    if (!properties.valid() || H5Pget_layout(properties.get()) == H5D_VIRTUAL ||
        H5Pget_external_count(properties.get()) != 0)
        throw Error(QStringLiteral("Cannot read dataset '%1' of %2: its data is kept in other files "
                                   "(external or virtual storage), which Tessera does not read")
                        .arg(QLatin1String(name), path));
    const Id space(H5Dget_space(set), H5Sclose);
    const hssize_t points = space.valid() ? H5Sget_simple_extent_npoints(space.get()) : -1;
    if (points < 0 || std::size_t(points) != elements)
        throw Error(
            QStringLiteral("Cannot read dataset '%1' of %2: it holds %3 values where %4 were expected; "
                           "the file is damaged or not a feature file")
                .arg(QLatin1String(name), path)
                .arg(points)
                .arg(elements));
    const Id type(H5Dget_type(set), H5Tclose);
    const H5T_class_t kind = type.valid() ? H5Tget_class(type.get()) : H5T_NO_CLASS;
    const std::size_t size = type.valid() ? H5Tget_size(type.get()) : 0;
    if ((kind != H5T_INTEGER && kind != H5T_FLOAT) || size == 0 || size > 8)
        throw Error(
            QStringLiteral("Cannot read dataset '%1' of %2: it does not hold plain numbers (HDF5 type "
                           "class %3, %4 bytes); the file is damaged or not a feature file")
                .arg(QLatin1String(name), path)
                .arg(int(kind))
                .arg(size));
    // Compression may shrink real data a few times; a thousandfold means a damaged size field.
    const double declared = double(elements) * double(size);
    const double stored = double(H5Dget_storage_size(set));
    if (declared > 1000.0 * stored + double(1 << 20))
        throw Error(
            QStringLiteral("Cannot read dataset '%1' of %2: it declares %3 MiB but stores %4 bytes; the "
                           "file is damaged")
                .arg(QLatin1String(name), path)
                .arg(declared / 1048576.0, 0, 'f', 0)
                .arg(stored, 0, 'f', 0));
}

namespace {

Id memoryFile(const QString& path)
{
    const Id access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    H5Pset_fapl_core(access.get(), 1 << 20, false); // grows by 1 MiB; never written by HDF5
    Id file(H5Fcreate(QFile::encodeName(path).constData(), H5F_ACC_TRUNC, H5P_DEFAULT, access.get()),
            H5Fclose);
    if (!file.valid())
        throw Error(QStringLiteral("Cannot create %1 in memory (out of memory?)").arg(path));
    return file;
}

} // namespace

FileInMemory::FileInMemory(const QString& path) : m_path(path), m_file(memoryFile(path)) {}

QByteArray FileInMemory::finish()
{
    const hid_t f = m_file.get();
    const ssize_t size = H5Fflush(f, H5F_SCOPE_LOCAL) < 0 ? -1 : H5Fget_file_image(f, nullptr, 0);
    QByteArray image(size > 0 ? qsizetype(size) : 0, Qt::Uninitialized);
    if (size <= 0 || H5Fget_file_image(f, image.data(), std::size_t(size)) != size)
        throw Error(QStringLiteral("Cannot assemble %1 in memory (out of memory?)").arg(m_path));
    Id closing = std::move(m_file); // in memory: closing cannot fail on the disk
    return image;
}

Id openForReading(const QString& path, const QString& what)
{
    if (!QFileInfo::exists(path))
        throw Error(QStringLiteral("Cannot read %1 %2: the file does not exist").arg(what, path));
    if (H5Fis_hdf5(QFile::encodeName(path).constData()) <= 0)
        throw Error(
            QStringLiteral("Cannot read %1 %2: not an HDF5 file (damaged, truncated or another format)")
                .arg(what, path));
    Id file(H5Fopen(QFile::encodeName(path).constData(), H5F_ACC_RDONLY, H5P_DEFAULT), H5Fclose);
    if (!file.valid())
        throw Error(QStringLiteral("Cannot read %1 %2: HDF5 could not open it (damaged or truncated)")
                        .arg(what, path));
    return file;
}

Id openInMemory(const QByteArray& bytes, const QString& name, const QString& what)
{
    const Id access(H5Pcreate(H5P_FILE_ACCESS), H5Pclose);
    H5Pset_fapl_core(access.get(), 1 << 20, false);
    if (bytes.isEmpty() ||
        H5Pset_file_image(access.get(), const_cast<char*>(bytes.constData()), std::size_t(bytes.size())) < 0)
        throw Error(QStringLiteral("Cannot read %1 %2: not an HDF5 file").arg(what, name));
    // The core driver looks the name up on disk even with an image: give it one no file has.
    static std::atomic<unsigned> opened{0};
    const QByteArray internalName = "tessera-image-" + QByteArray::number(opened++) + ".h5";
    Id file(H5Fopen(internalName.constData(), H5F_ACC_RDONLY, access.get()), H5Fclose);
    if (!file.valid())
        throw Error(QStringLiteral("Cannot read %1 %2: HDF5 could not open it (damaged or truncated)")
                        .arg(what, name));
    return file;
}

void refuseFilesThatCrashHdf5(const QString& path, const QString& what)
{
    const std::vector<CrashingFile> crashing = filesThatCrash(QStringLiteral("tessera-hdf5-check"), {path});
    if (crashing.empty())
        return; // it survived, or could not be checked (warned): read it as before
    const HelperOutcome& outcome = crashing.front().outcome;
    if (outcome.ending == HelperOutcome::Ending::TimedOut)
        throw Error(QStringLiteral("Cannot read %1 %2: the HDF5 library does not finish reading it (a trial "
                                   "read by %3 %4); the file is damaged, or on storage that does not answer.")
                        .arg(what, path, QStringLiteral("tessera-hdf5-check"), outcome.how));
    throw Error(QStringLiteral("Cannot read %1 %2: the file is damaged in a way that crashes the HDF5 "
                               "library (a trial read by %3 was %4). Tessera did not read it; restore "
                               "the file or make it again.")
                    .arg(what, path, QStringLiteral("tessera-hdf5-check"), outcome.how));
}

} // namespace tessera::core::hdf5
