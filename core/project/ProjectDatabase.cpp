#include "ProjectDatabase.h"

#include "ProjectSchema.h"
#include "SqliteAdvice.h"
#include "common/Error.h"

#include <QFileInfo>
#include <QSqlError>
#include <QUuid>

namespace tessera::core {

namespace {
constexpr int kBusyTimeoutMs = 15000;
}

ProjectDatabase::ProjectDatabase(const QString& path, bool create)
    : ProjectDatabase(path, create, NoMigration{})
{
    migrateToLatest();
}

ProjectDatabase::ProjectDatabase(const QString& path, bool create, NoMigration) : m_path(path)
{
    connect(create);
}

std::unique_ptr<ProjectDatabase> ProjectDatabase::openAt(const QString& path, int version)
{
    std::unique_ptr<ProjectDatabase> database(
        new ProjectDatabase(path, !QFileInfo::exists(path), NoMigration{}));
    if (database->schemaVersion() < version)
        ProjectSchema::migrate(database->db(), version, path);
    return database;
}

ProjectDatabase::~ProjectDatabase()
{
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
}

void ProjectDatabase::fail(const QString& what, const QString& reason) const
{
    throw Error(QStringLiteral("%1: %2 (%3)").arg(m_path, what, reason));
}

void ProjectDatabase::connect(bool create)
{
    const QFileInfo info(m_path);
    if (!create && !info.exists())
        throw Error(QStringLiteral("%1 does not exist: not a Tessera project").arg(m_path));
    if (info.exists() && !info.isFile())
        throw Error(QStringLiteral("%1 is not a file").arg(m_path));
    if (create && info.exists() && info.size() > 0)
        throw Error(QStringLiteral("%1 already exists: open it as a project instead").arg(m_path));
    m_connection = QStringLiteral("tessera-project-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    if (!m_db.isValid())
        throw Error(
            QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed; install libqt6sql6-sqlite"));
    m_db.setDatabaseName(m_path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(kBusyTimeoutMs));
    if (!m_db.open())
        fail(QStringLiteral("cannot open the project database"), sqliteFailure(m_db.lastError()));
    {
        // A damaged or foreign file fails on its first read: say so in words. A full disk, a
        // read-only folder or a lock fail here too, and need other advice than a backup.
        QSqlQuery probe(m_db);
        if (!probe.exec(QStringLiteral("PRAGMA schema_version"))) {
            if (!sqliteAdvice(probe.lastError().nativeErrorCode().toInt()).isEmpty())
                fail(QStringLiteral("cannot open the project database"), sqliteFailure(probe.lastError()));
            throw Error(
                QStringLiteral("%1 is not a usable project database: %2 — restore it from a backup or "
                               "create a new project")
                    .arg(m_path, probe.lastError().text()));
        }
    }
    exec(QStringLiteral("PRAGMA foreign_keys = ON"));
    const QString mode = scalar(QStringLiteral("PRAGMA journal_mode = WAL")).toString();
    if (mode.compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0)
        throw Error(QStringLiteral("%1: the project folder does not support SQLite's write-ahead log "
                                   "(journal mode stayed '%2'); keep projects on a local disk")
                        .arg(m_path, mode));
    exec(QStringLiteral("PRAGMA synchronous = FULL")); // a committed row survives a power cut too
    checkIdentity();
}

void ProjectDatabase::checkIdentity()
{
    const int applicationId = scalar(QStringLiteral("PRAGMA application_id")).toInt();
    const int version = schemaVersion();
    const int tables =
        scalar(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE type = 'table'")).toInt();
    if (applicationId != ProjectSchema::kApplicationId && (version != 0 || tables != 0))
        throw Error(
            QStringLiteral("%1 is an SQLite database of another program, not a Tessera project").arg(m_path));
    if (version > ProjectSchema::latestVersion())
        throw Error(
            QStringLiteral("%1 was written by a newer Tessera (project schema %2; this version reads up to "
                           "%3): update Tessera to open it")
                .arg(m_path)
                .arg(version)
                .arg(ProjectSchema::latestVersion()));
}

int ProjectDatabase::schemaVersion()
{
    return ProjectSchema::versionOf(m_db);
}

void ProjectDatabase::migrateToLatest()
{
    if (schemaVersion() < ProjectSchema::latestVersion())
        ProjectSchema::migrate(m_db, ProjectSchema::latestVersion(), m_path);
}

QSqlQuery ProjectDatabase::prepare(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        fail(QStringLiteral("cannot prepare a query"), sqliteFailure(query.lastError()));
    return query;
}

void ProjectDatabase::run(QSqlQuery& query)
{
    if (!query.exec())
        fail(QStringLiteral("a query failed"), sqliteFailure(query.lastError()));
}

void ProjectDatabase::exec(const QString& sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql))
        fail(QStringLiteral("a statement failed"), sqliteFailure(query.lastError()));
}

QVariant ProjectDatabase::scalar(const QString& sql, const QVariantList& values)
{
    QSqlQuery query = prepare(sql);
    for (const QVariant& v : values)
        query.addBindValue(v);
    run(query);
    const QVariant value = query.next() ? query.value(0) : QVariant();
    query.finish(); // no statement left open: it would hold a read transaction
    return value;
}

ProjectDatabase::Transaction::Transaction(ProjectDatabase& database)
    : m_database(database), m_depth(database.m_transactionDepth)
{
    m_database.exec(m_depth == 0 ? QStringLiteral("BEGIN IMMEDIATE")
                                 : QStringLiteral("SAVEPOINT nested_%1").arg(m_depth));
    ++m_database.m_transactionDepth;
}

ProjectDatabase::Transaction::~Transaction()
{
    if (m_done)
        return;
    --m_database.m_transactionDepth;
    QSqlQuery query(m_database.db());
    if (m_depth == 0) {
        query.exec(QStringLiteral("ROLLBACK"));
    } else {
        query.exec(QStringLiteral("ROLLBACK TO nested_%1").arg(m_depth));
        query.exec(QStringLiteral("RELEASE nested_%1").arg(m_depth));
    }
}

void ProjectDatabase::Transaction::commit()
{
    m_database.exec(m_depth == 0 ? QStringLiteral("COMMIT")
                                 : QStringLiteral("RELEASE nested_%1").arg(m_depth));
    --m_database.m_transactionDepth;
    m_done = true;
}

} // namespace tessera::core
