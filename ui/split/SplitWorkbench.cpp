#include "SplitWorkbench.h"

#include "SplitPane.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisPanel.h"
#include "common/Error.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "tasks/TaskRunner.h"
#include "viewer/SlideView.h"
#include "workspace/SlideTabs.h"
#include "workspace/SplitView.h"
#include "workspace/ViewLink.h"

#include <QActionGroup>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>

namespace tessera::ui {

namespace {

constexpr core::SplitMode kModes[] = {core::SplitMode::Single, core::SplitMode::Two, core::SplitMode::Four,
                                      core::SplitMode::Swipe};

} // namespace

SplitWorkbench::SplitWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project,
                               AnalysisController* analysis, AnalysisPanel* panel)
    : QObject(window),
      m_window(window),
      m_tabs(tabs),
      m_project(project),
      m_analysis(analysis),
      m_panel(panel),
      m_modes(new QActionGroup(this))
{
    const QStringList texts{tr("&One View"), tr("&Two Views"), tr("&Four Views"), tr("S&wipe Two Runs")};
    const QStringList names{QStringLiteral("splitSingle"), QStringLiteral("splitTwo"),
                            QStringLiteral("splitFour"), QStringLiteral("splitSwipe")};
    for (int i = 0; i < 4; ++i) {
        QAction* action = m_modes->addAction(texts[i]);
        action->setObjectName(names[i]);
        action->setCheckable(true);
        action->setData(i);
        connect(action, &QAction::triggered, this, [this, mode = kModes[i]] { split(mode); });
    }
    action(core::SplitMode::Single)->setChecked(true);
    action(core::SplitMode::Two)->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_2));
    action(core::SplitMode::Four)->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_4));
    action(core::SplitMode::Single)->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_1));
    connect(tabs, &SlideTabs::currentViewChanged, this, &SplitWorkbench::reflectCurrentTab);
    connect(tabs, &SlideTabs::slideOpened, this, &SplitWorkbench::restoreLayout);
    // A run applied to a slide stores a prediction: the panes can pick it now.
    connect(analysis, &AnalysisController::ready, this, [this](SlideDocument* document) {
        for (int i = 0; i < m_tabs->count(); ++i)
            if (SplitView* split = m_tabs->splitAt(i))
                for (int p = 0; p < split->paneCount(); ++p)
                    if (split->paneView(p)->document() == document) {
                        listChoices(split);
                        break;
                    }
    });
}

QAction* SplitWorkbench::action(core::SplitMode mode) const
{
    return m_modes->actions().at(
        int(std::find(std::begin(kModes), std::end(kModes), mode) - std::begin(kModes)));
}

void SplitWorkbench::addViewActions(QMenu* view)
{
    QMenu* menu = view->addMenu(tr("&Split"));
    menu->setObjectName(QStringLiteral("splitMenu"));
    menu->addActions(m_modes->actions());
}

SplitView* SplitWorkbench::split(core::SplitMode mode)
{
    const int index = m_tabs->currentIndex();
    if (!m_tabs->viewAt(index)) {
        reflectCurrentTab();
        Q_EMIT problem(tr("Open a slide first, then split its view."));
        return nullptr;
    }
    SplitView* split = splitTab(index, mode);
    saveLayout(split);
    reflectCurrentTab();
    return split;
}

SplitView* SplitWorkbench::splitTab(int index, core::SplitMode mode)
{
    SplitView* before = m_tabs->splitAt(index);
    SplitView* split = m_tabs->setSplitMode(index, mode);
    if (!split)
        return nullptr;
    if (split != before) {
        connect(split, &SplitView::paneOpened, this,
                [this, split](int pane, SlideView* view) { paneOpened(split, pane, view); });
        connect(split, &SplitView::swipeReleased, this, [this, split] { saveLayout(split); });
        paneOpened(split, 0, split->primaryView());
        for (int pane = 1; pane < split->paneCount(); ++pane)
            paneOpened(split, pane, split->paneView(pane));
    }
    const bool swipe = mode == core::SplitMode::Swipe;
    for (SplitPane* pane : panes(split))
        pane->setLinkEnabled(!swipe);
    listChoices(split);
    return split;
}

QList<SplitPane*> SplitWorkbench::panes(const SplitView* split) const
{
    QList<SplitPane*> all;
    for (int i = 0; split && i < split->paneCount(); ++i)
        if (auto* pane = split->paneHeader(i)->findChild<SplitPane*>(QString(), Qt::FindDirectChildrenOnly))
            all << pane;
    return all;
}

void SplitWorkbench::paneOpened(SplitView* split, int index, SlideView* view)
{
    auto* pane = new SplitPane(index, view, split->paneHeader(index),
                               index == 0 ? nullptr : split->primaryView(), split->paneHeader(index));
    connect(pane, &SplitPane::runChosen, this, [this, view](const QString& file) {
        m_analysis->loadResults(view->document(), file, m_panel->settings());
    });
    connect(pane, &SplitPane::linkToggled, this,
            [split, view](bool linked) { split->link().setLinked(view, linked); });
    connect(pane, &SplitPane::changed, this, [this, split] { saveLayout(split); });
}

void SplitWorkbench::listChoices(SplitView* split)
{
    core::Project* project = m_project->project();
    const QPointer<SplitView> target(split);
    const QString slide = split->primaryView()->slide()->path();
    TaskRunner::instance().run(
        this, tr("Listing stored results"),
        [folder = project ? project->folder() : QString(), slide](TaskControl&) {
            return folder.isEmpty() ? std::vector<core::PredictionRecord>()
                                    : core::Project::open(folder)->runs().predictionsFor(slide);
        },
        [this, target](TaskResult<std::vector<core::PredictionRecord>> result) {
            if (!target)
                return;
            std::vector<SplitPane::RunChoice> choices;
            const QLocale locale;
            for (const core::PredictionRecord& r :
                 result.value.value_or(std::vector<core::PredictionRecord>()))
                choices.push_back({tr("%1 (%2), %3")
                                       .arg(r.runName, r.model,
                                            locale.toString(r.created.toLocalTime(), QLocale::ShortFormat)),
                                   r.runName, r.file});
            // Results shown without a project (opened from a file) can be chosen in the other panes too.
            for (SplitPane* pane : panes(target))
                if (const SlideAnalysis* shown = pane->document() ? pane->document()->analysis() : nullptr;
                    shown && std::none_of(choices.begin(), choices.end(), [&](const SplitPane::RunChoice& c) {
                        return c.file == shown->resultsPath();
                    }))
                    choices.push_back(
                        {shown->prediction().run, shown->prediction().run, shown->resultsPath()});
            for (SplitPane* pane : panes(target)) {
                pane->setChoices(choices);
                // A pane restored from the project's layout takes its run's results once they are known.
                const QString wanted = pane->state().run;
                const SlideAnalysis* shown = pane->document()->analysis();
                if (!wanted.isEmpty() && pane->shownRun() != wanted)
                    if (const QString file = pane->fileOfRun(wanted); !file.isEmpty())
                        m_analysis->loadResults(pane->document(), file, m_panel->settings());
                if (wanted.isEmpty() && !shown && !choices.empty() && pane->index() > 0)
                    m_analysis->loadResults(pane->document(), choices.front().file, m_panel->settings());
            }
        });
}

void SplitWorkbench::applyLayout(SplitView* split, const core::ViewLayout& layout)
{
    const QList<SplitPane*> all = panes(split);
    for (int i = 0; i < all.size() && i < int(layout.panes.size()); ++i)
        all[i]->apply(layout.panes[std::size_t(i)]);
    split->setSwipePosition(layout.swipePosition);
}

void SplitWorkbench::restoreLayout(SlideView* opened)
{
    core::Project* project = m_project->project();
    // Slides of the project only (by key, as the catalogue knows them).
    if (!project || !project->slides().find(QFileInfo(opened->slide()->path()).completeBaseName()))
        return;
    core::ViewLayout layout;
    try {
        layout = core::readViewLayout(project->folder());
    } catch (const core::Error& error) {
        Q_EMIT problem(error.message());
        return;
    }
    if (layout.mode == core::SplitMode::Single)
        return;
    for (int i = 0; i < m_tabs->count(); ++i)
        if (m_tabs->viewAt(i) == opened) {
            m_restoring = true;
            SplitView* split = splitTab(i, layout.mode);
            applyLayout(split, layout);
            m_restoring = false;
            listChoices(split); // now that the panes know which runs they want
        }
    reflectCurrentTab();
}

void SplitWorkbench::saveLayout(const SplitView* split)
{
    core::Project* project = m_project->project();
    if (m_restoring || !project)
        return;
    core::ViewLayout layout;
    if (split) {
        layout.mode = split->mode();
        layout.swipePosition = split->swipePosition();
        for (const SplitPane* pane : panes(split))
            layout.panes.push_back(pane->state());
    }
    try {
        core::writeViewLayout(project->folder(), layout);
    } catch (const core::Error& error) {
        Q_EMIT problem(error.message());
    }
}

void SplitWorkbench::reflectCurrentTab()
{
    const SplitView* split = m_tabs->splitAt(m_tabs->currentIndex());
    action(split ? split->mode() : core::SplitMode::Single)->setChecked(true);
    for (QAction* action : m_modes->actions())
        action->setEnabled(m_tabs->currentView() != nullptr);
}

} // namespace tessera::ui
