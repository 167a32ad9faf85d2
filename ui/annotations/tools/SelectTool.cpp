#include "SelectTool.h"

#include "document/AnnotationLayer.h"
#include "document/AnnotationSelection.h"
#include "annotations/AnnotationSet.h"
#include "document/SlideDocument.h"
#include "viewer/SlideView.h"
#include "canvas/ViewTransform.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>

#include <cmath>

namespace tessera::ui {

int SelectTool::handleAt(QPointF widget) const
{
    SlideDocument* doc = document();
    if (!doc || doc->selection().ids().size() != 1)
        return -1;
    const core::Annotation* a = doc->annotations().find(doc->selection().ids().front());
    if (!a || !a->editable())
        return -1;
    const std::vector<QPointF> vertices = a->geometry.vertices();
    for (int i = 0; i < int(vertices.size()); ++i) {
        const QPointF d = view()->transform().level0ToWidget(vertices[size_t(i)]) - widget;
        if (std::abs(d.x()) <= AnnotationLayer::kHandleRadius &&
            std::abs(d.y()) <= AnnotationLayer::kHandleRadius)
            return i;
    }
    return -1;
}

bool SelectTool::mousePress(QMouseEvent* event)
{
    SlideDocument* doc = document();
    if (!doc || event->button() != Qt::LeftButton)
        return false;
    m_pressWidget = event->position();
    m_pressLevel0 = m_nowLevel0 = level0At(event->position());
    AnnotationSelection& selection = doc->selection();
    const auto remember = [&] {
        m_original.clear();
        for (const QUuid& id : selection.ids())
            if (const core::Annotation* a = doc->annotations().find(id); a && a->editable())
                m_original.push_back(*a);
    };
    if ((m_vertex = handleAt(event->position())) >= 0) {
        remember();
        m_drag = Drag::Vertex;
        return true;
    }
    const double tolerance = 4 / view()->transform().scale(); // four screen pixels
    const core::Annotation* hit = doc->annotations().hit(m_pressLevel0, tolerance);
    const bool shift = event->modifiers() & Qt::ShiftModifier;
    if (!hit) {
        if (!shift)
            selection.clear();
        m_drag = Drag::Band;
        return true;
    }
    if (shift)
        selection.toggle(hit->id);
    else if (!selection.contains(hit->id))
        selection.set({hit->id});
    remember();
    m_drag = selection.contains(hit->id) ? Drag::Move : Drag::None;
    return true;
}

bool SelectTool::mouseMove(QMouseEvent* event)
{
    if (m_drag == Drag::None)
        return false;
    m_nowLevel0 = level0At(event->position());
    SlideDocument* doc = document();
    if (m_drag == Drag::Move || m_drag == Drag::Vertex) {
        // Shown live without touching the undo stack; the release makes it one edit.
        std::vector<core::Annotation> live = m_original;
        for (core::Annotation& a : live)
            a.geometry = m_drag == Drag::Move ? a.geometry.translated(m_nowLevel0 - m_pressLevel0)
                                              : a.geometry.withVertex(m_vertex, m_nowLevel0);
        doc->annotations().preview(live);
    }
    repaint();
    return true;
}

bool SelectTool::mouseRelease(QMouseEvent* event)
{
    if (m_drag == Drag::None || event->button() != Qt::LeftButton)
        return false;
    SlideDocument* doc = document();
    const Drag drag = std::exchange(m_drag, Drag::None);
    m_nowLevel0 = level0At(event->position());
    if (drag == Drag::Band) {
        const QRectF band = QRectF(m_pressLevel0, m_nowLevel0).normalized();
        const QRectF onScreen = view()->transform().level0ToWidget(band);
        if (onScreen.width() >= 3 || onScreen.height() >= 3) {
            QList<QUuid> picked =
                (event->modifiers() & Qt::ShiftModifier) ? doc->selection().ids() : QList<QUuid>{};
            for (int i : doc->annotations().indicesIn(band)) {
                const core::Annotation& a = doc->annotations().annotations()[size_t(i)];
                const QRectF b = a.geometry.bounds(); // a point's bounds are empty: test its corners
                if (band.contains(b.topLeft()) && band.contains(b.bottomRight()) &&
                    doc->annotations().isClassVisible(a.className) && !picked.contains(a.id))
                    picked << a.id;
            }
            doc->selection().set(picked);
        }
    } else if (!m_original.empty()) {
        std::vector<core::Annotation> moved = m_original;
        bool sound = true;
        for (core::Annotation& a : moved) {
            a.geometry = drag == Drag::Move ? a.geometry.translated(m_nowLevel0 - m_pressLevel0)
                                            : a.geometry.withVertex(m_vertex, m_nowLevel0);
            sound = sound && !a.geometry.problem();
        }
        // Back to where the drag began, then the change as one undoable edit (or none, when a
        // reshaped ring would cross itself).
        doc->annotations().preview(m_original);
        if (sound)
            doc->annotations().modify(moved, drag == Drag::Move ? tr("Move Annotation") : tr("Edit Vertex"));
    }
    m_original.clear();
    repaint();
    return true;
}

bool SelectTool::keyPress(QKeyEvent* event)
{
    if (event->matches(QKeySequence::Delete) || event->key() == Qt::Key_Backspace) {
        deleteSelection();
        return true;
    }
    if (event->key() == Qt::Key_D && (event->modifiers() & Qt::ControlModifier)) {
        duplicateSelection();
        return true;
    }
    if (event->key() == Qt::Key_Escape && document()) {
        document()->selection().clear();
        return true;
    }
    return false;
}

void SelectTool::deleteSelection()
{
    SlideDocument* doc = document();
    if (!doc)
        return;
    QList<QUuid> removable;
    for (const QUuid& id : doc->selection().ids())
        if (const core::Annotation* a = doc->annotations().find(id); a && !a->locked)
            removable << id;
    doc->annotations().remove(removable, tr("Delete Annotations"));
}

void SelectTool::duplicateSelection()
{
    SlideDocument* doc = document();
    if (!doc)
        return;
    const double offset = 20 / view()->transform().scale(); // twenty screen pixels down and right
    std::vector<core::Annotation> copies;
    QList<QUuid> ids;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QUuid& id : doc->selection().ids())
        if (const core::Annotation* a = doc->annotations().find(id)) {
            core::Annotation copy = *a;
            copy.id = QUuid::createUuid();
            copy.geometry = a->geometry.translated({offset, offset});
            copy.detection = copy.locked = false;
            copy.created = copy.modified = now;
            copies.push_back(copy);
            ids << copy.id;
        }
    doc->annotations().add(copies, tr("Duplicate Annotations"));
    doc->selection().set(ids);
}

void SelectTool::paint(QPainter& painter, const ViewTransform& view) const
{
    if (m_drag != Drag::Band)
        return;
    const QRectF r = view.level0ToWidget(QRectF(m_pressLevel0, m_nowLevel0).normalized());
    painter.setPen(QPen(QColor(40, 120, 220), 1, Qt::DashLine));
    painter.setBrush(QColor(40, 120, 220, 40));
    painter.drawRect(r);
}

} // namespace tessera::ui
