#include "AnnotationFiles.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QObject>

namespace tessera::core {

namespace {

QByteArray readWhole(const QString& path)
{
    const QFileInfo info(path);
    if (!info.exists())
        throw Error(QObject::tr("%1: no such file").arg(path));
    if (info.isDir())
        throw Error(QObject::tr("%1 is a folder, not an annotation file").arg(path));
    if (info.size() > kMaxAnnotationFileBytes)
        throw Error(QObject::tr("%1 is %2 MiB; annotation files above %3 MiB are not read (a million QuPath "
                                "objects take about 300 MiB)")
                        .arg(path)
                        .arg(info.size() / (1024 * 1024))
                        .arg(kMaxAnnotationFileBytes / (1024 * 1024)));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QObject::tr("%1 cannot be read: %2").arg(path, file.errorString()));
    return file.readAll();
}

} // namespace

AnnotationFormat annotationFormatOf(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("xml"))
        return AnnotationFormat::AsapXml;
    if (suffix == QLatin1String("geojson") || suffix == QLatin1String("json"))
        return AnnotationFormat::GeoJson;
    QFile file(path);
    if (file.open(QIODevice::ReadOnly))
        for (const char c : file.read(4096)) {
            if (c == '<')
                return AnnotationFormat::AsapXml;
            if (!QChar::isSpace(uchar(c)))
                break;
        }
    return AnnotationFormat::GeoJson;
}

AnnotationImport importAnnotations(const QString& path)
{
    return importAnnotations(path, annotationFormatOf(path));
}

AnnotationImport importAnnotations(const QString& path, AnnotationFormat format)
{
    const QByteArray bytes = readWhole(path);
    return format == AnnotationFormat::AsapXml ? parseAsapXml(bytes, path) : parseGeoJson(bytes, path);
}

QStringList exportAnnotations(const QString& path, const std::vector<Annotation>& annotations,
                              const std::vector<AnnotationClass>& classes)
{
    return exportAnnotations(path, annotationFormatOf(path), annotations, classes);
}

QStringList exportAnnotations(const QString& path, AnnotationFormat format,
                              const std::vector<Annotation>& annotations,
                              const std::vector<AnnotationClass>& classes)
{
    QStringList dropped;
    const QByteArray bytes = format == AnnotationFormat::AsapXml
                                 ? writeAsapXml(annotations, classes, &dropped)
                                 : writeGeoJson(annotations, classes);
    writeFileAtomically(path, bytes);
    return dropped;
}

} // namespace tessera::core
