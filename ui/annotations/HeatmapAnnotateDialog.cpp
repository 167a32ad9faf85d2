#include "HeatmapAnnotateDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>

namespace tessera::ui {

HeatmapAnnotateDialog::HeatmapAnnotateDialog(bool hasConsistency, const QStringList& classes,
                                             std::optional<double> micronsPerPixel, QWidget* parent)
    : QDialog(parent),
      m_map(new QComboBox(this)),
      m_mode(new QComboBox(this)),
      m_value(new QDoubleSpinBox(this)),
      m_minArea(new QDoubleSpinBox(this)),
      m_smoothing(new QDoubleSpinBox(this)),
      m_class(new QComboBox(this)),
      m_mpp(micronsPerPixel)
{
    setWindowTitle(tr("Annotate from Heatmap"));
    auto* form = new QFormLayout(this);
    m_map->addItem(tr("Attention (high)"), false);
    if (hasConsistency)
        m_map->addItem(tr("Reconstruction consistency (low)"), true);
    form->addRow(tr("Map:"), m_map);
    m_mode->addItem(tr("Percentile"), int(core::HeatmapRegionOptions::Threshold::Percentile));
    m_mode->addItem(tr("Automatic (Otsu)"), int(core::HeatmapRegionOptions::Threshold::Otsu));
    m_mode->addItem(tr("Score"), int(core::HeatmapRegionOptions::Threshold::Raw));
    m_mode->setToolTip(tr("Otsu splits the scores into two groups; a percentile keeps the top (or, for "
                          "consistency, the bottom) share of patches; a score is compared as it is"));
    form->addRow(tr("Threshold:"), m_mode);
    m_value->setRange(-1e6, 1e6);
    m_value->setDecimals(4);
    m_value->setValue(95); // the top 5 % of patches
    form->addRow(tr("Value:"), m_value);
    m_minArea->setRange(0, 1e12);
    m_minArea->setDecimals(0);
    m_minArea->setValue(micronsPerPixel ? 10000 : 0);
    m_minArea->setSuffix(micronsPerPixel ? tr(" µm²") : tr(" px²"));
    form->addRow(tr("Smallest region:"), m_minArea);
    m_smoothing->setRange(0, 3);
    m_smoothing->setSingleStep(0.25);
    m_smoothing->setValue(0.5);
    m_smoothing->setSuffix(tr(" patches"));
    form->addRow(tr("Smoothing:"), m_smoothing);
    m_class->addItem(tr("Unclassified"), QString());
    for (const QString& c : classes)
        m_class->addItem(c, c);
    form->addRow(tr("Class:"), m_class);
    const auto updateValue = [this] {
        m_value->setEnabled(m_mode->currentData().toInt() !=
                            int(core::HeatmapRegionOptions::Threshold::Otsu));
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, updateValue);
    updateValue();
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

bool HeatmapAnnotateDialog::useConsistency() const
{
    return m_map->currentData().toBool();
}

core::HeatmapRegionOptions HeatmapAnnotateDialog::options() const
{
    core::HeatmapRegionOptions o;
    o.mode = core::HeatmapRegionOptions::Threshold(m_mode->currentData().toInt());
    o.threshold = m_value->value();
    // Low consistency is what stands out; a percentile then counts from the bottom.
    o.below = useConsistency();
    if (o.below && o.mode == core::HeatmapRegionOptions::Threshold::Percentile)
        o.threshold = 100 - o.threshold;
    o.minArea = m_mpp ? m_minArea->value() / (*m_mpp * *m_mpp) : m_minArea->value();
    o.smoothing = m_smoothing->value();
    o.logScale = !useConsistency(); // attention weights are a softmax (HeatmapRegionOptions)
    return o;
}

QString HeatmapAnnotateDialog::className() const
{
    return m_class->currentData().toString();
}

} // namespace tessera::ui
