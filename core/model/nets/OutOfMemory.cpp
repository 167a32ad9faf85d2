#include "OutOfMemory.h"

#include "system/CachingCpuAllocator.h"

#include <QObject>

#include <malloc.h>
#include <new>

namespace tessera::core::nets {

bool isOutOfMemory(const std::exception& error)
{
    if (dynamic_cast<const std::bad_alloc*>(&error))
        return true;
    const QString what = QString::fromUtf8(error.what()).section(QLatin1Char('\n'), 0, 0);
    return what.contains(QLatin1String("can't allocate memory")) ||
           what.contains(QLatin1String("out of memory"), Qt::CaseInsensitive);
}

Error outOfMemory(const QString& doing, const QString& bag, std::int64_t patches, std::int64_t dimension,
                  bool training)
{
    // The failed step's memory is free again but may still be held (our tensor cache, malloc's
    // arenas): give it back so the message itself, and whatever runs next, can be allocated.
    releaseCachedCpuMemory();
    malloc_trim(0);
    const double featureMiB = double(patches) * double(dimension) * 4.0 / (1024.0 * 1024.0);
    const QString advice =
        training
            ? QObject::tr("train with bf16 precision (half the activations), on a GPU, with fewer worker "
                          "processes or threads, or on a machine with more memory")
            : QObject::tr("predict on a GPU, with fewer threads, or on a machine with more memory");
    return Error(QObject::tr("Out of memory %1 %2: the bag has %3 patches × %4 features (%5 MiB of features "
                             "alone) and this process could not get the memory for its step. To fit, %6.")
                     .arg(doing, bag)
                     .arg(patches)
                     .arg(dimension)
                     .arg(featureMiB, 0, 'f', 0)
                     .arg(advice));
}

} // namespace tessera::core::nets
