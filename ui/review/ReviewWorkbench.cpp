#include "ReviewWorkbench.h"

#include "ReviewPanel.h"
#include "ReviewQueue.h"
#include "canvas/OutlineLayer.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "project/RunRegistry.h"
#include "project/TrainingPlan.h"
#include "slide/Slide.h"
#include "tasks/TaskRunner.h"
#include "viewer/SlideView.h"
#include "workspace/ScrollableDock.h"
#include "workspace/SlideTabs.h"

#include <QDateTime>
#include <QDockWidget>
#include <QFileInfo>
#include <QMainWindow>
#include <QPainter>
#include <QShortcut>
#include <cmath>

namespace tessera::ui {

namespace {

const QString kIgnoreClass = QStringLiteral("Ignore*"); // QuPath's class for "not a region to learn from"

// The patch with half a patch of context on every side, about 96 px wide, the patch outlined.
QImage cropOf(const core::Slide& slide, const core::Proposal& p)
{
    const double side = 2.0 * double(p.size);
    const int level = slide.bestLevelForDownsample(side / 96.0);
    const double downsample = slide.levelDownsample(level);
    const int pixels = std::max(8, int(std::lround(side / downsample)));
    QImage crop =
        slide.readRegion(QPoint(int(p.x - p.size / 2), int(p.y - p.size / 2)), level, QSize(pixels, pixels))
            .convertToFormat(QImage::Format_RGB32)
            .scaled(96, 96, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter painter(&crop);
    painter.setPen(QPen(QColor(255, 200, 0), 2));
    painter.drawRect(QRectF(24, 24, 48, 48));
    return crop;
}

struct Asked {
    core::RunProposals proposals;
    std::vector<ReviewItem> items;
};

QString absolute(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}

} // namespace

ReviewWorkbench::ReviewWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project,
                                 std::function<QString()> author)
    : QObject(window),
      m_window(window),
      m_tabs(tabs),
      m_project(project),
      m_author(std::move(author)),
      m_queue(new ReviewQueue(this)),
      m_panel(new ReviewPanel(m_queue)),
      m_dock(new QDockWidget(tr("Review"), window))
{
    m_dock->setObjectName(QStringLiteral("reviewDock"));
    m_dock->setWidget(scrollableDockContent(m_panel, m_dock)); // the before/after table below the strip
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    connect(m_panel, &ReviewPanel::askRequested, this, &ReviewWorkbench::ask);
    connect(m_panel, &ReviewPanel::answerRequested, this, &ReviewWorkbench::answer);
    connect(m_panel, &ReviewPanel::rejectRequested, this, &ReviewWorkbench::reject);
    connect(m_panel, &ReviewPanel::skipRequested, this, &ReviewWorkbench::skip);
    connect(m_panel, &ReviewPanel::fineTuneRequested, this, &ReviewWorkbench::fineTune);
    connect(m_queue, &ReviewQueue::currentChanged, this, &ReviewWorkbench::showCurrent);
    connect(m_queue, &ReviewQueue::changed, this, [this] {
        for (auto it = m_outlines.begin(); it != m_outlines.end(); ++it)
            drawOutlines(it.key());
    });
    connect(m_project, &ProjectController::projectChanged, this, [this] {
        m_queue->reset({}, {}, {}); // another project's proposals are no questions for this one
        m_tunedRun.clear();
        m_panel->setComparison({});
        refreshRuns();
    });
    connect(m_queue, &ReviewQueue::currentChanged, this, &ReviewWorkbench::updateKeys);
    connect(m_dock, &QDockWidget::visibilityChanged, this, &ReviewWorkbench::updateKeys);
    connect(m_project, &ProjectController::runsChanged, this, [this] {
        refreshRuns();
        compareWithParent();
    });
    connect(m_tabs, &SlideTabs::slideOpened, this, [this](SlideView* view) {
        if (!m_pendingSlide.isEmpty() && absolute(view->slide()->path()) == m_pendingSlide) {
            m_pendingSlide.clear();
            showCurrent();
        }
    });
    // The answer keys act wherever the window has focus (a text field keeps its own typing).
    const auto key = [this](const QKeySequence& sequence, std::function<void()> action) {
        auto* shortcut = new QShortcut(sequence, m_window);
        shortcut->setEnabled(false);
        connect(shortcut, &QShortcut::activated, this, std::move(action));
        m_keys << shortcut;
    };
    for (int c = 0; c < 9; ++c)
        key(QKeySequence(Qt::Key_1 + c), [this, c] {
            if (c < m_queue->classes().size())
                answer(m_queue->classes()[c]);
        });
    key(QKeySequence(Qt::Key_X), [this] { reject(); }); // R and S are QuPath's tool keys, kept for the tools
    key(QKeySequence(Qt::Key_N), [this] { skip(); });
    refreshRuns();
}

void ReviewWorkbench::updateKeys()
{
    const bool on = m_queue->current() >= 0 && m_dock->isVisible();
    for (QShortcut* k : m_keys)
        k->setEnabled(on);
}

void ReviewWorkbench::refreshRuns()
{
    QStringList runs;
    if (core::Project* project = m_project->project()) {
        std::vector<core::RunRecord> all = project->runs().list();
        std::sort(all.begin(), all.end(),
                  [](const core::RunRecord& a, const core::RunRecord& b) { return a.created > b.created; });
        const QStringList splits = project->slides().splitNames(); // folds and ensembles have none
        for (const core::RunRecord& r : all)
            if (r.status == core::RunStatus::kFinished && splits.contains(r.split))
                runs << r.name;
    }
    m_panel->setRuns(runs);
}

void ReviewWorkbench::ask(const QString& run, const QString& acquisition, int count)
{
    core::Project* project = m_project->project();
    if (!project) {
        Q_EMIT proposalsReady(0, tr("Open a project first."));
        return;
    }
    core::RunProposalRequest request;
    request.run = run;
    request.count = count;
    request.acquisition = core::acquisitionFromName(acquisition).value_or(core::Acquisition::Disagreement);
    m_panel->setBusy(tr("Asking %1 where your answers would teach it most…").arg(run));
    // On the task's own connection: the window's stays with the GUI thread.
    const QString folder = project->folder();
    TaskRunner::instance().run(
        this, tr("Proposals from %1").arg(run),
        [folder, request](TaskControl&) {
            const auto own = core::Project::open(folder);
            Asked asked{core::proposeForRun(*own, request), {}};
            std::map<QString, core::SlidePtr> slides;
            for (const core::Proposal& p : asked.proposals.proposals) {
                ReviewItem item;
                item.proposal = p;
                const auto record = own->slides().find(p.slideId);
                if (!record)
                    throw core::Error(QObject::tr("%1 is no longer in the project").arg(p.slideId));
                item.slidePath = absolute(record->path);
                try {
                    core::SlidePtr& slide = slides[item.slidePath];
                    if (!slide)
                        slide = core::Slide::open(item.slidePath);
                    item.crop = cropOf(*slide, p);
                } catch (const core::Error&) { // a moved slide: the proposal stands, without a picture
                }
                asked.items.push_back(std::move(item));
            }
            return asked;
        },
        [this, run](TaskResult<Asked> result) {
            m_panel->setBusy({});
            if (!result.ok()) {
                Q_EMIT problem(result.error);
                Q_EMIT proposalsReady(0, result.error);
                return;
            }
            m_queue->reset(result.value->proposals.run, result.value->proposals.classNames,
                           std::move(result.value->items));
            Q_EMIT proposalsReady(int(m_queue->items().size()), {});
        });
}

void ReviewWorkbench::answer(const QString& className)
{
    if (m_queue->current() < 0 || !m_queue->classes().contains(className))
        return;
    if (settle(className))
        m_queue->answer(className);
}

void ReviewWorkbench::reject()
{
    if (m_queue->current() >= 0 && settle(kIgnoreClass))
        m_queue->reject();
}

void ReviewWorkbench::skip()
{
    m_queue->skip();
}

bool ReviewWorkbench::settle(const QString& className)
{
    const int index = m_queue->current();
    const ReviewItem& item = m_queue->items()[std::size_t(index)];
    core::Annotation a = core::proposalAnnotation(item.proposal, m_queue->run(), index + 1);
    const bool changed = !item.annotation.isNull(); // answered before: the same annotation, replaced
    if (changed)
        a.id = item.annotation;
    a.className = className;
    a.author = m_author ? m_author() : QString();
    // An open slide takes the answer as an edit (undoable, saved by its persistence); a closed
    // one gets it in the project directly.
    for (SlideView* view : m_tabs->views())
        if (absolute(view->slide()->path()) == item.slidePath) {
            core::AnnotationSet& set = view->document()->annotations();
            set.mergeClasses({{className, {}, true}});
            if (core::Project* project = m_project->project())
                project->annotations().addClasses(set.classes());
            if (changed && set.find(a.id))
                set.modify({a}, tr("Answer proposal %1").arg(index + 1));
            else
                set.add({a}, tr("Answer proposal %1").arg(index + 1));
            m_queue->setAnnotation(index, a.id);
            return true;
        }
    try {
        core::Project* project = m_project->project();
        const auto slide = project ? project->slides().find(item.proposal.slideId) : std::nullopt;
        if (!slide)
            throw core::Error(tr("The slide %1 is not in the open project: the answer was not saved.")
                                  .arg(item.proposal.slideId));
        project->annotations().addClasses({{className, {}, true}});
        project->annotations().save(slide->id, {a}, {});
        m_queue->setAnnotation(index, a.id);
        return true;
    } catch (const core::Error& e) {
        Q_EMIT problem(e.message());
        return false;
    }
}

void ReviewWorkbench::showCurrent()
{
    const int current = m_queue->current();
    if (current < 0)
        return;
    const ReviewItem& item = m_queue->items()[std::size_t(current)];
    for (SlideView* view : m_tabs->views()) {
        if (absolute(view->slide()->path()) != item.slidePath)
            continue;
        m_tabs->setCurrentView(view);
        drawOutlines(view->document());
        const core::Proposal& p = item.proposal;
        // The patch and two patches of context each side fill the view's shorter side.
        const double span = 5.0 * double(p.size);
        view->setView(QPointF(double(p.x) + p.size / 2.0, double(p.y) + p.size / 2.0),
                      std::max(1e-6, std::min(view->width(), view->height()) / span));
        Q_EMIT proposalShown(current);
        return;
    }
    if (m_pendingSlide != item.slidePath) {
        m_pendingSlide = item.slidePath;
        m_tabs->open(item.slidePath);
    }
}

void ReviewWorkbench::drawOutlines(SlideDocument* document)
{
    OutlineLayer*& layer = m_outlines[document];
    if (!layer) {
        layer = document->layers().add(std::make_unique<OutlineLayer>(tr("Review proposals")));
        connect(document, &QObject::destroyed, this, [this, document] { m_outlines.remove(document); });
    }
    const QString path = absolute(document->slide()->path());
    std::vector<QPolygonF> open;
    for (const ReviewItem& i : m_queue->items())
        if (i.slidePath == path && i.state == ReviewItem::State::Open)
            open.push_back(QPolygonF(QRectF(double(i.proposal.x), double(i.proposal.y),
                                            double(i.proposal.size), double(i.proposal.size))));
    layer->setOutlines(std::move(open), QColor(255, 200, 0));
}

QString ReviewWorkbench::fineTune()
{
    core::Project* project = m_project->project();
    const std::optional<core::RunRecord> parent =
        project ? project->runs().find(m_queue->run()) : std::nullopt;
    if (!parent) {
        Q_EMIT problem(tr("The run that made the proposals is not in the open project."));
        return {};
    }
    core::TrainingRequest request;
    request.config = core::TrainConfig::fromJson(parent->config);
    request.config.annotations = true;
    request.config.initFrom.clear();
    request.runName =
        QStringLiteral("%1-answers-%2")
            .arg(parent->name, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    request.featureSet = parent->featureSet;
    request.split = parent->split;
    request.parentRun = parent->name;
    const core::TrainingPlan plan(*project);
    if (const auto problems = plan.problems(request); !problems.empty()) {
        Q_EMIT problem(problems.front().message);
        return {};
    }
    m_project->submit(plan.jobs(request));
    m_tunedRun = request.runName;
    m_panel->setComparison(
        tr("Fine-tuning %1 → %2 with your answers: queued (see Jobs).").arg(parent->name, m_tunedRun));
    return m_tunedRun;
}

void ReviewWorkbench::compareWithParent()
{
    core::Project* project = m_project->project();
    if (!project || m_tunedRun.isEmpty())
        return;
    const auto tuned = project->runs().find(m_tunedRun);
    const auto parent = tuned ? project->runs().find(tuned->parentName) : std::nullopt;
    if (!tuned || !parent || tuned->status != core::RunStatus::kFinished)
        return;
    const auto auc = [](double v) {
        return std::isfinite(v) ? QString::number(v, 'f', 3) : QStringLiteral("–");
    };
    m_panel->setComparison(
        tr("<b>Validation AUC</b> %1 → %2 · <b>test AUC</b> %3 → %4<br>before: %5<br>after: %6")
            .arg(auc(parent->validationAuc), auc(tuned->validationAuc), auc(parent->testAuc),
                 auc(tuned->testAuc), parent->name, tuned->name));
}

} // namespace tessera::ui
