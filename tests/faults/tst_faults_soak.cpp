// Fault suite, load: slides opened in tabs, zoomed and closed, in rounds. After each round the
// caches are emptied and memory settles before RSS is read; a straight line fitted through the
// readings must not rise by more than 1 % of the first reading per round. One noisy reading cannot
// fail the test (a ratio of two readings swung by ±25 % from run to run, issue #27); a leak of
// anything per slide adds the same amount every round and does. No file handle may leak either.
//
// The second case proves the judge can fail: the same rounds with a deliberate leak outside any
// bounded cache (a decoded region kept per slide) must be flagged. TESSERA_SOAK_LEAK=1 injects
// that leak into the first case too, to watch it fail.
#include "MainWindow.h"
#include "slide/Slide.h"
#include "support/ProcessStatus.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "system/RuntimeEnvironment.h"
#include "tasks/TaskRunner.h"
#include "workspace/SlideTabs.h"

#include <QDir>
#include <QPixmapCache>
#include <QThreadPool>
#include <QtTest>

#include <malloc.h>

using namespace tessera;

namespace {

int openFileDescriptors()
{
    return int(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// Least-squares slope of the readings against their round number.
double slopePerRound(const QList<qint64>& readings)
{
    const int n = int(readings.size());
    double meanX = 0, meanY = 0;
    for (int i = 0; i < n; ++i) {
        meanX += i;
        meanY += double(readings[i]);
    }
    meanX /= n;
    meanY /= n;
    double covariance = 0, variance = 0;
    for (int i = 0; i < n; ++i) {
        covariance += (i - meanX) * (double(readings[i]) - meanY);
        variance += (i - meanX) * (i - meanX);
    }
    return covariance / variance;
}

struct SoakPlan {
    int warmUpSlides;
    int rounds; // readings after the warm-up's
    int slidesPerRound;
};

struct SoakTrend {
    QList<qint64> rss; // one reading after the warm-up, then one per round
    double slope = 0;  // bytes per round
    double limit = 0;  // 1 % of the first reading
    int fdsAfterWarmUp = 0;
    int fdsAtEnd = 0;

    bool rises() const { return slope > limit; }
    QString describe() const
    {
        QStringList mib;
        for (qint64 bytes : rss)
            mib << QString::number(double(bytes) / 1048576.0, 'f', 1);
        return QStringLiteral("RSS per round (MiB): %1; fitted slope %2 MiB per round (%3 % of the first "
                              "reading; limit 1 %); open files %4 → %5")
            .arg(mib.join(QLatin1String(", ")))
            .arg(slope / 1048576.0, 0, 'f', 2)
            .arg(100.0 * slope / double(rss.first()), 0, 'f', 2)
            .arg(fdsAfterWarmUp)
            .arg(fdsAtEnd);
    }
};

// The deliberate leak: a decoded region of level 0 (up to 1024 × 1024, 4 MiB) kept per slide,
// held by nothing the viewer bounds or frees.
class DeliberateLeak {
public:
    void keepOneRegionOf(const QString& path)
    {
        const core::SlidePtr slide = core::Slide::open(path);
        const QSize size = slide->levelSize(0).boundedTo(QSize(1024, 1024));
        m_kept.push_back(slide->readLevelRegion(0, QRect(QPoint(), size)));
    }

private:
    std::vector<QImage> m_kept;
};

class SoakRunner {
public:
    SoakRunner(ui::MainWindow& window, QStringList slides) : m_window(window), m_slides(std::move(slides)) {}

    // Opens, zooms and closes slides round after round; reads RSS after the warm-up and each round.
    SoakTrend run(const SoakPlan& plan, DeliberateLeak* leak)
    {
        SoakTrend trend;
        int opened = 0;
        const auto openSome = [&](int count) {
            for (int i = 0; i < count && !QTest::currentTestFailed(); ++i, ++opened) {
                cycle(opened);
                if (leak)
                    leak->keepOneRegionOf(m_slides[opened % m_slides.size()]);
            }
        };
        openSome(plan.warmUpSlides); // caches, thread pools, fonts, OpenSlide's buffers settle in
        trend.rss << settledRss();
        trend.fdsAfterWarmUp = openFileDescriptors();
        for (int round = 0; round < plan.rounds && !QTest::currentTestFailed(); ++round) {
            openSome(plan.slidesPerRound);
            trend.rss << settledRss();
        }
        settledRss(); // the last round's tasks have ended
        trend.fdsAtEnd = openFileDescriptors();
        trend.slope = slopePerRound(trend.rss);
        trend.limit = 0.01 * double(trend.rss.first());
        return trend;
    }

private:
    void cycle(int i)
    {
        ui::SlideView* view = test::openAndWait(m_window, m_slides[i % m_slides.size()]);
        QVERIFY2(view, "a slide did not open");
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        // Zoom in twice around different points, then out: new levels and tiles each time.
        view->zoomBy(2.0, QPointF(200 + 37 * (i % 7), 150 + 23 * (i % 5)));
        view->zoomBy(2.0, QPointF(500, 300));
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        view->zoomBy(0.25, QPointF(400, 300));
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        m_window.tabs()->closeTab(m_window.tabs()->currentIndex());
        QCOMPARE(m_window.slideCount(), 0);
    }

    // Empties the bounded caches (their size is a setting, not a leak), lets every worker and
    // deferred deletion finish, and gives freed pages back to the system before reading RSS.
    qint64 settledRss()
    {
        m_window.tileCache().clear();
        QPixmapCache::clear();
        // Work of closed tabs still finishing holds their slides (and files) until it ends.
        ui::TaskRunner::instance().waitForDone();
        QThreadPool::globalInstance()->waitForDone();
        for (int pass = 0; pass < 3; ++pass) {
            QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
            QCoreApplication::processEvents();
        }
        malloc_trim(0);
        return test::procStatusBytes("VmRSS:");
    }

    ui::MainWindow& m_window;
    QStringList m_slides;
};

} // namespace

class TestFaultsSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<ui::SlideView*>();
        core::SynthSpec normal = test::smallTumourSpec();
        normal.tumourCount = 0;
        normal.seed = 8;
        m_slides =
            QStringList{test::smallTumourSlide(), test::synthSlide(normal, QStringLiteral("soak-normal"))};
        for (const QString& sample : {QStringLiteral("CMU-1-Small-Region.svs"), QStringLiteral("boxes.tiff")})
            if (const QString path = test::sampleSlide(sample); !path.isEmpty())
                m_slides << path;
    }
    void memoryHasNoUpwardTrend();
    void aLeakOfOneRegionPerSlideIsCaught();

private:
    QStringList m_slides;
};

void TestFaultsSoak::memoryHasNoUpwardTrend()
{
    ui::MainWindow window;
    window.resize(1000, 700);
    window.show();
    // TESSERA_SOAK_SLIDES=N soaks longer: N slides over the six rounds.
    const int slides = qEnvironmentVariableIntValue("TESSERA_SOAK_SLIDES");
    const SoakPlan plan{20, 6, slides > 0 ? std::max(1, slides / 6) : 30};
    DeliberateLeak leak;
    const SoakTrend trend = SoakRunner(window, m_slides)
                                .run(plan, qEnvironmentVariableIsSet("TESSERA_SOAK_LEAK") ? &leak : nullptr);
    if (QTest::currentTestFailed())
        return;
    qInfo("soak, %d slides in %d rounds after %d to warm up: %s", plan.rounds * plan.slidesPerRound,
          plan.rounds, plan.warmUpSlides, qPrintable(trend.describe()));
    QVERIFY2(!trend.rises(),
             qPrintable(QStringLiteral("memory rises from round to round: ") + trend.describe()));
    QCOMPARE(trend.fdsAtEnd, trend.fdsAfterWarmUp);
}

void TestFaultsSoak::aLeakOfOneRegionPerSlideIsCaught()
{
    ui::MainWindow window;
    window.resize(1000, 700);
    window.show();
    // Fewer slides than the soak: a leak of 4 MiB a slide shows within five rounds of eight.
    DeliberateLeak leak;
    const SoakTrend trend = SoakRunner(window, m_slides).run(SoakPlan{8, 5, 8}, &leak);
    if (QTest::currentTestFailed())
        return;
    qInfo("soak with a deliberate leak: %s", qPrintable(trend.describe()));
    QVERIFY2(trend.rises(), qPrintable(QStringLiteral("the leak went unnoticed: ") + trend.describe()));
}

// Memory is measured as the viewer runs: the tessera executable starts again with its runtime
// settings (a fixed 1 MiB mmap threshold among them) and limits malloc to two arenas before any
// thread starts. Under glibc's sliding thresholds instead, up to 50 MiB of freed memory stayed in a
// thread arena's top chunk, which malloc_trim does not return, from one reading to the next.
int main(int argc, char* argv[])
{
    core::restartWithRuntimeSettings(argv);
    core::limitMallocArenasForViewer();
    QApplication app(argc, argv);
    TestFaultsSoak test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}
#include "tst_faults_soak.moc"
