#include "LibraryVersions.h"

#include "TorchRuntime.h"
#include "common/Error.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QtGlobal>

#include <H5public.h>
#include <opencv2/core/utility.hpp>
#include <openslide.h>
#include <tiffio.h>

namespace tessera::core {

QString sqliteVersion()
{
    const QString connection = QStringLiteral("tessera-version-") + QUuid::createUuid().toString();
    QString version;
    QString failure;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.isValid())
            failure = QStringLiteral("Qt's SQLite driver (QSQLITE) is not installed; "
                                     "install libqt6sql6-sqlite");
        else if (!db.open())
            failure = db.lastError().text();
        else {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("select sqlite_version()")) && query.next())
                version = query.value(0).toString();
            else
                failure = query.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    if (!failure.isEmpty())
        throw Error(QStringLiteral("SQLite is not usable: %1").arg(failure));
    return version;
}

QList<QPair<QString, QString>> libraryVersions()
{
    unsigned major = 0, minor = 0, release = 0;
    H5get_libversion(&major, &minor, &release);
    const TorchRuntime torch = torchRuntime();
    // TIFFGetVersion() returns a multi-line banner; its first line names the version.
    const QString tiff = QString::fromLatin1(TIFFGetVersion()).section(QLatin1Char('\n'), 0, 0);
    return {
        {QStringLiteral("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("OpenSlide"), QString::fromLatin1(openslide_get_version())},
        {QStringLiteral("libtiff"), tiff.section(QLatin1String("Version "), 1)},
        {QStringLiteral("HDF5"), QStringLiteral("%1.%2.%3").arg(major).arg(minor).arg(release)},
        {QStringLiteral("OpenCV"), QString::fromStdString(cv::getVersionString())},
        {QStringLiteral("SQLite"), sqliteVersion()},
        {QStringLiteral("LibTorch"),
         QStringLiteral("%1 (%2)").arg(
             torch.version, torch.cudaAvailable ? QStringLiteral("CUDA, %1 device(s)").arg(torch.cudaDevices)
                                                : QStringLiteral("CPU"))},
    };
}

} // namespace tessera::core
