// The Project dock: a project's slides listed with label, split, features and predictions;
// filtering; labels edited in place and stored; a double-click opens the slide; a missing file
// is shown as missing, and opening it says where it should be.
#include "MainWindow.h"
#include "analysis/RunChooser.h"
#include "project/ProjectController.h"
#include "project/ProjectPanel.h"
#include "project/RunsPanel.h"
#include "project/SlideTableModel.h"
#include "run/Metrics.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"

#include <QAction>
#include <QApplication>
#include <QJsonObject>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSettings>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

using namespace tessera;

class TestProjectPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsFiltersEditsAndOpens();
    void aBadProjectIsRefusedAndTheWindowCarriesOn();
    void runsShowTheirValidationHonestly();
    void runModelOffersTheProjectsRunsFirst();

private:
    QTemporaryDir m_dir;
};

void TestProjectPanel::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
}

void TestProjectPanel::listsFiltersEditsAndOpens()
{
    const QString folder = m_dir.filePath(QStringLiteral("p"));
    {
        const auto project = core::Project::create(folder);
        QDir().mkpath(folder + QStringLiteral("/slides"));
        for (const char* name : {"case-a", "case-b", "control-c"})
            QVERIFY(QFile::copy(test::smallTumourSlide(),
                                folder + QStringLiteral("/slides/%1.tiff").arg(QLatin1String(name))));
        // Different content for each: append a byte so the fingerprints differ.
        for (const char* name : {"case-b", "control-c"}) {
            QFile f(folder + QStringLiteral("/slides/%1.tiff").arg(QLatin1String(name)));
            QVERIFY(f.open(QIODevice::Append));
            f.write(name);
        }
        QCOMPARE(project->slides().add({folder + QStringLiteral("/slides")}).added.size(), 3);
        project->slides().setLabel(QStringLiteral("case-a"), QStringLiteral("tumour"));
        project->slides().setLabel(QStringLiteral("control-c"), QStringLiteral("normal"));
    }
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(window.openProject(folder));
    ui::ProjectPanel* panel = window.projectPanel();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->visibleRows(), 3);
    QVERIFY2(panel->summary().contains(QLatin1String("3 slides, 2 labelled")), qPrintable(panel->summary()));

    // Filter as you type (any column: names and labels).
    panel->filterEdit()->setText(QStringLiteral("case"));
    QCOMPARE(panel->visibleRows(), 2);
    panel->filterEdit()->setText(QStringLiteral("normal"));
    QCOMPARE(panel->visibleRows(), 1);
    panel->filterEdit()->clear();

    // Edit a label in place: stored in the project.
    QTableView* table = panel->table();
    const QModelIndex label = table->model()->index(1, ui::SlideTableModel::Label); // case-b, sorted by name
    QCOMPARE(table->model()->index(1, ui::SlideTableModel::Slide).data().toString(),
             QStringLiteral("case-b"));
    QVERIFY(table->model()->setData(label, QStringLiteral("tumour")));
    QCOMPARE(window.projectController()->project()->slides().find(QStringLiteral("case-b"))->label,
             QStringLiteral("tumour"));
    QVERIFY(panel->summary().contains(QLatin1String("3 labelled")));

    // Double-click a slide: it opens in a tab.
    QSignalSpy opened(&window, &ui::MainWindow::slideOpened);
    const QModelIndex name = table->model()->index(2, ui::SlideTableModel::Slide);
    Q_EMIT table->doubleClicked(name);
    QTRY_COMPARE_WITH_TIMEOUT(opened.count(), 1, 20000);
    QVERIFY(window.currentView()->slide()->path().endsWith(QLatin1String("control-c.tiff")));

    // A file that went away is shown as missing; opening it says where it should be.
    QVERIFY(QFile::remove(folder + QStringLiteral("/slides/case-a.tiff")));
    panel->refresh();
    QCOMPARE(table->model()->index(0, ui::SlideTableModel::File).data().toString(),
             QStringLiteral("missing"));
    QVERIFY(panel->summary().contains(QLatin1String("1 missing")));
    QSignalSpy error(&window, &ui::MainWindow::errorShown);
    Q_EMIT table->doubleClicked(table->model()->index(0, ui::SlideTableModel::Slide));
    QCOMPARE(error.count(), 1);
    QVERIFY(window.lastError().contains(QLatin1String("case-a")));
    QCOMPARE(window.slideCount(), 1);
}

void TestProjectPanel::aBadProjectIsRefusedAndTheWindowCarriesOn()
{
    ui::MainWindow window;
    window.show();
    const QString damaged = m_dir.filePath(QStringLiteral("damaged"));
    QDir().mkpath(damaged);
    QFile f(damaged + QStringLiteral("/project.sqlite"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    QSignalSpy error(&window, &ui::MainWindow::errorShown);
    QVERIFY(!window.openProject(damaged));
    QCOMPARE(error.count(), 1);
    QVERIFY(window.lastError().contains(damaged));
    QVERIFY(!window.projectController()->project());
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
}

// The Runs dock shows n, the validation loss and the AUC's 95 % interval, says "too few slides"
// where 2 slides cannot measure an AUC, and names runs so that they differ at a glance.
void TestProjectPanel::runsShowTheirValidationHonestly()
{
    const QString folder = m_dir.filePath(QStringLiteral("runs"));
    {
        const auto project = core::Project::create(folder);
        const auto finish = [&](const QString& name, int perClass, const QJsonObject& config,
                                const QString& parent) {
            core::RunStart start;
            start.folder = folder + QStringLiteral("/runs/") + name;
            start.model = QStringLiteral("srmil");
            start.config = config;
            start.parentFolder = parent.isEmpty() ? QString() : folder + QStringLiteral("/runs/") + parent;
            const qint64 id = project->runs().startRun(start);
            std::vector<float> p;
            std::vector<int> labels;
            for (int i = 0; i < perClass; ++i)
                for (int label : {0, 1}) {
                    const float score = (label ? 0.35f : 0.1f) + 0.5f * float(i) / float(perClass);
                    p.insert(p.end(), {1 - score, score});
                    labels.push_back(label);
                }
            core::RunResult result;
            result.bestEpoch = 3;
            result.validation = core::ClassificationMetrics::compute(p, labels, 2);
            std::tie(result.validation.aucLow, result.validation.aucHigh) =
                core::bootstrapAucInterval(p, labels, 2);
            result.validation.loss = 0.4321;
            if (perClass >= 12) // runs made now keep a trust reference; "two-slides" is an older one
                result.trust = {
                    {QStringLiteral("temperature"), 1.7},
                    {QStringLiteral("ece_before"), 0.151},
                    {QStringLiteral("ece_after"), 0.042},
                    {QStringLiteral("threshold"), 2.5},
                    {QStringLiteral("reference"), QStringLiteral("24 training and 24 validation slides")}};
            project->runs().finishRun(id, result);
        };
        const QJsonObject config{{QStringLiteral("lr"), 0.0002},
                                 {QStringLiteral("w_gen"), 1.0},
                                 {QStringLiteral("features"), QStringLiteral("features")}};
        finish(QStringLiteral("two-slides"), 1, config, {});
        finish(QStringLiteral("enough"), 12, config, {});
        QJsonObject tuned = config;
        tuned[QStringLiteral("lr")] = 0.0005;
        finish(QStringLiteral("tuned"), 12, tuned, QStringLiteral("enough"));
    }
    ui::MainWindow window;
    window.show();
    QVERIFY(window.openProject(folder));
    QTableWidget* table = window.runsPanel()->table();
    QTRY_COMPARE(table->rowCount(), 3);
    const auto row = [&](const QString& run) {
        for (int r = 0; r < table->rowCount(); ++r)
            if (table->item(r, ui::RunsPanel::Name)->data(Qt::UserRole).toString() == run)
                return r;
        return -1;
    };
    const auto cell = [&](const QString& run, int column) { return table->item(row(run), column)->text(); };
    QVERIFY2(cell(QStringLiteral("two-slides"), ui::RunsPanel::ValAuc)
                 .startsWith(QStringLiteral("too few slides (1 + 1)")),
             qPrintable(cell(QStringLiteral("two-slides"), ui::RunsPanel::ValAuc)));
    QCOMPARE(cell(QStringLiteral("two-slides"), ui::RunsPanel::ValSlides), QStringLiteral("2"));
    const QRegularExpression interval(QStringLiteral("^0\\.\\d{3} \\[0\\.\\d{3}–(0\\.\\d{3}|1\\.000)\\]$"));
    QVERIFY2(interval.match(cell(QStringLiteral("enough"), ui::RunsPanel::ValAuc)).hasMatch(),
             qPrintable(cell(QStringLiteral("enough"), ui::RunsPanel::ValAuc)));
    QCOMPARE(cell(QStringLiteral("enough"), ui::RunsPanel::ValSlides), QStringLiteral("24"));
    QCOMPARE(cell(QStringLiteral("enough"), ui::RunsPanel::ValLoss), QStringLiteral("0.432"));
    // Whether a run can flag slides unlike its training data, and its calibration.
    QCOMPARE(cell(QStringLiteral("enough"), ui::RunsPanel::Trust), QStringLiteral("yes · ECE 0.15 → 0.04"));
    QVERIFY(table->item(row(QStringLiteral("enough")), ui::RunsPanel::Trust)
                ->toolTip()
                .contains(QStringLiteral("24 training and 24 validation slides")));
    QCOMPARE(cell(QStringLiteral("two-slides"), ui::RunsPanel::Trust), QStringLiteral("none (older run)"));
    // Names: model and time; a fine-tuned run adds what differs from its parent.
    QVERIFY(cell(QStringLiteral("enough"), ui::RunsPanel::Name).startsWith(QStringLiteral("srmil · ")));
    QVERIFY2(cell(QStringLiteral("tuned"), ui::RunsPanel::Name).endsWith(QStringLiteral(" · lr 0.0005")),
             qPrintable(cell(QStringLiteral("tuned"), ui::RunsPanel::Name)));
    // Sorted by the AUC, best first: the run whose 2 slides measure nothing comes last.
    table->sortItems(ui::RunsPanel::ValAuc, Qt::DescendingOrder);
    QCOMPARE(table->item(table->rowCount() - 1, ui::RunsPanel::Name)->data(Qt::UserRole).toString(),
             QStringLiteral("two-slides"));
    // Nothing cut: every column is as wide as its widest text.
    for (int c = 0; c < table->columnCount(); ++c)
        for (int r = 0; r < table->rowCount(); ++r)
            QVERIFY2(table->columnWidth(c) >=
                         table->fontMetrics().horizontalAdvance(table->item(r, c)->text()),
                     qPrintable(table->item(r, c)->text()));
}

// Analysis ▸ Run Model on Slide… lists the project's finished runs (the best measurable AUC
// first) before any folder picker. Uses the project runsShowTheirValidationHonestly made.
void TestProjectPanel::runModelOffersTheProjectsRunsFirst()
{
    const QString folder = m_dir.filePath(QStringLiteral("runs"));
    {
        const auto project = core::Project::open(folder);
        core::RunStart start; // a run that failed is not offered
        start.folder = folder + QStringLiteral("/runs/broken");
        start.model = QStringLiteral("abmil");
        project->runs().stopRun(project->runs().startRun(start), QStringLiteral("killed"), false);
    }
    ui::MainWindow window;
    window.show();
    QVERIFY(window.openProject(folder));
    QStringList offered;
    QString chosen;
    QTimer::singleShot(0, this, [&] {
        auto* chooser = qobject_cast<ui::RunChooser*>(QApplication::activeModalWidget());
        QVERIFY(chooser);
        for (int r = 0; r < chooser->table()->rowCount(); ++r)
            offered << chooser->table()->item(r, 0)->text();
        chosen = chooser->chosenFolder();
        chooser->reject();
    });
    window.findChild<QAction*>(QStringLiteral("runModel"))->trigger();
    QCOMPARE(offered.size(), 3);
    QVERIFY(!offered.contains(QStringLiteral("broken")));
    QCOMPARE(offered.last(), QStringLiteral("two-slides")); // too few slides to rank by AUC
    QVERIFY2(chosen.endsWith(QStringLiteral("/runs/") + offered.first()), qPrintable(chosen));
}

QTEST_MAIN(TestProjectPanel)
#include "tst_projectpanel.moc"
