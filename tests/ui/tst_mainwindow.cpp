// MainWindow offscreen: opens slides in tabs, reports broken files and keeps running.
#include "MainWindow.h"
#include "PreferencesDialog.h"
#include "SlideInfoPanel.h"
#include "Translations.h"
#include "support/TestSlides.h"
#include "viewer/SlideView.h"

#include <QFile>
#include <QMenuBar>
#include <QMimeData>
#include <QSpinBox>
#include <QSettings>
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

private:
    QTemporaryDir m_dir;
};

void TestMainWindow::initTestCase()
{
    // Keep the recent-files list of this test away from the user's settings.
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
}

void TestMainWindow::opensSyntheticSlideAndCloses()
{
    auto* window = new ui::MainWindow;
    window->show();
    const QString path = test::smallTumourSlide();
    QVERIFY(window->openSlide(path));
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
    QVERIFY(window.openSlide(test::smallTumourSlide()));
    const QString broken = m_dir.filePath(QStringLiteral("broken.svs"));
    QFile file(broken);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("not a slide");
    file.close();
    QSignalSpy shown(&window, &ui::MainWindow::errorShown);
    QVERIFY(!window.openSlide(broken));
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
    QVERIFY(window.openSlide(test::smallTumourSlide()));
    QVERIFY(window.openSlide(svs));
    QCOMPARE(window.slideCount(), 2);
    QVERIFY(window.infoPanel()->propertyTable()->rowCount() > 20);
    QTRY_VERIFY(window.infoPanel()->shownAssociatedImages().contains(QStringLiteral("label")));
    QVERIFY(window.infoPanel()->shownAssociatedImages().contains(QStringLiteral("macro")));
}

void TestMainWindow::savesViewAsPng()
{
    ui::MainWindow window;
    window.resize(1000, 700);
    window.show();
    QVERIFY(window.openSlide(test::smallTumourSlide()));
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
        QCOMPARE(menus, QStringList({QStringLiteral("&Datei"), QStringLiteral("&Bearbeiten"), QStringLiteral("&Ansicht"), QStringLiteral("&Hilfe")}));
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
    QCOMPARE(window.slideCount(), 2);
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

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
