// The Review room: a run proposes patches of its training slides where a pathologist's answer
// would teach it most (core/review), the dock shows them as a film strip and each on its slide,
// the pathologist answers by key (a class 1–9, X reject, N skip), every answer becomes a project
// annotation that says which run proposed it and who answered, and "Fine-tune with my answers"
// queues a job from the run whose validation AUC is then shown beside the run's.
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <functional>

class QDockWidget;
class QMainWindow;
class QShortcut;

namespace tessera::ui {

class OutlineLayer;
class ProjectController;
class ReviewPanel;
class ReviewQueue;
class SlideDocument;
class SlideTabs;

class ReviewWorkbench : public QObject {
    Q_OBJECT
public:
    ReviewWorkbench(QMainWindow* window, SlideTabs* tabs, ProjectController* project,
                    std::function<QString()> author);

    QDockWidget* dock() const { return m_dock; }
    ReviewPanel* panel() const { return m_panel; }
    ReviewQueue* queue() const { return m_queue; }

    // Computes the proposals in the background; proposalsReady follows (error empty when fine).
    void ask(const QString& run, const QString& acquisition, int count);
    // The current proposal answered, rejected or skipped; answers and rejections are saved in the
    // project as annotations (rejections under QuPath's "Ignore*" class, which trains nothing).
    void answer(const QString& className);
    void reject();
    void skip();
    // Queues the fine-tuning job; returns its run's name (empty, with problem emitted, if not).
    QString fineTune();

Q_SIGNALS:
    void proposalsReady(int count, const QString& error);
    void proposalShown(int index); // centred in the viewer with its outline
    void problem(const QString& message);

private:
    void refreshRuns();
    void showCurrent();
    bool settle(const QString& className); // saves the current item's annotation; false if it could not
    void updateKeys(); // the answer keys act while the dock is shown and a proposal is current
    void drawOutlines(SlideDocument* document);
    void compareWithParent();

    QMainWindow* m_window;
    SlideTabs* m_tabs;
    ProjectController* m_project;
    std::function<QString()> m_author;
    ReviewQueue* m_queue;
    ReviewPanel* m_panel;
    QDockWidget* m_dock;
    QList<QShortcut*> m_keys;
    QHash<SlideDocument*, OutlineLayer*> m_outlines;
    QString m_pendingSlide; // opening in a tab, to show the current proposal on when ready
    QString m_tunedRun;     // the fine-tuning queued from the dock, compared with its parent once finished
};

} // namespace tessera::ui
