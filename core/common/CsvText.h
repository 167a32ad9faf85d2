// Reading the small CSV tables users bring (labels, splits), as spreadsheets and scripts write them:
// UTF-8 with or without a byte-order mark, UTF-16 with one, or Latin-1 (what Excel on Windows
// saves); lines ending in LF, CRLF or CR.
#pragma once

#include <QString>
#include <QStringList>

namespace tessera::core {

struct TextLines {
    QStringList lines;
    QString encoding; // "UTF-8", "UTF-8 with BOM", "UTF-16", "Latin-1": said in messages and logs
};

// Throws Error naming the file when it cannot be read or is not text (NUL bytes in 8-bit text).
TextLines readTextLines(const QString& path);
// The same on bytes already read; `path` names them in messages.
TextLines decodeTextLines(const QByteArray& bytes, const QString& path);

// Splits one CSV line, trimming cells; "…" quotes a cell and "" is a quote inside one. Throws Error
// naming `path` and `lineNumber` when a quote is never closed.
QStringList csvCells(const QString& line, const QString& path, int lineNumber);

// `text` as one CSV cell: quoted ("" for a quote inside) when it holds a comma, a quote, a line
// break or spaces at either end (csvCells trims unquoted cells).
QString csvField(const QString& text);

} // namespace tessera::core
