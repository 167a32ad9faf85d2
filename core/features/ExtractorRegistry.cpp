#include "ExtractorRegistry.h"

#include "HandcraftedExtractor.h"
#include "TorchScriptExtractor.h"
#include "common/Error.h"

#include <QFileInfo>

namespace tessera::core {

namespace {

const QString kHandcrafted = QStringLiteral("handcrafted");

// "imagenet" or "mean_r,mean_g,mean_b/std_r,std_g,std_b"; throws Error.
void parseNormalization(const QString& text, TorchScriptOptions& options)
{
    if (text == QLatin1String("imagenet"))
        return;
    const QStringList parts = text.split(QLatin1Char('/'));
    bool ok = parts.size() == 2;
    for (int p = 0; ok && p < 2; ++p) {
        const QStringList values = parts[p].split(QLatin1Char(','));
        ok = values.size() == 3;
        for (int c = 0; ok && c < 3; ++c) {
            const float v = values[c].toFloat(&ok);
            (p == 0 ? options.mean : options.std)[std::size_t(c)] = v;
            ok = ok && (p == 0 || v > 0);
        }
    }
    if (!ok)
        throw Error(QStringLiteral("The input normalization must be 'imagenet' or "
                                   "'mean_r,mean_g,mean_b/std_r,std_g,std_b' with positive std (got '%1')")
                        .arg(text));
}

ExtractorRegistry makeBuiltIn()
{
    ExtractorRegistry registry;
    registry.add({kHandcrafted,
                  QStringLiteral("128-d colour, stain, texture and nuclei statistics; needs no weights"),
                  [](const QString& spec) { return spec.isEmpty() || spec == kHandcrafted; },
                  [](const QString&, const ExtractorSettings&) -> std::unique_ptr<FeatureExtractor> {
                      return std::make_unique<HandcraftedExtractor>();
                  }});
    registry.add({QStringLiteral("torchscript"),
                  QStringLiteral("any TorchScript image encoder (.pt): [B,3,S,S] in, [B,D] out"),
                  [](const QString& spec) { return QFileInfo(spec).isFile(); },
                  [](const QString& spec, const ExtractorSettings& s) -> std::unique_ptr<FeatureExtractor> {
                      TorchScriptOptions options;
                      options.device = s.device;
                      options.inputSize = s.inputSize;
                      parseNormalization(s.normalization, options);
                      return std::make_unique<TorchScriptExtractor>(spec, options);
                  }});
    return registry;
}

} // namespace

const ExtractorRegistry& ExtractorRegistry::builtIn()
{
    static const ExtractorRegistry registry = makeBuiltIn();
    return registry;
}

void ExtractorRegistry::add(Entry entry)
{
    m_entries.push_back(std::move(entry));
}

std::unique_ptr<FeatureExtractor> ExtractorRegistry::make(const QString& spec,
                                                          const ExtractorSettings& settings) const
{
    for (const Entry& entry : m_entries)
        if (entry.accepts(spec))
            return entry.make(spec, settings);
    QStringList known;
    for (const Entry& entry : m_entries)
        known << entry.name;
    throw Error(QStringLiteral("Unknown extractor '%1': use 'handcrafted' or the path of a TorchScript (.pt) "
                               "file (extractors: %2)")
                    .arg(spec, known.join(QStringLiteral(", "))));
}

std::unique_ptr<FeatureExtractor> makeExtractor(const QString& spec, const ExtractorSettings& settings)
{
    return ExtractorRegistry::builtIn().make(spec, settings);
}

} // namespace tessera::core
