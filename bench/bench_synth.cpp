// Synthetic slide writing speed: the full generator vs JPEG-encoding the same tiles alone.
//   bench_synth [--width 20000] [--height 20000] [--out DIR]
#include "synth/PyramidTiffWriter.h"
#include "synth/SyntheticSlideGenerator.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QThread>

#include <cstdio>

using namespace tessera::core;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto option = [&](const char* name, int fallback) {
        const int i = args.indexOf(QLatin1String(name));
        return i >= 0 && i + 1 < args.size() ? args[i + 1].toInt() : fallback;
    };
    SynthSpec spec;
    spec.width = option("--width", 20000);
    spec.height = option("--height", 20000);
    spec.tumourCount = 3;
    spec.seed = 1;
    QTemporaryDir dir;

    QElapsedTimer timer;
    timer.start();
    const SynthResult result =
        SyntheticSlideGenerator(spec).write(dir.filePath(QStringLiteral("bench.tiff")));
    const double full = timer.elapsed() / 1000.0;

    // Reference: the same pyramid of a flat pink image through the same libtiff/JPEG path.
    timer.restart();
    {
        PyramidTiffOptions options;
        PyramidTiffWriter writer(dir.filePath(QStringLiteral("reference.tiff")), options);
        const cv::Mat tile(256, 256, CV_8UC3, cv::Scalar(232, 158, 192));
        for (const auto& [w, h] : SyntheticSlideGenerator::levelSizes(spec.width, spec.height)) {
            writer.beginLevel(w, h, double(spec.width) / w);
            for (int r = 0; r * 256 < h; ++r)
                for (int c = 0; c * 256 < w; ++c)
                    writer.writeTile(c, r, tile);
        }
        writer.finish();
    }
    const double encodeOnly = timer.elapsed() / 1000.0;

    const double megapixels = double(spec.width) * spec.height / 1e6;
    std::printf("synthetic slide %d x %d (%d levels), %d threads\n", spec.width, spec.height, result.levels,
                QThread::idealThreadCount());
    std::printf("  generator (render + encode + ground truth): %7.2f s  (%6.1f Mpx/s)\n", full,
                megapixels / full);
    std::printf("  reference (encode flat tiles only)        : %7.2f s  (%6.1f Mpx/s)\n", encodeOnly,
                megapixels / encodeOnly);
    std::printf("  ratio generator / encode-only             : %7.2f\n", full / encodeOnly);
    return 0;
}
