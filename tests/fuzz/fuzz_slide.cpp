// Fuzz harness: the slide opener on mutated TIFF/SVS/DICOM bytes: a slide opens and reads a region of
// every level and its associated images, or it is refused with Error; never a crash.
#include "common/Error.h"
#include "slide/Slide.h"

#include <QDir>
#include <QFile>

#include <cstdint>
#include <unistd.h>

using namespace tessera::core;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // OpenSlide reads files by name: each input becomes this process's own scratch file, alone in
    // its own folder (a DICOM instance brings the other DICOM files of its folder into its series).
    static const QString folder =
        QDir::temp().filePath(QStringLiteral("tessera-fuzz-slide-%1").arg(getpid()));
    static const QString path = [] {
        QDir().mkpath(folder);
        return folder + QStringLiteral("/slide.tiff");
    }();
    static const struct Cleanup {
        ~Cleanup() { QDir(folder).removeRecursively(); }
    } cleanup;
    // Tessera finds its helpers beside itself; the harness names the build's (GDCM asserts on some
    // damaged headers, and Tessera contains that in the helper).
    static const bool helperNamed = [] {
        if (!qEnvironmentVariableIsSet("TESSERA_TESSERA_DICOM_CHECK"))
            qputenv("TESSERA_TESSERA_DICOM_CHECK", TESSERA_DICOM_CHECK);
        return true;
    }();
    (void)helperNamed;
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char*>(data), qint64(size));
    }
    try {
        const SlidePtr slide = Slide::open(path);
        for (int level = 0; level < slide->levelCount(); ++level) {
            const QSize levelSize = slide->levelSize(level);
            slide->readLevelRegion(
                level, QRect(0, 0, std::min(levelSize.width(), 512), std::min(levelSize.height(), 512)));
        }
        for (const QString& name : slide->associatedImageNames())
            slide->associatedImage(name);
    } catch (const Error&) {
    }
    return 0;
}
