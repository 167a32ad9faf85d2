// The connection to one project.sqlite: opened or created with the right settings (WAL, foreign
// keys, a busy timeout so two windows wait for each other instead of failing), checked to be a
// Tessera project of a schema this program reads, and migrated forward. Statements go through
// here so that every failure becomes an Error naming the database.
#pragma once

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>
#include <memory>

namespace tessera::core {

class ProjectDatabase {
public:
    // Opens `path`, creating an empty project database there when `create`. Throws Error when the
    // file is not an SQLite database, not a Tessera project, of a newer schema, or locked beyond
    // the busy timeout.
    ProjectDatabase(const QString& path, bool create);
    // Opens `path` without migrating it, at the schema version it has (for tests of migrations
    // and for tools that only read). `create` makes it at `version`.
    static std::unique_ptr<ProjectDatabase> openAt(const QString& path, int version);
    ~ProjectDatabase();
    ProjectDatabase(const ProjectDatabase&) = delete;
    ProjectDatabase& operator=(const ProjectDatabase&) = delete;

    const QString& path() const { return m_path; }
    QSqlDatabase& db() { return m_db; }
    int schemaVersion();
    void migrateToLatest();

    // A prepared statement; execute with run(). Both throw Error naming the database.
    QSqlQuery prepare(const QString& sql);
    void run(QSqlQuery& query);
    void exec(const QString& sql);
    // The first column of the first row, or an invalid QVariant without rows.
    QVariant scalar(const QString& sql, const QVariantList& values = {});

    // BEGIN IMMEDIATE … COMMIT: takes the write lock up front (waiting for another writer up to
    // the busy timeout), rolls back unless commit() was reached. Inside another transaction it is
    // a savepoint: a bulk import can wrap calls that open transactions of their own.
    class Transaction {
    public:
        explicit Transaction(ProjectDatabase& database);
        ~Transaction();
        void commit();

    private:
        ProjectDatabase& m_database;
        int m_depth;
        bool m_done = false;
    };

private:
    struct NoMigration {};
    ProjectDatabase(const QString& path, bool create, NoMigration);
    void connect(bool create);
    void checkIdentity();
    [[noreturn]] void fail(const QString& what, const QString& reason) const;

    QString m_path;
    QString m_connection;
    QSqlDatabase m_db;
    int m_transactionDepth = 0;
};

} // namespace tessera::core
