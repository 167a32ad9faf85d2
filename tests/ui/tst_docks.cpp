// Every dock at 1366 × 768 and at 1920 × 1080, with a project open, a slide showing its stored
// prediction, runs and annotations: no text is cut — table headers and cells, tab titles, labels.
// With TESSERA_SCREENSHOTS=DIR the window is saved at each size for a person to look at.
#include "MainWindow.h"
#include "analysis/AnalysisPanel.h"
#include "project/Project.h"
#include "run/Metrics.h"
#include "support/KnownResults.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"

#include <QAbstractItemView>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QSettings>
#include <QTabBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTreeView>
#include <QUuid>
#include <QtTest>

using namespace tessera;

class TestDocks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void noDockCutsItsText_data();
    void noDockCutsItsText();

private:
    QTemporaryDir m_dir;
    QString m_project, m_slide;
};

namespace {

// Cut text found in `root`'s visible widgets, one line each.
QStringList cutText(QWidget* root)
{
    QStringList cut;
    const auto where = [](const QWidget* w) {
        QStringList path;
        for (const QObject* o = w; o; o = o->parent())
            if (const auto* dock = qobject_cast<const QDockWidget*>(o))
                return dock->windowTitle() + QStringLiteral(": ") +
                       QString::fromLatin1(w->metaObject()->className());
        return QString::fromLatin1(w->metaObject()->className());
    };
    for (QAbstractItemView* view : root->findChildren<QAbstractItemView*>()) {
        if (!view->isVisible() || !view->model())
            continue;
        const QAbstractItemModel* model = view->model();
        QHeaderView* header = nullptr;
        if (auto* table = qobject_cast<QTableView*>(view))
            header = table->horizontalHeader();
        else if (auto* tree = qobject_cast<QTreeView*>(view))
            header = tree->header();
        const QFontMetrics fm(view->font());
        for (int c = 0; header && header->isVisible() && c < model->columnCount(); ++c) {
            if (header->isSectionHidden(c))
                continue;
            const QString title = model->headerData(c, Qt::Horizontal).toString();
            if (header->sectionSize(c) < QFontMetrics(header->font()).horizontalAdvance(title) + 8)
                cut << QStringLiteral("%1 header \"%2\": %3 px")
                           .arg(where(view), title)
                           .arg(header->sectionSize(c));
            for (int r = 0; r < std::min(model->rowCount(), 30); ++r) {
                const QString text = model->index(r, c).data().toString();
                const QRect rect = view->visualRect(model->index(r, c));
                if (!text.contains(QLatin1Char('\n')) && rect.width() < fm.horizontalAdvance(text) + 6)
                    cut << QStringLiteral("%1 cell \"%2\": %3 px").arg(where(view), text).arg(rect.width());
            }
        }
    }
    for (QScrollArea* area : root->findChildren<QScrollArea*>())
        if (area->isVisible() && area->widget() &&
            area->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff &&
            area->widget()->width() > area->viewport()->width())
            cut << QStringLiteral("%1: %2 px of content in %3 px")
                       .arg(where(area))
                       .arg(area->widget()->width())
                       .arg(area->viewport()->width());
    for (QTabBar* tabs : root->findChildren<QTabBar*>()) {
        if (!tabs->isVisible())
            continue;
        for (int i = 0; i < tabs->count(); ++i)
            if (tabs->tabRect(i).width() < tabs->fontMetrics().horizontalAdvance(tabs->tabText(i)))
                cut << QStringLiteral("%1 tab \"%2\"").arg(where(tabs), tabs->tabText(i));
    }
    for (QLabel* label : root->findChildren<QLabel*>()) {
        if (!label->isVisible() || label->wordWrap() || label->text().isEmpty() ||
            !label->pixmap().isNull() || label->textFormat() == Qt::RichText ||
            Qt::mightBeRichText(label->text()))
            continue;
        if (label->contentsRect().width() <
            label->fontMetrics().boundingRect(QRect(), 0, label->text()).width())
            cut << QStringLiteral("%1 label \"%2\"").arg(where(label), label->text());
    }
    return cut;
}

} // namespace

void TestDocks::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
    // A project as a trial leaves it: labelled slides, two runs (one fine-tuned), a stored
    // prediction and annotations of three classes.
    m_project = m_dir.filePath(QStringLiteral("project"));
    m_slide = m_dir.filePath(QStringLiteral("TCGA-A1-A0SK-01Z-00-DX1.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), m_slide));
    const auto project = core::Project::create(m_project);
    project->slides().add({m_slide});
    project->slides().setLabel(QFileInfo(m_slide).completeBaseName(), QStringLiteral("tumour"));
    for (const bool fineTuned : {false, true}) {
        core::RunStart start;
        start.folder = m_project + (fineTuned ? QStringLiteral("/runs/srmil-2026-12-06-ft")
                                              : QStringLiteral("/runs/srmil-2026-12-06"));
        start.model = QStringLiteral("srmil");
        start.config = {{QStringLiteral("lr"), fineTuned ? 0.0005 : 0.0002}, {QStringLiteral("w_gen"), 1.0}};
        if (fineTuned)
            start.parentFolder = m_project + QStringLiteral("/runs/srmil-2026-12-06");
        const qint64 id = project->runs().startRun(start);
        core::RunResult result;
        result.bestEpoch = 7;
        result.validation = core::ClassificationMetrics::compute({0.9f, 0.1f, 0.3f, 0.7f}, {0, 1}, 2);
        result.validation.loss = 0.3;
        project->runs().finishRun(id, result);
    }
    test::recordPrediction(*project, QStringLiteral("srmil-2026-12-06"), m_slide, test::knownPrediction());
    core::AnnotationStore& store = project->annotations();
    store.addClasses({{QStringLiteral("Tumor"), QColor(200, 0, 0), true},
                      {QStringLiteral("Necrosis"), QColor(60, 60, 60), true}});
    std::vector<core::Annotation> marks;
    for (int i = 0; i < 3; ++i) {
        core::Annotation a;
        a.id = QUuid::createUuid();
        a.geometry = core::Geometry::rectangle(QRectF(300 + 400 * i, 300, 350, 250));
        a.className = i == 0 ? QString() : i == 1 ? QStringLiteral("Tumor") : QStringLiteral("Necrosis");
        a.created = a.modified = QDateTime::currentDateTimeUtc();
        marks.push_back(a);
    }
    store.save(store.slideIdFor(m_slide), marks, {});
}

void TestDocks::noDockCutsItsText_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1366 × 768") << QSize(1366, 768);
    QTest::newRow("1920 × 1080") << QSize(1920, 1080);
}

void TestDocks::noDockCutsItsText()
{
    QFETCH(QSize, size);
    ui::MainWindow window;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(m_project));
    QVERIFY(test::openAndWait(window, m_slide));
    // The window fits the screen: no dock's minimum pushes it taller or wider.
    QVERIFY2(window.width() <= size.width() && window.height() <= size.height(),
             qPrintable(QStringLiteral("%1 × %2").arg(window.width()).arg(window.height())));
    QTRY_VERIFY_WITH_TIMEOUT(window.analysisPanel()->analysis() != nullptr, 10000);
    QStringList cut;
    // Each dock in turn at the front of its tab group.
    for (QDockWidget* dock : window.findChildren<QDockWidget*>()) {
        if (!dock->isVisible() && !dock->toggleViewAction()->isChecked())
            continue;
        dock->raise();
        QTest::qWait(50);
        QCoreApplication::processEvents();
        cut << cutText(dock);
        if (const QString dir = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !dir.isEmpty())
            window.grab().save(QStringLiteral("%1/window-%2x%3-%4.png")
                                   .arg(dir)
                                   .arg(size.width())
                                   .arg(size.height())
                                   .arg(dock->objectName()));
    }
    cut.removeDuplicates();
    QVERIFY2(cut.isEmpty(), qPrintable(cut.join(QLatin1Char('\n'))));
}

QTEST_MAIN(TestDocks)
#include "tst_docks.moc"
