#include "TrainingPlan.h"

#include "Project.h"
#include "model/ModelSpec.h"
#include "system/ComputeDevices.h"

#include <QDir>
#include <QFileInfo>
#include <QObject>
#include <QRegularExpression>

namespace tessera::core {

namespace {
QString number(double v)
{
    return shortestNumber(v);
}

// "ABMIL" for "abmil": the name people know a model by.
QString modelTitle(const QString& name)
{
    const std::optional<ModelInfo> model = findModel(name);
    return model ? model->title : name;
}
} // namespace

TrainingPlan::TrainingPlan(Project& project, std::vector<ComputeDeviceInfo> devices)
    : m_project(project), m_devices(std::move(devices))
{
}

const std::vector<ComputeDeviceInfo>& TrainingPlan::devices() const
{
    if (m_devices.empty())
        m_devices = availableComputeDevices();
    return m_devices;
}

QString TrainingPlan::runFolder(const TrainingRequest& request) const
{
    return QDir(m_project.runsFolder()).filePath(request.runName);
}

std::vector<FieldProblem> TrainingPlan::problems(const TrainingRequest& r) const
{
    std::vector<FieldProblem> found = r.config.problems();
    const auto problem = [&](const char* field, const QString& message) {
        found.push_back({QLatin1String(field), message});
    };
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*$"));
    if (r.runName.isEmpty())
        problem("name", QObject::tr("give the run a name"));
    else if (!validName.match(r.runName).hasMatch())
        problem("name", QObject::tr("use letters, digits, '.', '_' and '-' only (it names a folder)"));
    else if (m_project.runs().find(r.runName) || QFileInfo::exists(runFolder(r)))
        problem("name", QObject::tr("a run named '%1' exists already").arg(r.runName));

    int dimension = 0;
    if (!r.featureSet.isEmpty()) {
        const auto set = m_project.runs().featureSet(r.featureSet);
        if (!set)
            problem("feature_set", QObject::tr("the project has no feature set '%1'").arg(r.featureSet));
        else if (set->slides == 0)
            problem("feature_set", QObject::tr("feature set '%1' has no slides yet").arg(r.featureSet));
        else
            dimension = m_project.database()
                            .scalar(QStringLiteral(
                                        "SELECT max(dimension) FROM slide_features WHERE feature_set_id = ?"),
                                    {set->id})
                            .toInt();
    } else if (r.extractor != QLatin1String("handcrafted") && !QFileInfo(r.extractor).isFile()) {
        problem("extractor", QObject::tr("choose 'handcrafted' or a TorchScript file (.pt) that exists"));
    } else if (r.patchSize < 16 || r.magnification <= 0) {
        problem("extractor",
                QObject::tr("the patch size must be at least 16 px and the magnification positive"));
    }

    LabelTable labels;
    try {
        labels = m_project.slides().labelTable();
    } catch (const Error& e) {
        problem("labels", QObject::tr("label at least two classes of slides first (%1)").arg(e.message()));
    }
    if (r.folds > 0) {
        if (r.folds < 3)
            problem("folds", QObject::tr("k-fold cross-validation needs at least 3 folds"));
    } else if (!m_project.slides().splitNames().contains(r.split)) {
        problem("split",
                QObject::tr("the project has no split '%1': import one, or choose k folds").arg(r.split));
    }

    if (!r.parentRun.isEmpty()) {
        const auto parent = m_project.runs().find(r.parentRun);
        if (!parent) {
            problem("init_from", QObject::tr("the project has no run '%1'").arg(r.parentRun));
        } else {
            const RunFolder folder(parent->folder);
            try {
                const RunDescription d = folder.readDescription();
                if (!folder.hasBestWeights())
                    problem("init_from", QObject::tr("run '%1' has no trained weights yet").arg(r.parentRun));
                else if (d.model.name != r.config.model.name)
                    problem("init_from",
                            QObject::tr("run '%1' was trained as %2: choose %2 as the model to fine-tune it")
                                .arg(r.parentRun, modelTitle(d.model.name)));
                else if (!labels.classNames.isEmpty() && d.classNames != labels.classNames)
                    problem("init_from",
                            QObject::tr("run '%1' knows the classes %2, the project's labels are %3")
                                .arg(r.parentRun, d.classNames.join(QStringLiteral(", ")),
                                     labels.classNames.join(QStringLiteral(", "))));
                else if (dimension > 0 && d.featureDimension != dimension)
                    problem("init_from",
                            QObject::tr("run '%1' was trained on %2-dimensional features, '%3' has %4")
                                .arg(r.parentRun)
                                .arg(d.featureDimension)
                                .arg(r.featureSet)
                                .arg(dimension));
            } catch (const Error& e) {
                problem("init_from", e.message());
            }
        }
    }

    bool knownDevice = r.config.device == QLatin1String("auto");
    for (const ComputeDeviceInfo& d : devices())
        knownDevice = knownDevice || d.id == r.config.device;
    if (!knownDevice)
        problem("device", QObject::tr("there is no device '%1' on this machine").arg(r.config.device));
    return found;
}

std::vector<PlannedJob> TrainingPlan::jobs(const TrainingRequest& r) const
{
    std::vector<PlannedJob> jobs;
    const QString project = m_project.folder();
    const TrainConfig& c = r.config;
    // The queue runs one job per device, so "auto" is settled here: the first GPU, else the CPU.
    const std::vector<ComputeDeviceInfo>& known = devices();
    const QString device = c.device != QLatin1String("auto") ? c.device
                           : known.size() > 1                ? known[1].id
                                                             : known[0].id;
    QString featureSet = r.featureSet;
    if (featureSet.isEmpty()) {
        featureSet = QStringLiteral("features");
        jobs.push_back(
            {QStringLiteral("extract"),
             QObject::tr("Extract features for %1").arg(r.runName),
             {QStringLiteral("extract"), QStringLiteral("--project"), project, QStringLiteral("--extractor"),
              r.extractor, QStringLiteral("--patch-size"), QString::number(r.patchSize),
              QStringLiteral("--magnification"), number(r.magnification), QStringLiteral("--device"), device,
              QStringLiteral("--threads"), QString::number(c.threads)},
             device,
             QDir(m_project.jobsFolder()).filePath(QStringLiteral("extract-%1.jsonl").arg(r.runName)),
             false});
    }
    const ModelInfo model = *findModel(c.model.name);
    // Every setting, each in its shortest exact form, so that the job trains what was asked for.
    TrainConfig settings = c;
    settings.device = r.processes > 1 && device != QLatin1String("cpu")
                          ? QStringLiteral("cuda") // each worker takes the GPU of its rank
                          : device;
    settings.initFrom = r.parentRun;
    settings.slidesPerStep = std::max(c.slidesPerStep, r.processes);
    QStringList train{QStringLiteral("train"),
                      QStringLiteral("--project"),
                      project,
                      QStringLiteral("--name"),
                      r.runName,
                      QStringLiteral("--feature-set"),
                      featureSet};
    for (const TrainSetting& s : trainSettings()) {
        const QString text = settingText(s, settingValue(s, settings));
        if (!text.isEmpty())
            train << QStringLiteral("--") + s.flag << text;
    }
    if (r.folds > 0)
        train << QStringLiteral("--folds") << QString::number(r.folds);
    else
        train << QStringLiteral("--split") << r.split;
    if (r.processes > 1)
        train << QStringLiteral("--nproc") << QString::number(r.processes);
    jobs.push_back({QStringLiteral("train"),
                    r.parentRun.isEmpty()
                        ? QObject::tr("Train %1 (%2)").arg(model.title, r.runName)
                        : QObject::tr("Fine-tune %1 from %2 (%3)").arg(model.title, r.parentRun, r.runName),
                    train, device, RunFolder(runFolder(r)).logPath(), !jobs.empty()});
    return jobs;
}

QString TrainingPlan::clusterCommands(const TrainingRequest& request, int gpusPerNode) const
{
    TrainingRequest r = request;
    const int processes = std::max(1, gpusPerNode);
    r.processes = 1;
    r.config.threads = 0;
    QStringList train = jobs(r).back().arguments;
    // On the cluster each rank takes the GPU of its local rank, whatever this machine has.
    if (const qsizetype at = train.indexOf(QStringLiteral("--device")); at >= 0)
        train[at + 1] = QStringLiteral("auto");
    if (const qsizetype at = train.indexOf(QStringLiteral("--slides-per-step")); at >= 0)
        train[at + 1] = QString::number(std::max(r.config.slidesPerStep, processes));
    const auto quoted = [](QStringList arguments) {
        for (QString& a : arguments)
            if (a.contains(QLatin1Char(' ')) || a.contains(QLatin1Char('\'')) || a.isEmpty())
                a = QLatin1Char('\'') + QString(a).replace(QLatin1Char('\''), QStringLiteral("'\\''")) +
                    QLatin1Char('\'');
        return arguments.join(QLatin1Char(' '));
    };
    const QString command = quoted(train);
    return QObject::
        tr("# One node, %1 worker process(es), one per GPU:\n"
           "tessera-cli %2 --nproc %1\n\n"
           "# torchrun on each of NODES nodes (it sets RANK, WORLD_SIZE, MASTER_ADDR …); --slides-per-step "
           "must be at least the number of ranks:\n"
           "torchrun --nnodes NODES --nproc_per_node %1 --rdzv_backend static --master_addr HOST "
           "--master_port 29500 --node_rank THIS_NODE --no-python tessera-cli %2 --distributed\n\n"
           "# SLURM (sbatch this; srun starts one rank per task):\n"
           "#!/bin/bash\n#SBATCH --nodes=1\n#SBATCH --ntasks-per-node=%1\n#SBATCH --gres=gpu:%1\n"
           "export MASTER_PORT=29500\n"
           "srun tessera-cli %2 --distributed\n")
            .arg(processes)
            .arg(command);
}

} // namespace tessera::core
