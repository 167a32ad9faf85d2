#include "TestSlides.h"

#include "synth/SyntheticSlideGenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QTemporaryDir>

#include <cstdlib>
#include <tiffio.h>

namespace tessera::test {

namespace {
QTemporaryDir& scratch()
{
    static QTemporaryDir dir;
    return dir;
}
} // namespace

QString synthSlide(const core::SynthSpec& spec, const QString& name)
{
    const QString path = scratch().filePath(name);
    if (!QFileInfo::exists(path))
        core::SyntheticSlideGenerator(spec).write(path);
    return path;
}

core::SynthSpec smallTumourSpec()
{
    core::SynthSpec spec;
    spec.width = 3000;
    spec.height = 2400;
    spec.seed = 7;
    spec.tumourCount = 2;
    return spec;
}

QString smallTumourSlide()
{
    return synthSlide(smallTumourSpec(), QStringLiteral("small-tumour.tiff"));
}

QString slideWithCorruptTile(int level, int column, int row)
{
    const QString path =
        scratch().filePath(QStringLiteral("corrupt-%1-%2-%3.tiff").arg(level).arg(column).arg(row));
    if (QFileInfo::exists(path))
        return path;
    QFile::copy(smallTumourSlide(), path);
    QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    TIFF* tif = TIFFOpen(QFile::encodeName(path).constData(), "r");
    if (!tif || !TIFFSetDirectory(tif, tdir_t(level)))
        qFatal("cannot read the TIFF directories of %s", qPrintable(path));
    uint32_t tileWidth = 0;
    TIFFGetField(tif, TIFFTAG_TILEWIDTH, &tileWidth);
    const ttile_t index = TIFFComputeTile(tif, uint32_t(column) * tileWidth, uint32_t(row) * tileWidth, 0, 0);
    uint64_t* offsets = nullptr;
    TIFFGetField(tif, TIFFTAG_TILEOFFSETS, &offsets);
    const qint64 offset = qint64(offsets[index]);
    TIFFClose(tif);
    QFile file(path);
    file.open(QIODevice::ReadWrite);
    file.seek(offset);
    file.write(QByteArray(8, '\0')); // no JPEG start-of-image marker: libjpeg refuses the tile
    return path;
}

QString sampleSlide(const QString& fileName)
{
    const QString path = QDir(QStringLiteral(TESSERA_TESTDATA)).filePath(fileName);
    return QFileInfo::exists(path) ? path : QString();
}

double meanAbsDifference(const QImage& a, const QImage& b)
{
    const QImage x = a.convertToFormat(QImage::Format_RGB32);
    const QImage y = b.convertToFormat(QImage::Format_RGB32);
    if (x.size() != y.size() || x.isNull())
        return 1e9;
    double total = 0;
    for (int row = 0; row < x.height(); ++row) {
        const auto* p = reinterpret_cast<const QRgb*>(x.constScanLine(row));
        const auto* q = reinterpret_cast<const QRgb*>(y.constScanLine(row));
        for (int col = 0; col < x.width(); ++col)
            total += std::abs(qRed(p[col]) - qRed(q[col])) + std::abs(qGreen(p[col]) - qGreen(q[col])) +
                     std::abs(qBlue(p[col]) - qBlue(q[col]));
    }
    return total / (3.0 * x.width() * x.height());
}

} // namespace tessera::test
