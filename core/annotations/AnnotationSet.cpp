#include "AnnotationSet.h"

#include <QUndoCommand>
#include <QUndoStack>
#include <QtNumeric>

#include <algorithm>
#include <cmath>

namespace tessera::core {

namespace {

// One command for every kind of edit: the affected annotations before (absent: added) and after
// (absent: removed).
class AnnotationEdit : public QUndoCommand {
public:
    AnnotationEdit(AnnotationSet& set, std::vector<Annotation> before, std::vector<Annotation> after,
                   const QString& text)
        : QUndoCommand(text),
          m_set(set),
          m_before(std::make_shared<const std::vector<Annotation>>(std::move(before))),
          m_after(std::make_shared<const std::vector<Annotation>>(std::move(after)))
    {
    }
    void redo() override { swap(m_before, m_after); }
    void undo() override { swap(m_after, m_before); }

private:
    void swap(const std::shared_ptr<const std::vector<Annotation>>& from,
              const std::shared_ptr<const std::vector<Annotation>>& to)
    {
        QList<QUuid> removals;
        for (const Annotation& a : *from)
            if (std::none_of(to->begin(), to->end(), [&](const Annotation& b) { return b.id == a.id; }))
                removals << a.id;
        m_set.apply(to, removals);
    }

    AnnotationSet& m_set;
    // Shared with whoever saves an edit (lastUpserts()): 100 000 imported shapes are not copied.
    std::shared_ptr<const std::vector<Annotation>> m_before, m_after;
};

double distanceToSegment(QPointF p, QPointF a, QPointF b)
{
    const QPointF d = b - a;
    const double length2 = QPointF::dotProduct(d, d);
    const double t = length2 > 0 ? std::clamp(QPointF::dotProduct(p - a, d) / length2, 0.0, 1.0) : 0.0;
    const QPointF q = a + t * d;
    return std::hypot(p.x() - q.x(), p.y() - q.y());
}

double distanceToOutline(const Geometry& g, QPointF p)
{
    double best = INFINITY;
    const auto ring = [&](const QPolygonF& r, bool closed) {
        for (qsizetype i = 0; i + 1 < r.size(); ++i)
            best = std::min(best, distanceToSegment(p, r[i], r[i + 1]));
        if (closed && r.size() > 2)
            best = std::min(best, distanceToSegment(p, r.back(), r.front()));
        if (r.size() == 1)
            best = std::min(best, std::hypot(p.x() - r[0].x(), p.y() - r[0].y()));
    };
    for (const PolygonPart& part : g.parts) {
        ring(part.outer, true);
        for (const QPolygonF& hole : part.holes)
            ring(hole, true);
    }
    if (g.kind == ShapeKind::Polyline)
        ring(g.points, false);
    else
        for (const QPointF& q : g.points)
            best = std::min(best, std::hypot(p.x() - q.x(), p.y() - q.y()));
    return best;
}

} // namespace

AnnotationSet::AnnotationSet(QUndoStack* undo, QObject* parent) : QObject(parent), m_undo(undo) {}

AnnotationSet::~AnnotationSet() = default;

const Annotation* AnnotationSet::find(const QUuid& id) const
{
    const auto it = m_position.constFind(id);
    return it == m_position.constEnd() ? nullptr : &m_items[*it];
}

void AnnotationSet::ensureIndex() const
{
    if (!m_gridDirty)
        return;
    std::vector<QRectF> bounds;
    bounds.reserve(m_items.size());
    for (const Annotation& a : m_items)
        bounds.push_back(a.geometry.bounds());
    m_grid.rebuild(bounds);
    m_gridDirty = false;
}

std::vector<int> AnnotationSet::indicesIn(const QRectF& level0Area) const
{
    ensureIndex();
    return m_grid.query(level0Area);
}

const QRectF& AnnotationSet::boundsAt(int index) const
{
    ensureIndex();
    return m_grid.bounds(index);
}

const Annotation* AnnotationSet::hit(QPointF level0, double tolerance) const
{
    const QRectF around(level0.x() - tolerance, level0.y() - tolerance, 2 * tolerance, 2 * tolerance);
    const std::vector<int> near = indicesIn(around);
    const Annotation* best = nullptr;
    double bestArea = INFINITY;
    for (auto it = near.rbegin(); it != near.rend(); ++it) {
        const Annotation& a = m_items[size_t(*it)];
        if (!isClassVisible(a.className))
            continue;
        const bool inside = a.geometry.contains(level0);
        if (!inside && distanceToOutline(a.geometry, level0) > tolerance)
            continue;
        // The smallest shape under the pointer wins, so a region inside another can be picked.
        const double area = inside ? a.geometry.area() : 0;
        if (!best || area < bestArea) {
            best = &a;
            bestArea = area;
        }
    }
    return best;
}

void AnnotationSet::add(std::vector<Annotation> annotations, const QString& text)
{
    if (!annotations.empty())
        push({}, std::move(annotations), text);
}

void AnnotationSet::remove(const QList<QUuid>& ids, const QString& text)
{
    std::vector<Annotation> before;
    for (const QUuid& id : ids)
        if (const Annotation* a = find(id))
            before.push_back(*a);
    if (!before.empty())
        push(std::move(before), {}, text);
}

void AnnotationSet::modify(std::vector<Annotation> updated, const QString& text)
{
    std::vector<Annotation> before, after;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (Annotation& a : updated)
        if (const Annotation* old = find(a.id); old && !(*old == a)) {
            before.push_back(*old);
            a.modified = now;
            after.push_back(std::move(a));
        }
    if (!after.empty())
        push(std::move(before), std::move(after), text);
}

void AnnotationSet::push(std::vector<Annotation> before, std::vector<Annotation> after, const QString& text)
{
    auto* command = new AnnotationEdit(*this, std::move(before), std::move(after), text);
    if (m_undo) {
        m_undo->push(command); // runs redo()
    } else {
        command->redo();
        delete command;
    }
}

void AnnotationSet::apply(const std::shared_ptr<const std::vector<Annotation>>& changed,
                          const QList<QUuid>& removals)
{
    const std::vector<Annotation>& upserts = *changed;
    QList<QUuid> upserted, removed;
    for (const QUuid& id : removals) {
        const auto it = m_position.find(id);
        if (it == m_position.end())
            continue;
        const size_t i = *it, last = m_items.size() - 1;
        m_changes.mark(m_items[i].geometry.bounds());
        m_position.erase(it);
        if (i != last) {
            // The last shape takes the removed one's place, and with it its place in the drawing
            // order: where it lies, tiles are drawn anew.
            m_changes.mark(m_items[last].geometry.bounds());
            m_items[i] = std::move(m_items[last]);
            m_position[m_items[i].id] = i;
        }
        m_items.pop_back();
        removed << id;
    }
    // Removals reorder the items: the index is rebuilt. Other edits update it in place.
    bool rebuild = !removed.isEmpty();
    // A large batch (an import) marks the area it covers once, not each shape's cells one by one
    // (100 000 shapes: 25 ms of hashing on the GUI thread).
    const bool large = upserts.size() > kLargeBatch;
    double left = qInf(), top = qInf(), right = -qInf(), bottom = -qInf(); // what it covers
    const auto cover = [&](const QRectF& r) { // points (zero-size bounds) included
        left = std::min(left, r.left());
        top = std::min(top, r.top());
        right = std::max(right, r.right());
        bottom = std::max(bottom, r.bottom());
    };
    if (large) { // (reserving for every small edit would move all items each time)
        m_items.reserve(m_items.size() + upserts.size());
        m_position.reserve(qsizetype(m_items.size() + upserts.size()));
        upserted.reserve(qsizetype(upserts.size()));
    }
    for (const Annotation& a : upserts) {
        const QRectF bounds = a.geometry.bounds();
        if (large)
            cover(bounds);
        else
            m_changes.mark(bounds);
        if (const auto it = m_position.constFind(a.id); it != m_position.constEnd()) {
            if (large)
                cover(m_items[*it].geometry.bounds());
            else
                m_changes.mark(m_items[*it].geometry.bounds());
            m_items[*it] = a;
            rebuild = rebuild || m_gridDirty || !m_grid.replace(int(*it), bounds);
        } else {
            m_position.insert(a.id, m_items.size());
            m_items.push_back(a);
            rebuild = rebuild || m_gridDirty || !m_grid.append(bounds);
        }
        upserted << a.id;
    }
    if (large)
        m_changes.mark(QRectF(QPointF(left, top), QPointF(right, bottom)));
    indexChanged(rebuild);
    m_lastUpserts = changed;
    Q_EMIT edited(upserted, removed);
    m_lastUpserts.reset();
}

void AnnotationSet::preview(const std::vector<Annotation>& changed)
{
    bool rebuild = false;
    for (const Annotation& a : changed)
        if (const auto it = m_position.constFind(a.id); it != m_position.constEnd()) {
            const QRectF bounds = a.geometry.bounds();
            m_changes.mark(m_items[*it].geometry.bounds());
            m_changes.mark(bounds);
            m_items[*it] = a;
            rebuild = rebuild || m_gridDirty || !m_grid.replace(int(*it), bounds);
        }
    indexChanged(rebuild);
    Q_EMIT previewed();
}

void AnnotationSet::reset(std::vector<Annotation> annotations)
{
    m_items = std::move(annotations);
    m_position.clear();
    for (size_t i = 0; i < m_items.size(); ++i)
        m_position.insert(m_items[i].id, i);
    m_changes.markEverything();
    indexChanged(true);
    Q_EMIT wasReset();
}

void AnnotationSet::setClasses(std::vector<AnnotationClass> classes)
{
    m_classes = std::move(classes);
    m_changes.markEverything();
    ++m_revision;
    Q_EMIT classesChanged();
}

QStringList AnnotationSet::mergeClasses(const std::vector<AnnotationClass>& classes)
{
    QStringList added;
    for (AnnotationClass c : classes) {
        if (c.name.isEmpty() || findClass(m_classes, c.name))
            continue;
        if (!c.color.isValid())
            c.color = suggestClassColor(m_classes);
        m_classes.push_back(c);
        added << c.name;
    }
    if (!added.isEmpty()) {
        m_changes.markEverything(); // colours or visibility: every shape may look different
        ++m_revision;
        Q_EMIT classesChanged();
    }
    return added;
}

void AnnotationSet::setClassVisible(const QString& name, bool visible)
{
    if (name.isEmpty() && m_unclassifiedVisible != visible) {
        m_unclassifiedVisible = visible;
        m_changes.markEverything(); // colours or visibility: every shape may look different
        ++m_revision;
        Q_EMIT classesChanged();
    }
    for (AnnotationClass& c : m_classes)
        if (c.name == name && c.visible != visible) {
            c.visible = visible;
            m_changes.markEverything(); // colours or visibility: every shape may look different
            ++m_revision;
            Q_EMIT classesChanged();
        }
}

bool AnnotationSet::isClassVisible(const QString& name) const
{
    if (name.isEmpty())
        return m_unclassifiedVisible;
    const AnnotationClass* c = findClass(m_classes, name);
    return !c || c->visible;
}

void AnnotationSet::indexChanged(bool rebuild)
{
    m_gridDirty = m_gridDirty || rebuild;
    ++m_revision;
}

} // namespace tessera::core
