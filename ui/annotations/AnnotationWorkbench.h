// Everything annotation in the main window, in one room: the Annotate toolbar (pan, select and
// the drawing tools), the annotation dock, Edit ▸ Undo/Redo across slides, File ▸ Import /
// Export Annotations, Analysis ▸ Annotate from Heatmap, and keeping each slide's annotations in
// the open project.
#pragma once

#include "annotations/AnnotationFiles.h"
#include "annotations/HeatmapRegions.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class QAction;
class QActionGroup;
class QDockWidget;
class QMainWindow;
class QMenu;
class QToolBar;
class QUndoGroup;

namespace tessera::ui {

class AnnotationPanel;
class AnnotationPersistence;
class ProjectController;
class SlideDocument;
class SlideTabs;
class SlideView;
class ViewerTool;

class AnnotationWorkbench : public QObject {
    Q_OBJECT
public:
    AnnotationWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project);
    ~AnnotationWorkbench() override;

    void addFileActions(QMenu* file);
    void addEditActions(QMenu* edit);
    void addAnalysisActions(QMenu* analysis);

    AnnotationPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    QToolBar* toolBar() const { return m_toolBar; }
    // Activates a tool by name ("pan", "select", "point", "rectangle", "ellipse", "polygon",
    // "freehand") on the current view.
    void activateTool(const QString& name);
    ViewerTool* tool(const QString& name) const;

    // The actions behind the menus, without their file dialogs (tests, scripts). Each returns a
    // sentence for the user; import and export throw core::Error.
    QString importFile(const QString& path);
    QString exportFile(const QString& path);
    // The same in the background (the menus' way): the file is read or written off the GUI
    // thread; importFinished or exportFinished follows with the sentence, or the problem.
    void startImport(const QString& path);
    void startExport(const QString& path);
    int annotateFromHeatmap(bool consistency, const core::HeatmapRegionOptions& options,
                            const QString& className);
    // The same traced in the background (the menu's way); heatmapTraced follows.
    void startAnnotateFromHeatmap(bool consistency, const core::HeatmapRegionOptions& options,
                                  const QString& className);

    void setAuthor(const QString& author) { m_author = author; }
    const QString& author() const { return m_author; }

Q_SIGNALS:
    void message(const QString& text, bool problem);
    void importFinished(const QString& report, bool ok);
    void exportFinished(const QString& report, bool ok);
    void heatmapTraced(int regions, const QString& text); // regions < 0: text says why none

private:
    void currentViewChanged(SlideView* view);
    // Adds what a file held to the document: classes first, then the annotations as one edit.
    QString addImported(SlideDocument* document, const QString& path, core::AnnotationImport in);
    void attach(SlideDocument* document);
    void projectChanged();
    void createTools(SlideView* view);
    SlideDocument* currentDocument() const;

    QMainWindow* m_window;
    SlideTabs* m_tabs;
    ProjectController* m_project;
    AnnotationPanel* m_panel;
    QDockWidget* m_dock;
    QToolBar* m_toolBar;
    QActionGroup* m_toolActions;
    QUndoGroup* m_undo;
    QPointer<SlideView> m_view;
    QHash<QString, ViewerTool*> m_tools; // for m_view
    QHash<SlideDocument*, AnnotationPersistence*> m_persistence;
    QString m_author;
};

} // namespace tessera::ui
