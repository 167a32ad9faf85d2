// Fault suite, cancellation under load: 1000 inference and heatmap requests, cancelled at random
// moments. Half go through the viewer's path (AnalysisController::runModel on an open slide: features,
// prediction, then the heatmaps drawn on the document), cancelled by closing the slide's document;
// half through SlideInference directly, cancelled by its flag. They run in overlapping batches;
// before some batches the stored features and results are removed, so that cancellations land in
// extraction, prediction and the writes alike. Every request must end exactly once, either with the
// uninterrupted result or with a cancellation message; nothing half-written may appear under a final
// name; no temporary, job, thread or file handle may be left behind.
#include "analysis/AnalysisController.h"
#include "document/HeatmapSettings.h"
#include "document/SlideAnalysis.h"
#include "common/Error.h"
#include "document/SlideDocument.h"
#include "features/ExtractionPipeline.h"
#include "features/HandcraftedExtractor.h"
#include "infer/SlideInference.h"
#include "slide/Slide.h"
#include "support/TestSlides.h"
#include "train/Dataset.h"
#include "train/Trainer.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtConcurrent>
#include <QtTest>

using namespace tessera;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

int openFileCount()
{
    return int(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot).size());
}

QStringList partials(const QString& dir)
{
    QStringList found;
    QDirIterator it(dir, {QStringLiteral("*.partial-*")}, QDir::Files | QDir::Hidden,
                    QDirIterator::Subdirectories);
    while (it.hasNext())
        found << it.next();
    return found;
}

bool isCancellation(const QString& message)
{
    return message.contains(QLatin1String("cancelled")) ||
           message.contains(QLatin1String("closed before its results were ready"));
}

} // namespace

class TestFaultsCancel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void thousandRequestsCancelledAtRandom();

private:
    QTemporaryDir m_dir;
    QString m_slide, m_run, m_project;
    QByteArray m_referenceFeatures;
    std::vector<float> m_referenceAttention, m_referenceProbabilities;
    qint64 m_requestMs = 0; // an uncancelled request that extracts, predicts and writes
};

void TestFaultsCancel::initTestCase()
{
    core::SynthSpec normalSpec = test::smallTumourSpec();
    normalSpec.tumourCount = 0;
    normalSpec.seed = 8;
    m_slide = test::smallTumourSlide();
    const QString normal = test::synthSlide(normalSpec, QStringLiteral("small-normal"));
    const QString training = m_dir.filePath(QStringLiteral("training"));
    core::HandcraftedExtractor extractor;
    for (const QString& slide : {m_slide, normal})
        core::ExtractionPipeline(extractor, {}).run(slide, training + QStringLiteral("/features"));
    QFile labels(training + QStringLiteral("/labels.csv"));
    QVERIFY(labels.open(QIODevice::WriteOnly));
    labels.write("slide_id,label\nsmall-tumour,tumour\nsmall-normal,normal\n");
    labels.close();
    core::Split split;
    split.train = split.val = {QStringLiteral("small-tumour"), QStringLiteral("small-normal")};
    core::TrainConfig config;
    config.epochs = 1;
    m_run = m_dir.filePath(QStringLiteral("run"));
    core::Trainer(config,
                  core::MilDataset::load(training + QStringLiteral("/features"),
                                         core::LabelTable::readCsv(labels.fileName()), split),
                  m_run)
        .run();

    // The uninterrupted request, into a project of its own: what every completed request must give.
    core::SlideInferenceOptions options;
    options.projectDir = m_dir.filePath(QStringLiteral("reference"));
    options.threads = 1;
    QElapsedTimer timer;
    timer.start();
    const core::SlideInferenceResult reference = core::SlideInference(m_run, options).run(m_slide);
    m_requestMs = timer.elapsed();
    m_referenceFeatures = readAll(reference.featuresPath);
    m_referenceAttention = reference.prediction.attention;
    m_referenceProbabilities = reference.prediction.probabilities;
    QVERIFY(!m_referenceFeatures.isEmpty());
    m_project = m_dir.filePath(QStringLiteral("project"));
}

void TestFaultsCancel::thousandRequestsCancelledAtRandom()
{
    const int total = qEnvironmentVariableIntValue("TESSERA_CANCEL_REQUESTS") > 0
                          ? qEnvironmentVariableIntValue("TESSERA_CANCEL_REQUESTS")
                          : 1000;
    QRandomGenerator random(20261201);
    ui::AnalysisController controller;
    int guiOutcomes = 0, guiReady = 0;
    QStringList unexpected;
    const auto expectCancellationOrNothing = [&](const QString& message) {
        if (!isCancellation(message))
            unexpected << message;
    };
    connect(&controller, &ui::AnalysisController::failed, this, [&](const QString& message) {
        ++guiOutcomes;
        expectCancellationOrNothing(message);
    });
    std::vector<QPointer<ui::SlideDocument>> shown; // documents that received their heatmaps
    connect(&controller, &ui::AnalysisController::ready, this, [&](ui::SlideDocument* document) {
        ++guiOutcomes;
        ++guiReady;
        shown.push_back(document);
    });
    const core::SlidePtr slide = core::Slide::open(m_slide);
    const QString features = core::SlideInference::featuresPath(m_project, m_slide);
    core::SlideInferenceOptions coreOptions;
    coreOptions.projectDir = m_project;
    coreOptions.threads = 1;
    const core::SlideInference direct(m_run, coreOptions);
    const QString results = direct.resultsPath(m_slide);

    // The direct requests run on a pool of their own, as AnalysisController's do: a job that waits
    // for its extraction threads must not hold Qt's global pool, which Qt's image code waits for.
    QThreadPool pool;
    int started = 0, guiStarted = 0, completed = 0, cancelled = 0, coreOutcomes = 0;
    int baselineFiles = -1;
    QElapsedTimer clock;
    clock.start();
    while (started < total) {
        if (random.bounded(2) == 0) { // the next batch starts from nothing: extraction and writes
            QFile::remove(features);
            QFile::remove(results);
        }
        const int batch = std::min(total - started, 1 + int(random.bounded(8)));
        std::vector<std::pair<std::unique_ptr<QFutureWatcher<QString>>, bool>> coreJobs; // and: must finish
        std::vector<QPointer<ui::SlideDocument>> mustFinish; // the viewer's requests never cancelled
        for (int i = 0; i < batch; ++i, ++started) {
            // Cancelled somewhere between the start and the end of an uninterrupted request; one in
            // eight runs to the end.
            const bool letItFinish = random.bounded(8) == 0;
            const int cancelAfter = int(random.bounded(double(m_requestMs)));
            if (random.bounded(2) == 0) { // the viewer's "Run model": cancelled by closing the slide
                auto* document = new ui::SlideDocument(slide);
                controller.runModel(document, m_run, m_project, ui::HeatmapSettings{});
                ++guiStarted;
                QTimer::singleShot(letItFinish ? 60000 : cancelAfter, document, &QObject::deleteLater);
                if (letItFinish)
                    mustFinish.push_back(document);
            } else {
                auto cancel = std::make_shared<std::atomic<bool>>(false);
                auto watcher = std::make_unique<QFutureWatcher<QString>>();
                watcher->setFuture(QtConcurrent::run(&pool, [this, coreOptions, cancel]() -> QString {
                    core::SlideInferenceOptions options = coreOptions;
                    options.cancel = cancel.get();
                    try {
                        const core::SlideInferenceResult r =
                            core::SlideInference(m_run, options).run(m_slide);
                        if (r.prediction.attention != m_referenceAttention ||
                            r.prediction.probabilities != m_referenceProbabilities)
                            return QStringLiteral("a completed request differs from the uninterrupted one");
                        return {};
                    } catch (const core::Error& e) {
                        return e.message();
                    }
                }));
                if (!letItFinish)
                    QTimer::singleShot(cancelAfter, watcher.get(), [cancel] { cancel->store(true); });
                coreJobs.emplace_back(std::move(watcher), letItFinish);
            }
        }
        // The batch drains: every request ends, once.
        QTRY_VERIFY_WITH_TIMEOUT(controller.runningCount() == 0, 120000);
        for (auto& [job, finishes] : coreJobs) {
            QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 120000);
            const QString message = job->result();
            ++coreOutcomes;
            if (message.isEmpty())
                ++completed;
            else if (isCancellation(message) && !finishes) // a request nobody cancelled must not say so
                ++cancelled;
            else
                unexpected << message;
        }
        QTRY_COMPARE_WITH_TIMEOUT(guiOutcomes, guiStarted, 120000);
        for (const QPointer<ui::SlideDocument>& document : mustFinish)
            QVERIFY2(document && std::find(shown.begin(), shown.end(), document) != shown.end(),
                     "a request of the viewer that nobody cancelled did not show its heatmaps");
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete); // closed documents go
        QVERIFY2(unexpected.isEmpty(), qPrintable(unexpected.join(QLatin1Char('\n'))));
        // Whatever lies under a final name is whole: the uninterrupted request's files.
        if (QFile::exists(features))
            QVERIFY2(readAll(features) == m_referenceFeatures, "half-written features under the final name");
        if (QFile::exists(results)) {
            const core::Prediction stored = core::Prediction::read(results);
            QCOMPARE(stored.attention, m_referenceAttention);
            QCOMPARE(stored.probabilities, m_referenceProbabilities);
        }
        QCOMPARE(partials(m_project), QStringList());
        for (const QPointer<ui::SlideDocument>& document :
             shown) {      // the heatmaps drawn are the uninterrupted ones
            if (!document) // closed by its timer after the heatmaps arrived
                continue;
            QVERIFY(document->analysis());
            QCOMPARE(document->analysis()->prediction().attention, m_referenceAttention);
            document->deleteLater();
        }
        shown.clear();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
        if (started >= std::min(50, total / 2) &&
            baselineFiles < 0) { // after warm-up (caches, thread pool, libraries)
            pool.waitForDone();
            QThreadPool::globalInstance()->waitForDone();
            baselineFiles = openFileCount();
        }
    }
    pool.waitForDone();
    QThreadPool::globalInstance()->waitForDone();
    const int files = openFileCount();
    qInfo("%d requests in %.1f s; the viewer's path: %d, %d showed their heatmaps, %d cancelled; direct: %d "
          "completed, %d cancelled; open files %d after warm-up, %d at the end",
          started, clock.elapsed() / 1000.0, guiStarted, guiReady, guiOutcomes - guiReady, completed,
          cancelled, baselineFiles, files);
    QCOMPARE(coreOutcomes + guiOutcomes, total);
    const int guiCancelled = guiOutcomes - guiReady;
    QVERIFY2(cancelled > 0 && completed > 0 && guiCancelled > 0 && guiReady > 0,
             "the random moments should both cancel and complete requests, on both paths");
    QCOMPARE(controller.runningCount(), 0);
    QCOMPARE(files, baselineFiles); // no handle left behind
}

QTEST_MAIN(TestFaultsCancel)
#include "tst_faults_cancel.moc"
