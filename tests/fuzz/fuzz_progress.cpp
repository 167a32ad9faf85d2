// Fuzz harness: a progress-event line from a job's log is parsed or refused; what parses writes
// back to a line that parses to the same event.
#include "jobs/ProgressEvent.h"

#include <cstdint>

using namespace tessera::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const QByteArray line = QByteArray::fromRawData(reinterpret_cast<const char*>(data), qsizetype(size));
    QString error;
    const std::optional<ProgressEvent> event = ProgressEvent::fromJsonLine(line, &error);
    if (!event) {
        if (error.isEmpty())
            __builtin_trap(); // a refusal says why
        return 0;
    }
    const std::optional<ProgressEvent> again = ProgressEvent::fromJsonLine(event->toJsonLine());
    if (!again || again->toJsonLine() != event->toJsonLine())
        __builtin_trap();
    return 0;
}
