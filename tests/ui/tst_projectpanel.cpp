// The Project dock: a project's slides listed with label, split, features and predictions;
// filtering; labels edited in place and stored; a double-click opens the slide; a missing file
// is shown as missing, and opening it says where it should be.
#include "MainWindow.h"
#include "project/ProjectController.h"
#include "project/ProjectPanel.h"
#include "project/SlideTableModel.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"

#include <QLineEdit>
#include <QSettings>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

class TestProjectPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void listsFiltersEditsAndOpens();
    void aBadProjectIsRefusedAndTheWindowCarriesOn();

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

QTEST_MAIN(TestProjectPanel)
#include "tst_projectpanel.moc"
