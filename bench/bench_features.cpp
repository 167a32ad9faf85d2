// Feature extraction throughput on 2 cores: the same pipeline (tissue, grid, parallel reads,
// HDF5) with a do-nothing extractor (the decode limit), the handcrafted extractor, and a
// ResNet-18 TorchScript encoder on the CPU. Printed as ratios to the read-only figure.
//   bench_features [--slide FILE] [--resnet FILE.pt]
#include "features/ExtractionPipeline.h"
#include "features/HandcraftedExtractor.h"
#include "features/TorchScriptExtractor.h"
#include "support/BenchSlide.h"
#include "synth/SyntheticSlideGenerator.h"
#include "system/RuntimeEnvironment.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <cstdio>

using namespace tessera;

namespace {

// Reads patches and produces nothing: what extraction costs when features are free.
class ReadOnlyExtractor : public core::FeatureExtractor {
public:
    QString name() const override { return QStringLiteral("read-only"); }
    QString version() const override { return QStringLiteral("0"); }
    int dimension() const override { return 1; }
    bool parallelPerPatch() const override { return true; }
    void extract(const std::vector<cv::Mat>& patches, float* out) override
    {
        for (std::size_t i = 0; i < patches.size(); ++i)
            out[i] = float(patches[i].at<cv::Vec3b>(0, 0)[0]);
    }
};

double patchesPerSecond(core::FeatureExtractor& extractor, const QString& slide, int* patches)
{
    QTemporaryDir out;
    core::ExtractionOptions options;
    options.threads = 2;
    const core::SlideExtraction r = core::ExtractionPipeline(extractor, options).run(slide, out.path());
    *patches = r.patches;
    return r.patches / r.seconds;
}

QString resnet18(const QStringList& args, const QString& dir)
{
    const int i = args.indexOf(QStringLiteral("--resnet"));
    if (i >= 0 && i + 1 < args.size())
        return args[i + 1];
    const QString path = QDir(dir).filePath(QStringLiteral("resnet18-trunk.pt"));
    if (!QFileInfo::exists(path)) {
        QProcess python;
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(TESSERA_BENCH_SOURCE_DIR "/reference/export_resnet18.py"), path});
        python.waitForFinished(-1);
        if (python.exitCode() != 0) {
            std::printf("(no ResNet-18: %s)\n", python.readAllStandardError().trimmed().constData());
            return {};
        }
    }
    return path;
}

} // namespace

int main(int argc, char* argv[])
{
    tessera::core::restartWithRuntimeSettings(argv); // as tessera-cli runs
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const QString dir = qEnvironmentVariable("TESSERA_BENCH_DATA", QStringLiteral("/tmp/tessera-bench"));
    QDir().mkpath(dir);
    QString slide = QDir(dir).filePath(QStringLiteral("features-20k.tiff"));
    if (const int i = args.indexOf(QStringLiteral("--slide")); i >= 0 && i + 1 < args.size())
        slide = args[i + 1];
    else if (!QFileInfo::exists(slide)) {
        core::SynthSpec spec;
        spec.width = spec.height = 20000;
        spec.seed = 20;
        spec.tumourCount = 3;
        core::SyntheticSlideGenerator(spec).write(slide);
    }
    bench::warmPageCache(slide);
    std::printf("slide %s, 256 px patches at 20x, 2 reader threads\n", qPrintable(slide));

    int n = 0;
    ReadOnlyExtractor readOnly;
    const double base = patchesPerSecond(readOnly, slide, &n);
    std::printf("  %-34s %8.1f patches/s  (%d patches)  ratio 1.00\n", "read only (decode limit)", base, n);
    core::HandcraftedExtractor handcrafted;
    const double hand = patchesPerSecond(handcrafted, slide, &n);
    std::printf("  %-34s %8.1f patches/s  time ratio to read-only %.2f (target <= 1.5)\n",
                "handcrafted (128-d)", hand, base / hand);
    const QString model = args.contains(QStringLiteral("--no-resnet")) ? QString() : resnet18(args, dir);
    if (!model.isEmpty()) {
        core::TorchScriptOptions options;
        options.device = QStringLiteral("cpu");
        core::TorchScriptExtractor resnet(model, options);
        const double net = patchesPerSecond(resnet, slide, &n);
        std::printf("  %-34s %8.1f patches/s  time ratio to read-only %.2f\n",
                    qPrintable(QStringLiteral("ResNet-18 TorchScript (%1-d, CPU)").arg(resnet.dimension())),
                    net, base / net);
    }
    return 0;
}
