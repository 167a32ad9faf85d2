// The annotations of one open slide and their classes: every edit (add, delete, move, reshape,
// reclassify, duplicate) is one undoable command on the slide's QUndoStack; undo and redo emit
// the same `edited` signal as the edit itself, so storage and views follow both alike.
#pragma once

#include "Annotation.h"
#include "RegionRevisions.h"
#include "SpatialGrid.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QUuid>

class QUndoStack;

namespace tessera::core {

class AnnotationSet : public QObject {
    Q_OBJECT
public:
    // Edits are pushed on `undo` (not owned); without one they apply at once, not undoable.
    explicit AnnotationSet(QUndoStack* undo = nullptr, QObject* parent = nullptr);
    ~AnnotationSet() override;

    const std::vector<Annotation>& annotations() const { return m_items; }
    int size() const { return int(m_items.size()); }
    const Annotation* find(const QUuid& id) const;
    // Annotations whose bounds meet `level0Area`, as indices into annotations().
    std::vector<int> indicesIn(const QRectF& level0Area) const;
    // The bounds of annotations()[index], kept with the index (no walk over the vertices).
    const QRectF& boundsAt(int index) const;
    // The topmost (last added) editable-or-not annotation containing or within `tolerance` of p.
    const Annotation* hit(QPointF level0, double tolerance) const;
    // Bumped by every change, for caches of what the set draws.
    quint64 revision() const { return m_revision; }
    // The revision of the last change that touched `level0Area` (a shape there added, moved
    // away, moved in, removed or restyled): a decorated tile elsewhere stays valid.
    quint64 revisionIn(const QRectF& level0Area) const { return m_changes.revisionIn(level0Area); }
    const RegionRevisions& changes() const { return m_changes; }

    // Undoable edits; `text` names them in the Edit menu.
    void add(std::vector<Annotation> annotations, const QString& text);
    void remove(const QList<QUuid>& ids, const QString& text);
    void modify(std::vector<Annotation> updated, const QString& text); // same ids, new content
    // Replaces everything without undo (loading a slide's saved annotations).
    void reset(std::vector<Annotation> annotations);

    const std::vector<AnnotationClass>& classes() const { return m_classes; }
    void setClasses(std::vector<AnnotationClass> classes);
    // Adds the classes not there yet (by name); returns the names added.
    QStringList mergeClasses(const std::vector<AnnotationClass>& classes);
    // "" is the unclassified annotations' tick (kept for the session, not in the project).
    void setClassVisible(const QString& name, bool visible);
    bool isClassVisible(const QString& name) const;

    // Applies a change (used by the undo commands): `upserts` replace or add by id, `removals` go.
    void apply(const std::shared_ptr<const std::vector<Annotation>>& upserts, const QList<QUuid>& removals);
    // While edited() is being emitted: the shapes it added or replaced, shared (not copied) with
    // the undo command; null otherwise.
    const std::shared_ptr<const std::vector<Annotation>>& lastUpserts() const { return m_lastUpserts; }
    // Shows existing annotations changed while a drag is under way: not an edit (no undo step,
    // nothing saved); the drag ends by previewing the originals and making one modify().
    void preview(const std::vector<Annotation>& changed);

Q_SIGNALS:
    void edited(const QList<QUuid>& upserted, const QList<QUuid>& removed);
    void previewed();
    void wasReset();
    void classesChanged();

private:
    static constexpr std::size_t kLargeBatch = 2048; // upserts marked as one area (see apply)
    std::shared_ptr<const std::vector<Annotation>> m_lastUpserts;
    void push(std::vector<Annotation> before, std::vector<Annotation> after, const QString& text);
    void indexChanged(bool rebuild); // rebuild: the spatial index must be made afresh
    void ensureIndex() const;

    QUndoStack* m_undo;
    std::vector<Annotation> m_items;
    QHash<QUuid, size_t> m_position;
    std::vector<AnnotationClass> m_classes;
    mutable SpatialGrid m_grid;
    mutable bool m_gridDirty = true;
    bool m_unclassifiedVisible = true; // the empty class name's tick
    RegionRevisions m_changes;
    quint64 m_revision = 1;
};

} // namespace tessera::core
