// A project's stored predictions on the slides it opens: the latest is shown when a project
// slide opens (read off the GUI thread, never recomputed), and the Analysis dock lists every run
// that predicted the current slide so that another can be picked.
#pragma once

#include "project/RunRegistry.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <functional>
#include <vector>

namespace tessera::ui {

class AnalysisController;
class AnalysisPanel;
class ProjectController;
class SlideDocument;
class SlideTabs;
class SlideView;

class StoredResults : public QObject {
    Q_OBJECT
public:
    StoredResults(ProjectController* project, AnalysisController* analysis, AnalysisPanel* panel,
                  SlideTabs* tabs, QObject* parent = nullptr);

    // Shows the latest stored prediction on `document` unless it already shows results (none
    // when the project holds none for its slide); the project is read off the GUI thread.
    void showLatest(SlideDocument* document);

private:
    void listForCurrentSlide();
    void showOnEveryOpenSlide();

    void load(SlideDocument* document, const QString& file);
    // Calls `then` with the project's stored predictions for the document's slide, read in the
    // background; not at all when the document goes first.
    void withStored(SlideDocument* document,
                    std::function<void(SlideDocument*, const std::vector<core::PredictionRecord>&)> then);

    QSet<const SlideDocument*> m_loading; // documents whose stored results are being read
    ProjectController* m_project;
    AnalysisController* m_analysis;
    AnalysisPanel* m_panel;
    SlideTabs* m_tabs;
    int m_listing = 0;
    QPointer<SlideDocument> m_listed; // the document the panel's list is about
};

} // namespace tessera::ui
