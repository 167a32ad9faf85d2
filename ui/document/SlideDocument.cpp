#include "SlideDocument.h"

#include "AnnotationLayer.h"
#include "AnnotationSelection.h"
#include "SlideAnalysis.h"
#include "TissueOverlay.h"
#include "annotations/AnnotationSet.h"
#include "canvas/ImageLayer.h"
#include "canvas/OutlineLayer.h"
#include "common/Error.h"
#include "tasks/TaskRunner.h"

namespace tessera::ui {

SlideDocument::SlideDocument(core::SlidePtr slide, QObject* parent)
    : SlideDocument(std::make_unique<core::SlideSession>(std::move(slide)), parent)
{
}

SlideDocument::SlideDocument(std::unique_ptr<core::SlideSession> session, QObject* parent)
    : QObject(parent),
      m_session(std::move(session)),
      m_layers(std::make_unique<LayerStack>()),
      m_selection(std::make_unique<AnnotationSelection>())
{
    core::AnnotationSet& set = m_session->annotations();
    m_annotationLayer = m_layers->add(std::make_unique<AnnotationLayer>(set, *m_selection));
    // Whatever leaves the set leaves the selection too (deleted, undone).
    connect(&set, &core::AnnotationSet::edited, this,
            [this](const QList<QUuid>&, const QList<QUuid>& removed) {
                if (removed.isEmpty())
                    return;
                QList<QUuid> kept = m_selection->ids();
                for (const QUuid& id : removed)
                    kept.removeAll(id);
                m_selection->set(kept);
            });
    connect(&set, &core::AnnotationSet::wasReset, m_selection.get(), &AnnotationSelection::clear);
    connect(m_session.get(), &core::SlideSession::tissueChanged, this, &SlideDocument::presentTissue);
    connect(m_session.get(), &core::SlideSession::resultsChanged, this, &SlideDocument::presentResults);
    if (m_session->tissue())
        presentTissue();
    if (m_session->results())
        presentResults();
}

SlideDocument::~SlideDocument()
{
    m_analysis.reset(); // its layers live in m_layers
}

void SlideDocument::setTissueVisible(bool visible)
{
    m_tissueVisible = visible;
    if (m_tissueImage) {
        m_tissueImage->setVisible(visible);
        m_tissueOutline->setVisible(visible);
    } else if (visible) {
        detectTissue();
    }
}

void SlideDocument::detectTissue()
{
    if (m_detecting)
        return;
    m_detecting = true;
    // Detection reads a low-resolution copy of the slide: off the GUI thread. The task holds its
    // own reference to the slide; if the document goes first, it stops at its next read.
    TaskRunner::instance().run(
        this, tr("Detecting tissue"),
        [slide = slide()](TaskControl& control) {
            return core::TissueDetector().detect(*slide, control.cancelFlag());
        },
        [this](TaskResult<core::TissueMask> outcome) {
            m_detecting = false;
            if (!outcome.ok()) {
                Q_EMIT tissueFailed(outcome.error);
                return;
            }
            m_session->setTissue(std::move(*outcome.value));
        });
}

void SlideDocument::presentTissue()
{
    const core::TissueMask& tissue = *m_session->tissue();
    m_layers->remove(m_tissueImage);
    m_layers->remove(m_tissueOutline);
    auto image = std::make_unique<ImageLayer>(tr("Tissue mask"));
    image->setImage(tissueOverlayImage(tissue), tissue.downsample);
    auto outline = std::make_unique<OutlineLayer>(tr("Tissue outline"));
    std::vector<QPolygonF> outlines = tissue.outlines;
    outlines.insert(outlines.end(), tissue.holes.begin(), tissue.holes.end());
    outline->setOutlines(std::move(outlines), QColor(20, 150, 60));
    image->setVisible(m_tissueVisible);
    outline->setVisible(m_tissueVisible);
    m_tissueImage = m_layers->add(std::move(image));
    m_tissueOutline = m_layers->add(std::move(outline));
    Q_EMIT tissueDetected(tissue.tissueFraction(), tissue.threshold);
}

SlideAnalysis* SlideDocument::showAnalysis(core::Prediction prediction, const QString& resultsPath,
                                           const HeatmapSettings& settings)
{
    m_heatmapSettings = settings;
    m_settingsGiven = true;
    m_session->setResults({std::move(prediction), resultsPath, std::nullopt});
    return m_analysis.get();
}

void SlideDocument::presentResults()
{
    if (m_analysis && !m_settingsGiven)
        m_heatmapSettings = m_analysis->settings(); // new results are drawn as the last ones were
    m_settingsGiven = false;
    m_analysis.reset(); // its layers go with it
    m_analysis = std::make_unique<SlideAnalysis>(*this, m_heatmapSettings);
    Q_EMIT analysisChanged();
}

} // namespace tessera::ui
