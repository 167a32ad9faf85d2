// Fuzz harness: labels and splits CSV (any encoding, any bytes) are parsed or refused with Error.
#include "common/Error.h"
#include "train/Dataset.h"

#include <cstdint>

using namespace tessera::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray bytes = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    try {
        const LabelTable table = LabelTable::fromCsv(bytes, QStringLiteral("fuzz.csv"));
        // What parses is consistent: one label per slide, each naming a class.
        if (table.labels.size() != std::size_t(table.slideIds.size()) || table.classNames.size() < 2)
            __builtin_trap();
        for (const int label : table.labels)
            if (label < 0 || label >= table.classNames.size())
                __builtin_trap();
    } catch (const Error&) {
    }
    try {
        const Split split = Split::fromClamCsv(bytes, QStringLiteral("fuzz.csv"));
        if (split.train.isEmpty())
            __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
