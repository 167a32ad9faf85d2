// Writes a file under a temporary name and renames it into place only when complete.
#pragma once

#include <QString>

namespace tessera::core {

// For writers that need a plain path (libtiff, HDF5) rather than a QIODevice: they write
// to temporaryPath(), then commit() renames it over the final path. If commit() is never
// reached (error, exception, crash in between), the destructor removes the temporary, so a
// partial file never appears under the final name. The temporary is
// "<final>.partial-<host>-<pid>-<n>"; those left by killed processes of this host are removed by
// the first AtomicFile of a process in that folder.
class AtomicFile {
public:
    explicit AtomicFile(QString finalPath);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const QString& finalPath() const { return m_finalPath; }
    const QString& temporaryPath() const { return m_tempPath; }

    // Renames the temporary over the final path; throws Error on failure.
    void commit();

private:
    QString m_finalPath;
    QString m_tempPath;
    bool m_committed = false;
};

// Renames `from` over `to`, replacing it atomically; throws Error naming both on failure.
void replaceFile(const QString& from, const QString& to);

// Writes bytes atomically (an AtomicFile, unbuffered); throws Error naming the file on failure.
void writeFileAtomically(const QString& path, const QByteArray& bytes);

} // namespace tessera::core
