#include "NetWeights.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <torch/serialize.h>

#include <QFile>

namespace tessera::core::nets {

QString firstLine(const char* text)
{
    return QString::fromUtf8(text).section(QLatin1Char('\n'), 0, 0);
}

void saveArchiveAtomically(const QString& path,
                           const std::function<void(torch::serialize::OutputArchive&)>& fill)
{
    QByteArray bytes;
    try {
        torch::serialize::OutputArchive archive;
        fill(archive);
        archive.save_to([&bytes](const void* data, std::size_t size) -> std::size_t {
            bytes.append(static_cast<const char*>(data), qsizetype(size));
            return size;
        });
    } catch (const std::exception& e) {
        throw Error(QStringLiteral("Cannot serialize %1: %2").arg(path, firstLine(e.what())));
    }
    writeFileAtomically(path, bytes);
}

void saveWeights(const QString& path, MilNet& net)
{
    saveArchiveAtomically(path, [&](torch::serialize::OutputArchive& archive) { net.save(archive); });
}

void loadWeights(const QString& path, MilNet& net, const torch::Device& device)
{
    if (!QFile::exists(path))
        throw Error(QStringLiteral("%1 is missing: the run has no trained weights").arg(path));
    try {
        torch::serialize::InputArchive archive;
        archive.load_from(QFile::encodeName(path).toStdString(), device);
        net.load(archive);
    } catch (const c10::Error& e) {
        throw Error(QStringLiteral("Cannot load %1: the weights are damaged or from another model (%2). Runs "
                                   "trained before SR-MIL matched the published architecture (November 2026) "
                                   "must be trained again.")
                        .arg(path, firstLine(e.what_without_backtrace())));
    }
}

} // namespace tessera::core::nets
