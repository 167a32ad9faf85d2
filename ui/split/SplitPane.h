// One pane of a split tab: the controls in its header (which run, which map, whether to show the
// difference from the first pane, whether to follow the others) and the maps shown on its
// document accordingly. A difference pane hides its own maps and draws the percentile difference
// first pane − this pane (core/heatmap/MapDifference) with a diverging legend.
#pragma once

#include "document/HeatmapSettings.h"
#include "project/ViewLayout.h"

#include <QObject>
#include <QPointer>

class QCheckBox;
class QComboBox;
class QLabel;
class QToolButton;

namespace tessera::ui {

class ImageLayer;
class SlideDocument;
class SlideView;

class SplitPane : public QObject {
    Q_OBJECT
public:
    struct RunChoice {
        QString text; // run, model, date
        QString run;  // its name
        QString file; // the results
    };

    // Fills `header` (empty, with a row layout) for pane `index` of a split; `first` is the first
    // pane's view (the difference's A), nullptr for the first pane itself.
    SplitPane(int index, SlideView* view, QWidget* header, SlideView* first, QObject* parent = nullptr);
    ~SplitPane() override;

    int index() const { return m_index; }
    SlideView* view() const { return m_view; }
    SlideDocument* document() const;

    void setChoices(const std::vector<RunChoice>& choices);
    // The file of the run called `run` among the choices; empty if none.
    QString fileOfRun(const QString& run) const;
    // The name of the run whose results the pane shows, as the choices list it (the prediction's
    // own run field otherwise); empty when it shows none.
    QString shownRun() const;
    // The pane's state as the project keeps it; and applied back (the run is chosen by whoever
    // loads it).
    core::PaneLayout state() const;
    void apply(const core::PaneLayout& layout);
    void setLinkEnabled(bool enabled); // the swipe keeps its two views linked
    // True the first time only, and never after the user picked a run: a new pane takes the
    // slide's latest results once, and never over a choice.
    bool claimFirstLoad();
    MapLayer map() const;
    bool showsDifference() const;
    const QString& problem() const { return m_problem; }
    ImageLayer* differenceLayer() const { return m_difference; }

Q_SIGNALS:
    void runChosen(const QString& file);
    void linkToggled(bool linked);
    void changed(); // anything that the project's layout keeps

private:
    void present();
    void presentDifference();
    void removeDifference();
    void showProblem(const QString& problem);
    void reflectShownRun();

    int m_index;
    SlideView* m_view;
    QPointer<SlideDocument> m_document; // may go before the pane (a closing tab)
    QPointer<SlideView> m_first;
    QComboBox* m_run;
    QComboBox* m_map;
    QCheckBox* m_differenceBox = nullptr;
    QToolButton* m_link = nullptr;
    QLabel* m_problemLabel;
    QString m_problem;
    ImageLayer* m_difference = nullptr;
    QString m_wantedRun; // from a saved layout, until the choices hold it
    bool m_loadClaimed = false;
};

} // namespace tessera::ui
