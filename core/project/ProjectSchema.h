// The project database's schema: a list of forward migrations, numbered by PRAGMA user_version.
// Version 1 is the first released schema; each later one upgrades the one before in a transaction.
#pragma once

#include <QSqlDatabase>

namespace tessera::core {

class ProjectSchema {
public:
    static constexpr int kApplicationId = 0x54455353; // "TESS": marks a Tessera project database
    static int latestVersion();
    // The schema version stored in `db` (0 for an empty database).
    static int versionOf(QSqlDatabase& db);
    // Runs the migrations from the stored version up to `target`, each in its own transaction.
    // Throws Error (naming `path`) when a migration fails; the database stays at the last good version.
    static void migrate(QSqlDatabase& db, int target, const QString& path);
};

} // namespace tessera::core
