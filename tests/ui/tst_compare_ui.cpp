// Runs ▸ Compare… on a real (synthetic) project with two runs: the Runs dock's selection opens the
// comparison window, its curves, numbers and settings are the runs' own, and a double-click on a
// confusion-matrix cell opens that slide with the run applied.
// qcustomplot.h uses the signals/foreach keywords: allowed in this file (no torch here).
#undef QT_NO_KEYWORDS
#include "MainWindow.h"
#include "compare/ComparisonWindow.h"
#include "compare/ComparisonWorkbench.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "project/ProjectController.h"
#include "project/RunsPanel.h"
#include "run/RunFolder.h"
#include "support/CliRunner.h"
#include "viewer/SlideView.h"

#include <QFileInfo>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <qcustomplot.h>

using namespace tessera;

class TestCompareUi : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runsDockSelectionOpensTheComparison();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestCompareUi::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qputenv("TESSERA_CLI", QByteArrayLiteral(TESSERA_CLI));
    m_project = m_dir.filePath(QStringLiteral("demo"));
    const test::CliRun demo = test::runCli(
        {QStringLiteral("demo-data"), QStringLiteral("--out"), m_project, QStringLiteral("--slides"),
         QStringLiteral("6"), QStringLiteral("--width"), QStringLiteral("6000"), QStringLiteral("--height"),
         QStringLiteral("4500"), QStringLiteral("--epochs"), QStringLiteral("8")});
    QVERIFY2(demo.exitCode == 0, qPrintable(demo.err));
    const test::CliRun abmil =
        test::runCli({QStringLiteral("train"), QStringLiteral("--project"), m_project,
                      QStringLiteral("--model"), QStringLiteral("abmil"), QStringLiteral("--epochs"),
                      QStringLiteral("4"), QStringLiteral("--threads"), QStringLiteral("1"),
                      QStringLiteral("--name"), QStringLiteral("abmil")});
    QVERIFY2(abmil.exitCode == 0, qPrintable(abmil.err));
}

void TestCompareUi::runsDockSelectionOpensTheComparison()
{
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(m_project));
    auto* runs = window.findChild<ui::RunsPanel*>();
    QVERIFY(runs);
    QCOMPARE(runs->table()->rowCount(), 2);
    runs->table()->selectAll();
    runs->refresh(); // as every epoch of a running job does: the selection stays
    QCOMPARE(runs->selectedRuns().size(), 2);
    QVERIFY(!runs->applyButton()->isEnabled()); // two runs: nothing to apply or delete
    QVERIFY(runs->compareButton()->isEnabled());
    runs->compareButton()->click();
    auto* compared = window.findChild<ui::ComparisonWindow*>();
    QVERIFY(compared);
    QVERIFY(QTest::qWaitForWindowExposed(compared));
    const core::RunComparison& c = compared->comparison();
    QCOMPARE(c.runs.size(), std::size_t(2));
    // The demo has no test slides: the window shows validation, its ROC has a curve per run and
    // the chance diagonal.
    QCOMPARE(compared->part(), QStringLiteral("val"));
    QCOMPARE(compared->rocPlot()->plottableCount(), 3);
    for (std::size_t i = 0; i < c.runs.size(); ++i) {
        const double auc = core::RunFolder(c.runs[i].path).readResult()->validation.macroAuc;
        const double shown = c.validation.runs[i].auc.auc;
        QVERIFY(std::isnan(auc) ? std::isnan(shown) : std::abs(shown - auc) < 1e-12); // two computations
    }
    QCOMPARE(compared->pairsTable()->rowCount(), 1);
    QVERIFY(!compared->settingsTable()->findItems(QStringLiteral("model"), Qt::MatchExactly).isEmpty());

    // Each validation slide sits in one cell; a one-slide cell double-clicked opens it with the run.
    compared->tabs()->setCurrentIndex(2);
    QTableWidget* matrix = compared->confusionTable(1);
    QVERIFY(matrix);
    int listed = 0, row = -1, column = -1;
    for (int t = 0; t < matrix->rowCount(); ++t)
        for (int p = 0; p < matrix->columnCount(); ++p) {
            const int n = int(matrix->item(t, p)->data(Qt::UserRole).toStringList().size());
            QCOMPARE(matrix->item(t, p)->text(), QString::number(n));
            listed += n;
            if (n == 1 && row < 0) {
                row = t;
                column = p;
            }
        }
    QCOMPARE(listed, c.validation.runs[1].slides);
    QVERIFY(row >= 0);
    const QString slide = matrix->item(row, column)->data(Qt::UserRole).toStringList().front();
    const QRect cell = matrix->visualItemRect(matrix->item(row, column));
    QTest::mouseClick(matrix->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(compared->cellSlides()->count(), 1);
    QTest::mouseDClick(matrix->viewport(), Qt::LeftButton, {}, cell.center());
    // The slide's stored (latest) results may show first; the run asked for shows last, whatever
    // finishes first (AnalysisController shows an inference over an earlier load).
    const auto shownRun = [&] {
        ui::SlideView* view = window.currentView();
        const ui::SlideAnalysis* analysis = view ? view->document()->analysis() : nullptr;
        return analysis ? QFileInfo(analysis->prediction().run).fileName() : QString();
    };
    QVERIFY(QTest::qWaitFor([&] { return shownRun() == c.runs[1].name; }, 60000));
    QCOMPARE(QFileInfo(window.currentView()->slide()->path()).completeBaseName(), slide);

    if (const QByteArray shots = qgetenv("TESSERA_SCREENSHOTS"); !shots.isEmpty()) {
        compared->tabs()->setCurrentIndex(0);
        QTest::qWait(50);
        compared->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/compare-curves.png"));
        compared->tabs()->setCurrentIndex(1);
        compared->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/compare-numbers.png"));
        compared->tabs()->setCurrentIndex(2);
        compared->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/compare-confusion.png"));
        compared->tabs()->setCurrentIndex(3);
        compared->grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/compare-settings.png"));
    }
}

QTEST_MAIN(TestCompareUi)
#include "tst_compare_ui.moc"
