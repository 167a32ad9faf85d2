#include "SlideKey.h"

#include "DicomSeries.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::core {

QString slideKey(const QString& slidePath)
{
    const QFileInfo info(slidePath);
    const QString suffix = info.suffix().toLower();
    const bool dicom =
        suffix == QLatin1String("dcm") || (info.isFile() && !suffix.startsWith(QLatin1String("tif")) &&
                                           suffix != QLatin1String("svs") && isDicomFile(slidePath));
    if (info.isDir())
        return info.fileName();
    return dicom ? info.absoluteDir().dirName() : info.completeBaseName();
}

} // namespace tessera::core
