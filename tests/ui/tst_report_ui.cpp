// File ▸ Export Report… driven through the real dialog: it starts from the current slide and the
// findings kept in the project, previews page 1 and follows the findings, writes a PDF whose text
// has the findings, remembers its settings, and refuses a folder it cannot write into.
#include "MainWindow.h"
#include "Translations.h"
#include "project/Project.h"
#include "report/ReportDialog.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using namespace tessera;

class TestReportUi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportFromTheDialog();
    void aGermanUiWritesAGermanReport();

private:
    QTemporaryDir m_dir;
};

void TestReportUi::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
}

void TestReportUi::exportFromTheDialog()
{
    const QString folder = m_dir.filePath(QStringLiteral("p"));
    const QString slide = m_dir.filePath(QStringLiteral("case-7.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), slide));
    core::Project::create(folder)->slides().add({slide});
    ui::MainWindow window;
    window.show();
    QVERIFY(window.openProject(folder));
    QVERIFY(test::openAndWait(window, slide));
    auto* action = window.findChild<QAction*>(QStringLiteral("exportReport"));
    QVERIFY(action);

    const QString pdf = m_dir.filePath(QStringLiteral("out/case-7.pdf"));
    QString exported, refused;
    quint64 before = 0, after = 0;
    connect(&window, &ui::MainWindow::reportDialogOpened, this, [&](ui::ReportDialog* dialog) {
        QVERIFY(!dialog->preview()->pixmap().isNull()); // page 1, before anything was typed
        before = dialog->previewRevision();
        dialog->findingsEdit()->setPlainText(
            QStringLiteral("Kein Tumor nachweisbar. Zweitbefund: unauffällig."));
        QTRY_VERIFY(dialog->previewRevision() > before); // the preview follows the findings
        after = dialog->previewRevision();
        if (!qEnvironmentVariableIsEmpty("TESSERA_SCREENSHOT_DIR")) // for a person to look at
            dialog->grab().save(qEnvironmentVariable("TESSERA_SCREENSHOT_DIR") +
                                QStringLiteral("/report-dialog.png"));
        // A folder that cannot be written: a message naming the file, nothing written.
        dialog->pdfEdit()->setText(QStringLiteral("/proc/tessera/case-7.pdf"));
        try {
            dialog->exportReport();
        } catch (const core::Error& e) {
            refused = e.message();
        }
        dialog->pdfEdit()->setText(pdf);
        exported = dialog->exportReport();
        dialog->reject();
    });
    action->trigger();
    QVERIFY2(!refused.isEmpty() && refused.contains(QLatin1String("/proc/tessera")), qPrintable(refused));
    QVERIFY2(exported.contains(pdf), qPrintable(exported));
    QVERIFY(after > before);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    QVERIFY2(body.contains(QStringLiteral("Zweitbefund: unauffällig")) &&
                 body.contains(QLatin1String("case-7")),
             qPrintable(body.left(400)));
    QVERIFY(body.contains(QLatin1String("no model has been applied")));

    // Opened again: the findings come back from the project, the folder from the settings.
    connect(&window, &ui::MainWindow::reportDialogOpened, this, [&](ui::ReportDialog* dialog) {
        QCOMPARE(dialog->findingsEdit()->toPlainText(),
                 QStringLiteral("Kein Tumor nachweisbar. Zweitbefund: unauffällig."));
        QCOMPARE(dialog->pdfEdit()->text(), pdf);
        dialog->reject();
    });
    action->trigger();
}

void TestReportUi::aGermanUiWritesAGermanReport()
{
    QTranslator* german = ui::installTranslation(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(german);
    const QString folder = m_dir.filePath(QStringLiteral("p"));
    const QString slide = m_dir.filePath(QStringLiteral("case-7.tiff"));
    ui::MainWindow window;
    window.show();
    QVERIFY(window.openProject(folder));
    QVERIFY(test::openAndWait(window, slide));
    const QString pdf = m_dir.filePath(QStringLiteral("out/bericht.pdf"));
    connect(&window, &ui::MainWindow::reportDialogOpened, this, [&](ui::ReportDialog* dialog) {
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Bericht exportieren"));
        dialog->pdfEdit()->setText(pdf);
        dialog->exportReport();
        dialog->reject();
    });
    window.findChild<QAction*>(QStringLiteral("exportReport"))->trigger();
    QCoreApplication::removeTranslator(german);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    for (const char* expected : {"Schnittbericht: case-7", "Übersicht des Schnitts", "Seite 1 von",
                                 "Nur für Forschungszwecke", "kein Modell angewendet"})
        QVERIFY2(body.contains(QString::fromUtf8(expected)), expected);
}

QTEST_MAIN(TestReportUi)
#include "tst_report_ui.moc"
