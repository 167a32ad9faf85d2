#include "SplitWorkbench.h"

#include "RegistrationDialog.h"
#include "slide/SlideKey.h"
#include "SplitPane.h"
#include "analysis/AnalysisController.h"
#include "analysis/AnalysisPanel.h"
#include "common/Error.h"
#include "compare/SlideRegistration.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "project/RegistrationStore.h"
#include "tasks/TaskRunner.h"
#include "viewer/SlideView.h"
#include "workspace/SlideFiles.h"
#include "workspace/SlideTabs.h"
#include "workspace/SplitView.h"
#include "workspace/ViewLink.h"

#include <QActionGroup>
#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QMainWindow>
#include <QMenu>
#include <map>

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
    m_beside = new QAction(tr("&Beside Another Slide…"), this);
    m_beside->setObjectName(QStringLiteral("splitBeside"));
    connect(m_beside, &QAction::triggered, this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Slide to show beside this one"),
            m_project->project() ? m_project->project()->folder() : QString(), slideFileFilter());
        if (!path.isEmpty())
            splitBeside(path);
    });
    m_register = new QAction(tr("&Register Slides…"), this);
    m_register->setObjectName(QStringLiteral("registerSlides"));
    connect(m_register, &QAction::triggered, this, &SplitWorkbench::registerSlides);
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
    menu->addSeparator();
    menu->addAction(m_beside);
    menu->addAction(m_register);
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
    QStringList slides; // each pane's slide, once
    for (int i = 0; i < split->paneCount(); ++i)
        if (const QString path = split->paneView(i)->slide()->path(); !slides.contains(path))
            slides << path;
    using Stored = std::map<QString, std::vector<core::PredictionRecord>>;
    // Only the newest listing of a split is used: an older one may not know a pane's new slide.
    const int listing = split->property("listing").toInt() + 1;
    split->setProperty("listing", listing);
    TaskRunner::instance().run(
        this, tr("Listing stored results"),
        [folder = project ? project->folder() : QString(), slides](TaskControl&) {
            Stored stored;
            const auto open = folder.isEmpty() ? nullptr : core::Project::open(folder);
            for (const QString& slide : slides)
                stored[slide] =
                    open ? open->runs().predictionsFor(slide) : std::vector<core::PredictionRecord>();
            return stored;
        },
        [this, target, listing](TaskResult<Stored> result) {
            if (!target || target->property("listing").toInt() != listing)
                return;
            const Stored stored = result.value.value_or(Stored());
            const QLocale locale;
            for (SplitPane* pane : panes(target)) {
                const QString slide = pane->view()->slide()->path();
                std::vector<SplitPane::RunChoice> choices;
                if (const auto found = stored.find(slide); found != stored.end())
                    for (const core::PredictionRecord& r : found->second)
                        choices.push_back(
                            {tr("%1 (%2), %3")
                                 .arg(r.runName, r.model,
                                      locale.toString(r.created.toLocalTime(), QLocale::ShortFormat)),
                             r.runName, r.file});
                // Results shown without a project (opened from a file) can be chosen in the other
                // panes of the same slide too.
                for (SplitPane* other : panes(target))
                    if (const SlideAnalysis* shown =
                            other->document() ? other->document()->analysis() : nullptr;
                        shown && other->view()->slide()->path() == slide &&
                        std::none_of(choices.begin(), choices.end(), [&](const SplitPane::RunChoice& c) {
                            return c.file == shown->resultsPath();
                        }))
                        choices.push_back(
                            {shown->prediction().run, shown->prediction().run, shown->resultsPath()});
                pane->setChoices(choices);
                // A pane restored from the project's layout takes its run's results once they are known.
                const QString wanted = pane->state().run;
                const SlideAnalysis* shown = pane->document()->analysis();
                if (!wanted.isEmpty() && pane->shownRun() != wanted)
                    if (const QString file = pane->fileOfRun(wanted); !file.isEmpty())
                        m_analysis->loadResults(pane->document(), file, m_panel->settings());
                if (wanted.isEmpty() && !shown && !choices.empty() && pane->index() > 0 &&
                    pane->claimFirstLoad())
                    m_analysis->loadResults(pane->document(), choices.front().file, m_panel->settings());
            }
        });
}

void SplitWorkbench::splitBeside(const QString& path)
{
    const int index = m_tabs->currentIndex();
    if (!m_tabs->viewAt(index)) {
        Q_EMIT problem(tr("Open a slide first, then the slide to show beside it."));
        return;
    }
    const QPointer<SlideView> view(m_tabs->viewAt(index));
    TaskRunner::instance().run(
        this, tr("Opening %1").arg(QFileInfo(path).fileName()),
        [path](TaskControl&) { return core::Slide::open(path); },
        [this, view](TaskResult<core::SlidePtr> opened) {
            if (!view)
                return; // the tab closed meanwhile
            if (!opened.ok()) {
                Q_EMIT problem(opened.error);
                return;
            }
            int at = -1;
            for (int i = 0; i < m_tabs->count(); ++i)
                if (m_tabs->viewAt(i) == view)
                    at = i;
            SplitView* split = m_tabs->splitAt(at);
            if (!split || split->paneCount() < 2)
                split = splitTab(at, core::SplitMode::Two);
            if (m_registration)
                m_registration->close(); // it registers the pane about to go
            split->setPaneSlide(1, *opened.value);
            linkThroughStoredRegistration(split);
            listChoices(split);
            saveLayout(split);
            reflectCurrentTab();
            Q_EMIT besideOpened(split);
        });
}

void SplitWorkbench::linkThroughStoredRegistration(SplitView* split)
{
    core::Project* project = m_project->project();
    if (!project)
        return;
    try {
        const std::vector<core::PointPair> pairs = core::readRegistration(
            *project, split->paneView(0)->slide()->path(), split->paneView(1)->slide()->path());
        if (int(pairs.size()) >= core::AffineRegistration::kMinimumPairs)
            split->link().setPlacement(split->paneView(1), core::AffineRegistration::fit(pairs).transform);
    } catch (const core::Error& error) {
        Q_EMIT problem(error.message());
    }
}

RegistrationDialog* SplitWorkbench::registerSlides()
{
    SplitView* split = m_tabs->splitAt(m_tabs->currentIndex());
    if (!split || split->paneCount() < 2 || split->paneView(1)->slide() == split->paneView(0)->slide()) {
        Q_EMIT problem(
            tr("Show another slide beside this one first (View ▸ Split ▸ Beside Another Slide…)."));
        return nullptr;
    }
    if (m_registration)
        m_registration->close();
    m_registration = new RegistrationDialog(
        split, [this] { return m_project->project(); }, m_window);
    m_registration->setAttribute(Qt::WA_DeleteOnClose);
    // A pane that goes takes its registration with it.
    connect(split, &SplitView::paneOpened, m_registration.data(), &QDialog::close);
    connect(split, &QObject::destroyed, m_registration.data(), &QDialog::close);
    m_registration->show();
    return m_registration;
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
    if (!project || !project->slides().find(core::slideKey(opened->slide()->path())))
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
    // The project's layout is made on its own slides.
    const SlideView* own = split ? split->primaryView() : m_tabs->currentView();
    if (!own || !project->slides().find(core::slideKey(own->slide()->path())))
        return;
    core::ViewLayout layout;
    if (split) {
        layout.mode = split->mode();
        layout.swipePosition = split->swipePosition();
        for (const SplitPane* pane : panes(split)) {
            core::PaneLayout state = pane->state();
            if (pane->view()->slide() != split->primaryView()->slide())
                state.run.clear(); // another slide's run means nothing on the slides the layout meets
            layout.panes.push_back(state);
        }
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
    m_beside->setEnabled(m_tabs->currentView() != nullptr);
    m_register->setEnabled(split && split->paneCount() >= 2 &&
                           split->paneView(1)->slide() != split->paneView(0)->slide());
}

} // namespace tessera::ui
