// The project's menu entries and what they do: File ▸ New, Open and Close Project; the Project
// menu (add slides or a folder, labels and splits in and out, train a model); and what the GUI
// infers for the open project recorded in it, as the CLI does. Problems and reports go to the
// window's status bar and message box through its two signals.
#pragma once

#include "project/SlideCatalog.h"

#include <QList>
#include <QObject>
#include <functional>

class QAction;
class QMenu;
class QWidget;

namespace tessera::core {
struct SlideInferenceResult;
}

namespace tessera::ui {

class ProjectController;
class TrainingDialog;

class ProjectActions : public QObject {
    Q_OBJECT
public:
    ProjectActions(ProjectController* project, QWidget* window);

    void addFileActions(QMenu* file); // New, Open and Close Project
    void fillProjectMenu(QMenu* menu);

    // Opens (or creates) a project; false with the reason said (errorOccurred).
    bool openProject(const QString& folder, bool create = false);
    // The training dialog for the open project (non-modal); accepting it queues the jobs.
    TrainingDialog* showTrainingDialog();
    // Records an inference the GUI ran for `projectDir` when that is the open project.
    void recordInference(const QString& runDir, const QString& slidePath,
                         const core::SlideInferenceResult& result, const QString& projectDir);

Q_SIGNALS:
    void errorOccurred(const QString& message);
    void statusMessage(const QString& message, int milliseconds);

private:
    void updateEnabled();
    void runGuarded(const std::function<void()>& action); // a core::Error becomes errorOccurred
    // Adds slides or folders in the background; the report goes to the status bar.
    void addSlides(const QStringList& paths);
    void reportAdded(const core::AddReport& report);
    void reportImported(const QString& csv, const core::ImportReport& report);
    QString projectFolder() const;

    ProjectController* m_project;
    QWidget* m_window;
    QList<QAction*> m_needProject; // enabled while a project is open
};

} // namespace tessera::ui
