#include "GroundTruth.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QBuffer>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace tessera::core {

namespace {

const QString kDownsampleKey = QStringLiteral("tessera.downsample");

QJsonArray ring(const QPolygonF& polygon)
{
    QJsonArray coordinates;
    for (const QPointF& p : polygon)
        coordinates.append(QJsonArray{std::round(p.x() * 10) / 10, std::round(p.y() * 10) / 10});
    return coordinates;
}

QJsonObject feature(const QString& name, const QString& className, int rgb, QJsonArray rings)
{
    const QJsonObject classification{
        {QStringLiteral("name"), className},
        {QStringLiteral("color"), QJsonArray{(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff}}};
    return QJsonObject{
        {QStringLiteral("type"), QStringLiteral("Feature")},
        {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), QStringLiteral("Polygon")},
                                                 {QStringLiteral("coordinates"), rings}}},
        {QStringLiteral("properties"),
         QJsonObject{{QStringLiteral("objectType"), QStringLiteral("annotation")},
                     {QStringLiteral("name"), name},
                     {QStringLiteral("classification"), classification}}}};
}

void fillPolygon(QPainter& painter, const QPolygonF& polygon, double scale, QColor colour)
{
    QPolygonF scaled;
    scaled.reserve(polygon.size());
    for (const QPointF& p : polygon)
        scaled << p / scale;
    painter.setBrush(colour);
    painter.drawPolygon(scaled);
}

} // namespace

GroundTruthPaths GroundTruthPaths::forSlide(const QString& slidePath)
{
    const QFileInfo info(slidePath);
    const QString stem = info.dir().filePath(info.completeBaseName());
    return {stem + QStringLiteral(".mask.png"), stem + QStringLiteral(".geojson")};
}

QImage GroundTruth::renderMask(const SlideScene& scene, int downsample)
{
    const SynthSpec& spec = scene.spec();
    const int w = (spec.width + downsample - 1) / downsample;
    const int h = (spec.height + downsample - 1) / downsample;
    QImage mask(w, h, QImage::Format_Grayscale8);
    mask.fill(int(TruthLabel::Background));
    {
        // Non-antialiased fills keep the mask a pure label image (three values only).
        QPainter painter(&mask);
        painter.setPen(Qt::NoPen);
        painter.setRenderHint(QPainter::Antialiasing, false);
        const auto grey = [](TruthLabel label) { return QColor(int(label), int(label), int(label)); };
        for (const TissuePiece& piece : scene.pieces()) {
            fillPolygon(painter, piece.outline, downsample, grey(TruthLabel::Tissue));
            for (const QPolygonF& hole : piece.holes)
                fillPolygon(painter, hole, downsample, grey(TruthLabel::Background));
        }
        for (const QPolygonF& tumour : scene.tumours())
            fillPolygon(painter, tumour, downsample, grey(TruthLabel::Tumour));
    }
    mask.setText(kDownsampleKey, QString::number(downsample));
    mask.setText(QStringLiteral("tessera.width"), QString::number(spec.width));
    mask.setText(QStringLiteral("tessera.height"), QString::number(spec.height));
    return mask;
}

QByteArray GroundTruth::geoJson(const SlideScene& scene)
{
    QJsonArray features;
    int index = 0;
    for (const TissuePiece& piece : scene.pieces()) {
        QJsonArray rings{ring(piece.outline)};
        for (const QPolygonF& hole : piece.holes)
            rings.append(ring(hole));
        features.append(
            feature(QStringLiteral("tissue %1").arg(++index), QStringLiteral("Tissue"), 0xC8A0C8, rings));
    }
    index = 0;
    for (const QPolygonF& tumour : scene.tumours())
        features.append(feature(QStringLiteral("tumour %1").arg(++index), QStringLiteral("Tumor"), 0xC80000,
                                QJsonArray{ring(tumour)}));
    const QJsonObject collection{{QStringLiteral("type"), QStringLiteral("FeatureCollection")},
                                 {QStringLiteral("features"), features}};
    return QJsonDocument(collection).toJson(QJsonDocument::Indented);
}

void GroundTruth::write(const SlideScene& scene, const GroundTruthPaths& paths)
{
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!renderMask(scene, scene.spec().maskDownsample).save(&buffer, "PNG"))
        throw Error(QStringLiteral("Cannot encode the ground-truth mask for %1").arg(paths.mask));
    writeFileAtomically(paths.mask, png);
    writeFileAtomically(paths.geojson, geoJson(scene));
}

int GroundTruth::maskDownsample(const QImage& mask, const QString& path)
{
    bool ok = false;
    const int downsample = mask.text(kDownsampleKey).toInt(&ok);
    if (!ok || downsample < 1)
        throw Error(QStringLiteral("%1 is not a Tessera ground-truth mask (no %2 text chunk)")
                        .arg(path, kDownsampleKey));
    return downsample;
}

std::vector<float> GroundTruth::patchTumourFractions(const QString& maskPath,
                                                     const std::vector<std::int64_t>& coords, int step)
{
    QImage mask(maskPath);
    if (mask.isNull())
        throw Error(QStringLiteral("Cannot read the ground-truth mask %1").arg(maskPath));
    const int downsample = maskDownsample(mask, maskPath);
    mask = mask.convertToFormat(QImage::Format_Grayscale8);
    std::vector<float> fractions;
    for (std::size_t i = 0; i + 1 < coords.size(); i += 2) {
        const QRect cells = QRect(int(coords[i] / downsample), int(coords[i + 1] / downsample),
                                  std::max(1, step / downsample), std::max(1, step / downsample))
                                .intersected(mask.rect());
        int tumour = 0;
        for (int y = cells.top(); y <= cells.bottom(); ++y)
            for (int x = cells.left(); x <= cells.right(); ++x)
                tumour += mask.constScanLine(y)[x] == uchar(TruthLabel::Tumour);
        fractions.push_back(cells.isEmpty() ? 0.f : float(tumour) / float(cells.width() * cells.height()));
    }
    return fractions;
}

} // namespace tessera::core
