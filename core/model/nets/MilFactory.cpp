#include "MilFactory.h"

#include "AbMilNet.h"
#include "SrMilNet.h"
#include "TransMilNet.h"
#include "common/Error.h"

namespace tessera::core::nets {

std::shared_ptr<MilNet> makeNet(const ModelSpec& spec, int64_t inputDim, int64_t classes)
{
    throwIfAny(spec.problems());
    if (spec.name == QLatin1String("srmil")) {
        SrMilOptions o;
        o.inputDim = inputDim;
        o.classes = classes;
        o.hidden = spec.hidden;
        o.heads = spec.heads;
        o.maskRate = spec.maskRate;
        o.wGen = spec.wGen;
        o.wCe = spec.wCe;
        return std::make_shared<SrMilNet>(o);
    }
    if (spec.name == QLatin1String("abmil")) {
        AbMilOptions o;
        o.inputDim = inputDim;
        o.classes = classes;
        return std::make_shared<AbMilNet>(o);
    }
    TransMilOptions o; // the catalogue's last entry; problems() refused any other name
    o.inputDim = inputDim;
    o.classes = classes;
    return std::make_shared<TransMilNet>(o);
}

} // namespace tessera::core::nets
