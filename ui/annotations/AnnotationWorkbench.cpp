#include "AnnotationWorkbench.h"

#include "AnnotationPanel.h"
#include "AnnotationPersistence.h"
#include "HeatmapAnnotateDialog.h"
#include "annotations/AnnotationFiles.h"
#include "annotations/AnnotationSet.h"
#include "annotations/tools/DrawingTools.h"
#include "annotations/tools/SelectTool.h"
#include "common/Error.h"
#include "document/AnnotationSelection.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "infer/Predictor.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "tasks/TaskRunner.h"
#include "viewer/SlideView.h"
#include "viewer/tools/PanTool.h"
#include "workspace/SlideTabs.h"

#include "workspace/ScrollableDock.h"

#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QSettings>
#include <QToolBar>
#include <QUndoGroup>

namespace tessera::ui {

namespace {

struct ToolEntry {
    const char* name;
    const char* label;
    const char* tip;
    const char* shortcut;
};

const ToolEntry kTools[] = {
    {"pan", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Pan"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Drag to move around the slide"), "M"},
    {"select", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Select"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench",
                       "Click or drag a band to select; drag to move, drag a handle to reshape"),
     "S"},
    {"point", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Point"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Click to place a point"), "."},
    {"rectangle", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Rectangle"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Drag from corner to corner"), "R"},
    {"ellipse", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Ellipse"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Drag from corner to corner"), "O"},
    {"polygon", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Polygon"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench",
                       "Click vertex by vertex; double-click or Enter closes, Backspace takes one back"),
     "P"},
    {"freehand", QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Freehand"),
     QT_TRANSLATE_NOOP("tessera::ui::AnnotationWorkbench", "Drag around a region"), "F"},
};

} // namespace

AnnotationWorkbench::AnnotationWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project)
    : QObject(window),
      m_window(window),
      m_tabs(tabs),
      m_project(project),
      m_panel(new AnnotationPanel(window)),
      m_dock(new QDockWidget(tr("Annotations"), window)),
      m_toolBar(new QToolBar(tr("Annotate"), window)),
      m_toolActions(new QActionGroup(this)),
      m_undo(new QUndoGroup(this)),
      m_author(
          QSettings().value(QStringLiteral("annotations/author"), qEnvironmentVariable("USER")).toString())
{
    m_dock->setObjectName(QStringLiteral("annotationDock"));
    m_dock->setWidget(scrollableDockContent(m_panel, m_dock));
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_toolBar->setObjectName(QStringLiteral("annotateToolBar"));
    window->addToolBar(m_toolBar);
    for (const ToolEntry& entry : kTools) {
        QAction* action = m_toolBar->addAction(tr(entry.label));
        action->setObjectName(QStringLiteral("tool_") + QLatin1String(entry.name));
        action->setData(QString::fromLatin1(entry.name));
        action->setCheckable(true);
        action->setShortcut(QKeySequence(QString::fromLatin1(entry.shortcut)));
        action->setToolTip(QStringLiteral("%1 (%2): %3")
                               .arg(tr(entry.label), QString::fromLatin1(entry.shortcut), tr(entry.tip)));
        m_toolActions->addAction(action);
    }
    m_toolActions->actions().front()->setChecked(true);
    connect(m_toolActions, &QActionGroup::triggered, this,
            [this](QAction* action) { activateTool(action->data().toString()); });
    connect(tabs, &SlideTabs::currentViewChanged, this, &AnnotationWorkbench::currentViewChanged);
    connect(project, &ProjectController::projectChanged, this, &AnnotationWorkbench::projectChanged);
    connect(m_panel, &AnnotationPanel::fitRequested, this, [this](const QRectF& bounds) {
        if (!m_view)
            return;
        const QRectF padded = bounds.adjusted(-bounds.width() * 0.15 - 20, -bounds.height() * 0.15 - 20,
                                              bounds.width() * 0.15 + 20, bounds.height() * 0.15 + 20);
        const double scale = std::min(m_view->width() / padded.width(), m_view->height() / padded.height());
        m_view->setView(padded.center(), scale);
    });
    connect(m_panel, &AnnotationPanel::classAdded, this, [this](const QString& name, const QColor& color) {
        if (core::Project* p = m_project->project())
            try {
                p->annotations().addClasses({{name, color, true}});
            } catch (const core::Error& error) {
                Q_EMIT message(error.message(), true);
            }
    });
    connect(m_panel, &AnnotationPanel::classVisibilityChanged, this,
            [this](const QString& name, bool visible) {
                SlideDocument* doc = currentDocument();
                core::Project* p = m_project->project();
                if (!doc || !p)
                    return;
                if (const core::AnnotationClass* c = core::findClass(doc->annotations().classes(), name))
                    try {
                        p->annotations().saveClass({c->name, c->color, visible});
                    } catch (const core::Error& error) {
                        Q_EMIT message(error.message(), true);
                    }
            });
    connect(this, &AnnotationWorkbench::message, m_panel, &AnnotationPanel::setSaveStatus);
    currentViewChanged(tabs->currentView());
}

namespace {
// A sentence for the user, without blocking anything: the box is window-modal and returns at once.
void tell(QWidget* window, const QString& title, const QString& text, bool ok)
{
    auto* box = new QMessageBox(ok ? QMessageBox::Information : QMessageBox::Warning, title, text,
                                QMessageBox::Ok, window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}
} // namespace

AnnotationWorkbench::~AnnotationWorkbench() = default;

void AnnotationWorkbench::addFileActions(QMenu* file)
{
    QAction* import = file->addAction(tr("Import Annotations…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Import Annotations"), QString(),
            tr("Annotations (*.geojson *.json *.xml);;QuPath GeoJSON (*.geojson *.json);;ASAP XML (*.xml)"));
        if (path.isEmpty())
            return;
        startImport(path);
    });
    import->setObjectName(QStringLiteral("importAnnotations"));
    QAction* exportAction = file->addAction(tr("Export Annotations…"), this, [this] {
        const QString path = QFileDialog::getSaveFileName(m_window, tr("Export Annotations"), QString(),
                                                          tr("QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)"));
        if (path.isEmpty())
            return;
        startExport(path);
    });
    exportAction->setObjectName(QStringLiteral("exportAnnotations"));
}

void AnnotationWorkbench::addEditActions(QMenu* edit)
{
    QAction* undo = m_undo->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    QAction* redo = m_undo->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence::Redo);
    const QList<QAction*> existing = edit->actions();
    QAction* before = existing.isEmpty() ? nullptr : existing.front();
    edit->insertAction(before, undo);
    edit->insertAction(before, redo);
    if (before)
        edit->insertSeparator(before);
}

void AnnotationWorkbench::addAnalysisActions(QMenu* analysis)
{
    QAction* action = analysis->addAction(tr("Annotate from Heatmap…"), this, [this] {
        SlideDocument* doc = currentDocument();
        if (!doc || !doc->analysis()) {
            QMessageBox::information(m_window, tr("Annotate from Heatmap"),
                                     tr("Run a model on this slide first: its heatmap is what gets traced."));
            return;
        }
        QStringList classes;
        for (const core::AnnotationClass& c : doc->annotations().classes())
            classes << c.name;
        HeatmapAnnotateDialog dialog(doc->analysis()->hasConsistency(), classes,
                                     doc->slide()->micronsPerPixel(), m_window);
        if (dialog.exec() != QDialog::Accepted)
            return;
        startAnnotateFromHeatmap(dialog.useConsistency(), dialog.options(), dialog.className());
    });
    connect(this, &AnnotationWorkbench::heatmapTraced, this, [this](int regions, const QString& text) {
        if (regions >= 0)
            Q_EMIT message(text, false);
        else
            tell(m_window, tr("Annotate from Heatmap"), text, false);
    });
    action->setObjectName(QStringLiteral("annotateFromHeatmap"));
}

SlideDocument* AnnotationWorkbench::currentDocument() const
{
    return m_view ? m_view->document() : nullptr;
}

void AnnotationWorkbench::currentViewChanged(SlideView* view)
{
    if (m_view && m_view != view)
        m_view->setTool(nullptr);
    qDeleteAll(m_tools);
    m_tools.clear();
    m_view = view;
    SlideDocument* doc = currentDocument();
    m_panel->setDocument(doc);
    if (!doc) {
        m_undo->setActiveStack(nullptr);
        return;
    }
    if (!m_undo->stacks().contains(doc->undoStack()))
        m_undo->addStack(doc->undoStack());
    m_undo->setActiveStack(doc->undoStack());
    attach(doc);
    createTools(view);
    activateTool(m_toolActions->checkedAction() ? m_toolActions->checkedAction()->data().toString()
                                                : QStringLiteral("pan"));
}

void AnnotationWorkbench::attach(SlideDocument* doc)
{
    core::Project* project = m_project->project();
    if (!project) {
        m_panel->setSaveStatus(tr("Not saved: open or create a project to keep annotations."), true);
        return;
    }
    if (AnnotationPersistence* p = m_persistence.value(doc); p && &p->project() == project) {
        m_panel->setSaveStatus(tr("Saved in the project (%n annotation(s)).", nullptr, p->savedCount()),
                               false);
        return;
    }
    delete m_persistence.take(doc);
    try {
        auto* persistence = new AnnotationPersistence(*doc, *project, doc);
        m_persistence.insert(doc, persistence);
        connect(doc, &QObject::destroyed, this, [this, doc] { m_persistence.remove(doc); });
        connect(persistence, &AnnotationPersistence::saved, this, [this, doc](int n) {
            if (doc == currentDocument())
                m_panel->setSaveStatus(tr("Saved in the project (%n annotation(s)).", nullptr, n), false);
        });
        connect(persistence, &AnnotationPersistence::failed, this,
                [this](const QString& text) { Q_EMIT message(tr("Not saved: %1").arg(text), true); });
        m_panel->setSaveStatus(
            tr("Saved in the project (%n annotation(s)).", nullptr, persistence->savedCount()), false);
    } catch (const core::Error& error) {
        Q_EMIT message(tr("Not saved: %1").arg(error.message()), true);
    }
}

void AnnotationWorkbench::projectChanged()
{
    for (AnnotationPersistence* p : std::as_const(m_persistence))
        delete p;
    m_persistence.clear();
    if (SlideDocument* doc = currentDocument())
        attach(doc);
}

void AnnotationWorkbench::createTools(SlideView* view)
{
    const AnnotationDefaults defaults{[this] { return m_panel->currentClass(); },
                                      [this] { return m_author; }};
    m_tools.insert(QStringLiteral("select"), new SelectTool(view, defaults));
    m_tools.insert(QStringLiteral("point"), new PointTool(view, defaults));
    m_tools.insert(QStringLiteral("rectangle"), new BoxTool(view, defaults, false));
    m_tools.insert(QStringLiteral("ellipse"), new BoxTool(view, defaults, true));
    m_tools.insert(QStringLiteral("polygon"), new PolygonTool(view, defaults));
    m_tools.insert(QStringLiteral("freehand"), new FreehandTool(view, defaults));
}

ViewerTool* AnnotationWorkbench::tool(const QString& name) const
{
    return m_tools.value(name);
}

void AnnotationWorkbench::activateTool(const QString& name)
{
    for (QAction* action : m_toolActions->actions())
        if (action->data().toString() == name)
            action->setChecked(true);
    if (m_view)
        m_view->setTool(m_tools.value(name)); // nullptr ("pan"): the view's pan tool
    if (name != QLatin1String("pan"))
        m_dock->raise(); // drawing: show the list of what is drawn
}

QString AnnotationWorkbench::importFile(const QString& path)
{
    SlideDocument* doc = currentDocument();
    if (!doc)
        throw core::Error(tr("Open a slide to import annotations onto."));
    core::AnnotationImport in = core::importAnnotations(path);
    if (core::Project* project = m_project->project())
        project->annotations().renewIdsTakenElsewhere(project->annotations().slideIdFor(doc->slide()->path()),
                                                      in.annotations);
    return addImported(doc, path, std::move(in));
}

QString AnnotationWorkbench::addImported(SlideDocument* doc, const QString& path, core::AnnotationImport in)
{
    QStringList created = doc->annotations().mergeClasses(in.classes);
    for (const core::Annotation& a : in.annotations)
        if (!a.className.isEmpty() && !core::findClass(doc->annotations().classes(), a.className))
            created << doc->annotations().mergeClasses({{a.className, {}, true}});
    if (core::Project* project = m_project->project())
        project->annotations().addClasses(doc->annotations().classes());
    const int count = int(in.annotations.size());
    doc->annotations().add(std::move(in.annotations), tr("Import %1").arg(QFileInfo(path).fileName()));
    QStringList report{
        tr("%n annotation(s) imported from %1.", nullptr, count).arg(QFileInfo(path).fileName())};
    if (!created.isEmpty())
        report << tr("New classes: %1.").arg(created.join(QStringLiteral(", ")));
    if (!in.dropped.isEmpty())
        report << tr("Not kept: %1.").arg(in.dropped.join(QStringLiteral("; ")));
    return report.join(QLatin1Char('\n'));
}

void AnnotationWorkbench::startImport(const QString& path)
{
    SlideDocument* doc = currentDocument();
    if (!doc) {
        Q_EMIT importFinished(tr("Open a slide to import annotations onto."), false);
        tell(m_window, tr("Import Annotations"), tr("Open a slide to import annotations onto."), false);
        return;
    }
    // Parsing (0.9 s for 100 000 shapes) runs in the background; closing the slide drops it.
    Q_EMIT message(tr("Reading %1…").arg(QFileInfo(path).fileName()), false);
    const core::Project* project = m_project->project();
    TaskRunner::instance().run(
        doc, tr("Importing annotations"),
        [path, folder = project ? project->folder() : QString(), slide = doc->slide()->path()](TaskControl&) {
            core::AnnotationImport in = core::importAnnotations(path);
            // Ids of another slide's annotations (a file exported from there) are renewed: saved
            // as they are, they would move off that slide.
            if (!folder.isEmpty()) {
                const auto own = core::Project::open(folder);
                own->annotations().renewIdsTakenElsewhere(own->annotations().slideIdFor(slide),
                                                          in.annotations);
            }
            return in;
        },
        [this, doc, path](TaskResult<core::AnnotationImport> in) {
            const QString report = in.ok() ? addImported(doc, path, std::move(*in.value)) : in.error;
            Q_EMIT importFinished(report, in.ok());
            tell(m_window, tr("Import Annotations"), report, in.ok());
        });
}

void AnnotationWorkbench::startExport(const QString& path)
{
    SlideDocument* doc = currentDocument();
    if (!doc) {
        Q_EMIT exportFinished(tr("Open a slide whose annotations to export."), false);
        tell(m_window, tr("Export Annotations"), tr("Open a slide whose annotations to export."), false);
        return;
    }
    // A copy of what is there now is written, whatever is drawn meanwhile.
    const core::AnnotationSet& set = doc->annotations();
    TaskRunner::instance().run(
        this, tr("Exporting annotations"),
        [path, annotations = set.annotations(), classes = set.classes()](TaskControl&) {
            const QStringList dropped = core::exportAnnotations(path, annotations, classes);
            QString report =
                tr("%n annotation(s) written to %1.", nullptr, int(annotations.size())).arg(path);
            if (!dropped.isEmpty())
                report += QLatin1Char('\n') +
                          tr("The format cannot hold: %1.").arg(dropped.join(QStringLiteral("; ")));
            return report;
        },
        [this](TaskResult<QString> written) {
            const QString report = written.ok() ? *written.value : written.error;
            Q_EMIT exportFinished(report, written.ok());
            tell(m_window, tr("Export Annotations"), report, written.ok());
        });
}

QString AnnotationWorkbench::exportFile(const QString& path)
{
    SlideDocument* doc = currentDocument();
    if (!doc)
        throw core::Error(tr("Open a slide whose annotations to export."));
    const core::AnnotationSet& set = doc->annotations();
    const QStringList dropped = core::exportAnnotations(path, set.annotations(), set.classes());
    QString report = tr("%n annotation(s) written to %1.", nullptr, set.size()).arg(path);
    if (!dropped.isEmpty())
        report +=
            QLatin1Char('\n') + tr("The format cannot hold: %1.").arg(dropped.join(QStringLiteral("; ")));
    return report;
}

namespace {
// The regions of one map of `p` as annotations of `className`, named after the run and the map.
std::vector<core::Annotation> traceRegions(const core::Prediction& p, bool consistency,
                                           const core::HeatmapRegionOptions& options,
                                           const QString& className, const QString& author)
{
    core::PatchScores scores;
    scores.values = consistency ? p.consistency : p.attention;
    scores.coords = p.coords;
    scores.step = p.patchStep;
    const core::HeatmapRegions traced = core::traceHeatmapRegions(scores, options);
    std::vector<core::Annotation> regions;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QString map =
        consistency ? AnnotationWorkbench::tr("consistency") : AnnotationWorkbench::tr("attention");
    for (const core::HeatmapRegion& r : traced.regions) {
        core::Annotation a;
        a.id = QUuid::createUuid();
        a.geometry = r.geometry;
        a.className = className;
        a.author = author;
        a.name = AnnotationWorkbench::tr("%1 %2 (mean %3)").arg(p.run, map).arg(r.meanScore, 0, 'g', 3);
        a.created = a.modified = now;
        regions.push_back(std::move(a));
    }
    return regions;
}
} // namespace

int AnnotationWorkbench::annotateFromHeatmap(bool consistency, const core::HeatmapRegionOptions& options,
                                             const QString& className)
{
    SlideDocument* doc = currentDocument();
    if (!doc || !doc->analysis())
        throw core::Error(tr("There is no heatmap on this slide to trace."));
    std::vector<core::Annotation> regions =
        traceRegions(doc->analysis()->prediction(), consistency, options, className, m_author);
    const int count = int(regions.size());
    doc->annotations().add(std::move(regions), tr("Annotate from Heatmap"));
    return count;
}

void AnnotationWorkbench::startAnnotateFromHeatmap(bool consistency,
                                                   const core::HeatmapRegionOptions& options,
                                                   const QString& className)
{
    SlideDocument* doc = currentDocument();
    if (!doc || !doc->analysis()) {
        Q_EMIT heatmapTraced(-1, tr("There is no heatmap on this slide to trace."));
        return;
    }
    // Traced in the background on a copy of the scores; the regions join the slide it was
    // asked for, as one undoable edit, unless that slide was closed meanwhile.
    TaskRunner::instance().run(
        doc, tr("Tracing the heatmap"),
        [p = doc->analysis()->prediction(), consistency, options, className, author = m_author](
            TaskControl&) { return traceRegions(p, consistency, options, className, author); },
        [this, doc](TaskResult<std::vector<core::Annotation>> traced) {
            if (!traced.ok()) {
                Q_EMIT heatmapTraced(-1, traced.error);
                return;
            }
            const int count = int(traced.value->size());
            doc->annotations().add(std::move(*traced.value), tr("Annotate from Heatmap"));
            Q_EMIT heatmapTraced(count, tr("%n region(s) traced from the heatmap.", nullptr, count));
        });
}

} // namespace tessera::ui
