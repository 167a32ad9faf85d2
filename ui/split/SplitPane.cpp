#include "SplitPane.h"

#include "canvas/ImageLayer.h"
#include "common/Error.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "heatmap/MapDifference.h"
#include "viewer/SlideView.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QToolButton>
#include <utility>

namespace tessera::ui {

namespace {

constexpr auto& kMaps = core::kScoreMaps;

core::PatchScores scoresOf(const SlideAnalysis& analysis, MapLayer map)
{
    const core::Prediction& prediction = analysis.prediction();
    // Two runs may favour different classes on the slide: their evidence is compared toward the
    // same one (the second of two).
    if (map == MapLayer::Evidence && prediction.probabilities.size() == 2)
        return {prediction.evidenceTowardPositive(), prediction.coords, prediction.patchStep};
    return {prediction.scores(map), prediction.coords, prediction.patchStep};
}

} // namespace

SplitPane::SplitPane(int index, SlideView* view, QWidget* header, SlideView* first, QObject* parent)
    : QObject(parent),
      m_index(index),
      m_view(view),
      m_document(view->document()),
      m_first(first),
      m_run(new QComboBox(header)),
      m_map(new QComboBox(header)),
      m_problemLabel(new QLabel(header))
{
    auto* row = static_cast<QHBoxLayout*>(header->layout());
    auto* title = new QLabel(tr("View %1").arg(index + 1), header);
    if (first && first->slide() != view->slide()) { // a serial section: which one
        title->setText(tr("View %1 · %2").arg(index + 1).arg(QFileInfo(view->slide()->path()).fileName()));
        title->setToolTip(view->slide()->path());
    }
    title->setStyleSheet(QStringLiteral("font-weight: bold;"));
    row->addWidget(title);
    m_run->setObjectName(QStringLiteral("paneRun"));
    m_run->setToolTip(tr("The run whose maps this view shows (runs that have predicted this slide)"));
    m_run->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_run->setMinimumContentsLength(14);
    m_run->setPlaceholderText(tr("no stored results"));
    row->addWidget(m_run, 1);
    m_map->setObjectName(QStringLiteral("paneMap"));
    for (const MapLayer map : kMaps)
        m_map->addItem(core::scoreMapTitle(map));
    row->addWidget(m_map);
    if (first) {
        m_differenceBox = new QCheckBox(tr("− View 1"), header);
        m_differenceBox->setObjectName(QStringLiteral("paneDifference"));
        m_differenceBox->setToolTip(tr("Show where View 1 and this view disagree: View 1 minus this view, in "
                                       "percentile points of the chosen map"));
        row->addWidget(m_differenceBox);
        m_link = new QToolButton(header);
        m_link->setObjectName(QStringLiteral("paneLink"));
        m_link->setText(tr("Linked"));
        m_link->setCheckable(true);
        m_link->setChecked(true);
        m_link->setToolTip(tr("Follow the other views' pan, zoom and pointer"));
        row->addWidget(m_link);
        connect(m_differenceBox, &QCheckBox::toggled, this, [this] {
            present();
            Q_EMIT changed();
        });
        connect(m_link, &QToolButton::toggled, this, [this](bool linked) {
            m_link->setText(linked ? tr("Linked") : tr("Unlinked"));
            Q_EMIT linkToggled(linked);
            Q_EMIT changed();
        });
        connect(first->document(), &SlideDocument::analysisChanged, this, &SplitPane::present);
    }
    m_problemLabel->setObjectName(QStringLiteral("paneProblem"));
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b03a2e;"));
    row->addWidget(m_problemLabel);
    connect(m_map, &QComboBox::currentIndexChanged, this, [this] {
        present();
        Q_EMIT changed();
    });
    connect(m_run, &QComboBox::activated, this, [this](int at) {
        m_wantedRun.clear();
        m_loadClaimed = true;
        Q_EMIT runChosen(m_run->itemData(at).toString());
        Q_EMIT changed();
    });
    connect(document(), &SlideDocument::analysisChanged, this, [this] {
        if (!m_wantedRun.isEmpty() && shownRun() == m_wantedRun)
            m_wantedRun.clear(); // a restored layout's run is on: the user's choices rule from now on
        reflectShownRun();
        present();
    });
    reflectShownRun();
    present();
}

SplitPane::~SplitPane()
{
    removeDifference();
}

SlideDocument* SplitPane::document() const
{
    return m_document;
}

MapLayer SplitPane::map() const
{
    return kMaps[std::max(0, m_map->currentIndex())];
}

bool SplitPane::showsDifference() const
{
    return m_differenceBox && m_differenceBox->isChecked();
}

void SplitPane::setChoices(const std::vector<RunChoice>& choices)
{
    const QSignalBlocker quiet(m_run);
    m_run->clear();
    for (const RunChoice& choice : choices) {
        m_run->addItem(choice.text, choice.file);
        m_run->setItemData(m_run->count() - 1, choice.run, Qt::UserRole + 1);
    }
    reflectShownRun();
}

QString SplitPane::fileOfRun(const QString& run) const
{
    for (int i = 0; i < m_run->count(); ++i)
        if (m_run->itemData(i, Qt::UserRole + 1).toString() == run)
            return m_run->itemData(i).toString();
    return {};
}

QString SplitPane::shownRun() const
{
    const SlideAnalysis* shown = m_document ? m_document->analysis() : nullptr;
    if (!shown)
        return {};
    const int at = m_run->findData(shown->resultsPath());
    return at >= 0 ? m_run->itemData(at, Qt::UserRole + 1).toString() : shown->prediction().run;
}

void SplitPane::reflectShownRun()
{
    const SlideAnalysis* analysis = document()->analysis();
    const QSignalBlocker quiet(m_run);
    m_run->setCurrentIndex(analysis ? m_run->findData(analysis->resultsPath()) : -1);
}

core::PaneLayout SplitPane::state() const
{
    core::PaneLayout layout;
    layout.run = !m_wantedRun.isEmpty() ? m_wantedRun : shownRun();
    layout.map = core::scoreMapName(map());
    layout.difference = showsDifference();
    layout.linked = !m_link || m_link->isChecked();
    return layout;
}

void SplitPane::apply(const core::PaneLayout& layout)
{
    m_wantedRun = layout.run;
    if (const qsizetype at = core::scoreMapNames().indexOf(layout.map); at >= 0)
        m_map->setCurrentIndex(int(at));
    if (m_differenceBox)
        m_differenceBox->setChecked(layout.difference);
    if (m_link)
        m_link->setChecked(layout.linked);
}

bool SplitPane::claimFirstLoad()
{
    return !std::exchange(m_loadClaimed, true);
}

void SplitPane::setLinkEnabled(bool enabled)
{
    if (!m_link)
        return;
    m_link->setEnabled(enabled);
    if (!enabled)
        m_link->setChecked(true);
    if (m_differenceBox)
        m_differenceBox->setEnabled(enabled);
    if (!enabled && m_differenceBox)
        m_differenceBox->setChecked(false);
}

void SplitPane::present()
{
    showProblem({});
    if (!m_document)
        return;
    SlideAnalysis* analysis = document()->analysis();
    if (showsDifference()) {
        if (analysis)
            for (const MapLayer map : kMaps)
                if (analysis->hasMap(map))
                    analysis->setLayerVisible(map, false);
        presentDifference();
        return;
    }
    removeDifference();
    if (!analysis)
        return;
    for (const MapLayer map : kMaps)
        if (analysis->hasMap(map))
            analysis->setLayerVisible(map, map == this->map());
    if (!analysis->hasMap(map()))
        showProblem(tr("%1 has no map of %2").arg(analysis->prediction().run, core::scoreMapTitle(map())));
}

void SplitPane::presentDifference()
{
    const SlideAnalysis* mine = document()->analysis();
    const SlideAnalysis* theirs = m_first ? m_first->document()->analysis() : nullptr;
    if (m_first && m_first->slide() != m_view->slide()) {
        removeDifference();
        showProblem(tr("A difference needs both views on the same slide; these show two slides"));
        return;
    }
    if (!mine || !theirs) {
        removeDifference();
        showProblem(tr("Both views need a run for a difference"));
        return;
    }
    for (const SlideAnalysis* side : {theirs, mine})
        if (!side->hasMap(map())) {
            removeDifference();
            showProblem(tr("%1 has no map of %2").arg(side->prediction().run, core::scoreMapTitle(map())));
            return;
        }
    try {
        const core::PatchScores difference =
            core::percentileDifference(scoresOf(*theirs, map()), scoresOf(*mine, map()));
        const core::HeatmapImage picture = core::renderDifference(difference, document()->slide()->size());
        if (!m_difference) {
            m_difference = document()->layers().add(std::make_unique<ImageLayer>(tr("Difference")));
        }
        m_difference->setImage(picture.image, picture.downsample);
        m_difference->setOpacity(mine->settings().opacity);
        const QString nameA = tr("View 1 (%1)").arg(m_first->document()->analysis()->prediction().run);
        const QString nameB = tr("View %1 (%2)").arg(m_index + 1).arg(shownRun());
        m_difference->setLegend(
            core::renderLegend(core::differenceLegend(nameA, nameB), core::Colormap::Coolwarm, 380));
    } catch (const core::Error& error) {
        removeDifference();
        showProblem(error.message());
    }
}

void SplitPane::removeDifference()
{
    if (m_difference && m_document)
        m_document->layers().remove(m_difference);
    m_difference = nullptr;
}

void SplitPane::showProblem(const QString& problem)
{
    m_problem = problem;
    m_problemLabel->setText(problem.isEmpty() ? QString() : QStringLiteral("⚠"));
    m_problemLabel->setToolTip(problem);
}

} // namespace tessera::ui
