// Runtime versions of every library Tessera links, asked of the libraries themselves.
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace tessera::core {

// Each entry is (library, version reported at run time). Used by `tessera-cli info`, the
// About box and bug reports. Throws Error if a required runtime piece (e.g. Qt's SQLite
// driver) is missing, since the app could not work without it.
QList<QPair<QString, QString>> libraryVersions();

// SQLite's version through Qt's QSQLITE driver; Error if the driver is not installed.
QString sqliteVersion();

} // namespace tessera::core
