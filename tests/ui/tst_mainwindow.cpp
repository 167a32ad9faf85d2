// MainWindow offscreen: opens slides in tabs, reports broken files and keeps running.
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "SlideInfoPanel.h"
#include "Translations.h"
#include "document/SlideDocument.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "synth/GroundTruth.h"
#include "viewer/SlideView.h"
#include "workspace/CursorReadout.h"
#include "workspace/SlideTabs.h"

#include <QFile>
#include <QLabel>
#include <QMenuBar>
#include <QMimeData>
#include <QProcess>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace tessera;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void opensSyntheticSlideAndCloses();
    void brokenFileShowsErrorAndKeepsOtherTabs();
    void realSampleShowsPropertiesAndLabel();
    void savesViewAsPng();
    void germanTranslationIsEmbedded();
    void droppedFilesOpenInTabs();
    void tileCachePreferenceIsAppliedAndKept();
    void tissueMaskLayerTintsTissueOnly();
    void slidesOpenBehindAPlaceholderTab();
    void helpAndVersionPrintWithoutADisplay();
    void statusBarReadsTheCursorOfTheCurrentTabOnly();

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    // Keep the recent-files list of this test away from the user's settings.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
}

void TestMainWindow::opensSyntheticSlideAndCloses()
{
    auto* window = new ui::MainWindow;
    window->show();
    const QString path = test::smallTumourSlide();
    QVERIFY(test::openAndWait(*window, path));
    QCOMPARE(window->slideCount(), 1);
    QVERIFY(window->currentView());
    QTRY_VERIFY_WITH_TIMEOUT(window->currentView()->isFullyLoaded(), 10000);
    QVERIFY(window->windowTitle().contains(QLatin1String("small-tumour.tiff")));
    QCOMPARE(window->recentFiles().value(0), QFileInfo(path).absoluteFilePath());
    QVERIFY(window->tileCache().bytes() > 0);
    delete window; // ASan/LSan builds check that this leaves nothing behind
}

void TestMainWindow::brokenFileShowsErrorAndKeepsOtherTabs()
{
    ui::MainWindow window;
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    const QString broken = m_dir.filePath(QStringLiteral("broken.svs"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a slide");
    file.close();
    QSignalSpy shown(&window, &ui::MainWindow::errorShown);
    QVERIFY(!test::openAndWait(window, broken));
    QCOMPARE(shown.size(), 1);
    QVERIFY(window.lastError().contains(broken));
    QVERIFY(window.lastError().contains(QLatin1String("not a slide format")));
    QCOMPARE(window.slideCount(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(window.currentView()->isFullyLoaded(), 10000);
}

void TestMainWindow::realSampleShowsPropertiesAndLabel()
{
    const QString svs = test::sampleSlide(QStringLiteral("CMU-1-Small-Region.svs"));
    if (svs.isEmpty())
        QSKIP("shared/testdata is not present");
    ui::MainWindow window;
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QVERIFY(test::openAndWait(window, svs));
    QCOMPARE(window.slideCount(), 2);
    QVERIFY(window.infoPanel()->propertyTable()->rowCount() > 20);
    QVERIFY2(window.infoPanel()->summaryText().contains(QLatin1String("Read by Tessera's TIFF reader")),
             qPrintable(window.infoPanel()->summaryText()));
    QTRY_VERIFY(window.infoPanel()->shownAssociatedImages().contains(QStringLiteral("label")));
    QVERIFY(window.infoPanel()->shownAssociatedImages().contains(QStringLiteral("macro")));
    if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty())
        window.infoPanel()->grab().save(QDir(shots).filePath(QStringLiteral("slide-panel.png")));
}

void TestMainWindow::savesViewAsPng()
{
    ui::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(test::openAndWait(window, test::smallTumourSlide()));
    QTRY_VERIFY_WITH_TIMEOUT(window.currentView()->isFullyLoaded(), 10000);
    const QString out = m_dir.filePath(QStringLiteral("view.png"));
    QVERIFY(window.saveViewAsPng(out));
    const QImage saved(out);
    QCOMPARE(saved.size(), window.currentView()->size());
    // Somewhere in the fitted slide there is stained (pink/purple) tissue.
    int stained = 0;
    for (int y = 0; y < saved.height(); y += 4)
        for (int x = 0; x < saved.width(); x += 4) {
            const QRgb p = saved.pixel(x, y);
            stained += qRed(p) > qGreen(p) + 40 && qBlue(p) > qGreen(p) + 20;
        }
    QVERIFY(stained > 100);
    QVERIFY(!window.saveViewAsPng(QStringLiteral("/nonexistent-folder/view.png")));
    QVERIFY(window.lastError().contains(QLatin1String("/nonexistent-folder/view.png")));
}

void TestMainWindow::germanTranslationIsEmbedded()
{
    QTranslator* translator = ui::installTranslation(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(translator);
    {
        ui::MainWindow window;
        QStringList menus;
        for (QAction* action : window.menuBar()->actions())
            menus << action->text();
        QCOMPARE(menus, QStringList({QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"),
                                     QStringLiteral("&Ansicht"), QStringLiteral("A&nalyse"),
                                     QStringLiteral("&Projekt"), QStringLiteral("&Läufe"),
                                     QStringLiteral("&Hilfe")}));
    }
    QCoreApplication::removeTranslator(translator);
    delete translator;
    QVERIFY(!ui::installTranslation(QLocale(QLocale::Japanese)));
}

void TestMainWindow::droppedFilesOpenInTabs()
{
    ui::MainWindow window;
    window.show();
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(test::smallTumourSlide()),
                  QUrl::fromLocalFile(test::slideWithCorruptTile(0, 1, 1))});
    QDragEnterEvent enter(QPoint(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(10, 10), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&window, &drop);
    QCOMPARE(window.tabs()->count(), 2); // both tabs at once, "Opening…" until read
    QTRY_COMPARE_WITH_TIMEOUT(window.slideCount(), 2, 30000);
    QVERIFY(window.currentView()->slide()->path().endsWith(QLatin1String("corrupt-0-1-1.tiff")));
}

void TestMainWindow::tileCachePreferenceIsAppliedAndKept()
{
    ui::MainWindow window;
    window.show();
    ui::PreferencesDialog* dialog = window.showPreferences();
    QCOMPARE(dialog->tileCacheSpinBox()->value(), 512);
    dialog->tileCacheSpinBox()->setValue(1024);
    dialog->accept();
    QCOMPARE(window.tileCache().capacity(), 1024ll * 1024 * 1024);
    ui::MainWindow second; // a new window (next start) reads the saved setting
    QCOMPARE(second.tileCache().capacity(), 1024ll * 1024 * 1024);
    ui::Preferences{}.save();
}

void TestMainWindow::tissueMaskLayerTintsTissueOnly()
{
    ui::MainWindow window;
    window.resize(1000, 700);
    window.show();
    const QString path = test::smallTumourSlide();
    QVERIFY(test::openAndWait(window, path));
    ui::SlideView* view = window.currentView();
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    const QImage before = view->grab().toImage();
    window.setTissueMaskVisible(true);
    QTRY_VERIFY_WITH_TIMEOUT(view->document()->isTissueDetected(), 10000);
    QVERIFY(view->document()->isTissueVisible());
    QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 10000);
    const QImage after = view->grab().toImage();
    // Compare with the ground truth: tissue pixels are tinted, glass stays as it was.
    const QImage truth(core::GroundTruthPaths::forSlide(path).mask);
    int tissueGreener = 0, tissueTotal = 0, glassChanged = 0, glassTotal = 0;
    for (int y = 0; y < after.height() - 80; y += 5)
        for (int x = 0; x < after.width(); x += 5) {
            const QPointF p = view->widgetToLevel0(QPointF(x + 0.5, y + 0.5));
            if (p.x() < 8 || p.y() < 8 || p.x() >= 2992 || p.y() >= 2392)
                continue;
            const int label = qGray(truth.pixel(int(p.x()) / 16, int(p.y()) / 16));
            const QRgb a = after.pixel(x, y), b = before.pixel(x, y);
            const int change =
                std::abs(qRed(a) - qRed(b)) + std::abs(qGreen(a) - qGreen(b)) + std::abs(qBlue(a) - qBlue(b));
            const bool greener = qGreen(a) - qRed(a) > qGreen(b) - qRed(b);
            if (label != 0) {
                ++tissueTotal;
                tissueGreener += change > 15 && greener;
            } else {
                ++glassTotal;
                glassChanged += change > 15;
            }
        }
    QVERIFY(tissueTotal > 100 && glassTotal > 100);
    QVERIFY2(tissueGreener > 0.9 * tissueTotal,
             qPrintable(QStringLiteral("%1/%2").arg(tissueGreener).arg(tissueTotal)));
    QVERIFY2(glassChanged < 0.05 * glassTotal,
             qPrintable(QStringLiteral("%1/%2").arg(glassChanged).arg(glassTotal)));
    window.setTissueMaskVisible(false);
    QVERIFY(!view->document()->isTissueVisible());
    QCOMPARE(view->grab().toImage(), before);
}

void TestMainWindow::slidesOpenBehindAPlaceholderTab()
{
    ui::MainWindow window;
    window.show();
    const QString path = test::smallTumourSlide();
    // The slide is read on a worker thread; until the result is back the tab shows a placeholder.
    window.openSlide(path);
    QCOMPARE(window.tabs()->count(), 1);
    QCOMPARE(window.tabs()->widget(0)->objectName(), QStringLiteral("openingPage"));
    QCOMPARE(window.slideCount(), 0);
    QVERIFY(!window.currentView());
    // Closed before it opened: the late result is dropped, no tab comes back.
    window.tabs()->closeTab(0);
    QTest::qWait(1500);
    QCOMPARE(window.tabs()->count(), 0);
    // Two at once: both become views in the order asked for.
    window.openSlide(path);
    window.openSlide(test::slideWithCorruptTile(0, 1, 1));
    QTRY_COMPARE_WITH_TIMEOUT(window.slideCount(), 2, 30000);
    QVERIFY(window.tabs()->viewAt(1)->slide()->path().endsWith(QLatin1String("corrupt-0-1-1.tiff")));
    QCOMPARE(window.currentView(), window.tabs()->viewAt(1));
}

// The status bar kept the other tab's cursor position: x 8520 on a 2220-px-wide slide (issue #29,
// item 8). Only the current tab's view is read out, and a change of tab clears the reading.
void TestMainWindow::statusBarReadsTheCursorOfTheCurrentTabOnly()
{
    ui::MainWindow window;
    window.show();
    ui::SlideView* first = test::openAndWait(window, test::smallTumourSlide());
    ui::SlideView* second = test::openAndWait(window, test::slideWithCorruptTile(0, 1, 1));
    QVERIFY(first && second);
    QCOMPARE(window.currentView(), second);
    const QLabel* readout = window.cursorReadout();
    Q_EMIT second->cursorMoved(QPointF(120, 340), true);
    QVERIFY2(readout->text().startsWith(QLatin1String("x 120, y 340 px")), qPrintable(readout->text()));
    Q_EMIT first->cursorMoved(QPointF(8520, 77), true); // a view in a background tab
    QVERIFY2(readout->text().startsWith(QLatin1String("x 120, y 340 px")), qPrintable(readout->text()));
    window.tabs()->setCurrentIndex(0);
    QCOMPARE(window.currentView(), first);
    QCOMPARE(readout->text(), QString());
    Q_EMIT first->cursorMoved(QPointF(15, 16), true);
    QVERIFY2(readout->text().startsWith(QLatin1String("x 15, y 16 px")), qPrintable(readout->text()));
    Q_EMIT first->cursorMoved(QPointF(-5, 16), false);
    QCOMPARE(readout->text(), QString());
}

// `tessera --help` on a machine without a display (a server, a terminal over ssh) must print the
// options and exit, not abort in QApplication (issue #29, item 18).
void TestMainWindow::helpAndVersionPrintWithoutADisplay()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
        environment.remove(QString::fromLatin1(name));
    const auto runViewer = [&](const QString& option) {
        QProcess viewer;
        viewer.setProcessEnvironment(environment);
        viewer.start(QStringLiteral(TESSERA_GUI), {option});
        viewer.waitForFinished(60000);
        return std::pair{viewer.exitStatus() == QProcess::NormalExit ? viewer.exitCode() : -1,
                         QString::fromUtf8(viewer.readAllStandardOutput())};
    };
    const auto [helpStatus, help] = runViewer(QStringLiteral("--help"));
    QCOMPARE(helpStatus, 0);
    QVERIFY2(help.contains(QLatin1String("Usage:")) && help.contains(QLatin1String("--screenshot")) &&
                 help.contains(QLatin1String("--project")),
             qPrintable(help));
    const auto [versionStatus, version] = runViewer(QStringLiteral("--version"));
    QCOMPARE(versionStatus, 0);
    QVERIFY2(version.contains(QLatin1String(TESSERA_VERSION)), qPrintable(version));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
