// Where on a slide things changed, and when: a coarse grid of level-0 cells, each holding the
// revision of the last change that touched it. A cache of what is drawn over an area (a decorated
// tile) keys on revisionIn(area), so an edit invalidates only the areas it touched.
#pragma once

#include <QHash>
#include <QRectF>
#include <optional>

namespace tessera::core {

class RegionRevisions {
public:
    // A change within `level0Area` (its outline included); returns the new revision.
    quint64 mark(const QRectF& level0Area);
    // A change that touches everything (a reset, a new colour for a class).
    quint64 markEverything();
    // The revision of the last change that touched `level0Area`; 0 when none has.
    quint64 revisionIn(const QRectF& level0Area) const;
    quint64 revision() const { return m_revision; }
    // The part of `level0Area` changed after `revision`: the cells' bounds clipped to the area,
    // an empty rectangle when nothing there changed, nullopt after a change of everything.
    std::optional<QRectF> changedSince(quint64 revision, const QRectF& level0Area) const;

    // Level-0 pixels: a tile's size at full resolution, so that a change marks no more of a tile
    // than it touches, yet a large shape marks a few hundred cells, not millions.
    static constexpr double kCell = 256;

private:
    quint64 m_revision = 0;
    quint64 m_everything = 0;
    QHash<quint64, quint64> m_cells; // (column, row) packed → revision
};

} // namespace tessera::core
