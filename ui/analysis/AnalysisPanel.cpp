#include "AnalysisPanel.h"

#include "common/Error.h"
#include "document/SlideDocument.h"
#include "tasks/TaskRunner.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QSlider>
#include <QTabWidget>
#include <QVBoxLayout>

namespace tessera::ui {

namespace {
constexpr int kGallerySize = 12;
constexpr int kThumbnail = 96;

// Patch pictures for the galleries, read off the GUI thread from the level nearest 96 px; stops
// early when `cancel` is set (the panel moved on to another slide).
std::vector<QImage> readThumbnails(const core::SlidePtr& slide, const std::vector<QRectF>& patches,
                                   const TaskControl& control)
{
    std::vector<QImage> images;
    for (const QRectF& patch : patches) {
        if (control.isCancelled())
            break;
        try {
            const int level = slide->bestLevelForDownsample(patch.width() / kThumbnail);
            const double d = slide->levelDownsample(level);
            const QSize size(qCeil(patch.width() / d), qCeil(patch.height() / d));
            images.push_back(
                slide->readRegion(patch.topLeft().toPoint(), level, size)
                    .scaled(kThumbnail, kThumbnail, Qt::KeepAspectRatio, Qt::SmoothTransformation));
        } catch (const core::Error&) {
            images.emplace_back(); // an unreadable patch keeps its place without a picture
        }
    }
    return images;
}

QListWidget* makeGallery(QWidget* parent, const QString& name)
{
    auto* list = new QListWidget(parent);
    list->setObjectName(name);
    list->setViewMode(QListView::IconMode);
    list->setIconSize(QSize(kThumbnail, kThumbnail));
    list->setResizeMode(QListView::Adjust);
    list->setMovement(QListView::Static);
    list->setSpacing(4);
    list->setMinimumHeight(2 * kThumbnail + 40);
    return list;
}
} // namespace

AnalysisPanel::AnalysisPanel(QWidget* parent) : QWidget(parent)
{
    auto* layout = new QVBoxLayout(this);

    auto* model = new QGroupBox(tr("Prediction"), this);
    auto* modelLayout = new QVBoxLayout(model);
    // Which stored prediction is shown, when the project holds one or more for this slide.
    m_storedRow = new QWidget(model);
    auto* storedLayout = new QHBoxLayout(m_storedRow);
    storedLayout->setContentsMargins(0, 0, 0, 0);
    storedLayout->addWidget(new QLabel(tr("Results"), m_storedRow));
    m_stored = new QComboBox(m_storedRow);
    m_stored->setObjectName(QStringLiteral("storedResults"));
    m_stored->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_stored->setMinimumContentsLength(16);
    m_stored->setToolTip(tr("The project's stored predictions for this slide, the latest first"));
    storedLayout->addWidget(m_stored, 1);
    modelLayout->addWidget(m_storedRow);
    m_storedRow->hide();
    connect(m_stored, &QComboBox::activated, this,
            [this](int index) { Q_EMIT storedResultsChosen(m_stored->itemData(index).toString()); });
    m_runLabel = new QLabel(model);
    m_runLabel->setWordWrap(true);
    modelLayout->addWidget(m_runLabel);
    m_trustBadge = new QLabel(model);
    m_trustBadge->setObjectName(QStringLiteral("trustBadge"));
    m_trustBadge->setWordWrap(true);
    m_trustBadge->setTextFormat(Qt::RichText);
    m_trustBadge->hide();
    modelLayout->addWidget(m_trustBadge);
    m_probabilities = new QWidget(model);
    m_probabilityRows = new QVBoxLayout(m_probabilities);
    m_probabilityRows->setContentsMargins(0, 0, 0, 0);
    modelLayout->addWidget(m_probabilities);
    layout->addWidget(model);

    auto* layers = new QGroupBox(tr("Layers"), this);
    auto* layersLayout = new QVBoxLayout(layers);
    m_mapBoxes = {new QCheckBox(tr("Attention"), layers),
                  new QCheckBox(tr("Reconstruction consistency"), layers),
                  new QCheckBox(tr("Uncertainty (folds disagree)"), layers),
                  new QCheckBox(tr("Evidence (for or against the prediction)"), layers)};
    m_mapBoxes[std::size_t(MapLayer::Evidence)]->setToolTip(
        tr("Which way each patch pushes the slide: red toward the predicted class, blue away from it, "
           "grey neither. Attention says where the model looks; evidence says what it makes of it. "
           "A check on the model, not a tumour map: SR-MIL's patches carry their surroundings, and its "
           "evidence can point away from a tumour its attention finds (docs/HEATMAPS.md). SR-MIL and "
           "ABMIL runs make this map."));
    m_mapBoxes[std::size_t(MapLayer::Consistency)]->setToolTip(tr("SR-MIL runs make this map."));
    m_mapBoxes[std::size_t(MapLayer::Uncertainty)]->setToolTip(
        tr("Where the folds of a cross-validation disagree on which patches matter: the spread over the "
           "folds of each patch's attention, in multiples of an even share (1 = 1/N of the slide). Only "
           "an ensemble (a --folds run used whole) has one."));
    m_tissue = new QCheckBox(tr("Tissue mask"), layers);
    m_grid = new QCheckBox(tr("Patch grid"), layers);
    for (MapLayer map : kMaps) // in kMaps' order: attention and evidence first
        layersLayout->addWidget(mapBox(map));
    for (QCheckBox* box : {m_tissue, m_grid})
        layersLayout->addWidget(box);
    layout->addWidget(layers);
    for (MapLayer map : kMaps)
        connect(mapBox(map), &QCheckBox::toggled, this, [this, map](bool on) {
            if (m_analysis)
                m_analysis->setLayerVisible(map, on);
        });
    connect(m_grid, &QCheckBox::toggled, this, [this](bool on) {
        if (m_analysis)
            m_analysis->setPatchGridVisible(on);
    });
    connect(m_tissue, &QCheckBox::toggled, this, &AnalysisPanel::tissueToggled);

    auto* display = new QGroupBox(tr("Heatmap display"), this);
    auto* form = new QFormLayout(display);
    // Each map has its own colours, so that both can be shown at once and told apart.
    const auto makeColormapBox = [display](MapLayer layer) {
        auto* box = new QComboBox(display);
        for (const QString& name : core::colormapNames())
            box->addItem(name, name);
        box->setCurrentIndex(box->findData(core::colormapName(HeatmapSettings{}.colormap(layer))));
        return box;
    };
    for (MapLayer map : kMaps)
        m_colormaps[std::size_t(map)] = makeColormapBox(map);
    m_normalization = new QComboBox(display);
    m_normalization->addItem(tr("Percentile"), int(core::Normalization::Percentile));
    m_normalization->addItem(tr("Raw (min–max)"), int(core::Normalization::Raw));
    const auto slider = [display](int value) {
        auto* s = new QSlider(Qt::Horizontal, display);
        s->setRange(0, 100);
        s->setValue(value);
        return s;
    };
    m_opacity = slider(50);
    m_threshold = slider(0);
    m_opacityValue = new QLabel(display);
    m_thresholdValue = new QLabel(display);
    const auto row = [display](QSlider* s, QLabel* value) {
        auto* w = new QWidget(display);
        auto* h = new QHBoxLayout(w);
        h->setContentsMargins(0, 0, 0, 0);
        h->addWidget(s, 1);
        value->setMinimumWidth(QFontMetrics(value->font()).horizontalAdvance(QStringLiteral("100 %")));
        h->addWidget(value);
        return w;
    };
    m_smooth = new QCheckBox(tr("Smooth between patches"), display);
    form->addRow(tr("Attention colours"), m_colormaps[std::size_t(MapLayer::Attention)]);
    form->addRow(tr("Evidence colours"), m_colormaps[std::size_t(MapLayer::Evidence)]);
    form->addRow(tr("Consistency colours"), m_colormaps[std::size_t(MapLayer::Consistency)]);
    form->addRow(tr("Uncertainty colours"), m_colormaps[std::size_t(MapLayer::Uncertainty)]);
    form->addRow(tr("Scale"), m_normalization);
    form->addRow(tr("Opacity"), row(m_opacity, m_opacityValue));
    m_threshold->setToolTip(tr("Hides the cold end of each map: patches whose normalized score is below "
                               "this (for consistency, the patches most like their neighbours)."));
    form->addRow(tr("Hide below"), row(m_threshold, m_thresholdValue));
    form->addRow(QString(), m_smooth);
    layout->addWidget(display);
    for (QComboBox* box : m_colormaps)
        connect(box, &QComboBox::currentIndexChanged, this, &AnalysisPanel::applySettings);
    connect(m_normalization, &QComboBox::currentIndexChanged, this, &AnalysisPanel::applySettings);
    connect(m_opacity, &QSlider::valueChanged, this, &AnalysisPanel::applySettings);
    connect(m_threshold, &QSlider::valueChanged, this, &AnalysisPanel::applySettings);
    connect(m_smooth, &QCheckBox::toggled, this, &AnalysisPanel::applySettings);

    auto* galleries = new QTabWidget(this);
    m_galleries = {makeGallery(galleries, QStringLiteral("attentionGallery")),
                   makeGallery(galleries, QStringLiteral("consistencyGallery")),
                   makeGallery(galleries, QStringLiteral("uncertaintyGallery")),
                   makeGallery(galleries, QStringLiteral("evidenceGallery"))};
    galleries->addTab(gallery(MapLayer::Attention), tr("Highest attention"));
    galleries->addTab(gallery(MapLayer::Evidence), tr("Strongest evidence"));
    galleries->addTab(gallery(MapLayer::Consistency), tr("Lowest consistency"));
    galleries->addTab(gallery(MapLayer::Uncertainty), tr("Most uncertain"));
    layout->addWidget(galleries, 1);
    for (QListWidget* list : m_galleries)
        connect(list, &QListWidget::itemActivated, this,
                [this](QListWidgetItem* item) { Q_EMIT patchActivated(item->data(Qt::UserRole).toInt()); });

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("analysisMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_message);

    applySettings();
    setAnalysis(nullptr);
}

// Its thumbnail task is cancelled with it (TaskRunner); the task holds its own slide reference.
AnalysisPanel::~AnalysisPanel() = default;

void AnalysisPanel::setStoredResults(const std::vector<StoredChoice>& choices, const QString& shown,
                                     bool loading)
{
    m_loadingStored = loading;
    const QSignalBlocker block(m_stored);
    m_stored->clear();
    for (const StoredChoice& c : choices) {
        m_stored->addItem(c.text, c.file);
        m_stored->setItemData(m_stored->count() - 1, c.file, Qt::ToolTipRole);
    }
    const QString shownFile = shown.isEmpty() ? QString() : QFileInfo(shown).absoluteFilePath();
    int current = -1;
    for (int i = 0; i < m_stored->count(); ++i)
        if (QFileInfo(m_stored->itemData(i).toString()).absoluteFilePath() == shownFile)
            current = i;
    m_stored->setCurrentIndex(current);
    m_storedRow->setVisible(!choices.empty());
    if (!m_analysis)
        fillPrediction(); // "loading…" rather than "no results"
}

HeatmapSettings AnalysisPanel::settings() const
{
    HeatmapSettings s;
    for (MapLayer layer : kMaps)
        if (const auto map = core::colormapFromName(colormapBox(layer)->currentData().toString()))
            s.setColormap(layer, *map);
    s.normalization = core::Normalization(m_normalization->currentData().toInt());
    s.threshold = m_threshold->value() / 100.0;
    s.smoothing = m_smooth->isChecked() ? 1.0 : 0.0;
    s.opacity = m_opacity->value() / 100.0;
    return s;
}

void AnalysisPanel::applySettings()
{
    m_opacityValue->setText(QStringLiteral("%1 %").arg(m_opacity->value()));
    m_thresholdValue->setText(QString::number(m_threshold->value() / 100.0, 'f', 2));
    if (m_analysis)
        m_analysis->setSettings(settings());
}

void AnalysisPanel::setTissueChecked(bool checked)
{
    const QSignalBlocker block(m_tissue);
    m_tissue->setChecked(checked);
}

void AnalysisPanel::setAnalysis(SlideAnalysis* analysis)
{
    m_analysis = analysis;
    const bool has = analysis != nullptr;
    for (MapLayer map : kMaps) {
        QCheckBox* box = mapBox(map);
        const QSignalBlocker block(box);
        box->setEnabled(has && analysis->hasMap(map));
        box->setChecked(has && analysis->isLayerVisible(map));
    }
    {
        const QSignalBlocker block(m_grid);
        m_grid->setEnabled(has);
        m_grid->setChecked(has && analysis->isPatchGridVisible());
    }
    if (has)
        analysis->setSettings(settings());
    m_message->clear();
    fillPrediction();
    fillGalleries();
}

void AnalysisPanel::fillPrediction()
{
    while (QLayoutItem* item = m_probabilityRows->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    if (!m_analysis) {
        m_trustBadge->hide();
        m_runLabel->setText(m_loadingStored
                                ? tr("Loading the stored results…")
                                : tr("No model results for this slide. Use Analysis ▸ Run Model on Slide… or "
                                     "Analysis ▸ Open Results…"));
        return;
    }
    const core::Prediction& p = m_analysis->prediction();
    const QString model =
        p.members > 1 ? tr("%1, ensemble of %2 folds").arg(p.model).arg(p.members) : p.model;
    m_runLabel->setText(tr("<b>%1</b> (%2), %3 patches")
                            .arg(QFileInfo(p.run).fileName().toHtmlEscaped(), model.toHtmlEscaped())
                            .arg(p.attention.size()));
    m_runLabel->setToolTip(tr("Run: %1\nResults: %2").arg(p.run, m_analysis->resultsPath()));
    fillTrustBadge(p);
    const auto top =
        std::max_element(p.probabilities.begin(), p.probabilities.end()) - p.probabilities.begin();
    // Class and percentage beside the bar, never over it: text across the fill's edge reads badly.
    for (qsizetype c = 0; c < p.classNames.size(); ++c) {
        const double probability = p.probabilities[std::size_t(c)];
        auto* row = new QWidget(m_probabilities);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(0, 0, 0, 0);
        auto* name = new QLabel(p.classNames[c], row);
        auto* bar = new QProgressBar(row);
        bar->setRange(0, 1000);
        bar->setValue(qRound(probability * 1000));
        bar->setFormat(QStringLiteral("%1  %2 %").arg(p.classNames[c]).arg(probability * 100, 0, 'f', 1));
        bar->setTextVisible(false);
        bar->setMaximumHeight(name->sizeHint().height());
        bar->setObjectName(QStringLiteral("probability_%1").arg(p.classNames[c]));
        // An ensemble's probability comes with the spread of its folds' (one standard deviation).
        const bool spread = std::size_t(c) < p.probabilitySpread.size();
        auto* value = new QLabel(spread ? tr("%1 ± %2 %")
                                              .arg(probability * 100, 0, 'f', 1)
                                              .arg(p.probabilitySpread[std::size_t(c)] * 100, 0, 'f', 1)
                                        : QStringLiteral("%1 %").arg(probability * 100, 0, 'f', 1),
                                 row);
        value->setObjectName(QStringLiteral("probabilityValue_%1").arg(p.classNames[c]));
        if (spread)
            value->setToolTip(
                tr("Mean of %1 folds' calibrated probabilities ± their standard deviation").arg(p.members));
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        value->setMinimumWidth(value->fontMetrics().horizontalAdvance(QStringLiteral("100.0 %")));
        if (c == top)
            for (QLabel* label : {name, value}) {
                QFont font = label->font();
                font.setBold(true);
                label->setFont(font);
            }
        layout->addWidget(name);
        layout->addWidget(bar, 1);
        layout->addWidget(value);
        // Greyed, not hidden: the numbers stay readable, but do not look like an answer.
        row->setEnabled(!p.ood.flagged);
        m_probabilityRows->addWidget(row);
    }
    if (p.ood.flagged) {
        auto* caveat =
            new QLabel(tr("Not to be trusted: the slide is unlike the training data."), m_probabilities);
        caveat->setObjectName(QStringLiteral("probabilityCaveat"));
        caveat->setWordWrap(true);
        m_probabilityRows->addWidget(caveat);
    }
}

void AnalysisPanel::fillTrustBadge(const core::Prediction& p)
{
    const core::OodVerdict& ood = p.ood;
    QString details;
    if (ood.isJudged()) {
        QStringList rows;
        for (const core::OodPart& part : ood.parts)
            rows << tr("<tr><td>%1</td><td align=right>%2</td><td align=right>%3</td></tr>")
                        .arg(core::OodPart::nameOf(part.key).toHtmlEscaped(),
                             part.available() ? QString::number(part.z, 'f', 1) : tr("not measured"),
                             QString::number(part.value, 'g', 3));
        details = tr("<p>%1</p><table><tr><th align=left>Score</th><th>Spreads above "
                     "typical</th><th>Value</th></tr>"
                     "%2</table><p>Flagged above %3: %4.<br>Compared with %5 of the run.</p>")
                      .arg(ood.summary().toHtmlEscaped(), rows.join(QString()))
                      .arg(ood.threshold, 0, 'f', 1)
                      .arg(ood.thresholdRule.toHtmlEscaped(), ood.reference.toHtmlEscaped());
    } else {
        details = (p.trustNote.isEmpty() ? ood.badge() : p.trustNote).toHtmlEscaped();
    }
    if (p.members > 1 && p.temperature != 1.0)
        details += tr("<p>Each fold's probabilities calibrated by its own temperature.</p>");
    else if (p.temperature != 1.0)
        details += tr("<p>Probabilities calibrated by temperature scaling (T = %1).</p>")
                       .arg(p.temperature, 0, 'g', 3);
    m_trustBadge->setToolTip(details);
    if (ood.flagged) {
        m_trustBadge->setText(tr("<b>⚠ Unlike the training data</b> (%1 %2 spreads above typical)")
                                  .arg(core::OodPart::nameOf(ood.part).toHtmlEscaped())
                                  .arg(ood.score, 0, 'f', 1));
        m_trustBadge->setStyleSheet(
            QStringLiteral("QLabel { background: #b00020; color: white; padding: 4px; "
                           "border-radius: 3px; }"));
    } else {
        m_trustBadge->setText(ood.isJudged() ? tr("✓ Like the training data (score %1, flagged above %2)")
                                                   .arg(ood.score, 0, 'f', 1)
                                                   .arg(ood.threshold, 0, 'f', 1)
                                             : tr("Not checked against the training data"));
        m_trustBadge->setStyleSheet(ood.isJudged() ? QString()
                                                   : QStringLiteral("QLabel { color: palette(mid); }"));
    }
    m_trustBadge->show();
}

void AnalysisPanel::fillGalleries()
{
    // A task still reading the previous slide's thumbnails is told to stop, not waited for.
    TaskRunner::instance().cancel(m_thumbnailTask);
    m_thumbnailTask = 0;
    m_thumbnailsShown = true; // until a job starts below
    std::vector<QRectF> rects;
    for (MapLayer layer : kMaps) {
        QListWidget* list = gallery(layer);
        list->clear();
        auto& patches = m_galleryPatches[int(layer)];
        patches.clear();
        if (!m_analysis || !m_analysis->hasMap(layer))
            continue;
        patches = m_analysis->topPatches(layer, kGallerySize);
        QPixmap blank(kThumbnail, kThumbnail);
        blank.fill(QColor(230, 230, 230));
        for (int index : patches) {
            const core::Prediction& p = m_analysis->prediction();
            const float value = p.scores(layer)[std::size_t(index)];
            auto* item = new QListWidgetItem(QIcon(blank), QString::number(double(value), 'g', 3), list);
            item->setData(Qt::UserRole, index);
            item->setToolTip(m_analysis->describePatch(index));
            rects.push_back(m_analysis->patchRect(index));
        }
    }
    if (!m_analysis || rects.empty())
        return;
    m_thumbnailsShown = false;
    const auto read = [slide = m_analysis->document().slide(), rects](TaskControl& control) {
        return readThumbnails(slide, rects, control);
    };
    m_thumbnailTask = TaskRunner::instance().run(
        this, tr("Reading gallery patches"), read, [this](TaskResult<std::vector<QImage>> result) {
            if (!result.cancelled) // else a later slide's are shown
                showThumbnails(result.value.value_or(std::vector<QImage>()));
        });
}

void AnalysisPanel::showThumbnails(const std::vector<QImage>& images)
{
    {
        std::size_t next = 0;
        for (MapLayer layer : kMaps) { // the order fillGalleries read them in
            QListWidget* list = gallery(layer);
            for (int i = 0; i < list->count() && next < images.size(); ++i, ++next)
                if (!images[next].isNull())
                    list->item(i)->setIcon(QPixmap::fromImage(images[next]));
        }
    }
    m_thumbnailsShown = true;
}

QComboBox* AnalysisPanel::colormapBox(MapLayer layer) const
{
    return m_colormaps[std::size_t(layer)];
}

QListWidget* AnalysisPanel::gallery(MapLayer layer) const
{
    return m_galleries[std::size_t(layer)];
}

bool AnalysisPanel::thumbnailsLoaded() const
{
    return m_thumbnailsShown;
}

void AnalysisPanel::showMessage(const QString& message, bool error)
{
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    m_message->setText(message);
}

QString AnalysisPanel::message() const
{
    return m_message->text();
}

} // namespace tessera::ui
