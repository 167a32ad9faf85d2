// tessera-cli info: library versions and compute devices, or the metadata of one slide.
#include "CommandOptions.h"

#include "slide/Slide.h"
#include "system/CachingCpuAllocator.h"
#include "system/LibraryVersions.h"
#include "system/RuntimeEnvironment.h"

namespace tessera::cli {

namespace {

void printSlide(const QString& path, QTextStream& out)
{
    const core::SlidePtr slide = core::Slide::open(path);
    out << QStringLiteral("File: %1\nVendor: %2\n").arg(slide->path(), slide->vendor());
    for (int level = 0; level < slide->levelCount(); ++level)
        out << QStringLiteral("Level %1: %2 × %3 px, downsample %4\n")
                   .arg(level)
                   .arg(slide->levelSize(level).width())
                   .arg(slide->levelSize(level).height())
                   .arg(slide->levelDownsample(level), 0, 'g', 6);
    if (const auto mpp = slide->micronsPerPixel())
        out << QStringLiteral("Microns per pixel: %1\n").arg(*mpp, 0, 'g', 6);
    if (const auto power = slide->objectivePower())
        out << QStringLiteral("Objective: %1×%2\n")
                   .arg(*power)
                   .arg(slide->objectivePowerEstimated() ? QStringLiteral(" (estimated from resolution)")
                                                         : QString());
    out << QStringLiteral("Associated images: %1\n")
               .arg(slide->associatedImageNames().isEmpty()
                        ? QStringLiteral("none")
                        : slide->associatedImageNames().join(QStringLiteral(", ")));
}

} // namespace

int runInfo(const QStringList& arguments, CliContext& io)
{
    CommandOptions options(io, QStringLiteral("Show library versions, or a slide's metadata"));
    options.add(QStringLiteral("slide"), QStringLiteral("Describe this slide."), QStringLiteral("file"));
    options.parse(arguments);
    if (options.isSet(QStringLiteral("slide"))) {
        printSlide(options.value(QStringLiteral("slide")), io.out);
        return kOk;
    }
    io.out << QStringLiteral("Tessera %1\n").arg(QStringLiteral(TESSERA_VERSION));
    for (const auto& [library, version] : core::libraryVersions())
        io.out << QStringLiteral("  %1: %2\n").arg(library, -10).arg(version);
    io.out << QStringLiteral("Runtime settings (as the process started)\n");
    for (const auto& [variable, value] : core::runtimeSettingsAtStart())
        io.out << QStringLiteral("  %1 %2\n").arg(variable + QLatin1Char(':'), -24).arg(value);
    if (const QString blasCore = core::blasCoreName(); !blasCore.isEmpty())
        io.out << QStringLiteral("  %1 %2\n").arg(QStringLiteral("OpenBLAS core:"), -24).arg(blasCore);
    if (const QString threading = core::blasThreadingName(); !threading.isEmpty())
        io.out << QStringLiteral("  %1 %2\n").arg(QStringLiteral("OpenBLAS threads:"), -24).arg(threading);
    io.out << QStringLiteral("  %1 %2\n")
                  .arg(QStringLiteral("CPU tensor allocator:"), -24)
                  .arg(core::cachingCpuAllocatorInstalled() ? QStringLiteral("caching (peak-neutral)")
                                                            : QStringLiteral("malloc"));
    return kOk;
}

} // namespace tessera::cli
