#include "RegionRevisions.h"

#include <algorithm>
#include <cmath>

namespace tessera::core {

namespace {

struct CellSpan {
    qint64 c0, r0, c1, r1;
};

CellSpan cellsOf(const QRectF& area)
{
    // Coordinates far beyond any slide (a malformed import) are held to ±2^40 pixels.
    const auto cell = [](double v) {
        return qint64(std::floor(std::clamp(v, -1099511627776.0, 1099511627776.0) / RegionRevisions::kCell));
    };
    return {cell(area.left()), cell(area.top()), cell(area.right()), cell(area.bottom())};
}

quint64 packed(qint64 column, qint64 row)
{
    return (quint64(quint32(qint32(column))) << 32) | quint32(qint32(row));
}

} // namespace

quint64 RegionRevisions::mark(const QRectF& level0Area)
{
    ++m_revision;
    const QRectF area = level0Area.normalized();
    if (!std::isfinite(area.left()) || !std::isfinite(area.right()) || !std::isfinite(area.top()) ||
        !std::isfinite(area.bottom()))
        return markEverything();
    const CellSpan s = cellsOf(area);
    // A change over a huge area is a change everywhere, without a million cells.
    if (s.c1 - s.c0 + 1 > 64 || s.r1 - s.r0 + 1 > 64 || (s.c1 - s.c0 + 1) * (s.r1 - s.r0 + 1) > 4096) {
        m_everything = m_revision;
        return m_revision;
    }
    for (qint64 r = s.r0; r <= s.r1; ++r)
        for (qint64 c = s.c0; c <= s.c1; ++c)
            m_cells.insert(packed(c, r), m_revision);
    return m_revision;
}

quint64 RegionRevisions::markEverything()
{
    m_everything = ++m_revision;
    m_cells.clear(); // all older than m_everything now
    return m_revision;
}

quint64 RegionRevisions::revisionIn(const QRectF& level0Area) const
{
    quint64 latest = m_everything;
    if (m_cells.isEmpty())
        return latest;
    const CellSpan s = cellsOf(level0Area.normalized());
    const double cells = double(s.c1 - s.c0 + 1) * double(s.r1 - s.r0 + 1);
    if (cells > double(m_cells.size())) { // a large area: walk the changed cells instead
        for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
            const qint64 c = qint32(quint32(it.key() >> 32)), r = qint32(quint32(it.key()));
            if (c >= s.c0 && c <= s.c1 && r >= s.r0 && r <= s.r1)
                latest = std::max(latest, it.value());
        }
        return latest;
    }
    for (qint64 r = s.r0; r <= s.r1; ++r)
        for (qint64 c = s.c0; c <= s.c1; ++c)
            if (const auto it = m_cells.constFind(packed(c, r)); it != m_cells.cend())
                latest = std::max(latest, it.value());
    return latest;
}

std::optional<QRectF> RegionRevisions::changedSince(quint64 revision, const QRectF& level0Area) const
{
    if (m_everything > revision)
        return std::nullopt;
    const QRectF area = level0Area.normalized();
    const CellSpan s = cellsOf(area);
    QRectF changed;
    for (auto it = m_cells.cbegin(); it != m_cells.cend(); ++it) {
        if (it.value() <= revision)
            continue;
        const qint64 c = qint32(quint32(it.key() >> 32)), r = qint32(quint32(it.key()));
        if (c >= s.c0 && c <= s.c1 && r >= s.r0 && r <= s.r1)
            changed = changed.united(QRectF(double(c) * kCell, double(r) * kCell, kCell, kCell));
    }
    return changed.isEmpty() ? QRectF() : changed.intersected(area);
}

} // namespace tessera::core
