#include "StoredResults.h"

#include "AnalysisController.h"
#include "AnalysisPanel.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "tasks/TaskRunner.h"
#include "viewer/SlideView.h"
#include "workspace/SlideTabs.h"

#include <QLocale>
#include <QPointer>

namespace tessera::ui {

StoredResults::StoredResults(ProjectController* project, AnalysisController* analysis, AnalysisPanel* panel,
                             SlideTabs* tabs, QObject* parent)
    : QObject(parent), m_project(project), m_analysis(analysis), m_panel(panel), m_tabs(tabs)
{
    connect(tabs, &SlideTabs::slideOpened, this, [this](SlideView* view) { showLatest(view->document()); });
    connect(tabs, &SlideTabs::currentViewChanged, this, &StoredResults::listForCurrentSlide);
    connect(analysis, &AnalysisController::ready, this, [this](SlideDocument* document) {
        m_loading.remove(document);
        listForCurrentSlide();
    });
    // A load that failed says why in the panel; none is pending any more.
    connect(analysis, &AnalysisController::failed, this, [this] {
        m_loading.clear();
        listForCurrentSlide();
    });
    connect(project, &ProjectController::projectChanged, this, &StoredResults::showOnEveryOpenSlide);
    connect(project, &ProjectController::slidesChanged, this, &StoredResults::listForCurrentSlide);
    connect(panel, &AnalysisPanel::storedResultsChosen, this, [this](const QString& file) {
        if (SlideView* view = m_tabs->currentView())
            load(view->document(), file);
    });
}

void StoredResults::withStored(
    SlideDocument* document,
    std::function<void(SlideDocument*, const std::vector<core::PredictionRecord>&)> then)
{
    core::Project* project = m_project->project();
    if (!project || !document) {
        then(document, {});
        return;
    }
    // Read on the task's own connection: a database another process holds locked makes a
    // query wait, never the GUI.
    const QPointer<SlideDocument> target(document);
    TaskRunner::instance().run(
        this, tr("Listing stored results"),
        [folder = project->folder(), path = document->slide()->path()](TaskControl&) {
            return core::Project::open(folder)->runs().predictionsFor(path);
        },
        [target, then = std::move(then)](TaskResult<std::vector<core::PredictionRecord>> result) {
            // A project that cannot be read says so in its own dock.
            if (target)
                then(target, result.value.value_or(std::vector<core::PredictionRecord>()));
        });
}

void StoredResults::showLatest(SlideDocument* document)
{
    withStored(document, [this](SlideDocument* target, const std::vector<core::PredictionRecord>& stored) {
        if (!stored.empty() && !target->analysis() && !m_loading.contains(target))
            load(target, stored.front().file);
        else
            listForCurrentSlide();
    });
}

void StoredResults::load(SlideDocument* document, const QString& file)
{
    m_loading.insert(document);
    connect(document, &QObject::destroyed, this, [this, document] { m_loading.remove(document); });
    m_analysis->loadResults(document, file, m_panel->settings());
    listForCurrentSlide();
}

void StoredResults::showOnEveryOpenSlide()
{
    for (SlideView* view : m_tabs->views())
        showLatest(view->document());
    listForCurrentSlide();
}

void StoredResults::listForCurrentSlide()
{
    SlideView* view = m_tabs->currentView();
    const int listing = ++m_listing; // only the newest listing is shown
    // Another slide: its own list or none, never the last slide's while this one's is read.
    if (SlideDocument* current = view ? view->document() : nullptr; current != m_listed) {
        m_listed = current;
        m_panel->setStoredResults({}, {}, m_loading.contains(current));
    }
    withStored(view ? view->document() : nullptr,
               [this, listing](SlideDocument* document, const std::vector<core::PredictionRecord>& stored) {
                   if (listing != m_listing)
                       return;
                   const QLocale locale;
                   std::vector<AnalysisPanel::StoredChoice> choices;
                   for (const core::PredictionRecord& r : stored) {
                       QString text =
                           tr("%1 (%2), %3")
                               .arg(r.runName, r.model,
                                    locale.toString(r.created.toLocalTime(), QLocale::ShortFormat));
                       if (r.validationAuc > 0)
                           text += tr(", val. AUC %1").arg(r.validationAuc, 0, 'f', 2);
                       choices.push_back({text, r.file});
                   }
                   const SlideAnalysis* shown = document ? document->analysis() : nullptr;
                   m_panel->setStoredResults(choices, shown ? shown->resultsPath() : QString(),
                                             m_loading.contains(document));
               });
}

} // namespace tessera::ui
