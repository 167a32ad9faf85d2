#include "AnnotationLayer.h"

#include "AnnotationSelection.h"
#include "annotations/AnnotationSet.h"
#include "canvas/ViewTransform.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>

#include <functional>
#include <map>

namespace tessera::ui {

namespace {

// Draws `g` through `map` (level-0 → target pixels).
void drawGeometry(QPainter& p, const core::Geometry& g, const std::function<QPointF(QPointF)>& map,
                  double pointRadius)
{
    const auto mapped = [&](const QPolygonF& ring) {
        QPolygonF out;
        out.reserve(ring.size());
        for (const QPointF& q : ring)
            out << map(q);
        return out;
    };
    if (g.parts.size() == 1 && g.parts.front().holes.empty()) {
        p.drawPolygon(mapped(g.parts.front().outer)); // the common case, without a path
    } else if (g.hasArea()) {
        QPainterPath path;
        path.setFillRule(Qt::OddEvenFill);
        for (const core::PolygonPart& part : g.parts) {
            path.addPolygon(mapped(part.outer));
            path.closeSubpath();
            for (const QPolygonF& hole : part.holes) {
                path.addPolygon(mapped(hole));
                path.closeSubpath();
            }
        }
        p.drawPath(path);
    } else if (g.kind == core::ShapeKind::Polyline) {
        p.drawPolyline(mapped(g.points));
    } else {
        const QBrush brush = p.brush();
        p.setBrush(p.pen().color());
        for (const QPointF& q : g.points)
            p.drawEllipse(map(q), pointRadius, pointRadius);
        p.setBrush(brush);
    }
}

} // namespace

AnnotationLayer::AnnotationLayer(const core::AnnotationSet& annotations, const AnnotationSelection& selection,
                                 QObject* parent)
    : Layer(tr("Annotations"), parent), m_annotations(annotations), m_selection(selection)
{
    connect(&annotations, &core::AnnotationSet::edited, this, &Layer::changed);
    connect(&annotations, &core::AnnotationSet::wasReset, this, &Layer::changed);
    connect(&annotations, &core::AnnotationSet::previewed, this, &Layer::changed);
    connect(&annotations, &core::AnnotationSet::classesChanged, this, &Layer::changed);
    connect(&selection, &AnnotationSelection::changed, this, &AnnotationLayer::selectionChanged);
}

void AnnotationLayer::selectionChanged()
{
    const QSet<QUuid> now(m_selection.ids().cbegin(), m_selection.ids().cend());
    const auto mark = [this](const QUuid& id) {
        if (const core::Annotation* a = m_annotations.find(id))
            m_selectionChanges.mark(a->geometry.bounds());
    };
    for (const QUuid& id : now)
        if (!m_inTiles.contains(id))
            mark(id); // newly selected: it leaves the tiles
    for (const QUuid& id : std::as_const(m_inTiles))
        if (!now.contains(id))
            mark(id); // deselected: it returns to them
    m_inTiles = now;
    Q_EMIT changed();
}

bool AnnotationLayer::blendsIntoTiles() const
{
    return m_annotations.size() > 0;
}

size_t AnnotationLayer::contentKey(const QRectF& level0Area, const QSizeF& tilePixels) const
{
    // The area blendInto() reads: the tile and the margin its outlines and dots reach beyond it.
    const double margin = 4 * level0Area.width() / std::max(1.0, tilePixels.width());
    const QRectF read = level0Area.adjusted(-margin, -margin, margin, margin);
    return qHashMulti(0, m_annotations.revisionIn(read), m_selectionChanges.revisionIn(read));
}

LayerStamp AnnotationLayer::stamp() const
{
    return {m_annotations.changes().revision(), m_selectionChanges.revision()};
}

std::optional<QRectF> AnnotationLayer::changedSince(const LayerStamp& since, const QRectF& level0Area,
                                                    const QSizeF& tilePixels) const
{
    // Outlines and dots reach a few tile pixels beyond a shape's bounds, both ways.
    const double margin = 4 * level0Area.width() / std::max(1.0, tilePixels.width());
    const QRectF read = level0Area.adjusted(-margin, -margin, margin, margin);
    const std::optional<QRectF> edits = m_annotations.changes().changedSince(since.first, read);
    const std::optional<QRectF> selection = m_selectionChanges.changedSince(since.second, read);
    if (!edits || !selection)
        return std::nullopt;
    const QRectF changed = edits->united(*selection);
    return changed.isEmpty() ? QRectF()
                             : changed.adjusted(-margin, -margin, margin, margin).intersected(level0Area);
}

void AnnotationLayer::blendInto(QPainter& painter, const QRectF& level0Area, const QSizeF& tilePixels) const
{
    const double sx = tilePixels.width() / level0Area.width(), sy = tilePixels.height() / level0Area.height();
    const auto map = [&](QPointF q) {
        return QPointF((q.x() - level0Area.left()) * sx, (q.y() - level0Area.top()) * sy);
    };
    // Reach a little beyond the tile (or the part of it being redrawn) so outlines and dots of
    // shapes on its edge are not cut.
    const double margin = 4 / sx;
    QRectF drawn = level0Area;
    if (painter.hasClipping()) {
        const QRectF clip = painter.clipBoundingRect();
        drawn = QRectF(level0Area.left() + clip.left() / sx, level0Area.top() + clip.top() / sy,
                       clip.width() / sx, clip.height() / sy);
    }
    const std::vector<int> near = m_annotations.indicesIn(drawn.adjusted(-margin, -margin, margin, margin));
    const auto& all = m_annotations.annotations();
    // Colours and visibility per class, looked up once per tile rather than per annotation.
    QHash<QString, std::pair<QColor, bool>> byClass;
    const auto style = [&](const core::Annotation& a) {
        auto it = byClass.find(a.className);
        if (it == byClass.end()) {
            core::Annotation plain;
            plain.className = a.className;
            it = byClass.insert(a.className, {core::displayColor(plain, m_annotations.classes()),
                                              m_annotations.isClassVisible(a.className)});
        }
        return std::pair<QColor, bool>{a.color.isValid() ? a.color : it->first, it->second};
    };
    // Shapes below a few pixels are dots, drawn first without antialiasing (100 000 of them in
    // tens of milliseconds); the rest are outlined and tinted.
    // Dots are gathered per colour and filled in one call each: thousands of single fills cost
    // more than the dots themselves.
    std::vector<int> shapes;
    std::map<QRgb, QList<QRect>> dots; // ordered: the same overlaps in every session
    const bool anySelected = !m_selection.isEmpty();
    for (int i : near) {
        const core::Annotation& a = all[size_t(i)];
        if (anySelected && m_selection.contains(a.id))
            continue;
        const auto [color, visible] = style(a);
        if (!visible)
            continue;
        const QRectF& bounds = m_annotations.boundsAt(i);
        if (bounds.width() * sx < 3 && bounds.height() * sy < 3) {
            const QPointF c = map(bounds.center());
            dots[color.rgba()].append(QRect(int(c.x()) - 1, int(c.y()) - 1, 2, 2));
        } else {
            shapes.push_back(i);
        }
    }
    painter.setRenderHint(QPainter::Antialiasing, false);
    painter.setPen(Qt::NoPen);
    for (const auto& [rgba, rects] : dots) {
        painter.setBrush(QColor::fromRgba(rgba));
        painter.drawRects(rects.constData(), int(rects.size()));
    }
    painter.setRenderHint(QPainter::Antialiasing);
    for (int i : shapes) {
        const core::Annotation& a = all[size_t(i)];
        const QColor color = style(a).first;
        // Antialiasing is worth its cost only where a shape is large enough to show its edges.
        const QRectF& b = m_annotations.boundsAt(i);
        painter.setRenderHint(QPainter::Antialiasing, b.width() * sx > 24 || b.height() * sy > 24);
        QPen pen(color, a.detection ? 1 : 2);
        pen.setCosmetic(true);
        painter.setPen(pen);
        QColor fill = color;
        fill.setAlpha(a.detection ? 60 : 30);
        painter.setBrush(fill);
        drawGeometry(painter, a.geometry, map, 3);
    }
}

void AnnotationLayer::paint(QPainter& painter, const ViewTransform& view) const
{
    if (m_selection.isEmpty())
        return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const auto map = [&](QPointF q) { return view.level0ToWidget(q); };
    for (const QUuid& id : m_selection.ids()) {
        const core::Annotation* a = m_annotations.find(id);
        if (!a)
            continue;
        const QColor color = core::displayColor(*a, m_annotations.classes());
        QPen halo(QColor(255, 255, 255, 220), 5);
        painter.setPen(halo);
        painter.setBrush(Qt::NoBrush);
        drawGeometry(painter, a->geometry, map, 5);
        QPen pen(color, 2.5);
        painter.setPen(pen);
        QColor fill = color;
        fill.setAlpha(50);
        painter.setBrush(fill);
        drawGeometry(painter, a->geometry, map, 5);
        if (m_selection.ids().size() == 1 && a->editable() && a->geometry.vertexCount() <= 2000) {
            painter.setPen(QPen(Qt::black, 1));
            painter.setBrush(Qt::white);
            for (const QPointF& v : a->geometry.vertices())
                painter.drawRect(QRectF(map(v) - QPointF(kHandleRadius - 1, kHandleRadius - 1),
                                        QSizeF(2 * kHandleRadius - 2, 2 * kHandleRadius - 2)));
        }
    }
    painter.restore();
}

} // namespace tessera::ui
