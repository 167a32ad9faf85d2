#include "ViewLink.h"

#include "viewer/SlideView.h"

#include <QScopedValueRollback>
#include <algorithm>
#include <cmath>

namespace tessera::ui {

ViewLink::ViewLink(QObject* parent) : QObject(parent) {}

void ViewLink::add(SlideView* view)
{
    if (std::any_of(m_members.begin(), m_members.end(), [view](const Member& m) { return m.view == view; }))
        return;
    m_members.push_back({view, true, QTransform()});
    connect(view, &SlideView::viewChanged, this, [this, view] { viewMoved(view); });
    connect(view, &SlideView::cursorMoved, this, [this, view](QPointF at, bool inside) {
        cursorAt(view, inside ? std::optional(at) : std::nullopt);
    });
    connect(view, &SlideView::cursorLeft, this, [this, view] { cursorAt(view, std::nullopt); });
    connect(view, &QObject::destroyed, this, [this, view] { remove(view); });
}

void ViewLink::remove(SlideView* view)
{
    m_members.removeIf([view](const Member& m) { return m.view == view; });
    disconnect(view, nullptr, this, nullptr);
}

void ViewLink::setLinked(SlideView* view, bool linked)
{
    for (Member& member : m_members)
        if (member.view == view && member.linked != linked) {
            member.linked = linked;
            if (!linked) {
                view->setLinkedCursor(std::nullopt);
                return;
            }
            // Rejoining: to where the others are, not the other way round.
            for (const SlideView* other : linkedViews())
                if (other != view) {
                    const QScopedValueRollback guard(m_moving, true);
                    place(view, other);
                    break;
                }
            return;
        }
}

bool ViewLink::isLinked(const SlideView* view) const
{
    return std::any_of(m_members.begin(), m_members.end(),
                       [view](const Member& m) { return m.view == view && m.linked; });
}

const ViewLink::Member* ViewLink::member(const SlideView* view) const
{
    for (const Member& m : m_members)
        if (m.view == view)
            return &m;
    return nullptr;
}

void ViewLink::setPlacement(SlideView* view, const QTransform& placement)
{
    for (Member& m : m_members)
        if (m.view == view)
            m.placement = placement;
    // Straight onto the others' place through the new placement.
    for (const SlideView* other : linkedViews())
        if (other != view && isLinked(view)) {
            const QScopedValueRollback guard(m_moving, true);
            place(view, other);
            break;
        }
}

QTransform ViewLink::placement(const SlideView* view) const
{
    const Member* m = member(view);
    return m ? m->placement : QTransform();
}

namespace {

// How many of the view's level-0 pixels one common pixel spans (the placement's linear scale).
double areaScale(const QTransform& placement)
{
    return std::sqrt(std::abs(placement.determinant()));
}

} // namespace

void ViewLink::place(SlideView* view, const SlideView* leader)
{
    const QTransform from = placement(leader), to = placement(view);
    if (from.isIdentity() && to.isIdentity()) {
        follow(view, leader);
        return;
    }
    const QPointF common = from.inverted().map(leader->centre());
    const double scale = leader->scale() * areaScale(from) / std::max(areaScale(to), 1e-12);
    view->setView(to.map(common), scale);
}

void ViewLink::follow(SlideView* view, const SlideView* leader)
{
    if (view->centre() != leader->centre() || view->scale() != leader->scale())
        view->setView(leader->centre(), leader->scale());
}

QList<SlideView*> ViewLink::linkedViews() const
{
    QList<SlideView*> views;
    for (const Member& member : m_members)
        if (member.linked)
            views << member.view;
    return views;
}

void ViewLink::viewMoved(SlideView* leader)
{
    if (m_moving || !isLinked(leader))
        return;
    // A pane being resized keeps its place; only the first view (the tab's own, refitting to its
    // new size) leads then.
    if (leader->isResizing() && m_members.front().view != leader)
        return;
    const QScopedValueRollback guard(m_moving, true);
    for (SlideView* view : linkedViews())
        if (view != leader)
            place(view, leader);
}

void ViewLink::cursorAt(SlideView* from, std::optional<QPointF> level0)
{
    if (!isLinked(from))
        return;
    const QTransform toCommon = placement(from).inverted();
    for (SlideView* view : linkedViews())
        view->setLinkedCursor(view == from || !level0
                                  ? std::nullopt
                                  : std::optional(placement(view).map(toCommon.map(*level0))));
}

} // namespace tessera::ui
