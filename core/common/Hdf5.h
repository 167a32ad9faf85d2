// Small RAII layer over the HDF5 C API shared by the feature and prediction files.
#pragma once

#include "Error.h"

#include <QByteArray>
#include <QString>
#include <hdf5.h>

#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace tessera::core::hdf5 {

// The Debian HDF5 build is not guaranteed thread-safe: every call we make holds this.
std::mutex& hdf5Mutex();
// Turns off HDF5's own error printing (errors become our messages).
void silenceHdf5();

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

bool exists(hid_t file, const char* name);
// Datasets and attributes are written without modification times: same data, same bytes.
void writeDataset(hid_t file, const char* name, hid_t fileType, hid_t memType, std::vector<hsize_t> dims,
                  const void* data, const QString& path);
void writeAttribute(hid_t file, const char* name, hid_t type, const void* value, const QString& path);
void writeStringAttribute(hid_t file, const char* name, const QString& value, const QString& path);
// A number attribute of a file or dataset (the first element of an array attribute).
std::optional<double> numberAttribute(hid_t file, const char* name);
std::vector<double> numberArrayAttribute(hid_t object, const char* name); // empty when missing
QString stringAttribute(hid_t file, const char* name);      // empty when missing or not a string
std::vector<hsize_t> shapeOf(hid_t file, const char* name); // empty if the dataset is missing

// Reads a whole dataset converting to `memType` (HDF5 converts int32→int64, float64→float32).
// Before any buffer is allocated, the dataset must hold exactly `elements` plain numbers (integers
// or floats of at most 8 bytes; H5Dread fills the whole extent) and store about as many bytes as it
// declares: a damaged header otherwise makes HDF5, or us, allocate gigabytes or write past the
// buffer (found by fuzz_features and review). Throws Error naming the dataset.
void checkReadable(hid_t set, const char* name, std::size_t elements, const QString& path);

template <typename T>
std::vector<T> readAll(hid_t file, const char* name, hid_t memType, std::size_t expected, const QString& path)
{
    const Id set(H5Dopen2(file, name, H5P_DEFAULT), H5Dclose);
    if (set.valid())
        checkReadable(set.get(), name, expected, path);
    std::vector<T> data(expected);
    if (!set.valid() || H5Dread(set.get(), memType, H5S_ALL, H5S_ALL, H5P_DEFAULT, data.data()) < 0)
        throw Error(QStringLiteral("Cannot read dataset '%1' of %2: the file is damaged or truncated")
                        .arg(QLatin1String(name), path));
    return data;
}

// An HDF5 file built in memory (the core driver), whose bytes finish() hands over for one checked,
// atomic write (writeFileAtomically). Written to disk by HDF5 itself, a full disk went unnoticed at
// close (a truncated file reported as written), and a file whose close failed crashed the library
// at exit. The caller holds hdf5Mutex() from construction to finish(); `path` names it in errors.
class FileInMemory {
public:
    explicit FileInMemory(const QString& path);
    hid_t get() const { return m_file.get(); }
    QByteArray finish(); // the file's bytes; closes it (throws Error if HDF5 cannot give them)

private:
    QString m_path;
    Id m_file;
};

// Opens an existing HDF5 file read-only; `what` names it in errors ("features", "results").
Id openForReading(const QString& path, const QString& what);
// The same for a file's bytes in memory (copied into HDF5's core driver); `name` names it.
Id openInMemory(const QByteArray& bytes, const QString& name, const QString& what);

// libhdf5 itself crashes on some damaged files (1.10.8 reads past a buffer in its symbol-table
// lookup: tests/fuzz/known-crashes/features). Before a file on disk is read in this process, the
// tessera-hdf5-check helper reads everything in it (walkEverything); if the library dies there, this
// throws Error naming the file and nothing is read here. A file that survived once (same inode, size
// and modification time) is not tried again. Without the helper (not installed) files are read as
// before, with one warning.
void refuseFilesThatCrashHdf5(const QString& path, const QString& what);

} // namespace tessera::core::hdf5
