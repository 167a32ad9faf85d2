#include "AnnotationPersistence.h"

#include "annotations/AnnotationSet.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "tasks/TaskRunner.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>
#include <map>
#include <memory>

namespace tessera::ui {

namespace {
// Saves run one after another on one thread, in the order of the edits, each on that thread's
// own connection to its project (kept open while the thread lives).
QThreadPool& savePool()
{
    static QThreadPool* pool = [] {
        auto* p = new QThreadPool(QCoreApplication::instance());
        p->setMaxThreadCount(1);
        p->setExpiryTimeout(-1);
        return p;
    }();
    return *pool;
}

core::Project& connectionOnThisThread(const QString& folder)
{
    static thread_local std::map<QString, std::unique_ptr<core::Project>> open;
    std::unique_ptr<core::Project>& project = open[folder];
    if (!project)
        project = core::Project::open(folder);
    return *project;
}
} // namespace

AnnotationPersistence::AnnotationPersistence(SlideDocument& document, core::Project& project, QObject* parent)
    : QObject(parent), m_document(document), m_project(project)
{
    // Edits of this slide still being written (its tab closed a moment ago) land first.
    savePool().waitForDone();
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
    // What changed is shared with the undo command, not copied (100 000 imported shapes).
    connect(
        &set, &core::AnnotationSet::edited, this,
        [this, &set](const QList<QUuid>&, const QList<QUuid>& removed) { save(set.lastUpserts(), removed); });
}

void AnnotationPersistence::save(std::shared_ptr<const std::vector<core::Annotation>> upserts,
                                 const QList<QUuid>& removed)
{
    if (!upserts)
        upserts = std::make_shared<const std::vector<core::Annotation>>();
    // Written in the background (100 000 imported shapes take a second); each edit in its own
    // transaction, in order. saved() reports what the project holds once it is written.
    ++m_pending;
    // Owned by the pool, not by this object: an edit is written even when its slide's tab closes
    // (or the window quits: the pool is waited for) before the write is done.
    const QPointer<AnnotationPersistence> self(this);
    TaskRunner::instance().run(
        &savePool(), tr("Saving annotations"),
        [folder = m_project.folder(), slide = m_slideId, upserts = std::move(upserts),
         removed](TaskControl&) {
            core::AnnotationStore& store = connectionOnThisThread(folder).annotations();
            store.save(slide, *upserts, removed);
            return store.count(slide);
        },
        [self](TaskResult<int> written) {
            if (!self)
                return;
            AnnotationPersistence* const p = self;
            --p->m_pending;
            if (!written.ok()) {
                Q_EMIT p->failed(written.error);
                return;
            }
            p->m_saved = *written.value;
            Q_EMIT p->saved(p->m_saved);
        },
        &savePool());
}

} // namespace tessera::ui
