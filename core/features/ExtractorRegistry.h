// Every way Tessera can turn patches into features, by name: the built-in extractors and
// user-supplied TorchScript encoders. The CLI's --extractor, the training dialog and inference
// (re-creating a run's extractor for a new slide) all ask here.
#pragma once

#include "FeatureExtractor.h"

#include <QStringList>
#include <functional>
#include <memory>
#include <vector>

namespace tessera::core {

struct ExtractorSettings {
    QString device = QStringLiteral("auto");            // as --device: auto, cpu, cuda, cuda:N
    int inputSize = 224;                                // TorchScript input side (patches are resized)
    QString normalization = QStringLiteral("imagenet"); // or "r,g,b/r,g,b" (mean/std of [0, 1] channels)
};

class ExtractorRegistry {
public:
    struct Entry {
        QString name;        // what a user types: "handcrafted", "torchscript"
        QString description; // one line for --help and the dialog
        // True if this entry makes the extractor `spec` names (a name, or a file for encoders).
        std::function<bool(const QString& spec)> accepts;
        std::function<std::unique_ptr<FeatureExtractor>(const QString& spec, const ExtractorSettings&)> make;
    };

    // The built-in entries: "handcrafted" (128-d colour, texture and nuclei statistics; no weights)
    // and TorchScript encoders given as a .pt file.
    static const ExtractorRegistry& builtIn();

    void add(Entry entry);
    const std::vector<Entry>& entries() const { return m_entries; }
    // Throws Error for a spec no entry accepts (listing what would be), or what the entry throws
    // (an unreadable model, a wrong normalization).
    std::unique_ptr<FeatureExtractor> make(const QString& spec, const ExtractorSettings& settings = {}) const;

private:
    std::vector<Entry> m_entries;
};

// The extractor `spec` names, from the built-in registry (an empty spec means "handcrafted").
std::unique_ptr<FeatureExtractor> makeExtractor(const QString& spec, const ExtractorSettings& settings = {});

} // namespace tessera::core
