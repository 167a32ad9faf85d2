// The table of training settings against hand-written expectations: one non-default value per
// row (one needing all 17 significant digits) reaches config.json, the training plan's
// arguments and back exactly; ranges, defaults per model and problems come from the rows.
#include "model/TrainSettings.h"
#include "project/Project.h"
#include "project/TrainingPlan.h"

#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace tessera;

class TestTrainSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyRowHasAKeyAFlagAndHelp();
    void nonDefaultValuesRoundTripThroughConfigJsonAndArguments();
    void defaultsDifferPerModelAsTheRowsSay();
    void valuesOutOfRangeAreRefusedInWordsOfTheSetting();
    void textIsTheShortestExactForm();
    void autoHandsWGenToItsSwitch();

private:
    // A value other than the default in every row; lr needs 17 significant digits.
    static core::TrainConfig everyRowChanged();
};

core::TrainConfig TestTrainSettings::everyRowChanged()
{
    core::TrainConfig c = core::TrainConfig::defaultsFor(QStringLiteral("srmil"));
    c.epochs = 37;
    c.learningRate = 0.00012345678901234567;
    c.weightDecay = 0.25;
    c.warmupEpochs = 3;
    c.gradientClip = 2.5;
    c.classWeights = true;
    c.annotations = true;
    c.instanceWeight = 0.3;
    c.patience = 9;
    c.selectAfter = 0.125;
    c.model.wGen = 1.5;
    c.wGenAuto = true;
    c.model.wCe = 0.75;
    c.model.maskRate = 0.5;
    c.model.hidden = 96;
    c.model.heads = 2;
    c.seed = 18446744073709551557ull; // the largest 64-bit prime: a double would round it
    c.slidesPerStep = 4;
    c.precision = QStringLiteral("bf16");
    c.device = QStringLiteral("cpu");
    c.threads = 5;
    c.initFrom = QStringLiteral("/runs/parent run");
    return c;
}

void TestTrainSettings::everyRowHasAKeyAFlagAndHelp()
{
    QStringList keys, flags;
    for (const core::TrainSetting& s : core::trainSettings()) {
        QVERIFY2(!s.key.isEmpty() && !s.flag.isEmpty() && !s.label.isEmpty() && !s.help.isEmpty(),
                 qPrintable(s.key));
        QVERIFY2(!keys.contains(s.key) && !flags.contains(s.flag), qPrintable(s.key));
        keys << s.key;
        flags << s.flag;
        // A row's default is inside its own range.
        QVERIFY2(!core::settingProblem(s, core::settingDefault(s, QStringLiteral("srmil"))),
                 qPrintable(s.key));
    }
    QCOMPARE(keys.size(), 23);
    QCOMPARE(core::findTrainSetting(QStringLiteral("w_gen"))->flag, QStringLiteral("w-gen"));
    QCOMPARE(core::settingRangeText(*core::findTrainSetting(QStringLiteral("w_ce"))),
             QStringLiteral("[0, 2]"));
    QCOMPARE(core::settingRangeText(*core::findTrainSetting(QStringLiteral("select_after"))),
             QStringLiteral("[0, 1)"));
    QCOMPARE(core::settingRangeText(*core::findTrainSetting(QStringLiteral("epochs"))),
             QStringLiteral("≥ 1"));
    QCOMPARE(core::settingTypeName(*core::findTrainSetting(QStringLiteral("class_weights"))),
             QStringLiteral("on|off"));
}

void TestTrainSettings::nonDefaultValuesRoundTripThroughConfigJsonAndArguments()
{
    const core::TrainConfig changed = everyRowChanged();
    // Each row differs from its default, so that a row the writer forgot cannot pass.
    for (const core::TrainSetting& s : core::trainSettings())
        if (s.key != QLatin1String("model"))
            QVERIFY2(core::settingValue(s, changed) != core::settingDefault(s, QStringLiteral("srmil")),
                     qPrintable(s.key));

    // config.json, written by hand: keys sorted as Qt writes them; no device and no threads.
    const QByteArray expectedJson =
        R"({"annotations":true,"class_weights":true,"epochs":37,"grad_clip":2.5,"heads":2,"hidden":96,)"
        R"("init_from":"/runs/parent run","lr":0.00012345678901234567,"mask_rate":0.5,"model":"srmil",)"
        R"("patience":9,"precision":"bf16","seed":"18446744073709551557","select_after":0.125,)"
        R"("slides_per_step":4,"w_ce":0.75,"w_gen":1.5,"w_gen_auto":true,"w_inst":0.3,"warmup_epochs":3,"weight_decay":0.25})";
    const QJsonObject json = changed.toJson();
    QCOMPARE(QJsonDocument(json).toJson(QJsonDocument::Compact), expectedJson);
    // Read back: every value exactly, the machine-bound ones at their defaults.
    core::TrainConfig read = core::TrainConfig::fromJson(QJsonDocument::fromJson(expectedJson).object());
    QCOMPARE(read.learningRate, 0.00012345678901234567);
    QCOMPARE(read.seed, 18446744073709551557ull);
    QCOMPARE(read.device, QStringLiteral("auto"));
    QCOMPARE(read.threads, 0);
    read.device = changed.device;
    read.threads = changed.threads;
    QCOMPARE(read.toJson(), json);
    for (const core::TrainSetting& s : core::trainSettings())
        QVERIFY2(core::settingValue(s, read) == core::settingValue(s, changed), qPrintable(s.key));

    // The plan's arguments, written by hand.
    QTemporaryDir dir;
    const auto project = core::Project::create(dir.filePath(QStringLiteral("p")));
    core::TrainingRequest request;
    request.config = changed;
    request.runName = QStringLiteral("r1");
    request.featureSet = QStringLiteral("features");
    request.split = QStringLiteral("default");
    request.parentRun = QStringLiteral("parent run");
    const std::vector<core::PlannedJob> jobs = core::TrainingPlan(*project).jobs(request);
    QCOMPARE(jobs.size(), std::size_t(1));
    const QStringList expectedArguments{"train",
                                        "--project",
                                        project->folder(),
                                        "--name",
                                        "r1",
                                        "--feature-set",
                                        "features",
                                        "--model",
                                        "srmil",
                                        "--epochs",
                                        "37",
                                        "--lr",
                                        "0.00012345678901234567",
                                        "--weight-decay",
                                        "0.25",
                                        "--warmup",
                                        "3",
                                        "--grad-clip",
                                        "2.5",
                                        "--class-weights",
                                        "on",
                                        "--annotations",
                                        "on",
                                        "--w-inst",
                                        "0.3",
                                        "--patience",
                                        "9",
                                        "--select-after",
                                        "0.125",
                                        "--w-gen",
                                        "1.5",
                                        "--w-gen-auto",
                                        "on",
                                        "--w-ce",
                                        "0.75",
                                        "--mask-rate",
                                        "0.5",
                                        "--hidden",
                                        "96",
                                        "--heads",
                                        "2",
                                        "--seed",
                                        "18446744073709551557",
                                        "--slides-per-step",
                                        "4",
                                        "--precision",
                                        "bf16",
                                        "--device",
                                        "cpu",
                                        "--threads",
                                        "5",
                                        "--init-from",
                                        "parent run",
                                        "--split",
                                        "default"};
    QCOMPARE(jobs[0].arguments, expectedArguments);
    // What the command line reads back is what was asked for.
    for (const core::TrainSetting& s : core::trainSettings()) {
        const qsizetype at = jobs[0].arguments.indexOf(QStringLiteral("--") + s.flag);
        QVERIFY2(at > 0, qPrintable(s.flag));
        QString error;
        const std::optional<QVariant> value =
            core::parseSettingText(s, jobs[0].arguments.value(at + 1), &error);
        QVERIFY2(value.has_value(), qPrintable(error));
        if (s.key != QLatin1String("init_from")) // the plan names the parent run, not its folder
            QVERIFY2(*value == core::settingValue(s, changed), qPrintable(s.key));
    }
}

void TestTrainSettings::defaultsDifferPerModelAsTheRowsSay()
{
    const core::TrainConfig srmil = core::TrainConfig::defaultsFor(QStringLiteral("srmil"));
    const core::TrainConfig abmil = core::TrainConfig::defaultsFor(QStringLiteral("abmil"));
    QCOMPARE(srmil.epochs, 100);
    QCOMPARE(srmil.learningRate, 5e-4);
    QCOMPARE(srmil.model.wGen, 1.8);
    QCOMPARE(srmil.selectAfter, 0.6);
    QCOMPARE(abmil.model.name, QStringLiteral("abmil"));
    QCOMPARE(abmil.epochs, 50);
    QCOMPARE(abmil.learningRate, 2e-4);
    QCOMPARE(abmil.gradientClip, 5.0);
    QCOMPARE(abmil.selectAfter, 0.0);
    // A default-constructed config is SR-MIL's, as is a default spec.
    QCOMPARE(core::TrainConfig().toJson(), srmil.toJson());
    QCOMPARE(core::ModelSpec().hidden, 64);
    QVERIFY(
        core::settingAppliesTo(*core::findTrainSetting(QStringLiteral("w_gen")), QStringLiteral("srmil")));
    QVERIFY(
        !core::settingAppliesTo(*core::findTrainSetting(QStringLiteral("w_gen")), QStringLiteral("abmil")));
}

void TestTrainSettings::valuesOutOfRangeAreRefusedInWordsOfTheSetting()
{
    core::TrainConfig c;
    c.model.wGen = 2.5;
    c.epochs = 0;
    c.learningRate = 0;
    c.selectAfter = 1;
    c.precision = QStringLiteral("fp16");
    c.model.maskRate = std::nan("");
    QMap<QString, QString> byKey;
    for (const core::FieldProblem& p : c.problems())
        byKey.insert(p.field, p.message);
    QCOMPARE(byKey.size(), 6);
    QCOMPARE(byKey.value(QStringLiteral("w_gen")),
             QStringLiteral("the reconstruction weight must lie in [0, 2] or auto (got 2.5)"));
    QCOMPARE(byKey.value(QStringLiteral("epochs")),
             QStringLiteral("the number of epochs must be at least 1 (got 0)"));
    QCOMPARE(byKey.value(QStringLiteral("lr")),
             QStringLiteral("the learning rate must lie in (0, 1] (got 0)"));
    QCOMPARE(byKey.value(QStringLiteral("select_after")),
             QStringLiteral("the selection start must lie in [0, 1) (got 1)"));
    QCOMPARE(byKey.value(QStringLiteral("precision")),
             QStringLiteral("unknown precision 'fp16' (known: auto, fp32, bf16)"));
    QVERIFY(byKey.contains(QStringLiteral("mask_rate")));
    // The spec alone reports its own rows.
    QCOMPARE(c.model.problems().size(), std::size_t(2));
    QString error;
    QVERIFY(!core::parseSettingText(*core::findTrainSetting(QStringLiteral("epochs")), QStringLiteral("ten"),
                                    &error));
    QCOMPARE(error, QStringLiteral("expects an integer (got 'ten')"));
    QVERIFY(!core::parseSettingText(*core::findTrainSetting(QStringLiteral("class_weights")),
                                    QStringLiteral("yes"), &error));
    QCOMPARE(error, QStringLiteral("expects on or off (got 'yes')"));
}

void TestTrainSettings::textIsTheShortestExactForm()
{
    QCOMPARE(core::shortestNumber(5e-4), QStringLiteral("0.0005"));
    QCOMPARE(core::shortestNumber(0.1 + 0.2), QStringLiteral("0.30000000000000004"));
    QCOMPARE(core::shortestNumber(1e-7), QStringLiteral("1e-07"));
    QCOMPARE(core::shortestNumber(2), QStringLiteral("2"));
    for (const double v : {1.0 / 3.0, 1e-5, 123456.789, 6.02214076e23, 0.00012345678901234567})
        QCOMPARE(core::shortestNumber(v).toDouble(), v);
}

void TestTrainSettings::autoHandsWGenToItsSwitch()
{
    const core::TrainSetting& wGen = *core::findTrainSetting(QStringLiteral("w_gen"));
    QCOMPARE(wGen.autoSwitch, QStringLiteral("w_gen_auto"));
    QCOMPARE(core::settingRangeText(wGen), QStringLiteral("[0, 2] or auto"));
    QString error;
    const std::optional<QVariant> value = core::parseSettingText(wGen, QStringLiteral("auto"), &error);
    QVERIFY2(value.has_value(), qPrintable(error));
    core::TrainConfig c;
    c.model.wGen = 1.25;
    core::setSettingValue(wGen, c, *value);
    QVERIFY(c.wGenAuto);
    QCOMPARE(c.model.wGen, 1.25); // the number is kept, unused while the switch is on
    QVERIFY(c.problems().empty());
    QCOMPARE(c.toJson()[QStringLiteral("w_gen_auto")].toBool(), true);
    QVERIFY(core::TrainConfig::fromJson(c.toJson()).wGenAuto);
    // "auto" is not a number of any other row, nor a misspelling of it.
    QVERIFY(!core::parseSettingText(*core::findTrainSetting(QStringLiteral("w_ce")), QStringLiteral("auto"),
                                    &error));
    QVERIFY(!core::parseSettingText(wGen, QStringLiteral("Auto"), &error));
    QCOMPARE(error, QStringLiteral("expects a number (got 'Auto')"));
    // Off by default, left out of config.json then (older runs lack it).
    QVERIFY(!core::TrainConfig().wGenAuto);
    QVERIFY(!core::TrainConfig().toJson().contains(QStringLiteral("w_gen_auto")));
    // Only SR-MIL has a w_gen: asking a baseline to choose it is refused, not ignored.
    core::TrainConfig abmil = core::TrainConfig::defaultsFor(QStringLiteral("abmil"));
    abmil.wGenAuto = true;
    const std::vector<core::FieldProblem> problems = abmil.problems();
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems[0].field, QStringLiteral("w_gen_auto"));
    QCOMPARE(problems[0].message, QStringLiteral("choosing w_gen on validation applies only to srmil"));
}

QTEST_GUILESS_MAIN(TestTrainSettings)
#include "tst_trainsettings.moc"
