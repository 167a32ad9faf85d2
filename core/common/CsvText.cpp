#include "CsvText.h"

#include "Error.h"

#include <QFile>
#include <QRegularExpression>
#include <QStringDecoder>

namespace tessera::core {

namespace {

QString decode(const QByteArray& bytes, const QString& path, QString& encoding)
{
    if (bytes.startsWith("\xEF\xBB\xBF")) {
        encoding = QStringLiteral("UTF-8 with BOM");
        return QString::fromUtf8(bytes.mid(3));
    }
    if (bytes.startsWith("\xFF\xFE") || bytes.startsWith("\xFE\xFF")) {
        // The mark says the byte order; the bytes after it are the text.
        const bool little = bytes.startsWith("\xFF\xFE");
        encoding = little ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        QStringDecoder utf16(little ? QStringDecoder::Utf16LE : QStringDecoder::Utf16BE);
        const QString text = utf16.decode(bytes.mid(2));
        if (utf16.hasError())
            throw Error(QObject::tr("%1 starts as UTF-16 text but is not valid UTF-16").arg(path));
        return text;
    }
    if (bytes.contains('\0'))
        throw Error(QObject::tr("%1 is not a text table: it holds binary data (NUL bytes); expected "
                                "comma-separated text")
                        .arg(path));
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (!utf8.hasError()) {
        encoding = QStringLiteral("UTF-8");
        return text;
    }
    // Not UTF-8: every byte sequence is valid Latin-1, the encoding of Excel's plain "CSV" on
    // Western Windows, so accented slide ids still match the names on disk.
    encoding = QStringLiteral("Latin-1");
    return QString::fromLatin1(bytes);
}

} // namespace

TextLines readTextLines(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QObject::tr("Cannot read %1: %2").arg(path, file.errorString()));
    return decodeTextLines(file.readAll(), path);
}

TextLines decodeTextLines(const QByteArray& bytes, const QString& path)
{
    TextLines result;
    const QString text = decode(bytes, path, result.encoding);
    static const QRegularExpression lineBreak(QStringLiteral("\r\n|\r|\n"));
    result.lines = text.split(lineBreak);
    if (!result.lines.isEmpty() && result.lines.last().isEmpty())
        result.lines.removeLast(); // the final line break ends a line; it does not start one
    return result;
}

QStringList csvCells(const QString& line, const QString& path, int lineNumber)
{
    QStringList cells;
    QString cell;
    bool quoted = false;
    for (qsizetype i = 0; i < line.size(); ++i) {
        const QChar c = line[i];
        if (quoted) {
            if (c == QLatin1Char('"') && i + 1 < line.size() && line[i + 1] == QLatin1Char('"')) {
                cell += c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == QLatin1Char('"')) {
            quoted = true;
        } else if (c == QLatin1Char(',')) {
            cells << cell.trimmed();
            cell.clear();
        } else {
            cell += c;
        }
    }
    if (quoted)
        throw Error(QObject::tr("%1 line %2: a quoted cell is never closed (a \" without its pair): '%3'")
                        .arg(path)
                        .arg(lineNumber)
                        .arg(line));
    cells << cell.trimmed();
    return cells;
}

QString csvField(const QString& text)
{
    const bool plain = !text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
                       !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')) &&
                       text.trimmed() == text;
    if (plain)
        return text;
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

} // namespace tessera::core
