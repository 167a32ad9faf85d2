#include "SqliteAdvice.h"

#include <QObject>
#include <QSqlError>

#include <sqlite3.h>

namespace tessera::core {

QString sqliteAdvice(int resultCode)
{
    switch (resultCode & 0xff) {
    case SQLITE_FULL:
        return QObject::tr("the disk is full: free some space and try again; the unfinished change was "
                           "rolled back and everything saved before it is kept");
    case SQLITE_IOERR:
        return QObject::tr("the disk could not be read or written (full, unplugged, or a network folder "
                           "that dropped out): free space or check the disk and try again; the unfinished "
                           "change was rolled back and everything saved before it is kept");
    case SQLITE_READONLY:
    case SQLITE_PERM:
        return QObject::tr("the project is read-only: Tessera writes project.sqlite and its -wal and -shm "
                           "files beside it, so the folder must be writable (copy the project to a "
                           "writable folder to work on it)");
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return QObject::tr("another program kept the project locked for longer than Tessera waits "
                           "(another Tessera window or command, or a backup or sync tool): let it finish "
                           "or close it, then try again");
    case SQLITE_CANTOPEN:
        return QObject::tr("the file cannot be opened: check that the folder exists and is readable and "
                           "writable");
    default:
        return {};
    }
}

QString sqliteFailure(const QSqlError& error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    const QString advice = ok ? sqliteAdvice(code) : QString();
    // The database's words ("database or disk is full"), without Qt's "Unable to fetch row".
    const QString text = error.databaseText().isEmpty() ? error.text().trimmed() : error.databaseText();
    return advice.isEmpty() ? text : QStringLiteral("%1 — %2").arg(text, advice);
}

} // namespace tessera::core
