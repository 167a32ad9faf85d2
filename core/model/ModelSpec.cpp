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

std::vector<FieldProblem> ModelSpec::problems() const
{
    std::vector<FieldProblem> found;
    if (!findModel(name))
        found.push_back({QStringLiteral("model"), QStringLiteral("unknown model '%1' (known: %2)")
                                                      .arg(name, modelNames().join(QStringLiteral(", ")))});
    if (!(wGen >= 0 && wGen <= 2))
        found.push_back({QStringLiteral("w_gen"),
                         QStringLiteral("the reconstruction weight must lie in [0, 2] (got %1)").arg(wGen)});
    if (!(wCe >= 0 && wCe <= 2))
        found.push_back(
            {QStringLiteral("w_ce"),
             QStringLiteral("the full-graph classification weight must lie in [0, 2] (got %1)").arg(wCe)});
    if (!(maskRate > 0 && maskRate < 1))
        found.push_back(
            {QStringLiteral("mask_rate"),
             QStringLiteral("the mask rate must lie strictly between 0 and 1 (got %1)").arg(maskRate)});
    if (hidden < 1)
        found.push_back({QStringLiteral("hidden"),
                         QStringLiteral("the hidden size must be at least 1 (got %1)").arg(hidden)});
    if (heads < 1)
        found.push_back({QStringLiteral("heads"),
                         QStringLiteral("the number of heads must be at least 1 (got %1)").arg(heads)});
    return found;
}

void ModelSpec::writeTo(QJsonObject& json) const
{
    json[QStringLiteral("model")] = name;
    json[QStringLiteral("hidden")] = hidden;
    json[QStringLiteral("heads")] = heads;
    json[QStringLiteral("mask_rate")] = maskRate;
    json[QStringLiteral("w_gen")] = wGen;
    json[QStringLiteral("w_ce")] = wCe;
}

ModelSpec ModelSpec::readFrom(const QJsonObject& json)
{
    ModelSpec s;
    s.name = json[QStringLiteral("model")].toString(s.name);
    s.hidden = json[QStringLiteral("hidden")].toInt(s.hidden);
    s.heads = json[QStringLiteral("heads")].toInt(s.heads);
    s.maskRate = json[QStringLiteral("mask_rate")].toDouble(s.maskRate);
    s.wGen = json[QStringLiteral("w_gen")].toDouble(s.wGen);
    s.wCe = json[QStringLiteral("w_ce")].toDouble(s.wCe);
    return s;
}

} // namespace tessera::core
