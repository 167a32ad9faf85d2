// Fuzz harness: GeoJSON is imported or refused with Error; what imports exports and re-imports.
#include "annotations/AnnotationFiles.h"
#include "common/Error.h"

#include <cstdint>

using namespace tessera::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    AnnotationImport imported;
    try {
        imported = parseGeoJson(bytes, QStringLiteral("fuzz.geojson"));
    } catch (const Error&) {
        return 0;
    }
    // A file Tessera accepted must survive its own round trip.
    const AnnotationImport again = parseGeoJson(writeGeoJson(imported.annotations, imported.classes),
                                                QStringLiteral("round-trip.geojson"));
    if (again.annotations.size() != imported.annotations.size())
        __builtin_trap();
    return 0;
}
