#include "TrainingDialog.h"

#include "AnnotationCountHint.h"
#include "SettingWidget.h"
#include "tasks/ComputeDeviceCache.h"

#include "project/Project.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QVBoxLayout>
#include <algorithm>

namespace tessera::ui {

namespace {
const QString kExtractFirst = QStringLiteral("\x01extract"); // the feature-set entry "extract first"
const QString kFolds = QStringLiteral("\x01folds");          // the split entry "k folds"
const QString kBrowse = QStringLiteral("\x01browse");

QSpinBox* integerBox(QWidget* parent, int min, int max)
{
    auto* box = new QSpinBox(parent);
    box->setRange(min, max);
    return box;
}
} // namespace

TrainingDialog::TrainingDialog(core::Project& project, QWidget* parent) : QDialog(parent), m_project(project)
{
    setWindowTitle(tr("Train a Model"));
    // Two columns, so that the dialog fits a 1366 × 768 screen: the model and its schedule on the
    // left, the data and the compute on the right.
    auto* outer = new QVBoxLayout(this);
    auto* columns = new QHBoxLayout;
    outer->addLayout(columns);
    auto* layout = new QVBoxLayout;

    auto* modelGroup = new QGroupBox(tr("Model"), this);
    auto* modelForm = new QFormLayout(modelGroup);
    m_model = new QComboBox(modelGroup);
    for (const core::ModelInfo& m : core::modelCatalogue())
        m_model->addItem(m.title, m.name);
    m_name = new QLineEdit(modelGroup);
    addSettingRow(modelForm, QStringLiteral("model"), m_model);
    addRow(modelForm, QStringLiteral("name"), tr("Run name"), m_name, tr("The run's folder under runs/"));
    for (const core::TrainSetting& s : core::trainSettings())
        if (s.section == core::SettingSection::Schedule)
            addSettingRow(modelForm, s.key, makeSettingWidget(s, modelGroup));
    columns->addWidget(modelGroup, 0, Qt::AlignTop);
    columns->addLayout(layout);

    auto* dataGroup = new QGroupBox(tr("Data"), this);
    auto* dataForm = new QFormLayout(dataGroup);
    m_featureSet = new QComboBox(dataGroup);
    for (const core::FeatureSetRecord& f : project.runs().featureSets())
        m_featureSet->addItem(tr("%1 (%2, %3 slides)").arg(f.name, f.extractor).arg(f.slides), f.name);
    m_featureSet->addItem(tr("Extract first…"), kExtractFirst);
    m_extractor = new QComboBox(dataGroup);
    m_extractor->addItem(tr("handcrafted (no weights)"), QStringLiteral("handcrafted"));
    m_extractor->addItem(tr("TorchScript encoder (.pt)…"), kBrowse);
    m_split = new QComboBox(dataGroup);
    for (const QString& name : project.slides().splitNames())
        m_split->addItem(name, name);
    m_split->addItem(tr("k-fold cross-validation"), kFolds);
    m_folds = integerBox(dataGroup, 3, 20);
    m_folds->setValue(5);
    m_parent = new QComboBox(dataGroup);
    m_parent->addItem(tr("(train from scratch)"), QString());
    for (const core::RunRecord& r : project.runs().list())
        // An ensemble has no weights of its own to start from: its folds do.
        if (r.status == core::RunStatus::kFinished && !r.config.contains(QStringLiteral("ensemble")))
            m_parent->addItem(tr("%1 (%2)").arg(r.name, r.model), r.name);
    addRow(dataForm, QStringLiteral("feature_set"), tr("Features"), m_featureSet,
           tr("A feature set of the project, or extract features of every slide first"));
    addRow(dataForm, QStringLiteral("extractor"), tr("Extractor"), m_extractor,
           tr("For \"Extract first\": the handcrafted statistics, or any TorchScript image encoder"));
    addRow(dataForm, QStringLiteral("split"), tr("Split"), m_split,
           tr("A train/val/test split of the project, or k folds"));
    addRow(dataForm, QStringLiteral("folds"), tr("Folds"), m_folds,
           tr("k for k-fold cross-validation (one run per fold)"));
    addSettingRow(dataForm, QStringLiteral("init_from"), m_parent);
    m_problems.insert(QStringLiteral("labels"), new QLabel(dataGroup));
    dataForm->addRow(m_problems.value(QStringLiteral("labels")));
    layout->addWidget(dataGroup);

    auto* runGroup = new QGroupBox(tr("Compute"), this);
    auto* runForm = new QFormLayout(runGroup);
    m_device = new QComboBox(runGroup);
    addSettingRow(runForm, QStringLiteral("device"), m_device);
    addSettingRow(runForm, QStringLiteral("precision"),
                  makeSettingWidget(*core::findTrainSetting(QStringLiteral("precision")), runGroup));
    addSettingRow(runForm, QStringLiteral("threads"),
                  makeSettingWidget(*core::findTrainSetting(QStringLiteral("threads")), runGroup));
    m_processes = integerBox(runGroup, 1, 1);
    addRow(runForm, QStringLiteral("processes"), tr("Processes"), m_processes,
           tr("Data-parallel workers, one per GPU"));
    m_computeForm = runForm;
    // The devices are probed once per session, off the GUI thread: the CPU is offered at once,
    // the GPUs join when nvidia-smi has answered.
    ComputeDeviceCache& devices = ComputeDeviceCache::instance();
    connect(&devices, &ComputeDeviceCache::ready, this, &TrainingDialog::showDevices);
    devices.probe();
    showDevices();
    addSettingRow(runForm, QStringLiteral("slides_per_step"),
                  makeSettingWidget(*core::findTrainSetting(QStringLiteral("slides_per_step")), runGroup));
    auto* cluster = new QPushButton(tr("Cluster Command…"), runGroup);
    cluster->setObjectName(QStringLiteral("clusterCommand"));
    runForm->addRow(QString(), cluster);
    connect(cluster, &QPushButton::clicked, this, [this] {
        if (!check().empty())
            return;
        auto* box = new QDialog(this);
        box->setObjectName(QStringLiteral("clusterBox"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setWindowTitle(tr("Train on a Cluster"));
        // One process per GPU of a node: this machine's count, or asked when it has none.
        auto* gpus = integerBox(box, 1, 64);
        gpus->setObjectName(QStringLiteral("gpusPerNode"));
        gpus->setValue(std::max(1, localGpuCount()));
        auto* gpusRow = new QHBoxLayout;
        gpusRow->addWidget(new QLabel(tr("GPUs per node"), box));
        gpusRow->addWidget(gpus);
        if (localGpuCount() == 0)
            gpusRow->addWidget(new QLabel(tr("(this machine has none: set the cluster node's)"), box));
        gpusRow->addStretch(1);
        auto* text = new QPlainTextEdit(clusterCommands(gpus->value()), box);
        text->setReadOnly(true);
        text->setLineWrapMode(QPlainTextEdit::NoWrap);
        connect(gpus, &QSpinBox::valueChanged, text,
                [this, text](int count) { text->setPlainText(clusterCommands(count)); });
        auto* copy = new QPushButton(tr("Copy"), box);
        connect(copy, &QPushButton::clicked, box,
                [text] { QGuiApplication::clipboard()->setText(text->toPlainText()); });
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->addLayout(gpusRow);
        boxLayout->addWidget(text);
        boxLayout->addWidget(copy, 0, Qt::AlignRight);
        box->resize(900, 380);
        box->show();
    });
    layout->addWidget(runGroup);
    layout->addStretch(1);

    m_otherProblems = new QLabel(this);
    m_otherProblems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_otherProblems->setWordWrap(true);
    outer->addWidget(m_otherProblems);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    outer->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &TrainingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    for (auto* label : m_problems) {
        label->setStyleSheet(QStringLiteral("color: #b00020;"));
        label->setWordWrap(true);
        label->hide();
    }
    const auto updateEnabled = [this] {
        m_extractor->setEnabled(m_featureSet->currentData().toString() == kExtractFirst);
        m_folds->setEnabled(m_split->currentData().toString() == kFolds);
        const QString model = m_model->currentData().toString();
        for (const core::TrainSetting& s : core::trainSettings())
            if (QWidget* field = m_settingFields.value(s.key)) {
                // A setting used only while a switch is on is greyed while it is off, one that a
                // switch chooses automatically (w_gen) while that switch is on.
                const auto* on = qobject_cast<QCheckBox*>(m_settingFields.value(s.usedWhen));
                const auto* automatic = qobject_cast<QCheckBox*>(m_settingFields.value(s.autoSwitch));
                field->setEnabled(core::settingAppliesTo(s, model) &&
                                  (s.usedWhen.isEmpty() || (on && on->isChecked())) &&
                                  !(automatic && automatic->isChecked()));
            }
    };
    for (const core::TrainSetting& s : core::trainSettings())
        for (const QString& key : {s.usedWhen, s.autoSwitch})
            if (auto* on = qobject_cast<QCheckBox*>(m_settingFields.value(key)))
                connect(on, &QCheckBox::toggled, this, updateEnabled);
    connect(m_featureSet, &QComboBox::currentIndexChanged, this, updateEnabled);
    connect(m_split, &QComboBox::currentIndexChanged, this, updateEnabled);
    // What the annotations label, for the data chosen, once the box is ticked.
    if (auto* annotations = qobject_cast<QCheckBox*>(m_settingFields.value(QStringLiteral("annotations")))) {
        m_annotationCounts = new AnnotationCountHint(m_project.folder(), annotations);
        const auto chosenData = [this] {
            const QString featureSet = m_featureSet->currentData().toString();
            const QString split = m_split->currentData().toString();
            m_annotationCounts->setData(featureSet == kExtractFirst ? QString() : featureSet, split,
                                        split == kFolds);
        };
        connect(m_featureSet, &QComboBox::currentIndexChanged, this, chosenData);
        connect(m_split, &QComboBox::currentIndexChanged, this, chosenData);
        chosenData();
    }
    connect(m_model, &QComboBox::currentIndexChanged, this, [this, updateEnabled] {
        applyModelDefaults();
        updateEnabled();
    });
    // Problems on show are checked again when a choice changes, so that none stays up after the
    // user put it right (a refused parent run, say).
    for (QComboBox* choice : {m_model, m_parent, m_featureSet, m_extractor, m_split, m_device})
        connect(choice, &QComboBox::currentIndexChanged, this, &TrainingDialog::recheckShownProblems);
    connect(m_name, &QLineEdit::editingFinished, this, &TrainingDialog::recheckShownProblems);
    connect(m_extractor, &QComboBox::activated, this, [this](int index) {
        if (m_extractor->itemData(index).toString() != kBrowse)
            return;
        const QString file = QFileDialog::getOpenFileName(this, tr("TorchScript Encoder"), QString(),
                                                          tr("TorchScript (*.pt *.pth);;All files (*)"));
        if (file.isEmpty()) {
            m_extractor->setCurrentIndex(0);
            return;
        }
        m_extractor->insertItem(index, file, file);
        m_extractor->setCurrentIndex(index);
    });
    applyModelDefaults();
    updateEnabled();
    restore();
}

namespace {
// The fields remembered per project: every setting but the model (restored first) and the parent
// run, which belongs to one launch; and the data choices.
QStringList rememberedFields()
{
    QStringList fields{QStringLiteral("feature_set"), QStringLiteral("extractor"), QStringLiteral("split"),
                       QStringLiteral("folds"), QStringLiteral("processes")};
    for (const core::TrainSetting& s : core::trainSettings())
        if (s.key != QLatin1String("model") && s.key != QLatin1String("init_from"))
            fields << s.key;
    return fields;
}
} // namespace

QString TrainingDialog::settingsGroup() const
{
    const QByteArray folder = m_project.folder().toUtf8();
    return QStringLiteral("training/") +
           QString::fromLatin1(QCryptographicHash::hash(folder, QCryptographicHash::Sha1).toHex().left(16));
}

void TrainingDialog::remember() const
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    settings.setValue(QStringLiteral("model"), m_model->currentData());
    for (const QString& field : rememberedFields())
        if (const QVariant value = widgetValue(findChild<QWidget*>(field)); value.isValid())
            settings.setValue(field, value);
}

void TrainingDialog::restore()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    // The model first: choosing it resets the fields to its defaults.
    if (const int model = m_model->findData(settings.value(QStringLiteral("model"))); model >= 0)
        m_model->setCurrentIndex(model);
    for (const QString& field : rememberedFields()) {
        const QVariant value = settings.value(field);
        if (!value.isValid())
            continue;
        QWidget* widget = findChild<QWidget*>(field);
        auto* choice = qobject_cast<QComboBox*>(widget);
        if (!choice) {
            setSettingWidgetValue(widget, value);
        } else {
            // A TorchScript encoder chosen last time is offered again while its file is there.
            if (choice == m_extractor && choice->findData(value) < 0 && QFileInfo::exists(value.toString()))
                choice->insertItem(choice->count() - 1, value.toString(), value);
            if (choice->findData(value) >= 0) // a feature set or device that is gone: the default
                choice->setCurrentIndex(choice->findData(value));
            else if (choice == m_device)
                m_wantedDevice = value.toString(); // a GPU not found yet
        }
    }
}

void TrainingDialog::done(int result)
{
    remember();
    QDialog::done(result);
}

void TrainingDialog::addRow(QFormLayout* form, const QString& field, const QString& label, QWidget* widget,
                            const QString& tooltip)
{
    auto* column = new QWidget(form->parentWidget());
    auto* box = new QVBoxLayout(column);
    box->setContentsMargins(0, 0, 0, 0);
    box->setSpacing(2);
    box->addWidget(widget);
    auto* problem = new QLabel(column);
    problem->setObjectName(QStringLiteral("problem_") + field);
    box->addWidget(problem);
    m_problems.insert(field, problem);
    widget->setToolTip(tooltip);
    widget->setObjectName(field);
    form->addRow(label, column);
}

void TrainingDialog::addSettingRow(QFormLayout* form, const QString& key, QWidget* widget)
{
    const core::TrainSetting& s = *core::findTrainSetting(key);
    QString help = QCoreApplication::translate("TrainSetting", s.help.toUtf8().constData());
    if (const QString range = core::settingRangeText(s); !range.isEmpty() && s.choices.isEmpty())
        help += tr(" Range: %1.").arg(range);
    addRow(form, s.key, QCoreApplication::translate("TrainSetting", s.label.toUtf8().constData()), widget,
           help);
    if (core::settingType(s) != core::SettingType::Text && s.key != QLatin1String("model"))
        m_settingFields.insert(s.key, widget);
}

void TrainingDialog::showDevices()
{
    const ComputeDeviceCache& cache = ComputeDeviceCache::instance();
    const QString chosen = m_device->count() > 0 ? m_device->currentData().toString() : QString();
    {
        const QSignalBlocker quiet(m_device);
        m_device->clear();
        for (const core::ComputeDeviceInfo& d : cache.devices())
            m_device->addItem(d.description, d.id);
        if (!cache.isReady()) {
            m_device->addItem(tr("Looking for GPUs…"), QString());
            qobject_cast<QStandardItemModel*>(m_device->model())
                ->item(m_device->count() - 1)
                ->setEnabled(false);
        }
    }
    // What was chosen stays chosen; a remembered GPU is chosen once it is found.
    for (const QString& wanted : {m_wantedDevice, chosen})
        if (const int at = m_device->findData(wanted); !wanted.isEmpty() && at >= 0) {
            m_device->setCurrentIndex(at);
            break;
        }
    const int gpus = cache.gpuCount();
    m_processes->setMaximum(std::max(1, gpus));
    m_computeForm->setRowVisible(m_processes->parentWidget(), gpus >= 2);
}

void TrainingDialog::applyModelDefaults()
{
    const QString model = m_model->currentData().toString();
    for (const core::TrainSetting& s : core::trainSettings())
        if (QWidget* field = m_settingFields.value(s.key))
            setSettingWidgetValue(field, core::settingDefault(s, model));
    m_name->setText(QStringLiteral("%1-%2").arg(
        model, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

core::TrainingRequest TrainingDialog::request() const
{
    core::TrainingRequest r;
    core::TrainConfig& c = r.config;
    c = core::TrainConfig::defaultsFor(m_model->currentData().toString());
    // Settings of another model (greyed) keep this model's defaults.
    for (const core::TrainSetting& s : core::trainSettings())
        if (const QWidget* field = m_settingFields.value(s.key);
            field && core::settingAppliesTo(s, c.model.name))
            core::setSettingValue(s, c, settingWidgetValue(s, field));
    c.device = m_device->currentData().toString();
    r.processes = m_processes->value();
    r.runName = m_name->text().trimmed();
    const QString featureSet = m_featureSet->currentData().toString();
    r.featureSet = featureSet == kExtractFirst ? QString() : featureSet;
    r.extractor = m_extractor->currentData().toString();
    const QString split = m_split->currentData().toString();
    r.folds = split == kFolds ? m_folds->value() : 0;
    r.split = split == kFolds ? QString() : split;
    r.parentRun = m_parent->currentData().toString();
    return r;
}

std::vector<core::FieldProblem> TrainingDialog::check()
{
    const std::vector<core::FieldProblem> problems =
        core::TrainingPlan(m_project, ComputeDeviceCache::instance().devices()).problems(request());
    for (QLabel* label : m_problems) {
        label->clear();
        label->hide();
    }
    QStringList other;
    for (const core::FieldProblem& p : problems) {
        QLabel* label = m_problems.value(p.field);
        if (!label) {
            other << p.message;
            continue;
        }
        label->setText(label->text().isEmpty() ? p.message : label->text() + QLatin1Char('\n') + p.message);
        label->show();
    }
    m_otherProblems->setText(other.join(QLatin1Char('\n')));
    return problems;
}

void TrainingDialog::recheckShownProblems()
{
    const bool anyShown = !m_otherProblems->text().isEmpty() ||
                          std::any_of(m_problems.cbegin(), m_problems.cend(),
                                      [](const QLabel* label) { return !label->text().isEmpty(); });
    if (anyShown)
        check();
}

QString TrainingDialog::problemShown(const QString& field) const
{
    const QLabel* label = m_problems.value(field);
    return label ? label->text() : QString();
}

QString TrainingDialog::clusterCommands(int gpusPerNode) const
{
    return core::TrainingPlan(m_project, ComputeDeviceCache::instance().devices())
        .clusterCommands(request(), gpusPerNode > 0 ? gpusPerNode : std::max(1, localGpuCount()));
}

int TrainingDialog::localGpuCount() const
{
    int gpus = 0;
    for (int i = 0; i < m_device->count(); ++i)
        gpus += m_device->itemData(i).toString().startsWith(QLatin1String("cuda:"));
    return gpus;
}

QSpinBox* TrainingDialog::epochsBox() const
{
    return qobject_cast<QSpinBox*>(settingField(QStringLiteral("epochs")));
}

QDoubleSpinBox* TrainingDialog::learningRateBox() const
{
    return qobject_cast<QDoubleSpinBox*>(settingField(QStringLiteral("lr")));
}

QDoubleSpinBox* TrainingDialog::wGenBox() const
{
    return qobject_cast<QDoubleSpinBox*>(settingField(QStringLiteral("w_gen")));
}

QComboBox* TrainingDialog::precisionBox() const
{
    return qobject_cast<QComboBox*>(settingField(QStringLiteral("precision")));
}

QSpinBox* TrainingDialog::threadsBox() const
{
    return qobject_cast<QSpinBox*>(settingField(QStringLiteral("threads")));
}

QSpinBox* TrainingDialog::slidesPerStepBox() const
{
    return qobject_cast<QSpinBox*>(settingField(QStringLiteral("slides_per_step")));
}

std::vector<core::PlannedJob> TrainingDialog::plannedJobs() const
{
    return core::TrainingPlan(m_project, ComputeDeviceCache::instance().devices()).jobs(request());
}

void TrainingDialog::accept()
{
    if (check().empty())
        QDialog::accept();
}

} // namespace tessera::ui
