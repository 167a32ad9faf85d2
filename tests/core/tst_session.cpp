// The slide session in core: a project's slide with its stored annotations and the prediction
// of the run asked for (or the latest), clear errors for what is missing, and the session's own
// state — undoable annotations, tissue, results — with the signals a presenter follows.
#include "annotations/AnnotationSet.h"
#include "common/Error.h"
#include "project/Project.h"
#include "session/SlideSession.h"
#include "support/KnownResults.h"
#include "support/TestSlides.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace tessera;

class TestSession : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void aProjectSlideComesWithItsAnnotationsAndLatestResults();
    void theRunAskedForIsTheOneShown();
    void whatIsMissingIsNamed();
    void theSessionsStateIsUndoableAndAnnounced();
    void predictionsKeepWhetherTheSlideIsLikeTheTrainingData();

private:
    QTemporaryDir m_dir;
    QString m_folder, m_slide;
    core::Annotation m_region;
};

void TestSession::initTestCase()
{
    m_folder = m_dir.filePath(QStringLiteral("project"));
    m_slide = m_dir.filePath(QStringLiteral("case-3.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), m_slide));
    const auto project = core::Project::create(m_folder);
    project->slides().add({m_slide});
    project->annotations().addClasses({{QStringLiteral("Tumor"), QColor(200, 0, 0), true}});
    m_region.id = QUuid::createUuid();
    m_region.className = QStringLiteral("Tumor");
    m_region.geometry = core::Geometry::rectangle(QRectF(100, 100, 400, 300));
    m_region.created = m_region.modified = QDateTime::currentDateTimeUtc();
    project->annotations().save(project->annotations().slideIdFor(m_slide), {m_region}, {});
    // Two runs predicted the slide; "later" did so last.
    core::Prediction earlier = test::knownPrediction();
    earlier.probabilities = {0.9f, 0.1f};
    test::recordPrediction(*project, QStringLiteral("earlier"), m_slide, earlier);
    QThread::msleep(1100); // created_at has second resolution
    test::recordPrediction(*project, QStringLiteral("later"), m_slide, test::knownPrediction());
    // A run that never predicted it.
    core::RunStart start;
    start.folder = m_folder + QStringLiteral("/runs/silent");
    start.model = QStringLiteral("abmil");
    project->runs().finishRun(project->runs().startRun(start), {});
}

void TestSession::aProjectSlideComesWithItsAnnotationsAndLatestResults()
{
    const auto project = core::Project::open(m_folder);
    const auto session = core::SlideSession::fromProject(*project, QStringLiteral("case-3"));
    QCOMPARE(session->slide()->size(), QSize(3000, 2400));
    QCOMPARE(session->projectRecord()->key, QStringLiteral("case-3"));
    QCOMPARE(session->annotations().size(), 1);
    QCOMPARE(session->annotations().annotations().front().geometry, m_region.geometry);
    QVERIFY(core::findClass(session->annotations().classes(), QStringLiteral("Tumor")));
    QVERIFY(session->results().has_value());
    QCOMPARE(session->results()->run->name, QStringLiteral("later"));
    QCOMPARE(session->results()->prediction.probabilities, (std::vector<float>{0.2f, 0.8f}));
    QVERIFY(session->results()->file.endsWith(QLatin1String("later/case-3.h5")));
    // The file's path names the same slide.
    QCOMPARE(core::SlideSession::fromProject(*project, m_slide)->projectRecord()->id,
             session->projectRecord()->id);
}

void TestSession::theRunAskedForIsTheOneShown()
{
    const auto project = core::Project::open(m_folder);
    const auto earlier =
        core::SlideSession::fromProject(*project, QStringLiteral("case-3"), QStringLiteral("earlier"));
    QCOMPARE(earlier->results()->run->name, QStringLiteral("earlier"));
    QCOMPARE(earlier->results()->prediction.probabilities, (std::vector<float>{0.9f, 0.1f}));
    // A run without a prediction for the slide: no results, but the run is known.
    const auto silent =
        core::SlideSession::fromProject(*project, QStringLiteral("case-3"), QStringLiteral("silent"));
    QVERIFY(!silent->results().has_value());
    QCOMPARE(silent->requestedRun()->name, QStringLiteral("silent"));
}

void TestSession::whatIsMissingIsNamed()
{
    const auto project = core::Project::open(m_folder);
    const auto failure = [&](const QString& slide, const QString& run) {
        try {
            core::SlideSession::fromProject(*project, slide, run);
        } catch (const core::Error& e) {
            return e.message();
        }
        return QString();
    };
    QVERIFY(failure(QStringLiteral("case-9"), {}).contains(QLatin1String("no slide \"case-9\"")));
    QVERIFY(
        failure(QStringLiteral("case-3"), QStringLiteral("nope")).contains(QLatin1String("no run \"nope\"")));
    QVERIFY(QFile::rename(m_slide, m_slide + QStringLiteral(".away")));
    const QString missing = failure(QStringLiteral("case-3"), {});
    QVERIFY(QFile::rename(m_slide + QStringLiteral(".away"), m_slide));
    QVERIFY2(missing.contains(QLatin1String("missing")) && missing.contains(m_slide), qPrintable(missing));
}

void TestSession::theSessionsStateIsUndoableAndAnnounced()
{
    core::SlideSession session(core::Slide::open(m_slide));
    QSignalSpy tissue(&session, &core::SlideSession::tissueChanged);
    QSignalSpy results(&session, &core::SlideSession::resultsChanged);
    session.annotations().add({m_region}, QStringLiteral("draw"));
    QCOMPARE(session.annotations().size(), 1);
    session.undoStack()->undo();
    QCOMPARE(session.annotations().size(), 0);
    core::TissueMask mask;
    mask.downsample = 16;
    session.setTissue(mask);
    QCOMPARE(tissue.count(), 1);
    QCOMPARE(session.tissue()->downsample, 16.0);
    session.setResults({test::knownPrediction(), QStringLiteral("known.h5"), std::nullopt});
    QCOMPARE(results.count(), 1);
    QCOMPARE(session.results()->file, QStringLiteral("known.h5"));
}

void TestSession::predictionsKeepWhetherTheSlideIsLikeTheTrainingData()
{
    const QString folder = m_dir.filePath(QStringLiteral("trust"));
    const QString slide = m_dir.filePath(QStringLiteral("case-9.tiff"));
    QVERIFY(QFile::copy(test::smallTumourSlide(), slide));
    const auto project = core::Project::create(folder);
    project->slides().add({slide});
    core::Prediction unlike = test::knownPrediction();
    unlike.ood.score = 12.5;
    unlike.ood.threshold = 2.5;
    unlike.ood.flagged = true;
    unlike.ood.part = QStringLiteral("stain");
    unlike.ood.parts = {{QStringLiteral("stain"), 3.2, 0.7, 0.2, 12.5}};
    test::recordPrediction(*project, QStringLiteral("flagging"), slide, unlike);
    test::recordPrediction(*project, QStringLiteral("older"), slide, test::knownPrediction()); // not judged
    // The database keeps the verdict with the prediction, and counts the flagged ones per slide.
    const std::vector<core::PredictionRecord> stored = project->runs().predictionsFor(slide);
    QCOMPARE(stored.size(), std::size_t(2));
    const auto flagged = std::find_if(stored.begin(), stored.end(), [](const core::PredictionRecord& r) {
        return r.runName == QLatin1String("flagging");
    });
    QVERIFY(flagged != stored.end());
    QCOMPARE(flagged->ood.toJson(), unlike.ood.toJson());
    for (const core::PredictionRecord& r : stored)
        if (r.runName == QLatin1String("older"))
            QVERIFY(!r.ood.isJudged());
    const std::vector<core::SlideRecord> slides = project->slides().list();
    QCOMPARE(slides.size(), std::size_t(1));
    QCOMPARE(slides.front().predictions, 2);
    QCOMPARE(slides.front().unlikeTraining, 1);
    // The session shows the latest prediction with its verdict.
    const auto session = core::SlideSession::fromProject(*project, slide, QStringLiteral("flagging"));
    QVERIFY(session->results() && session->results()->prediction.ood.flagged);
}

QTEST_GUILESS_MAIN(TestSession)
#include "tst_session.moc"
