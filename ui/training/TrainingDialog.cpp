#include "TrainingDialog.h"

#include "project/Project.h"
#include "system/ComputeDevices.h"

#include <QClipboard>
#include <QComboBox>
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
#include <QVBoxLayout>
#include <algorithm>

namespace tessera::ui {

namespace {
const QString kExtractFirst = QStringLiteral("\x01extract"); // the feature-set entry "extract first"
const QString kFolds = QStringLiteral("\x01folds");          // the split entry "k folds"
const QString kBrowse = QStringLiteral("\x01browse");

QDoubleSpinBox* decimalBox(QWidget* parent, double min, double max, int decimals, double step)
{
    auto* box = new QDoubleSpinBox(parent);
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    return box;
}

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
    auto* layout = new QVBoxLayout(this);

    auto* modelGroup = new QGroupBox(tr("Model"), this);
    auto* modelForm = new QFormLayout(modelGroup);
    m_model = new QComboBox(modelGroup);
    for (const core::ModelInfo& m : core::modelCatalogue())
        m_model->addItem(m.title, m.name);
    m_name = new QLineEdit(modelGroup);
    m_epochs = integerBox(modelGroup, 1, 10000);
    m_lr = decimalBox(modelGroup, 1e-7, 1, 7, 1e-4);
    m_weightDecay = decimalBox(modelGroup, 0, 1, 7, 1e-5);
    m_warmup = integerBox(modelGroup, 0, 1000);
    m_patience = integerBox(modelGroup, 0, 1000);
    m_selectAfter = decimalBox(modelGroup, 0, 0.99, 2, 0.05);
    m_wGen = decimalBox(modelGroup, 0, 2, 2, 0.1);
    m_wCe = decimalBox(modelGroup, 0, 2, 2, 0.1);
    m_seed = integerBox(modelGroup, 0, 1 << 30);
    addRow(modelForm, QStringLiteral("model"), tr("Model"), m_model,
           tr("SR-MIL: spatially regularized MIL (GAT encoder, supernode classifier, masked reconstruction). "
              "ABMIL and TransMIL are the baselines to compare with."));
    addRow(modelForm, QStringLiteral("name"), tr("Run name"), m_name, tr("The run's folder under runs/"));
    addRow(modelForm, QStringLiteral("epochs"), tr("Epochs"), m_epochs,
           tr("Passes over the training slides. SR-MIL stays near chance for its first ~15 epochs."));
    addRow(modelForm, QStringLiteral("lr"), tr("Learning rate"), m_lr,
           tr("Peak AdamW learning rate (paper: 5e-4), cosine schedule"));
    addRow(modelForm, QStringLiteral("weight_decay"), tr("Weight decay"), m_weightDecay,
           tr("AdamW weight decay (paper: 1e-5)"));
    addRow(modelForm, QStringLiteral("warmup_epochs"), tr("Warm-up epochs"), m_warmup,
           tr("Linear warm-up before the cosine"));
    addRow(modelForm, QStringLiteral("patience"), tr("Early stopping"), m_patience,
           tr("Stop after this many epochs without a better validation score (0 = never)"));
    addRow(modelForm, QStringLiteral("select_after"), tr("Select after"), m_selectAfter,
           tr("Choose the best epoch only after this fraction of the epochs (paper: 0.6)"));
    addRow(modelForm, QStringLiteral("w_gen"), tr("Reconstruction weight"), m_wGen,
           tr("SR-MIL's w_gen in [0, 2]: weight of the label-independent reconstruction (paper: 1.8)"));
    addRow(modelForm, QStringLiteral("w_ce"), tr("Full-graph CE weight"), m_wCe,
           tr("SR-MIL's w_ce in [0, 2]: full graph vs masked graph classification"));
    addRow(modelForm, QStringLiteral("seed"), tr("Seed"), m_seed, tr("The same seed gives the same run"));
    layout->addWidget(modelGroup);

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
        if (r.status == core::RunStatus::kFinished)
            m_parent->addItem(tr("%1 (%2)").arg(r.name, r.model), r.name);
    addRow(dataForm, QStringLiteral("feature_set"), tr("Features"), m_featureSet,
           tr("A feature set of the project, or extract features of every slide first"));
    addRow(dataForm, QStringLiteral("extractor"), tr("Extractor"), m_extractor,
           tr("For \"Extract first\": the handcrafted statistics, or any TorchScript image encoder"));
    addRow(dataForm, QStringLiteral("split"), tr("Split"), m_split,
           tr("A train/val/test split of the project, or k folds"));
    addRow(dataForm, QStringLiteral("folds"), tr("Folds"), m_folds,
           tr("k for k-fold cross-validation (one run per fold)"));
    addRow(dataForm, QStringLiteral("init_from"), tr("Fine-tune from"), m_parent,
           tr("Start from another run's best weights: same model, classes and feature dimension"));
    m_problems.insert(QStringLiteral("labels"), new QLabel(dataGroup));
    dataForm->addRow(m_problems.value(QStringLiteral("labels")));
    layout->addWidget(dataGroup);

    auto* runGroup = new QGroupBox(tr("Compute"), this);
    auto* runForm = new QFormLayout(runGroup);
    m_device = new QComboBox(runGroup);
    for (const core::ComputeDeviceInfo& d : core::availableComputeDevices())
        m_device->addItem(d.description, d.id);
    m_precision = new QComboBox(runGroup);
    for (const QString& p : core::kPrecisions)
        m_precision->addItem(p, p);
    m_threads = integerBox(runGroup, 0, 256);
    addRow(runForm, QStringLiteral("device"), tr("Device"), m_device,
           tr("One job runs per device; others wait in the queue"));
    addRow(runForm, QStringLiteral("precision"), tr("Precision"), m_precision,
           tr("auto: bf16 mixed precision on CUDA, fp32 on the CPU"));
    addRow(runForm, QStringLiteral("threads"), tr("CPU threads"), m_threads, tr("0 = all cores"));
    int gpus = 0;
    for (const core::ComputeDeviceInfo& d : core::availableComputeDevices())
        gpus += d.id.startsWith(QLatin1String("cuda:"));
    m_processes = integerBox(runGroup, 1, std::max(1, gpus));
    m_slidesPerStep = integerBox(runGroup, 1, 1024);
    m_slidesPerStep->setValue(1);
    if (gpus >= 2)
        addRow(runForm, QStringLiteral("processes"), tr("Processes"), m_processes,
               tr("Data-parallel workers, one per GPU"));
    else
        m_processes->hide();
    addRow(runForm, QStringLiteral("slides_per_step"), tr("Slides per step"), m_slidesPerStep,
           tr("Slides averaged into one optimizer step (1 = as published)"));
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

    m_otherProblems = new QLabel(this);
    m_otherProblems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_otherProblems->setWordWrap(true);
    layout->addWidget(m_otherProblems);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Start"));
    layout->addWidget(buttons);
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
        const bool srmil = m_model->currentData().toString() == QLatin1String("srmil");
        m_wGen->setEnabled(srmil);
        m_wCe->setEnabled(srmil);
    };
    connect(m_featureSet, &QComboBox::currentIndexChanged, this, updateEnabled);
    connect(m_split, &QComboBox::currentIndexChanged, this, updateEnabled);
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
// The fields remembered per project: everything but the run's name and its parent, which belong
// to one launch.
const QStringList kRemembered{
    QStringLiteral("epochs"),        QStringLiteral("lr"),        QStringLiteral("weight_decay"),
    QStringLiteral("warmup_epochs"), QStringLiteral("patience"),  QStringLiteral("select_after"),
    QStringLiteral("w_gen"),         QStringLiteral("w_ce"),      QStringLiteral("seed"),
    QStringLiteral("feature_set"),   QStringLiteral("extractor"), QStringLiteral("split"),
    QStringLiteral("folds"),         QStringLiteral("device"),    QStringLiteral("precision"),
    QStringLiteral("threads"),       QStringLiteral("processes"), QStringLiteral("slides_per_step")};
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
    for (const QString& field : kRemembered) {
        if (const auto* box = findChild<QSpinBox*>(field))
            settings.setValue(field, box->value());
        else if (const auto* decimal = findChild<QDoubleSpinBox*>(field))
            settings.setValue(field, decimal->value());
        else if (const auto* choice = findChild<QComboBox*>(field))
            settings.setValue(field, choice->currentData());
    }
}

void TrainingDialog::restore()
{
    QSettings settings;
    settings.beginGroup(settingsGroup());
    // The model first: choosing it resets the fields to its defaults.
    if (const int model = m_model->findData(settings.value(QStringLiteral("model"))); model >= 0)
        m_model->setCurrentIndex(model);
    for (const QString& field : kRemembered) {
        const QVariant value = settings.value(field);
        if (!value.isValid())
            continue;
        if (auto* box = findChild<QSpinBox*>(field))
            box->setValue(value.toInt());
        else if (auto* decimal = findChild<QDoubleSpinBox*>(field))
            decimal->setValue(value.toDouble());
        else if (auto* choice = findChild<QComboBox*>(field)) {
            // A TorchScript encoder chosen last time is offered again while its file is there.
            if (choice == m_extractor && choice->findData(value) < 0 && QFileInfo::exists(value.toString()))
                choice->insertItem(choice->count() - 1, value.toString(), value);
            if (choice->findData(value) >= 0) // a feature set or device that is gone: the default
                choice->setCurrentIndex(choice->findData(value));
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

void TrainingDialog::applyModelDefaults()
{
    const QString model = m_model->currentData().toString();
    const core::TrainConfig d = core::TrainConfig::defaultsFor(model);
    m_epochs->setValue(d.epochs);
    m_lr->setValue(d.learningRate);
    m_weightDecay->setValue(d.weightDecay);
    m_warmup->setValue(d.warmupEpochs);
    m_patience->setValue(d.patience);
    m_selectAfter->setValue(d.selectAfter);
    m_wGen->setValue(d.model.wGen);
    m_wCe->setValue(d.model.wCe);
    m_seed->setValue(int(d.seed));
    m_threads->setValue(d.threads);
    m_precision->setCurrentIndex(m_precision->findData(d.precision));
    m_name->setText(QStringLiteral("%1-%2").arg(
        model, QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

core::TrainingRequest TrainingDialog::request() const
{
    core::TrainingRequest r;
    core::TrainConfig& c = r.config;
    c = core::TrainConfig::defaultsFor(m_model->currentData().toString());
    c.epochs = m_epochs->value();
    c.learningRate = m_lr->value();
    c.weightDecay = m_weightDecay->value();
    c.warmupEpochs = m_warmup->value();
    c.patience = m_patience->value();
    c.selectAfter = m_selectAfter->value();
    c.model.wGen = m_wGen->value();
    c.model.wCe = m_wCe->value();
    c.seed = std::uint64_t(m_seed->value());
    c.device = m_device->currentData().toString();
    c.precision = m_precision->currentData().toString();
    c.threads = m_threads->value();
    c.slidesPerStep = m_slidesPerStep->value();
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
    const std::vector<core::FieldProblem> problems = core::TrainingPlan(m_project).problems(request());
    for (QLabel* label : m_problems) {
        label->clear();
        label->hide();
    }
    QStringList other;
    for (const core::FieldProblem& p : problems) {
        QLabel* label = m_problems.value(
            p.field == QLatin1String("model") || p.field == QLatin1String("hidden") ||
                    p.field == QLatin1String("heads") || p.field == QLatin1String("mask_rate")
                ? QStringLiteral("model")
                : p.field);
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
    return core::TrainingPlan(m_project).clusterCommands(
        request(), gpusPerNode > 0 ? gpusPerNode : std::max(1, localGpuCount()));
}

int TrainingDialog::localGpuCount() const
{
    int gpus = 0;
    for (int i = 0; i < m_device->count(); ++i)
        gpus += m_device->itemData(i).toString().startsWith(QLatin1String("cuda:"));
    return gpus;
}

std::vector<core::PlannedJob> TrainingDialog::plannedJobs() const
{
    return core::TrainingPlan(m_project).jobs(request());
}

void TrainingDialog::accept()
{
    if (check().empty())
        QDialog::accept();
}

} // namespace tessera::ui
