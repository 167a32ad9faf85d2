// View ▸ Split on a project slide with two stored runs whose attention ranks the patches in
// opposite orders: four panes move together in slide coordinates (and one can leave), each pane
// shows the run it is given, a difference pane draws View 1 − this view in percentile points, the
// swipe shows each run on its side of the line, and the layout comes back with the project.
// With TESSERA_SCREENSHOTS=DIR the split, the difference and the swipe are saved as PNGs.
#include "MainWindow.h"
#include "canvas/ImageLayer.h"
#include "document/SlideAnalysis.h"
#include "document/SlideDocument.h"
#include "heatmap/Colormap.h"
#include "project/Project.h"
#include "project/RegistrationStore.h"
#include "project/ViewLayout.h"
#include "split/RegistrationDialog.h"
#include "split/SplitPane.h"
#include "split/SplitWorkbench.h"
#include "support/KnownResults.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "viewer/LegendPainter.h"
#include "viewer/tools/PanTool.h"
#include "workspace/SlideTabs.h"
#include "workspace/SplitView.h"
#include "workspace/ViewLink.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

using namespace tessera;

namespace {

const QString kBase = QStringLiteral("base");
const QString kReversed = QStringLiteral("reversed");

// The known prediction with attention in the opposite order: where the base run looks most, this
// one looks least.
core::Prediction reversedPrediction()
{
    core::Prediction p = test::knownPrediction();
    for (float& a : p.attention)
        a = 100.0f - a;
    p.run = kReversed;
    return p;
}

QPointF patchCentre(int x, int y)
{
    return {(x + 0.5) * test::kKnownStep, (y + 0.5) * test::kKnownStep};
}

// A click as the view receives it: press and release on the same pixel.
void click(QWidget* view, QPointF at)
{
    const QPoint pixel = at.toPoint();
    for (const QEvent::Type type : {QEvent::MouseButtonPress, QEvent::MouseButtonRelease}) {
        QMouseEvent event(type, pixel, view->mapToGlobal(pixel), Qt::LeftButton,
                          type == QEvent::MouseButtonPress ? Qt::LeftButton : Qt::NoButton, {});
        QApplication::sendEvent(view, &event);
    }
}

void saveScreenshot(QWidget* widget, const QString& name)
{
    const QString folder = qEnvironmentVariable("TESSERA_SCREENSHOTS");
    if (!folder.isEmpty())
        widget->grab().save(folder + QLatin1Char('/') + name);
}

} // namespace

class TestSplitView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void fourPanesMoveTogetherUntilOneLeaves();
    void eachPaneShowsItsRunAndTheDifference();
    void swipeShowsEachRunOnItsSide();
    void layoutComesBackWithTheProject();
    void serialSectionsLinkThroughClickedPoints();

private:
    ui::SplitWorkbench* workbench() const { return m_window->findChild<ui::SplitWorkbench*>(); }
    ui::SlideTabs* tabs() const { return m_window->findChild<ui::SlideTabs*>(); }
    QList<ui::SplitPane*> panes(const ui::SplitView* split) const { return workbench()->panes(split); }
    bool showsRun(ui::SplitPane* pane, const QString& run) const;
    bool choose(ui::SplitPane* pane, const QString& run) const;

    QTemporaryDir m_dir;
    QString m_project, m_slide, m_section;
    std::unique_ptr<ui::MainWindow> m_window;
};

void TestSplitView::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qRegisterMetaType<ui::SlideView*>();
    m_project = m_dir.filePath(QStringLiteral("project"));
    m_slide = m_dir.filePath(QStringLiteral("slide.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), m_slide));
    const auto project = core::Project::create(m_project);
    project->slides().add({m_slide});
    // A serial section of it (the same pixels: what matters here is the registration of two files).
    m_section = m_dir.filePath(QStringLiteral("section-ihc.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), m_section));
    project->slides().add({m_section});
    test::recordPrediction(*project, kReversed, m_slide, reversedPrediction());
    core::Prediction base = test::knownPrediction();
    base.run = kBase;
    test::recordPrediction(*project, kBase, m_slide, base); // the latest: shown when the slide opens
}

void TestSplitView::init()
{
    QFile::remove(m_project + QLatin1Char('/') + QString::fromLatin1(core::kViewLayoutFile));
    QFile::remove(m_project + QLatin1Char('/') + QString::fromLatin1(core::kRegistrationsFile));
    m_window = std::make_unique<ui::MainWindow>();
    m_window->resize(1400, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openProject(m_project));
    QVERIFY(test::openAndWait(*m_window, m_slide));
    QTRY_VERIFY_WITH_TIMEOUT(m_window->currentView()->document()->analysis() != nullptr, 10000);
}

bool TestSplitView::showsRun(ui::SplitPane* pane, const QString& run) const
{
    return QTest::qWaitFor([&] { return pane->shownRun() == run; }, 10000);
}

bool TestSplitView::choose(ui::SplitPane* pane, const QString& run) const
{
    auto* box = static_cast<QWidget*>(pane->parent())->findChild<QComboBox*>(QStringLiteral("paneRun"));
    if (!box)
        return false;
    if (!QTest::qWaitFor([&] { return box->findText(run, Qt::MatchStartsWith) >= 0; }, 10000))
        return false;
    const int at = box->findText(run, Qt::MatchStartsWith);
    // As a user does: the list opens, the run is picked.
    box->setFocus();
    for (int key = 0; key < box->count() && box->currentIndex() != at; ++key)
        QTest::keyClick(box, box->currentIndex() < at ? Qt::Key_Down : Qt::Key_Up);
    return showsRun(pane, run);
}

void TestSplitView::fourPanesMoveTogetherUntilOneLeaves()
{
    QVERIFY(workbench());
    workbench()->action(core::SplitMode::Four)->trigger();
    ui::SplitView* split = tabs()->splitAt(tabs()->currentIndex());
    QVERIFY(split);
    QCOMPARE(split->paneCount(), 4);
    QCOMPARE(tabs()->currentView(), split->primaryView()); // the docks keep acting on the tab's own view
    for (int i = 1; i < 4; ++i)
        QCOMPARE(split->paneView(i)->slide()->path(), m_slide);

    // Pan and zoom the first pane: every other pane shows the same slide point at the same scale.
    ui::SlideView* first = split->primaryView();
    first->setView(QPointF(1500, 1100), 0.5);
    for (int i = 1; i < 4; ++i) {
        QCOMPARE(split->paneView(i)->centre(), QPointF(1500, 1100));
        QCOMPARE(split->paneView(i)->scale(), 0.5);
    }
    // The pointer over pane 2 is a cross in the others, at the same slide point.
    ui::SlideView* second = split->paneView(1);
    const QPoint at(second->width() / 3, second->height() / 2);
    QMouseEvent move(QEvent::MouseMove, at, second->mapToGlobal(at), Qt::NoButton, Qt::NoButton, {});
    QApplication::sendEvent(second, &move);
    const QPointF pointed = second->widgetToLevel0(at);
    QTRY_VERIFY(first->linkedCursor() && (*first->linkedCursor() - pointed).manhattanLength() < 1e-6);
    QVERIFY(split->paneView(3)->linkedCursor() &&
            *split->paneView(3)->linkedCursor() == *first->linkedCursor());
    QVERIFY(!second->linkedCursor());
    QEvent leave(QEvent::Leave);
    QApplication::sendEvent(second, &leave);
    QVERIFY(!first->linkedCursor()); // the pointer left: no cross anywhere

    // Pane 4 leaves the link: it stays where it is while the others move, and leads no one.
    ui::SlideView* fourth = split->paneView(3);
    auto* link = split->paneHeader(3)->findChild<QToolButton*>(QStringLiteral("paneLink"));
    QVERIFY(link && link->isChecked());
    QTest::mouseClick(link, Qt::LeftButton);
    QVERIFY(!split->link().isLinked(fourth));
    first->setView(QPointF(900, 700), 1.0);
    QCOMPARE(second->centre(), QPointF(900, 700));
    QCOMPARE(fourth->centre(), QPointF(1500, 1100));
    fourth->setView(QPointF(2000, 1500), 0.25);
    QCOMPARE(first->centre(), QPointF(900, 700));
    // Back in the link, it joins the others where they are.
    QTest::mouseClick(link, Qt::LeftButton);
    QCOMPARE(fourth->centre(), QPointF(900, 700));
    QCOMPARE(fourth->scale(), 1.0);
    // Every pane has its header and a run: the others take the slide's latest results.
    for (ui::SplitPane* pane : panes(split))
        QVERIFY(showsRun(pane, kBase));
    QTRY_VERIFY(split->paneHeader(3)->height() > 10 && fourth->isFullyLoaded());
    for (int i = 0; i < 4; ++i) // and the header says which
        QCOMPARE(split->paneHeader(i)
                     ->findChild<QComboBox*>(QStringLiteral("paneRun"))
                     ->currentText()
                     .section(' ', 0, 0),
                 kBase);
    first->setView(patchCentre(3, 4), 0.35);
    QTRY_VERIFY_WITH_TIMEOUT(fourth->isFullyLoaded(), 10000);
    saveScreenshot(m_window.get(), QStringLiteral("split-four.png"));

    // One view again: the tab's own view is back as the page, the same view object.
    workbench()->action(core::SplitMode::Single)->trigger();
    QVERIFY(!tabs()->splitAt(tabs()->currentIndex()));
    QCOMPARE(tabs()->currentWidget(), static_cast<QWidget*>(first));
}

void TestSplitView::eachPaneShowsItsRunAndTheDifference()
{
    ui::SplitView* split = workbench()->split(core::SplitMode::Two);
    QVERIFY(split);
    const QList<ui::SplitPane*> all = panes(split);
    QCOMPARE(all.size(), 2);
    QVERIFY(showsRun(all[0], kBase));
    QVERIFY(choose(all[1], kReversed));
    QVERIFY(showsRun(all[0], kBase)); // the first pane kept its own run

    // View 1 − View 2 in percentile points: the base run's top patch (6, 6) is the reversed run's
    // bottom one, +100; patch (1, 2) the other way round, −100.
    auto* difference = split->paneHeader(1)->findChild<QCheckBox*>(QStringLiteral("paneDifference"));
    QVERIFY(difference);
    QTest::mouseClick(difference, Qt::LeftButton);
    ui::ImageLayer* layer = all[1]->differenceLayer();
    QVERIFY2(layer, qPrintable(all[1]->problem()));
    QCOMPARE(layer->downsample(), double(test::kKnownStep));
    QCOMPARE(layer->image().pixel(6, 6), core::colormapColour(core::Colormap::Coolwarm, 1.0));
    QCOMPARE(layer->image().pixel(1, 2), core::colormapColour(core::Colormap::Coolwarm, 0.0));
    QCOMPARE(qAlpha(layer->image().pixel(0, 0)), 0); // no patch there
    QVERIFY(!layer->legend().isNull());
    // The pane's own maps give way to the difference.
    QVERIFY(!all[1]->document()->analysis()->isLayerVisible(ui::MapLayer::Attention));

    // On screen: red where View 1 ranks higher, blue where View 2 does, against the first pane's
    // pixels at the same slide points (the same slide under both, so only the overlay differs).
    ui::SlideView* mine = split->paneView(1);
    mine->setView(patchCentre(3, 4), 0.25);
    QTRY_VERIFY_WITH_TIMEOUT(mine->isFullyLoaded(), 10000);
    const QImage shown = mine->grab().toImage();
    const QColor top = shown.pixelColor(mine->level0ToWidget(patchCentre(6, 6)).toPoint());
    const QColor bottom = shown.pixelColor(mine->level0ToWidget(patchCentre(1, 2)).toPoint());
    QVERIFY2(top.red() > top.blue() + 40, qPrintable(top.name()));
    QVERIFY2(bottom.blue() > bottom.red() + 40, qPrintable(bottom.name()));
    saveScreenshot(m_window.get(), QStringLiteral("split-difference.png"));

    // A map the runs lack is named, not drawn.
    auto* map = split->paneHeader(1)->findChild<QComboBox*>(QStringLiteral("paneMap"));
    map->setCurrentIndex(
        int(core::scoreMapNames().indexOf(QStringLiteral("uncertainty")))); // single runs have none
    QVERIFY(!all[1]->differenceLayer());
    QVERIFY2(all[1]->problem().contains(QStringLiteral("Uncertainty")), qPrintable(all[1]->problem()));
}

void TestSplitView::swipeShowsEachRunOnItsSide()
{
    ui::SplitView* split = workbench()->split(core::SplitMode::Swipe);
    QVERIFY(split && split->swipeStage());
    const QList<ui::SplitPane*> all = panes(split);
    QVERIFY(showsRun(all[0], kBase));
    QVERIFY(choose(all[1], kReversed));
    ui::SwipeStage* stage = split->swipeStage();
    ui::SlideView* under = split->paneView(0);
    ui::SlideView* over = split->paneView(1);
    under->setView(patchCentre(3, 4), 0.3);
    QCOMPARE(over->centre(), under->centre()); // stacked views never part
    QTRY_VERIFY_WITH_TIMEOUT(under->isFullyLoaded() && over->isFullyLoaded(), 10000);

    // Drag the line from the middle to 30 % of the width.
    QWidget* handle = stage->handle();
    const QPoint grip(handle->width() / 2, handle->height() / 2);
    QTest::mousePress(handle, Qt::LeftButton, {}, grip);
    const QPoint target = handle->mapFrom(stage, QPoint(int(stage->width() * 0.3), handle->height() / 2));
    QMouseEvent move(QEvent::MouseMove, target, handle->mapToGlobal(target), Qt::NoButton, Qt::LeftButton,
                     {});
    QApplication::sendEvent(handle, &move);
    QTest::mouseRelease(handle, Qt::LeftButton, {},
                        handle->mapFrom(stage, QPoint(int(stage->width() * 0.3), 0)));
    QVERIFY(std::abs(split->swipePosition() - 0.3) < 0.01);
    // The patches straddle the line: some left of it, some right.
    const int line = stage->lineX();
    under->setView(patchCentre(3, 4) + QPointF((stage->width() / 2.0 - line) / 0.3, 0), 0.3);
    QTRY_VERIFY_WITH_TIMEOUT(under->isFullyLoaded() && over->isFullyLoaded(), 10000);

    // Left of the line the stage shows the first run's pixels, right of it the second's.
    // The views' own pictures first: they decorate every tile, so the stage's finds them made.
    const QImage underPicture = under->grab().toImage();
    const QImage overPicture = over->grab().toImage();
    const QImage stagePicture = stage->grab().toImage();
    int differing = 0;
    for (int y = 0; y < stage->height(); y += 7)
        for (int x = 0; x < stage->width(); x += 7) {
            if (std::abs(x - line) <= 8)
                continue; // the handle
            const QImage& expected = x < line ? underPicture : overPicture;
            QCOMPARE(stagePicture.pixel(x, y), expected.pixel(x, y));
            differing += underPicture.pixel(x, y) != overPicture.pixel(x, y);
        }
    QVERIFY(differing > 50); // the two runs' maps do differ on screen
    // Each run's legend shows: View 2's at the lower right, View 1's at the lower left (its own
    // lower right lies under View 2), above the scale bar.
    QCOMPARE(under->legendCorner(), Qt::BottomLeftCorner);
    const QImage legend = under->document()->analysis()->mapLayer(ui::MapLayer::Attention)->legend();
    const QPoint cardCorner(ui::LegendPainter::kMargin + 4, stage->height() - ui::LegendPainter::kMargin -
                                                                ui::LegendPainter::kAboveScaleBar -
                                                                legend.height() + 4);
    QVERIFY2(qGray(stagePicture.pixel(cardCorner)) > 225,
             qPrintable(QColor(stagePicture.pixel(cardCorner)).name()));
    saveScreenshot(m_window.get(), QStringLiteral("split-swipe.png"));
}

void TestSplitView::layoutComesBackWithTheProject()
{
    ui::SplitView* split = workbench()->split(core::SplitMode::Four);
    QList<ui::SplitPane*> all = panes(split);
    QVERIFY(choose(all[1], kReversed));
    QTest::mouseClick(split->paneHeader(2)->findChild<QCheckBox*>(QStringLiteral("paneDifference")),
                      Qt::LeftButton);
    QTest::mouseClick(split->paneHeader(3)->findChild<QToolButton*>(QStringLiteral("paneLink")),
                      Qt::LeftButton);
    split->paneHeader(3)
        ->findChild<QComboBox*>(QStringLiteral("paneMap"))
        ->setCurrentIndex(int(core::scoreMapNames().indexOf(QStringLiteral("consistency"))));

    const core::ViewLayout saved = core::readViewLayout(m_project);
    QCOMPARE(saved.mode, core::SplitMode::Four);
    QCOMPARE(int(saved.panes.size()), 4);
    QCOMPARE(saved.panes[0].run, kBase);
    QCOMPARE(saved.panes[1].run, kReversed);
    QVERIFY(saved.panes[2].difference && !saved.panes[1].difference);
    QVERIFY(!saved.panes[3].linked && saved.panes[2].linked);
    QCOMPARE(saved.panes[3].map, QStringLiteral("consistency"));

    // The slide closed and opened again comes back split as it was, each pane on its run.
    tabs()->closeTab(tabs()->currentIndex());
    QVERIFY(test::openAndWait(*m_window, m_slide));
    QTRY_VERIFY_WITH_TIMEOUT(tabs()->splitAt(tabs()->currentIndex()) != nullptr, 10000);
    split = tabs()->splitAt(tabs()->currentIndex());
    QCOMPARE(split->mode(), core::SplitMode::Four);
    all = panes(split);
    QVERIFY(showsRun(all[0], kBase));
    QVERIFY(showsRun(all[1], kReversed));
    QVERIFY(all[2]->showsDifference());
    QVERIFY(!split->link().isLinked(split->paneView(3)));
    QCOMPARE(all[3]->map(), ui::MapLayer::Consistency);
    QCOMPARE(core::readViewLayout(m_project), saved); // restoring wrote nothing new

    // A damaged layout file is named and the slide opens in one view.
    tabs()->closeTab(tabs()->currentIndex());
    QFile broken(m_project + QLatin1Char('/') + QString::fromLatin1(core::kViewLayoutFile));
    QVERIFY(broken.open(QIODevice::WriteOnly | QIODevice::Truncate));
    broken.write("{\"mode\": \"eight\"}");
    broken.close();
    QSignalSpy errors(m_window.get(), &ui::MainWindow::errorShown);
    QVERIFY(test::openAndWait(*m_window, m_slide));
    QTRY_VERIFY(!errors.isEmpty());
    QVERIFY2(errors.first().first().toString().contains(QStringLiteral("view-layout.json")),
             qPrintable(errors.first().first().toString()));
    QVERIFY(!tabs()->splitAt(tabs()->currentIndex()));
}

void TestSplitView::serialSectionsLinkThroughClickedPoints()
{
    // Registering needs a second slide: the same slide twice is refused, with the way to get one.
    workbench()->split(core::SplitMode::Two);
    QSignalSpy problems(workbench(), &ui::SplitWorkbench::problem);
    QVERIFY(!workbench()->registerSlides());
    QVERIFY(problems.last().first().toString().contains(QStringLiteral("Beside Another Slide")));

    QSignalSpy opened(workbench(), &ui::SplitWorkbench::besideOpened);
    workbench()->splitBeside(m_section);
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 10000);
    ui::SplitView* split = tabs()->splitAt(tabs()->currentIndex());
    ui::SlideView* fixed = split->paneView(0);
    ui::SlideView* moving = split->paneView(1);
    QCOMPARE(moving->slide()->path(), m_section);
    QCOMPARE(fixed->slide()->path(), m_slide);

    // The section lies turned by 3°, 3 % larger and shifted against the first slide. A user clicks
    // five structures in View 1 and the same ones in View 2, each click within ±2 pixels.
    QTransform truth;
    truth.translate(150, -90);
    truth.rotate(3);
    truth.scale(1.03, 1.03);
    ui::RegistrationDialog* dialog = workbench()->registerSlides();
    QVERIFY(dialog);
    const std::vector<QPointF> structures{{500, 400}, {2500, 500}, {600, 2000}, {2400, 1900}, {1500, 1200}};
    const std::vector<QPointF> slips{{2, -1}, {-2, 2}, {1, 1}, {-1, -2}, {2, 0}};
    for (std::size_t i = 0; i < structures.size(); ++i) {
        fixed->setView(structures[i], 1.0); // zoomed in on the structure, as one clicks it
        click(fixed, fixed->level0ToWidget(structures[i]));
        moving->setView(truth.map(structures[i]), 1.0);
        click(moving, moving->level0ToWidget(truth.map(structures[i]) + slips[i]));
    }
    QCOMPARE(int(dialog->pairs().size()), 5);
    QVERIFY(dialog->registration().has_value());
    auto* summary = dialog->findChild<QLabel*>(QStringLiteral("registrationSummary"));
    QVERIFY2(summary->text().contains(QStringLiteral("µm")), qPrintable(summary->text()));
    auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("registrationPairs"));
    QCOMPARE(table->rowCount(), 5);
    QVERIFY(table->item(0, 3)->text().endsWith(QStringLiteral("µm")));
    saveScreenshot(m_window.get(), QStringLiteral("split-registration.png"));
    saveScreenshot(dialog, QStringLiteral("registration-dialog.png"));

    // Linked through the fit: View 2 shows the same tissue as View 1, at the same size.
    const QPointF centre(1300, 1000);
    fixed->setView(centre, 0.5);
    QVERIFY2(QLineF(moving->centre(), truth.map(centre)).length() < 5,
             qPrintable(QStringLiteral("%1, %2").arg(moving->centre().x()).arg(moving->centre().y())));
    QVERIFY(std::abs(moving->scale() - 0.5 / 1.03) < 0.005);
    // And the pointer over View 1 is a cross on the same structure in View 2.
    const QPointF at(fixed->width() / 3.0, fixed->height() / 2.0);
    QMouseEvent move(QEvent::MouseMove, at, fixed->mapToGlobal(at), Qt::NoButton, Qt::NoButton, {});
    QApplication::sendEvent(fixed, &move);
    QVERIFY(moving->linkedCursor());
    QVERIFY(QLineF(*moving->linkedCursor(), truth.map(fixed->widgetToLevel0(at))).length() < 5);

    // A bad pair shows as a large residual and can be removed.
    click(fixed, fixed->level0ToWidget(QPointF(1000, 1000)));
    click(moving, moving->level0ToWidget(truth.map(QPointF(1000, 1000)) + QPointF(300, 0)));
    QCOMPARE(int(dialog->pairs().size()), 6);
    const double worst =
        *std::max_element(dialog->registration()->residuals.begin(), dialog->registration()->residuals.end());
    QCOMPARE(dialog->registration()->residuals.back(), worst);
    dialog->removePair(5);
    QCOMPARE(int(dialog->pairs().size()), 5);

    // Kept per slide pair in the project: the pair shown side by side again is linked at once.
    const auto project = core::Project::open(m_project);
    QCOMPARE(int(core::readRegistration(*project, m_slide, m_section).size()), 5);
    QVERIFY(core::readRegistration(*project, m_section, m_slide).empty()); // the other way round is another
    dialog->close();
    QCOMPARE(fixed->tool(), static_cast<ui::ViewerTool*>(fixed->panTool())); // back to panning
    workbench()->split(core::SplitMode::Single);
    opened.clear();
    workbench()->splitBeside(m_section);
    QTRY_VERIFY_WITH_TIMEOUT(!opened.isEmpty(), 10000);
    split = tabs()->splitAt(tabs()->currentIndex());
    split->paneView(0)->setView(centre, 0.5);
    QVERIFY(QLineF(split->paneView(1)->centre(), truth.map(centre)).length() < 5);

    // Two slides have no difference map: the pane says why.
    ui::SplitPane* second = panes(split).at(1);
    QTest::mouseClick(split->paneHeader(1)->findChild<QCheckBox*>(QStringLiteral("paneDifference")),
                      Qt::LeftButton);
    QTRY_VERIFY(second->problem().contains(QStringLiteral("same slide")));
}

QTEST_MAIN(TestSplitView)
#include "tst_splitview.moc"
