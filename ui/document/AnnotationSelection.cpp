#include "AnnotationSelection.h"

namespace tessera::ui {

void AnnotationSelection::set(const QList<QUuid>& ids)
{
    if (ids == m_ids)
        return;
    m_ids = ids;
    ++m_revision;
    Q_EMIT changed();
}

void AnnotationSelection::toggle(const QUuid& id)
{
    QList<QUuid> ids = m_ids;
    if (!ids.removeOne(id))
        ids << id;
    set(ids);
}

} // namespace tessera::ui
