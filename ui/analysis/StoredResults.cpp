#include "StoredResults.h"

#include "AnalysisController.h"
#include "AnalysisPanel.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "viewer/SlideView.h"
#include "workspace/SlideTabs.h"

#include <QLocale>

namespace tessera::ui {

namespace {

std::vector<core::PredictionRecord> storedFor(ProjectController* project, const SlideDocument* document)
{
    if (!project->project() || !document)
        return {};
    try {
        return project->project()->runs().predictionsFor(document->slide()->path());
    } catch (const core::Error&) {
        return {}; // a project that cannot be read says so in its own dock
    }
}

} // namespace

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

bool StoredResults::showLatest(SlideDocument* document)
{
    const std::vector<core::PredictionRecord> stored = storedFor(m_project, document);
    if (stored.empty())
        return false;
    if (!document->analysis())
        load(document, stored.front().file);
    return true;
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
    SlideDocument* document = view ? view->document() : nullptr;
    const QLocale locale;
    std::vector<AnalysisPanel::StoredChoice> choices;
    for (const core::PredictionRecord& r : storedFor(m_project, document)) {
        QString text =
            tr("%1 (%2), %3")
                .arg(r.runName, r.model, locale.toString(r.created.toLocalTime(), QLocale::ShortFormat));
        if (r.validationAuc > 0)
            text += tr(", val. AUC %1").arg(r.validationAuc, 0, 'f', 2);
        choices.push_back({text, r.file});
    }
    const SlideAnalysis* shown = document ? document->analysis() : nullptr;
    m_panel->setStoredResults(choices, shown ? shown->resultsPath() : QString(),
                              m_loading.contains(document));
}

} // namespace tessera::ui
