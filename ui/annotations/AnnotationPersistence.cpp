#include "AnnotationPersistence.h"

#include "annotations/AnnotationSet.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "project/Project.h"

namespace tessera::ui {

AnnotationPersistence::AnnotationPersistence(SlideDocument& document, core::Project& project, QObject* parent)
    : QObject(parent), m_document(document), m_project(project)
{
    core::AnnotationStore& store = project.annotations();
    m_slideId = store.slideIdFor(document.slide()->path());
    // The project's classes, plus any the document made before it was attached.
    core::AnnotationSet& set = document.annotations();
    store.addClasses(set.classes());
    set.setClasses(store.classes());
    std::vector<core::Annotation> stored = store.load(m_slideId);
    // Annotations drawn before a project was open are kept and saved with the stored ones.
    std::vector<core::Annotation> unsaved;
    for (const core::Annotation& a : set.annotations())
        if (std::none_of(stored.begin(), stored.end(),
                         [&](const core::Annotation& s) { return s.id == a.id; }))
            unsaved.push_back(a);
    if (!unsaved.empty())
        store.save(m_slideId, unsaved, {});
    stored.insert(stored.end(), unsaved.begin(), unsaved.end());
    set.reset(std::move(stored));
    m_saved = store.count(m_slideId);
    connect(&set, &core::AnnotationSet::edited, this, &AnnotationPersistence::save);
}

void AnnotationPersistence::save(const QList<QUuid>& upserted, const QList<QUuid>& removed)
{
    const core::AnnotationSet& set = m_document.annotations();
    std::vector<core::Annotation> upserts;
    upserts.reserve(size_t(upserted.size()));
    for (const QUuid& id : upserted)
        if (const core::Annotation* a = set.find(id))
            upserts.push_back(*a);
    try {
        m_project.annotations().save(m_slideId, upserts, removed);
        m_saved = m_project.annotations().count(m_slideId);
        Q_EMIT saved(m_saved);
    } catch (const core::Error& error) {
        Q_EMIT failed(error.message());
    }
}

} // namespace tessera::ui
