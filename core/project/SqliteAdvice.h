// What a person can do about an SQLite failure on the project database, in words: a full disk, a
// read-only folder and another program's lock each need their own advice, and none of them is
// "restore from a backup".
#pragma once

#include <QString>

class QSqlError;

namespace tessera::core {

// Advice for an SQLite result code (primary or extended); empty when there is none to give.
QString sqliteAdvice(int resultCode);
// The same for a Qt SQL error (its native code), prefixed with the error's own text.
QString sqliteFailure(const QSqlError& error);

} // namespace tessera::core
