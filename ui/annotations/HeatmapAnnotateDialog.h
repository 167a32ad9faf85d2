// "Annotate from Heatmap…": which map (attention, or low reconstruction consistency), how to
// threshold it (Otsu, a percentile, a raw score), the smallest region kept, and the class the
// regions get.
#pragma once

#include "annotations/HeatmapRegions.h"

#include <QDialog>

class QComboBox;
class QDoubleSpinBox;

namespace tessera::ui {

class HeatmapAnnotateDialog : public QDialog {
    Q_OBJECT
public:
    HeatmapAnnotateDialog(bool hasConsistency, const QStringList& classes,
                          std::optional<double> micronsPerPixel, QWidget* parent = nullptr);

    bool useConsistency() const;
    core::HeatmapRegionOptions options() const; // minimum area in level-0 px²
    QString className() const;

private:
    QComboBox* m_map;
    QComboBox* m_mode;
    QDoubleSpinBox* m_value;
    QDoubleSpinBox* m_minArea;
    QDoubleSpinBox* m_smoothing;
    QComboBox* m_class;
    std::optional<double> m_mpp;
};

} // namespace tessera::ui
