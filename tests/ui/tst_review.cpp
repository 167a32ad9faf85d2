// The Review dock on a real (synthetic) project: a run's proposals arrive as a film strip, each is
// shown on its slide with an outline, keys answer, reject and skip, answers land in the project
// saying who proposed them, and "Fine-tune with my answers" runs a job whose before/after shows.
#include "MainWindow.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "project/RunRegistry.h"
#include "review/ReviewPanel.h"
#include "review/ReviewQueue.h"
#include "review/ReviewWorkbench.h"
#include "support/CliRunner.h"
#include "viewer/SlideView.h"

#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace tessera;

namespace {

// Pixels of the proposals' outline colour in the view.
int outlinePixels(const QImage& image)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            n += c.red() > 235 && std::abs(c.green() - 200) < 20 && c.blue() < 30;
        }
    return n;
}

} // namespace

class TestReview : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void theQueueMovesToTheNextOpenProposal();
    void proposalsAreAnsweredByKeyAndTrainTheRun();

private:
    QTemporaryDir m_dir;
    QString m_project;
};

void TestReview::initTestCase()
{
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TesseraTest"));
    qputenv("TESSERA_CLI", QByteArrayLiteral(TESSERA_CLI));
    m_project = m_dir.filePath(QStringLiteral("demo"));
    const test::CliRun run = test::runCli(
        {QStringLiteral("demo-data"), QStringLiteral("--out"), m_project, QStringLiteral("--slides"),
         QStringLiteral("6"), QStringLiteral("--width"), QStringLiteral("6000"), QStringLiteral("--height"),
         QStringLiteral("4500"), QStringLiteral("--epochs"), QStringLiteral("8")});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
}

void TestReview::theQueueMovesToTheNextOpenProposal()
{
    ui::ReviewQueue queue;
    std::vector<ui::ReviewItem> items(3);
    queue.reset(QStringLiteral("r"), {QStringLiteral("normal"), QStringLiteral("tumour")}, items);
    QCOMPARE(queue.current(), 0);
    queue.skip();
    QCOMPARE(queue.current(), 1);
    queue.answer(QStringLiteral("stroma")); // not a class of the run: nothing happens
    QCOMPARE(queue.current(), 1);
    queue.answer(QStringLiteral("tumour"));
    QCOMPARE(queue.current(), 2);
    queue.reject();
    QCOMPARE(queue.current(), -1); // the skipped one is settled too: nothing open is left
    QCOMPARE(queue.summary(), QStringLiteral("1 answered (tumour 1), 1 rejected, 1 skipped, 0 open"));
}

void TestReview::proposalsAreAnsweredByKeyAndTrainTheRun()
{
    ui::MainWindow window;
    window.resize(1400, 900);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.openProject(m_project));
    ui::ReviewWorkbench* review = window.reviewWorkbench();
    review->dock()->raise();
    QCOMPARE(review->panel()->run(), QStringLiteral("demo-srmil"));

    QSignalSpy ready(review, &ui::ReviewWorkbench::proposalsReady);
    QSignalSpy shown(review, &ui::ReviewWorkbench::proposalShown);
    review->ask(QStringLiteral("demo-srmil"), QStringLiteral("disagreement"), 4);
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty(); }, 60000));
    QVERIFY2(ready.first().at(1).toString().isEmpty(), qPrintable(ready.first().at(1).toString()));
    QCOMPARE(ready.first().at(0).toInt(), 4);
    ui::ReviewQueue* queue = review->queue();
    QCOMPARE(review->panel()->strip()->count(), 4);
    for (const ui::ReviewItem& item : queue->items()) {
        QVERIFY(!item.crop.isNull());
        QVERIFY2(item.proposal.slideId.endsWith(QLatin1String("tumour")), qPrintable(item.proposal.slideId));
    }
    // The first proposal opens on its slide, centred, with its outline drawn.
    QVERIFY(QTest::qWaitFor([&] { return !shown.isEmpty(); }, 30000));
    ui::SlideView* view = window.currentView();
    QVERIFY(view);
    const core::Proposal first = queue->items()[0].proposal;
    QVERIFY(QLineF(view->centre(), QPointF(first.x + first.size / 2.0, first.y + first.size / 2.0)).length() <
            1.0);
    QTest::qWait(300);
    QVERIFY(outlinePixels(view->grab().toImage()) > 40);
    QVERIFY(review->panel()->currentText().contains(QStringLiteral("1 of 4")));

    // Keys: 2 = the run's second class (tumour), X = reject, N = skip.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_2);
    QCOMPARE(queue->items()[0].state, ui::ReviewItem::State::Answered);
    QCOMPARE(queue->items()[0].answer, QStringLiteral("tumour"));
    QTest::keyClick(window.currentView(), Qt::Key_X);
    QCOMPARE(queue->items()[1].state, ui::ReviewItem::State::Rejected);
    QTest::keyClick(window.currentView(), Qt::Key_N);
    QCOMPARE(queue->items()[2].state, ui::ReviewItem::State::Skipped);
    QCOMPARE(queue->current(), 3);
    // Back to the first (a click in the strip) and answered again: the answer is replaced.
    review->panel()->strip()->setCurrentRow(0);
    QCOMPARE(queue->current(), 0);
    QTest::keyClick(window.currentView(), Qt::Key_1);
    QCOMPARE(queue->items()[0].answer, QStringLiteral("normal"));
    QCOMPARE(queue->current(), 3);
    if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty()) {
        QTest::qWait(500);
        window.grab().save(shots + QStringLiteral("/review-dock.png"));
    }
    // The answer is the project's, with who proposed it and who answered; the rejection under
    // QuPath's Ignore* class.
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto project = core::Project::open(m_project);
            int kept = 0;
            for (std::size_t i : {std::size_t(0), std::size_t(1)}) {
                const core::Proposal& p = queue->items()[i].proposal;
                for (const core::Annotation& a :
                     project->annotations().load(project->slides().find(p.slideId)->id))
                    if (a.origin.run == QLatin1String("demo-srmil") &&
                        a.geometry.bounds().topLeft() == QPointF(double(p.x), double(p.y)))
                        kept += a.className == (i == 0 ? QStringLiteral("normal") : QStringLiteral("Ignore*"))
                                    ? 1
                                    : 100;
            }
            return kept == 2;
        },
        10000));

    // Fine-tune with the answers: a job from the run, with annotations; its result beside the run's.
    QVERIFY(review->panel()->fineTuneButton()->isEnabled());
    review->panel()->fineTuneButton()->click();
    ui::ProjectController* controller = window.projectController();
    QVERIFY(QTest::qWaitFor(
        [&] {
            const auto tuned = controller->project()->runs().list();
            for (const core::RunRecord& r : tuned)
                if (r.name.startsWith(QLatin1String("demo-srmil-answers-")) &&
                    r.status == core::RunStatus::kFinished)
                    return true;
            return false;
        },
        180000));
    const auto tuned = [&] {
        for (const core::RunRecord& r : controller->project()->runs().list())
            if (r.name.startsWith(QLatin1String("demo-srmil-answers-")))
                return r;
        return core::RunRecord{};
    }();
    QCOMPARE(tuned.parentName, QStringLiteral("demo-srmil"));
    QVERIFY(tuned.config.value(QStringLiteral("annotations")).toBool());
    QVERIFY(QTest::qWaitFor(
        [&] {
            for (QLabel* label : review->panel()->findChildren<QLabel*>())
                if (label->text().contains(QStringLiteral("Validation AUC")) &&
                    label->text().contains(tuned.name))
                    return true;
            return false;
        },
        10000));
    if (const QString shots = qEnvironmentVariable("TESSERA_SCREENSHOTS"); !shots.isEmpty())
        window.grab().save(shots + QStringLiteral("/review-before-after.png"));

    // Asked again, the run does not propose what was answered or rejected; the skipped one may return.
    const ui::ReviewItem answered = queue->items()[0], rejected = queue->items()[1];
    ready.clear();
    review->ask(QStringLiteral("demo-srmil"), QStringLiteral("disagreement"), 20);
    QVERIFY(QTest::qWaitFor([&] { return !ready.isEmpty(); }, 60000));
    QVERIFY(ready.first().at(0).toInt() > 0);
    for (const ui::ReviewItem& item : queue->items())
        for (const ui::ReviewItem* done : {&answered, &rejected})
            QVERIFY2(item.proposal.slideId != done->proposal.slideId ||
                         item.proposal.patch != done->proposal.patch,
                     "an answered proposal was asked again");
}

QTEST_MAIN(TestReview)
#include "tst_review.moc"
