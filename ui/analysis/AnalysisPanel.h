// The "Analysis" dock: the model's prediction for the current slide, its layers, the heatmap
// display settings and galleries of the most telling patches.
#pragma once

#include "document/SlideAnalysis.h"

#include <QImage>
#include <QPointer>
#include <QWidget>

#include <array>
#include <atomic>
#include <memory>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QListWidget;
class QSlider;
class QVBoxLayout;

namespace tessera::ui {

class AnalysisPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnalysisPanel(QWidget* parent = nullptr);
    ~AnalysisPanel() override;

    // Shows `analysis` (or, for nullptr, how to get one). The panel never owns it.
    void setAnalysis(SlideAnalysis* analysis);
    SlideAnalysis* analysis() const { return m_analysis; }
    // A problem (or progress) shown in the panel; the viewer keeps working.
    void showMessage(const QString& message, bool error);
    QString message() const;

    // The stored predictions of the current slide (the latest first), one of them `shown`.
    struct StoredChoice {
        QString text; // run, model, date
        QString file; // the results
    };
    void setStoredResults(const std::vector<StoredChoice>& choices, const QString& shown, bool loading);
    QComboBox* storedResultsBox() const { return m_stored; }

    HeatmapSettings settings() const;
    void setTissueChecked(bool checked);

    // For tests and scripting: the widgets a user drives.
    QLabel* trustBadge() const { return m_trustBadge; }
    QCheckBox* mapBox(MapLayer layer) const { return m_mapBoxes[std::size_t(layer)]; }
    QCheckBox* attentionBox() const { return mapBox(MapLayer::Attention); }
    QCheckBox* consistencyBox() const { return mapBox(MapLayer::Consistency); }
    QCheckBox* tissueBox() const { return m_tissue; }
    QCheckBox* gridBox() const { return m_grid; }
    QComboBox* colormapBox(MapLayer layer = MapLayer::Attention) const;
    QComboBox* normalizationBox() const { return m_normalization; }
    QSlider* opacitySlider() const { return m_opacity; }
    QSlider* thresholdSlider() const { return m_threshold; }
    QCheckBox* smoothBox() const { return m_smooth; }
    QListWidget* gallery(MapLayer layer) const;
    // True once the thumbnails of both galleries are in.
    bool thumbnailsLoaded() const;

Q_SIGNALS:
    void tissueToggled(bool visible);
    void patchActivated(int index); // a gallery thumbnail was chosen
    void storedResultsChosen(const QString& file);

private:
    void applySettings();
    void fillPrediction();
    void fillTrustBadge(const core::Prediction& prediction);
    void fillGalleries();
    void showThumbnails(const std::vector<QImage>& images);

    QPointer<SlideAnalysis> m_analysis;
    QLabel* m_runLabel;
    QLabel* m_trustBadge; // whether the slide is like the run's training data
    QWidget* m_storedRow;
    QComboBox* m_stored;
    bool m_loadingStored = false;
    QWidget* m_probabilities;
    QVBoxLayout* m_probabilityRows;
    static constexpr auto& kMaps = core::kScoreMaps;
    std::array<QCheckBox*, core::kScoreMapCount> m_mapBoxes{};  // by MapLayer
    std::array<QComboBox*, core::kScoreMapCount> m_colormaps{}; // by MapLayer
    std::array<QListWidget*, core::kScoreMapCount> m_galleries{};
    QCheckBox *m_tissue, *m_grid, *m_smooth;
    QComboBox* m_normalization;
    QSlider *m_opacity, *m_threshold;
    QLabel *m_opacityValue, *m_thresholdValue;
    QLabel* m_message;
    quint64 m_thumbnailTask = 0; // reading the galleries' pictures
    std::vector<int> m_galleryPatches[core::kScoreMapCount];
    bool m_thumbnailsShown = true;
};

} // namespace tessera::ui
