// Fuzz harness: ASAP XML is imported or refused with Error; what imports exports and re-imports.
#include "annotations/AnnotationFiles.h"
#include "common/Error.h"

#include <cstdint>

using namespace tessera::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    AnnotationImport imported;
    try {
        imported = parseAsapXml(bytes, QStringLiteral("fuzz.xml"));
    } catch (const Error&) {
        return 0;
    }
    QStringList dropped;
    const QByteArray written = writeAsapXml(imported.annotations, imported.classes, &dropped);
    const AnnotationImport again = parseAsapXml(written, QStringLiteral("round-trip.xml"));
    if (again.annotations.size() + std::size_t(dropped.size()) < imported.annotations.size())
        __builtin_trap(); // lost without being reported as dropped
    return 0;
}
