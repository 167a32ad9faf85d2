// File ▸ Export Report… driven through the real dialog: it starts from the current slide and the
// findings kept in the project, previews page 1 and follows the findings, writes a PDF whose text
// has the findings, remembers its settings, and refuses a folder it cannot write into.
#include "MainWindow.h"
#include "Translations.h"
#include "analysis/AnalysisPanel.h"
#include "heatmap/HeatmapSnapshot.h"
#include "project/Project.h"
#include "report/ReportDialog.h"
#include "support/KnownResults.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSlider>
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
    void theReportDrawsTheViewersMapsReadably();

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
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_E));

    const QString pdf = m_dir.filePath(QStringLiteral("out/case-7.pdf"));
    QString exported, refused;
    quint64 before = 0, after = 0;
    connect(&window, &ui::MainWindow::reportDialogOpened, this, [&](ui::ReportDialog* dialog) {
        // Page 1, before anything was typed: gathered and drawn in the background.
        QTRY_VERIFY_WITH_TIMEOUT(!dialog->preview()->pixmap().isNull(), 20000);
        before = dialog->previewRevision();
        dialog->findingsEdit()->setPlainText(
            QStringLiteral("Kein Tumor nachweisbar. Zweitbefund: unauffällig."));
        QTRY_VERIFY(dialog->previewRevision() > before); // the preview follows the findings
        after = dialog->previewRevision();
        if (!qEnvironmentVariableIsEmpty("TESSERA_SCREENSHOTS")) // for a person to look at
            dialog->grab().save(qEnvironmentVariable("TESSERA_SCREENSHOTS") +
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
    // After an export the message offers to open the PDF or its folder.
    ui::ReportDialog::showExported(&window, exported, pdf);
    auto* done = window.findChild<QMessageBox*>(QStringLiteral("reportExported"));
    QVERIFY(done);
    QStringList buttons;
    for (const QAbstractButton* b : done->buttons())
        buttons << b->text();
    QVERIFY2(buttons.contains(QStringLiteral("Open PDF")) &&
                 buttons.contains(QStringLiteral("Show in Folder")),
             qPrintable(buttons.join(QLatin1Char(','))));
    done->close();

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
        // The dialog's own button: written in the background, then the dialog closes.
        QSignalSpy exported(dialog, &ui::ReportDialog::exported);
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("export"));
        QVERIFY(ok);
        ok->click();
        QVERIFY(!ok->isEnabled()); // while it writes
        QVERIFY(exported.wait(60000));
        QVERIFY2(exported.first().first().toString().contains(pdf),
                 qPrintable(exported.first().first().toString()));
    });
    window.findChild<QAction*>(QStringLiteral("exportReport"))->trigger();
    QTRY_VERIFY(window.findChild<QMessageBox*>(QStringLiteral("reportExported")) != nullptr);
    window.findChild<QMessageBox*>(QStringLiteral("reportExported"))->close();
    QCoreApplication::removeTranslator(german);
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput());
    for (const char* expected : {"Schnittbericht: case-7", "Übersicht des Schnitts", "Seite 1 von",
                                 "Nur für Forschungszwecke", "kein Modell angewendet"})
        QVERIFY2(body.contains(QString::fromUtf8(expected)), expected);
}

// The report draws the maps at the viewer's opacity, in each map's colours, says so, and prints
// their legends large enough to read (≥ 7 pt). "Not in this report" never ends up alone on a page.
void TestReportUi::theReportDrawsTheViewersMapsReadably()
{
    const QString folder = m_dir.filePath(QStringLiteral("maps"));
    const QString slide = m_dir.filePath(QStringLiteral("case-9.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), slide));
    const core::Prediction p = test::knownPrediction();
    {
        const auto project = core::Project::create(folder);
        project->slides().add({slide});
        test::recordPrediction(*project, QStringLiteral("known"), slide, p);
    }
    ui::MainWindow window;
    window.show();
    QVERIFY(window.openProject(folder));
    QVERIFY(test::openAndWait(window, slide));
    QTRY_VERIFY_WITH_TIMEOUT(window.analysisPanel()->analysis() != nullptr, 10000);
    window.analysisPanel()->opacitySlider()->setValue(30);

    const QString pdf = m_dir.filePath(QStringLiteral("out/case-9.pdf"));
    core::ReportRequest request;
    connect(&window, &ui::MainWindow::reportDialogOpened, this, [&](ui::ReportDialog* dialog) {
        request = dialog->request();
        dialog->pdfEdit()->setText(pdf);
        dialog->exportReport();
        dialog->reject();
    });
    window.findChild<QAction*>(QStringLiteral("exportReport"))->trigger();
    QCOMPARE(request.heatmaps.opacity, 0.3);
    if (!qEnvironmentVariableIsEmpty("TESSERA_SCREENSHOTS")) // for a person to look at
        QFile::copy(pdf, qEnvironmentVariable("TESSERA_SCREENSHOTS") + QStringLiteral("/report-maps.pdf"));

    // The drawn alpha: where attention is highest the picture lies 30 % of the way from the
    // slide to the map's hot colour.
    const auto project = core::Project::open(folder);
    const core::ReportContent content = core::gatherReport(*project, request);
    const core::SlidePtr opened = core::Slide::open(slide);
    const QImage under = core::slideThumbnail(*opened, 1600);
    QCOMPARE(content.attentionMap.size(), under.size());
    const double toThumbnail = double(under.width()) / opened->size().width();
    const QPoint top((6.5 * test::kKnownStep) * toThumbnail, (6.5 * test::kKnownStep) * toThumbnail);
    const QRgb drawn = content.attentionMap.pixel(top), slidePixel = under.pixel(top),
               hot = core::colormapColour(core::Colormap::Viridis, 1);
    double alpha = 0;
    int channels = 0;
    const auto channel = [](QRgb c, int i) { return i == 0 ? qRed(c) : i == 1 ? qGreen(c) : qBlue(c); };
    for (int i = 0; i < 3; ++i)
        if (std::abs(channel(hot, i) - channel(slidePixel, i)) > 40) {
            alpha += double(channel(drawn, i) - channel(slidePixel, i)) /
                     (channel(hot, i) - channel(slidePixel, i));
            ++channels;
        }
    QVERIFY(channels > 0);
    QVERIFY2(std::abs(alpha / channels - 0.3) < 0.04, qPrintable(QString::number(alpha / channels)));

    // The PDF states it, and prints each legend so that its text is at least 7 pt.
    QProcess text;
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    const QString body = QString::fromUtf8(text.readAllStandardOutput()).simplified();
    QVERIFY2(body.contains(QStringLiteral("30 % opacity")), qPrintable(body));
    QVERIFY2(body.contains(QStringLiteral("inferno")) && body.contains(QStringLiteral("viridis")),
             qPrintable(body));
    QProcess images;
    images.start(QStringLiteral("pdfimages"), {QStringLiteral("-list"), pdf});
    QVERIFY(images.waitForFinished(60000));
    int legends = 0;
    const int legendWidth = content.attentionLegend.width();
    for (const QString& line : QString::fromUtf8(images.readAllStandardOutput()).split(QLatin1Char('\n'))) {
        const QStringList cells = line.simplified().split(QLatin1Char(' '));
        // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
        if (cells.size() < 14 || cells[2] != QLatin1String("image") || cells[3].toInt() != legendWidth)
            continue;
        const double ppi = cells[12].toDouble();
        const double textPoints = core::kLegendFontPixels * core::kReportLegendScale / ppi * 72;
        QVERIFY2(textPoints >= 7, qPrintable(line));
        ++legends;
    }
    QCOMPARE(legends, 2); // attention and consistency

    // "Not in this report" sits on page 1, under the findings, never alone at the end.
    text.start(QStringLiteral("pdftotext"), {QStringLiteral("-f"), QStringLiteral("1"), QStringLiteral("-l"),
                                             QStringLiteral("1"), pdf, QStringLiteral("-")});
    QVERIFY(text.waitForFinished(60000));
    QVERIFY(QString::fromUtf8(text.readAllStandardOutput()).contains(QStringLiteral("Not in this report")));
}

QTEST_MAIN(TestReportUi)
#include "tst_report_ui.moc"
