#include "PatchLabels.h"

#include <QHash>

#include <algorithm>
#include <bit>
#include <cmath>

namespace tessera::core {

namespace {

constexpr int kSamples = 8; // per side: 64 points, one bit each

// Class names as compared: case aside, and QuPath's "Tumor" the same as "tumour".
QString comparable(const QString& name)
{
    return name.toCaseFolded().replace(QStringLiteral("tumour"), QStringLiteral("tumor"));
}

quint64 cellKey(std::int64_t column, std::int64_t row)
{
    return (quint64(quint32(qint32(column))) << 32) | quint32(qint32(row));
}

} // namespace

int PatchLabelling::labelled() const
{
    return int(std::count_if(labels.begin(), labels.end(), [](int l) { return l != kUnlabelled; }));
}

bool sameClassName(const QString& annotationClass, const QString& labelClass)
{
    return comparable(annotationClass) == comparable(labelClass);
}

PatchLabelling labelPatches(const std::vector<Annotation>& annotations, const QStringList& classNames,
                            const std::vector<std::int64_t>& coords, int patchSize, double share)
{
    const std::size_t n = coords.size() / 2;
    PatchLabelling out;
    out.labels.assign(n, PatchLabelling::kUnlabelled);
    out.patchesPerClass.assign(std::size_t(classNames.size()), 0);
    if (n == 0 || patchSize <= 0)
        return out;
    // Patches by their grid cell (the patch grid is regular; a patch's corner names its cell).
    QHash<quint64, std::size_t> patchAt;
    patchAt.reserve(qsizetype(n));
    for (std::size_t i = 0; i < n; ++i)
        patchAt.insert(cellKey(coords[2 * i] / patchSize, coords[2 * i + 1] / patchSize), i);
    // Per patch and class, the sample points covered (a union, so overlapping shapes of one class
    // count once).
    QHash<std::size_t, std::vector<quint64>> covered;
    const double step = double(patchSize) / kSamples;
    for (const Annotation& a : annotations) {
        if (!a.geometry.hasArea())
            continue;
        const auto cls = std::find_if(classNames.begin(), classNames.end(),
                                      [&](const QString& name) { return sameClassName(a.className, name); });
        if (cls == classNames.end()) {
            // QuPath's "ignored" classes (Ignore*, Region*, …) are meant to label nothing.
            if (!a.className.endsWith(QLatin1Char('*')) && !out.unmatchedClasses.contains(a.className))
                out.unmatchedClasses << a.className;
            continue;
        }
        const auto c = std::size_t(cls - classNames.begin());
        const QRectF b = a.geometry.bounds();
        const auto first = [&](double v) { return std::int64_t(std::floor(v / patchSize)); };
        // One cell more on the low side: a grid whose origin is not a multiple of the patch size
        // has its patches' corners up to a patch left of and above the cell a point falls in.
        for (std::int64_t row = first(b.top()) - 1; row <= first(b.bottom()); ++row)
            for (std::int64_t column = first(b.left()) - 1; column <= first(b.right()); ++column) {
                const auto it = patchAt.constFind(cellKey(column, row));
                if (it == patchAt.constEnd())
                    continue;
                const std::size_t i = *it;
                std::vector<quint64>& masks = covered[i];
                masks.resize(std::size_t(classNames.size()), 0);
                for (int sy = 0; sy < kSamples; ++sy)
                    for (int sx = 0; sx < kSamples; ++sx) {
                        const quint64 bit = quint64(1) << (sy * kSamples + sx);
                        if (masks[c] & bit)
                            continue;
                        const QPointF p{double(coords[2 * i]) + (sx + 0.5) * step,
                                        double(coords[2 * i + 1]) + (sy + 0.5) * step};
                        if (a.geometry.contains(p))
                            masks[c] |= bit;
                    }
            }
    }
    const int needed = int(std::ceil(share * kSamples * kSamples - 1e-9));
    for (auto it = covered.constBegin(); it != covered.constEnd(); ++it) {
        int best = PatchLabelling::kUnlabelled, bestCount = 0;
        bool tie = false;
        for (std::size_t c = 0; c < it->size(); ++c) {
            const int count = std::popcount((*it)[c]);
            if (count > bestCount) {
                best = int(c);
                bestCount = count;
                tie = false;
            } else if (count == bestCount && count > 0) {
                tie = true;
            }
        }
        if (best != PatchLabelling::kUnlabelled && !tie && bestCount >= needed) {
            out.labels[it.key()] = best;
            ++out.patchesPerClass[std::size_t(best)];
        }
    }
    return out;
}

} // namespace tessera::core
