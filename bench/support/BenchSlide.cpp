#include "BenchSlide.h"

#include "synth/SyntheticSlideGenerator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cstdio>

namespace tessera::bench {

int intArgument(const QStringList& arguments, const char* name, int fallback)
{
    const int i = arguments.indexOf(QLatin1String(name));
    return i >= 0 && i + 1 < arguments.size() ? arguments[i + 1].toInt() : fallback;
}

QString benchSlide(const QStringList& arguments)
{
    const int i = arguments.indexOf(QStringLiteral("--slide"));
    if (i >= 0 && i + 1 < arguments.size())
        return arguments[i + 1];
    const QString dir = qEnvironmentVariable("TESSERA_BENCH_DATA", QStringLiteral("/tmp/tessera-bench"));
    QDir().mkpath(dir);
    const QString path = QDir(dir).filePath(QStringLiteral("large-80k.tiff"));
    if (!QFileInfo::exists(path)) {
        std::printf("generating %s (80000 x 60000, once)...\n", qPrintable(path));
        std::fflush(stdout);
        core::SynthSpec spec;
        spec.width = 80000;
        spec.height = 60000;
        spec.seed = 80;
        spec.tumourCount = 4;
        const auto result = core::SyntheticSlideGenerator(spec).write(path);
        std::printf("  done in %.1f s\n", result.seconds);
    }
    return path;
}

void warmPageCache(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return;
    QByteArray buffer(1 << 22, Qt::Uninitialized);
    while (file.read(buffer.data(), buffer.size()) > 0) {
    }
}

} // namespace tessera::bench
