#include "MilFactory.h"

#include "AbMilNet.h"
#include "SrMilNet.h"
#include "TransMilNet.h"
#include "common/Error.h"

namespace tessera::core::nets {

std::shared_ptr<MilNet> makeNet(const TrainConfig& config, int64_t inputDim, int64_t classes)
{
    if (config.model == QLatin1String("srmil")) {
        SrMilOptions o;
        o.inputDim = inputDim;
        o.classes = classes;
        o.hidden = config.hidden;
        o.heads = config.heads;
        o.maskRate = config.maskRate;
        o.wGen = config.wGen;
        o.wCe = config.wCe;
        return std::make_shared<SrMilNet>(o);
    }
    if (config.model == QLatin1String("abmil")) {
        AbMilOptions o;
        o.inputDim = inputDim;
        o.classes = classes;
        return std::make_shared<AbMilNet>(o);
    }
    if (config.model == QLatin1String("transmil")) {
        TransMilOptions o;
        o.inputDim = inputDim;
        o.classes = classes;
        return std::make_shared<TransMilNet>(o);
    }
    throw Error(QStringLiteral("Unknown model '%1': use srmil, abmil or transmil").arg(config.model));
}

} // namespace tessera::core::nets
