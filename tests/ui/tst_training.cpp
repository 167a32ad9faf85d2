// Training from the GUI with real child processes: the dialog checks what it launches, a job
// runs as tessera-cli with live curves and lands in the project database, a SIGKILLed job is
// failed and resumes to the result of an uninterrupted run, and a new window re-attaches to a
// job that kept running.
#include "MainWindow.h"
#include "features/FeatureStore.h"
#include "jobs/JobMonitor.h"
#include "plots/CurvePlot.h"
#include "project/AnnotationStore.h"
#include "project/ProjectController.h"
#include "project/RunningJobsPrompt.h"
#include "project/RunsPanel.h"
#include "support/CliRunner.h"
#include "system/ComputeDevices.h"
#include "training/AnnotationCountHint.h"
#include "training/TrainingDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace tessera;

namespace {

QByteArray bytes(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// With TESSERA_SCREENSHOTS=DIR, saves what the widget shows (to look at, and for the docs).
void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOTS");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents(); // the plots' queued replots
    widget->grab().save(QDir(dir).filePath(name));
}

// Waits for `job` to reach one of `statuses` (polling the queue the way the GUI's timer does).
bool waitForStatus(ui::ProjectController& controller, qint64 job, const QStringList& statuses, int timeoutMs)
{
    return QTest::qWaitFor(
        [&] {
            const auto record = controller.project()->jobs().find(job);
            return record && statuses.contains(record->status);
        },
        timeoutMs);
}

// A short ABMIL run on one CPU thread, named `name`.
void chooseSmallAbmilRun(ui::TrainingDialog& dialog, const QString& name, int epochs)
{
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("abmil")));
    dialog.nameEdit()->setText(name);
    dialog.epochsBox()->setValue(epochs);
    dialog.threadsBox()->setValue(1);
    dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void dialogRefusesWrongValuesNextToTheirFields();
    void theFormIsMadeFromTheSettingsTable();
    void theAnnotationBoxCountsWhatItWillTrainOn();
    void theDialogRemembersItsChoicesPerProject();
    void aJobFromTheDialogRunsWithLiveCurvesAndIsRecorded();
    void aKilledJobFailsAndResumesToTheUninterruptedResult();
    void aNewWindowReattachesToARunningJob();

private:
    // A project over the synthetic bags: stand-in slide files (the catalogue only fingerprints
    // them), the bags' labels, a split, and the bags as its feature set.
    QString makeProject(const QString& name);
    QTemporaryDir m_dir;
    QString m_bags;
};

void TestTraining::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qputenv("TESSERA_CLI", QByteArrayLiteral(TESSERA_CLI));
    m_bags = m_dir.filePath(QStringLiteral("bags"));
    const test::CliRun r = test::runCli(
        {QStringLiteral("synth-bags"), QStringLiteral("--out"), m_bags, QStringLiteral("--slides"),
         QStringLiteral("16"), QStringLiteral("--dim"), QStringLiteral("8"), QStringLiteral("--signal"),
         QStringLiteral("2"), QStringLiteral("--seed"), QStringLiteral("5")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
}

QString TestTraining::makeProject(const QString& name)
{
    const QString folder = m_dir.filePath(name);
    const auto project = core::Project::create(folder);
    QStringList slides;
    for (const QString& bag :
         QDir(m_bags + QStringLiteral("/features")).entryList({QStringLiteral("*.h5")})) {
        const QString slide =
            folder + QStringLiteral("/slides/") + QFileInfo(bag).completeBaseName() + QStringLiteral(".svs");
        QDir().mkpath(QFileInfo(slide).absolutePath());
        QFile f(slide);
        f.open(QIODevice::WriteOnly);
        f.write(bag.toUtf8().repeated(50));
        f.close();
        slides << slide;
    }
    project->slides().add(slides);
    project->slides().importLabels(m_bags + QStringLiteral("/labels.csv"));
    project->slides().setSplit(QStringLiteral("default"),
                               core::Split::kFold(project->slides().labelTable(), 4, 1)[0]);
    const qint64 set = project->runs().recordFeatureSet(m_bags + QStringLiteral("/features"),
                                                        QStringLiteral("synthetic"), 256, 20);
    for (const QString& slide : slides)
        project->runs().recordSlideFeatures(set, slide,
                                            m_bags + QStringLiteral("/features/") +
                                                QFileInfo(slide).completeBaseName() + QStringLiteral(".h5"),
                                            60, 8);
    return folder;
}

void TestTraining::dialogRefusesWrongValuesNextToTheirFields()
{
    const QString folder = makeProject(QStringLiteral("checks"));
    const auto project = core::Project::open(folder);
    {
        // A finished ABMIL run to be a parent (its folder as training leaves it, weights aside).
        core::RunStart start;
        start.folder = project->runsFolder() + QStringLiteral("/taken");
        start.model = QStringLiteral("abmil");
        project->runs().finishRun(project->runs().startRun(start), {});
        const core::RunFolder taken(start.folder);
        taken.create();
        QJsonObject config{
            {QStringLiteral("feature_dimension"), 8},
            {QStringLiteral("classes"), QJsonArray{QStringLiteral("normal"), QStringLiteral("tumour")}}};
        core::ModelSpec spec;
        spec.name = QStringLiteral("abmil");
        spec.writeTo(config);
        taken.writeConfig(config);
        QFile weights(taken.bestWeightsPath());
        QVERIFY(weights.open(QIODevice::WriteOnly));
    }
    ui::TrainingDialog dialog(*project);
    dialog.show();
    QCOMPARE(dialog.modelBox()->currentData().toString(), QStringLiteral("srmil"));
    QVERIFY(dialog.wGenBox()->isEnabled());
    // Each model brings its own schedule: the paper's for SR-MIL, CLAM's for the baselines.
    const core::TrainConfig srmil = core::TrainConfig::defaultsFor(QStringLiteral("srmil")),
                            abmil = core::TrainConfig::defaultsFor(QStringLiteral("abmil"));
    QVERIFY(srmil.epochs != abmil.epochs);
    QCOMPARE(dialog.epochsBox()->value(), srmil.epochs);
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("abmil")));
    QCOMPARE(dialog.epochsBox()->value(), abmil.epochs);
    QCOMPARE(dialog.learningRateBox()->value(), abmil.learningRate);
    QVERIFY(!dialog.wGenBox()->isEnabled());
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("srmil")));
    QCOMPARE(dialog.epochsBox()->value(), srmil.epochs);
    dialog.nameEdit()->setText(QStringLiteral("taken"));                          // exists
    dialog.featureSetBox()->setCurrentIndex(dialog.featureSetBox()->count() - 1); // extract first…
    dialog.extractorBox()->insertItem(0, QStringLiteral("/no/such/encoder.pt"),
                                      QStringLiteral("/no/such/encoder.pt"));
    dialog.extractorBox()->setCurrentIndex(0);
    dialog.parentBox()->setCurrentIndex(
        dialog.parentBox()->findData(QStringLiteral("taken"))); // an ABMIL run
    const std::vector<core::FieldProblem> problems = dialog.check();
    QVERIFY(dialog.problemShown(QStringLiteral("name")).contains(QLatin1String("exists already")));
    QVERIFY(dialog.problemShown(QStringLiteral("extractor")).contains(QLatin1String("TorchScript")));
    QCOMPARE(dialog.problemShown(QStringLiteral("init_from")),
             QStringLiteral("run 'taken' was trained as ABMIL: choose ABMIL as the model to fine-tune it"));
    QCOMPARE(problems.size(), std::size_t(3));
    // Choosing ABMIL puts it right: the reason goes at once, and comes back with SR-MIL (issue #29,
    // item 11: it used to stay up until the next Start).
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("abmil")));
    QCOMPARE(dialog.problemShown(QStringLiteral("init_from")), QString());
    QVERIFY(dialog.problemShown(QStringLiteral("extractor")).contains(QLatin1String("TorchScript")));
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("srmil")));
    QVERIFY(dialog.problemShown(QStringLiteral("init_from")).contains(QLatin1String("trained as ABMIL")));
    dialog.accept();
    QVERIFY(dialog.isVisible()); // refused: still open
    // Put right, it is accepted and plans one training job (the features exist).
    dialog.nameEdit()->setText(QStringLiteral("fine"));
    dialog.featureSetBox()->setCurrentIndex(0);
    dialog.parentBox()->setCurrentIndex(0);
    QVERIFY(dialog.check().empty());
    QVERIFY(dialog.problemShown(QStringLiteral("name")).isEmpty());
    const std::vector<core::PlannedJob> jobs = dialog.plannedJobs();
    QCOMPARE(jobs.size(), std::size_t(1));
    QVERIFY(jobs[0].arguments.contains(QStringLiteral("--w-gen")));
    const QStringList published = jobs[0].arguments; // the published one slide a step
    QCOMPARE(published.value(published.indexOf(QStringLiteral("--slides-per-step")) + 1),
             QStringLiteral("1"));
    // Several slides a step reach the command; the processes row needs two GPUs.
    dialog.slidesPerStepBox()->setValue(4);
    const QStringList stepped = dialog.plannedJobs().back().arguments;
    QCOMPARE(stepped.value(stepped.indexOf(QStringLiteral("--slides-per-step")) + 1), QStringLiteral("4"));
    QCOMPARE(dialog.processesBox()->isVisibleTo(&dialog), core::availableComputeDevices().size() > 2);
    // The same training for a cluster: one node, torchrun and SLURM, each a full command.
    const QString cluster = dialog.clusterCommands();
    for (const char* part : {"--nproc", "torchrun --nnodes", "--no-python tessera-cli train", "--distributed",
                             "srun tessera-cli train", "--slides-per-step 4", "--name fine"})
        QVERIFY2(cluster.contains(QLatin1String(part)), qPrintable(cluster));
    // One process per GPU of this machine; without any, one, until the user says the node's.
    const int gpus = std::max(1, dialog.localGpuCount());
    QVERIFY2(cluster.contains(QStringLiteral("--nproc %1\n").arg(gpus)), qPrintable(cluster));
    QVERIFY(dialog.clusterCommands(8).contains(QLatin1String("--nproc 8\n")));
    // The button shows it, ready to copy, with the GPU count to set.
    dialog.show();
    dialog.findChild<QPushButton*>(QStringLiteral("clusterCommand"))->click();
    QDialog* shown = nullptr;
    QTRY_VERIFY((shown = dialog.findChild<QDialog*>(QStringLiteral("clusterBox"))) != nullptr);
    QCOMPARE(shown->findChild<QPlainTextEdit*>()->toPlainText(), cluster);
    shown->findChild<QSpinBox*>(QStringLiteral("gpusPerNode"))->setValue(6);
    QVERIFY(shown->findChild<QPlainTextEdit*>()->toPlainText().contains(QLatin1String("--gres=gpu:6")));
    saveScreenshot(&dialog, QStringLiteral("training-dialog-compute.png"));
    saveScreenshot(shown, QStringLiteral("training-cluster.png"));
    // Escape closes the command box only: the training dialog and its entries stay.
    QVERIFY(QTest::qWaitForWindowExposed(shown));
    shown->activateWindow();
    QTest::keyClick(shown->findChild<QPlainTextEdit*>(), Qt::Key_Escape);
    QTRY_VERIFY(dialog.findChild<QDialog*>(QStringLiteral("clusterBox")) == nullptr);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.slidesPerStepBox()->value(), 4);
    dialog.slidesPerStepBox()->setValue(1);
    // Extracting first plans an extraction the training waits for.
    dialog.featureSetBox()->setCurrentIndex(dialog.featureSetBox()->count() - 1);
    dialog.extractorBox()->setCurrentIndex(dialog.extractorBox()->findData(QStringLiteral("handcrafted")));
    const std::vector<core::PlannedJob> both = dialog.plannedJobs();
    QCOMPARE(both.size(), std::size_t(2));
    QCOMPARE(both[0].kind, QStringLiteral("extract"));
    QVERIFY(both[1].afterPrevious);
    // Without labels there is nothing to train on.
    const QString bare = m_dir.filePath(QStringLiteral("bare"));
    const auto empty = core::Project::create(bare);
    ui::TrainingDialog unlabelled(*empty);
    unlabelled.check();
    QVERIFY(unlabelled.problemShown(QStringLiteral("labels")).contains(QLatin1String("two classes")));
}

void TestTraining::theFormIsMadeFromTheSettingsTable()
{
    const auto project = core::Project::open(makeProject(QStringLiteral("table")));
    ui::TrainingDialog dialog(*project);
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("srmil")));
    // Every row but the model, the device and the parent run (choices of their own) has a field,
    // with the row's label and its help as the tooltip.
    for (const core::TrainSetting& s : core::trainSettings()) {
        QWidget* field = dialog.settingField(s.key);
        const bool own = s.key == QLatin1String("model") || s.key == QLatin1String("device") ||
                         s.key == QLatin1String("init_from");
        QVERIFY2((field == nullptr) == own, qPrintable(s.key));
        if (field)
            QVERIFY2(field->toolTip().startsWith(s.help), qPrintable(s.key));
    }
    // A setting that was only on the command line is now in the form and reaches the job.
    auto* hidden = qobject_cast<QSpinBox*>(dialog.settingField(QStringLiteral("hidden")));
    auto* classWeights = qobject_cast<QCheckBox*>(dialog.settingField(QStringLiteral("class_weights")));
    QVERIFY(hidden && classWeights);
    hidden->setValue(96);
    classWeights->setChecked(true);
    dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
    const QStringList arguments = dialog.plannedJobs().back().arguments;
    QCOMPARE(arguments.value(arguments.indexOf(QStringLiteral("--hidden")) + 1), QStringLiteral("96"));
    QCOMPARE(arguments.value(arguments.indexOf(QStringLiteral("--class-weights")) + 1), QStringLiteral("on"));
    // A model a row does not apply to disables its field; its own defaults fill the rest.
    QVERIFY(hidden->isEnabled());
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("transmil")));
    QVERIFY(!hidden->isEnabled());
    QCOMPARE(dialog.epochsBox()->value(), 50);
    // The annotation weight counts only while learning from annotations is on.
    auto* annotations = qobject_cast<QCheckBox*>(dialog.settingField(QStringLiteral("annotations")));
    QWidget* weight = dialog.settingField(QStringLiteral("w_inst"));
    QVERIFY(annotations && weight);
    QVERIFY(!weight->isEnabled());
    annotations->setChecked(true);
    QVERIFY(weight->isEnabled());
    const QStringList annotated = dialog.plannedJobs().back().arguments;
    QCOMPARE(annotated.value(annotated.indexOf(QStringLiteral("--annotations")) + 1), QStringLiteral("on"));

    // w_gen chosen on validation: the weight's own box is greyed while the choice is on, and the
    // job asks for the search; a baseline never does, whatever the greyed box says.
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("srmil")));
    auto* automatic = qobject_cast<QCheckBox*>(dialog.settingField(QStringLiteral("w_gen_auto")));
    QWidget* wGen = dialog.settingField(QStringLiteral("w_gen"));
    QVERIFY(automatic && wGen && automatic->isEnabled() && wGen->isEnabled());
    automatic->setChecked(true);
    QVERIFY(!wGen->isEnabled());
    const QStringList search = dialog.plannedJobs().back().arguments;
    QCOMPARE(search.value(search.indexOf(QStringLiteral("--w-gen-auto")) + 1), QStringLiteral("on"));
    saveScreenshot(&dialog, QStringLiteral("training-dialog-w-gen-auto.png"));
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("abmil")));
    QVERIFY(!automatic->isEnabled());
    const QStringList baseline = dialog.plannedJobs().back().arguments;
    QCOMPARE(baseline.value(baseline.indexOf(QStringLiteral("--w-gen-auto")) + 1), QStringLiteral("off"));
    automatic->setChecked(false);
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("srmil")));
    QVERIFY(wGen->isEnabled());
}

void TestTraining::theAnnotationBoxCountsWhatItWillTrainOn()
{
    const QString folder = makeProject(QStringLiteral("annotated"));
    const auto project = core::Project::open(folder);
    // One training slide outlined whole as tumour, one validation slide too (not counted).
    const core::Split split = project->slides().split(QStringLiteral("default"));
    const auto outline = [&](const QString& id) {
        const core::FeatureBag bag =
            core::FeatureStore::read(m_bags + QStringLiteral("/features/") + id + QStringLiteral(".h5"));
        core::Annotation a;
        a.id = QUuid::createUuid();
        a.className = QStringLiteral("tumour");
        a.geometry = core::Geometry::rectangle(QRectF(-1000, -1000, 1e6, 1e6));
        project->annotations().save(project->slides().find(id)->id, {a}, {});
        return bag.count;
    };
    const int patches = outline(split.train.first());
    outline(split.val.first());
    ui::TrainingDialog dialog(*project);
    auto* box = qobject_cast<QCheckBox*>(dialog.settingField(QStringLiteral("annotations")));
    QSignalSpy counted(dialog.annotationCounts(), &ui::AnnotationCountHint::counted);
    box->setChecked(true);
    QVERIFY(counted.wait(20000));
    QCOMPARE(box->text(), QStringLiteral("normal 0, tumour %1 patches on 1 training slide(s)").arg(patches));
    if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty()) {
        dialog.show();
        QTest::qWait(100);
        dialog.grab().save(shots + QStringLiteral("/training-dialog-annotations.png"));
    }
    // Unticked, it says nothing.
    box->setChecked(false);
    QVERIFY(box->text().isEmpty());
}

void TestTraining::theDialogRemembersItsChoicesPerProject()
{
    const auto first = core::Project::create(m_dir.filePath(QStringLiteral("remember-a")));
    const auto second = core::Project::create(m_dir.filePath(QStringLiteral("remember-b")));
    {
        ui::TrainingDialog dialog(*first);
        auto* model = dialog.findChild<QComboBox*>(QStringLiteral("model"));
        model->setCurrentIndex(model->findData(QStringLiteral("abmil")));
        dialog.findChild<QSpinBox*>(QStringLiteral("threads"))->setValue(3);
        dialog.findChild<QSpinBox*>(QStringLiteral("epochs"))->setValue(7);
        dialog.findChild<QDoubleSpinBox*>(QStringLiteral("lr"))->setValue(0.0012);
        dialog.reject(); // closed without training: still remembered
    }
    ui::TrainingDialog again(*first);
    QCOMPARE(again.findChild<QComboBox*>(QStringLiteral("model"))->currentData().toString(),
             QStringLiteral("abmil"));
    QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("threads"))->value(), 3);
    QCOMPARE(again.findChild<QSpinBox*>(QStringLiteral("epochs"))->value(), 7);
    QCOMPARE(again.findChild<QDoubleSpinBox*>(QStringLiteral("lr"))->value(), 0.0012);
    // Another project starts from the defaults.
    ui::TrainingDialog other(*second);
    const core::TrainConfig defaults = core::TrainConfig::defaultsFor(
        other.findChild<QComboBox*>(QStringLiteral("model"))->currentData().toString());
    QCOMPARE(other.findChild<QComboBox*>(QStringLiteral("model"))->currentData().toString(),
             QStringLiteral("srmil"));
    QCOMPARE(other.findChild<QSpinBox*>(QStringLiteral("epochs"))->value(), defaults.epochs);
}

void TestTraining::aJobFromTheDialogRunsWithLiveCurvesAndIsRecorded()
{
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(window.openProject(makeProject(QStringLiteral("live"))));
    ui::TrainingDialog* dialog = window.showTrainingDialog();
    QVERIFY(dialog);
    chooseSmallAbmilRun(*dialog, QStringLiteral("gui-abmil"), 3);
    saveScreenshot(dialog, QStringLiteral("training-dialog.png"));
    dialog->accept();
    ui::ProjectController& controller = *window.projectController();
    QTRY_COMPARE_WITH_TIMEOUT(int(controller.project()->jobs().list().size()), 1, 5000);
    const qint64 job = controller.project()->jobs().list().front().id;
    QVERIFY(waitForStatus(controller, job, {core::RunStatus::kFinished, core::RunStatus::kFailed}, 120000));
    QCOMPARE(controller.project()->jobs().find(job)->status, core::RunStatus::kFinished);

    // The monitor drew one point per epoch on every curve.
    ui::JobMonitor* monitor = window.jobMonitor();
    QTRY_COMPARE(monitor->shownJob(), job);
    QCOMPARE(monitor->lossPlot()->pointCount(QStringLiteral("train")), 3);
    QCOMPARE(monitor->lossPlot()->pointCount(QStringLiteral("val")), 3);
    QCOMPARE(monitor->termsPlot()->pointCount(QStringLiteral("ce")), 3);
    QCOMPARE(monitor->learningRatePlot()->pointCount(QStringLiteral("lr")), 3);
    QCOMPARE(monitor->progressBar()->value(), monitor->progressBar()->maximum());
    QVERIFY(monitor->logView()->toPlainText().contains(QLatin1String("epoch 3/3")));
    // The database holds the run and its epochs; result.json agrees with it.
    const core::RunRecord run = *controller.project()->runs().find(QStringLiteral("gui-abmil"));
    QCOMPARE(run.status, core::RunStatus::kFinished);
    QCOMPARE(controller.project()->runs().epochs(run.id).size(), std::size_t(3));
    const core::RunResult result = *core::RunFolder(run.folder).readResult();
    QCOMPARE(run.bestEpoch, result.bestEpoch);
    QCOMPARE(run.validationAuc, result.validation.macroAuc);
    QCOMPARE(monitor->aucPlot()->pointCount(QStringLiteral("val AUC")), 3);
    saveScreenshot(&window, QStringLiteral("training-jobs.png"));
    // The runs table lists it.
    QTRY_COMPARE(window.runsPanel()->table()->rowCount(), 1);
    QCOMPARE(window.runsPanel()->table()->item(0, ui::RunsPanel::Name)->data(Qt::UserRole).toString(),
             QStringLiteral("gui-abmil"));
    QVERIFY(window.runsPanel()
                ->table()
                ->item(0, ui::RunsPanel::Name)
                ->text()
                .startsWith(QStringLiteral("abmil · ")));

    // A second job: the monitor turns to it at once, and until its first report the progress bar
    // shows its state, not the last job's "done" (issue #29, items 9 and 10).
    QCOMPARE(monitor->progressBar()->text(), QStringLiteral("done"));
    ui::TrainingDialog* again = window.showTrainingDialog();
    QVERIFY(again);
    chooseSmallAbmilRun(*again, QStringLiteral("gui-abmil-again"), 2);
    again->accept();
    std::vector<core::JobRecord> jobs = controller.project()->jobs().list();
    QCOMPARE(int(jobs.size()), 2);
    const qint64 second = std::max(jobs.front().id, jobs.back().id);
    QCOMPARE(monitor->shownJob(), second);
    QVERIFY2(!monitor->progressBar()->text().contains(QLatin1String("done")),
             qPrintable(monitor->progressBar()->text()));
    const QList<QModelIndex> selected = monitor->jobTable()->selectionModel()->selectedRows();
    QCOMPARE(selected.size(), 1);
    QCOMPARE(monitor->jobTable()->item(selected.first().row(), 0)->data(Qt::UserRole).toLongLong(), second);
    saveScreenshot(&window, QStringLiteral("training-second-job.png"));
    QVERIFY(
        waitForStatus(controller, second, {core::RunStatus::kFinished, core::RunStatus::kFailed}, 120000));
    QTRY_COMPARE(monitor->progressBar()->text(), QStringLiteral("done"));
}

void TestTraining::aKilledJobFailsAndResumesToTheUninterruptedResult()
{
    const QString folder = makeProject(QStringLiteral("killed"));
    ui::ProjectController controller;
    controller.open(folder);
    ui::JobMonitor monitor(&controller);
    ui::TrainingDialog dialog(*controller.project());
    dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("srmil")));
    dialog.nameEdit()->setText(QStringLiteral("interrupted"));
    dialog.epochsBox()->setValue(8);
    dialog.threadsBox()->setValue(1);
    dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
    QVERIFY(dialog.check().empty());
    const std::vector<core::PlannedJob> plan = dialog.plannedJobs();
    // The uninterrupted reference: the same command under another name, run to the end.
    QStringList straight = plan.back().arguments;
    straight[straight.indexOf(QStringLiteral("interrupted"))] = QStringLiteral("straight");
    const test::CliRun reference = test::runCli(straight);
    QVERIFY2(reference.exitCode == 0, qPrintable(reference.err));

    const qint64 job = controller.submit(plan).back();
    // SIGKILL once two epochs are in: no last word in the log.
    QVERIFY(QTest::qWaitFor([&] { return monitor.lossPlot()->pointCount(QStringLiteral("train")) >= 2; },
                            120000));
    const qint64 pid = controller.project()->jobs().find(job)->pid;
    QVERIFY(pid > 0);
    ::kill(pid_t(pid), SIGKILL);
    QVERIFY(waitForStatus(controller, job, {core::RunStatus::kFailed}, 30000));
    QVERIFY2(controller.project()->jobs().find(job)->message.contains(QLatin1String("without reporting why")),
             qPrintable(controller.project()->jobs().find(job)->message));
    QCOMPARE(controller.project()->runs().find(QStringLiteral("interrupted"))->status,
             core::RunStatus::kFailed);
    QTRY_VERIFY(monitor.resumeButton()->isEnabled());

    // Resume: the same command continues from the last checkpoint and ends where the straight run did.
    monitor.resumeButton()->click();
    QVERIFY(waitForStatus(controller, job, {core::RunStatus::kFinished, core::RunStatus::kFailed}, 180000));
    QCOMPARE(controller.project()->jobs().find(job)->status, core::RunStatus::kFinished);
    const core::RunRecord resumed = *controller.project()->runs().find(QStringLiteral("interrupted"));
    const core::RunRecord uninterrupted = *controller.project()->runs().find(QStringLiteral("straight"));
    QCOMPARE(resumed.status, core::RunStatus::kFinished);
    QCOMPARE(resumed.bestEpoch, uninterrupted.bestEpoch);
    QCOMPARE(resumed.validationAuc, uninterrupted.validationAuc);
    QCOMPARE(bytes(core::RunFolder(resumed.folder).bestWeightsPath()),
             bytes(core::RunFolder(uninterrupted.folder).bestWeightsPath()));
    // Both attempts, one point per epoch; the monitor tails the log, so the last may come after "finished".
    QTRY_COMPARE_WITH_TIMEOUT(monitor.lossPlot()->pointCount(QStringLiteral("train")), 8, 10000);
}

void TestTraining::aNewWindowReattachesToARunningJob()
{
    const QString folder = makeProject(QStringLiteral("reattach"));
    qint64 job = 0;
    {
        ui::ProjectController first;
        first.open(folder);
        ui::TrainingDialog dialog(*first.project());
        dialog.modelBox()->setCurrentIndex(dialog.modelBox()->findData(QStringLiteral("abmil")));
        dialog.nameEdit()->setText(QStringLiteral("long"));
        dialog.epochsBox()->setValue(2000);
        dialog.threadsBox()->setValue(1);
        dialog.deviceBox()->setCurrentIndex(dialog.deviceBox()->findData(QStringLiteral("cpu")));
        job = first.submit(dialog.plannedJobs()).back();
        QVERIFY(waitForStatus(first, job, {core::RunStatus::kRunning}, 10000));
        // Closing the window while it runs asks: Cancel keeps the window, Keep Running lets it go
        // and leaves the job alone.
        const auto answer = [](const QString& button) {
            QTimer::singleShot(0, [button] {
                QTRY_VERIFY(qobject_cast<QMessageBox*>(QApplication::activeModalWidget()) != nullptr);
                auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
                QVERIFY(box->text().contains(QLatin1String("1 job(s)")));
                for (QAbstractButton* b : box->buttons())
                    if (b->text().remove(QLatin1Char('&')) == button)
                        b->click();
            });
        };
        answer(QStringLiteral("Cancel"));
        QVERIFY(!ui::RunningJobsPrompt::allowsClosing(first.jobs(), nullptr));
        answer(QStringLiteral("Keep Running"));
        QVERIFY(ui::RunningJobsPrompt::allowsClosing(first.jobs(), nullptr));
        QCOMPARE(first.project()->jobs().find(job)->status, core::RunStatus::kRunning);
    } // the window closes; the job keeps running on its own
    ui::ProjectController second;
    second.open(folder);
    ui::JobMonitor monitor(&second);
    QCOMPARE(second.project()->jobs().find(job)->status, core::RunStatus::kRunning);
    monitor.showJob(job);
    // Live events reach the new monitor: the curve keeps growing.
    QVERIFY(
        QTest::qWaitFor([&] { return monitor.lossPlot()->pointCount(QStringLiteral("train")) >= 1; }, 60000));
    const int seen = monitor.lossPlot()->pointCount(QStringLiteral("train"));
    QVERIFY(QTest::qWaitFor([&] { return monitor.lossPlot()->pointCount(QStringLiteral("train")) > seen; },
                            60000));
    // Cancel from the monitor: SIGTERM, the job stops after its epoch and says so.
    QVERIFY(monitor.cancelButton()->isEnabled());
    monitor.cancelButton()->click();
    QVERIFY(waitForStatus(second, job, {core::RunStatus::kCancelled}, 60000));
    QCOMPARE(second.project()->runs().find(QStringLiteral("long"))->status, core::RunStatus::kCancelled);
    QVERIFY(monitor.resumeButton()->isEnabled());
}

QTEST_MAIN(TestTraining)
#include "tst_training.moc"
