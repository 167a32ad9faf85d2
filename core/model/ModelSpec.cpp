#include "ModelSpec.h"

namespace tessera::core {

const std::vector<ModelInfo>& modelCatalogue()
{
    static const std::vector<ModelInfo> models{
        {QStringLiteral("srmil"), QStringLiteral("SR-MIL"),
         QStringLiteral("spatially regularized MIL: GAT encoder, supernode classifier and masked "
                        "reconstruction from spatial neighbours"),
         true},
        {QStringLiteral("abmil"), QStringLiteral("ABMIL"),
         QStringLiteral("gated attention MIL (Ilse et al. 2018)"), false},
        {QStringLiteral("transmil"), QStringLiteral("TransMIL"),
         QStringLiteral("transformer MIL with a positional convolution (Shao et al. 2021)"), false},
    };
    return models;
}

QStringList modelNames()
{
    QStringList names;
    for (const ModelInfo& m : modelCatalogue())
        names << m.name;
    return names;
}

std::optional<ModelInfo> findModel(const QString& name)
{
    for (const ModelInfo& m : modelCatalogue())
        if (m.name == name)
            return m;
    return std::nullopt;
}

} // namespace tessera::core
