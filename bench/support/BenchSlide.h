// The large synthetic slide that the slide benchmarks share (made once, then reused).
#pragma once

#include <QString>

namespace tessera::bench {

// Returns --slide PATH if given, else a 80 000 × 60 000 synthetic slide under
// $TESSERA_BENCH_DATA (default /tmp/tessera-bench), generating it on first use (~2 min).
QString benchSlide(const QStringList& arguments);
// Reads the file once so every measured run starts with it in the page cache.
void warmPageCache(const QString& path);
int intArgument(const QStringList& arguments, const char* name, int fallback);

} // namespace tessera::bench
