// What Tessera needs from an OME-TIFF's OME-XML (the first image's ImageDescription): whether the
// first image is a brightfield RGB one, and its pixel size. Bio-Formats' bfconvert, QuPath's
// export and many lab pipelines write it.
#pragma once

#include <QString>
#include <optional>

namespace tessera::core {

struct OmeImage {
    int sizeC = 0;                            // channels
    int samplesPerPixel = 0;                  // of the first channel (3: interleaved RGB)
    QString pixelType;                        // "uint8", "uint16", …
    std::optional<double> micronsX, micronsY; // PhysicalSizeX/Y in µm, converted from their units

    // One channel of 3 interleaved 8-bit samples: a stained slide, as the viewer draws it.
    bool isBrightfieldRgb() const { return pixelType == QLatin1String("uint8") && samplesPerPixel == 3; }
    // "4 channels of uint16": for a message that names what is not read.
    QString describe() const;
};

// The first Image's Pixels of `description`, or nullopt when it is not OME-XML.
std::optional<OmeImage> parseOmeXml(const QString& description);

// A length in `unit` (OME's UnitsLength symbols: "µm", "um", "nm", "mm", "cm", "m", "Å", "pm")
// in µm; nullopt for a unit it does not know.
std::optional<double> toMicrons(double value, const QString& unit);

} // namespace tessera::core
