#include "OmeXml.h"

#include <QXmlStreamReader>
#include <cmath>

namespace tessera::core {

QString OmeImage::describe() const
{
    return QStringLiteral("%1 channel(s) of %2%3")
        .arg(sizeC)
        .arg(pixelType.isEmpty() ? QStringLiteral("unknown type") : pixelType)
        .arg(samplesPerPixel > 1 ? QStringLiteral(", %1 samples each").arg(samplesPerPixel) : QString());
}

std::optional<double> toMicrons(double value, const QString& unit)
{
    const QString u = unit.isEmpty() ? QStringLiteral("µm") : unit; // OME's default unit
    double factor = 0;
    if (u == QStringLiteral("µm") || u == QStringLiteral("um") ||
        u == QStringLiteral("\u03bcm")) // micro sign or mu
        factor = 1;
    else if (u == QStringLiteral("nm"))
        factor = 1e-3;
    else if (u == QStringLiteral("pm"))
        factor = 1e-6;
    else if (u == QStringLiteral("Å"))
        factor = 1e-4;
    else if (u == QStringLiteral("mm"))
        factor = 1e3;
    else if (u == QStringLiteral("cm"))
        factor = 1e4;
    else if (u == QStringLiteral("m"))
        factor = 1e6;
    if (factor == 0 || !std::isfinite(value) || value <= 0)
        return std::nullopt;
    return value * factor;
}

std::optional<OmeImage> parseOmeXml(const QString& description)
{
    if (!description.contains(QStringLiteral("<OME")))
        return std::nullopt;
    QXmlStreamReader xml(description);
    OmeImage image;
    bool inPixels = false, seenOme = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const QStringView name = xml.name();
            const QXmlStreamAttributes a = xml.attributes();
            if (name == QLatin1String("OME")) {
                seenOme = true;
            } else if (name == QLatin1String("Pixels") && !inPixels && image.pixelType.isEmpty()) {
                inPixels = true;
                image.sizeC = a.value(QStringLiteral("SizeC")).toInt();
                image.pixelType = a.value(QStringLiteral("Type")).toString();
                bool ok = false;
                if (const double x = a.value(QStringLiteral("PhysicalSizeX")).toDouble(&ok); ok)
                    image.micronsX = toMicrons(x, a.value(QStringLiteral("PhysicalSizeXUnit")).toString());
                if (const double y = a.value(QStringLiteral("PhysicalSizeY")).toDouble(&ok); ok)
                    image.micronsY = toMicrons(y, a.value(QStringLiteral("PhysicalSizeYUnit")).toString());
            } else if (name == QLatin1String("Channel") && inPixels && image.samplesPerPixel == 0) {
                image.samplesPerPixel = a.hasAttribute(QStringLiteral("SamplesPerPixel"))
                                            ? a.value(QStringLiteral("SamplesPerPixel")).toInt()
                                            : 1;
            }
        } else if (xml.isEndElement() && xml.name() == QLatin1String("Pixels") && inPixels) {
            break; // the first image is the one shown
        }
    }
    if (!seenOme || image.pixelType.isEmpty())
        return std::nullopt;
    if (image.samplesPerPixel == 0)
        image.samplesPerPixel = 1;
    return image;
}

} // namespace tessera::core
