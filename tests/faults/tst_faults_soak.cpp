// Fault suite, load: 200 slides opened in tabs, panned, zoomed and closed in a loop. Memory must
// come back (RSS within 10 % of the baseline once caches are warm) and no file handle may leak
// (/proc/self/fd). A leak of one tile buffer or one OpenSlide handle per slide shows up here.
#include "MainWindow.h"
#include "support/ProcessStatus.h"
#include "support/TestSlides.h"
#include "support/WindowHelpers.h"
#include "system/RuntimeEnvironment.h"
#include "workspace/SlideTabs.h"

#include <QDir>
#include <QtTest>

#include <malloc.h>

using namespace tessera;

namespace {

int openFileDescriptors()
{
    return int(
        QDir(QStringLiteral("/proc/self/fd")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries).size());
}

// Freed memory goes back to the system before a reading (malloc keeps freed pages otherwise).
void settle()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
    malloc_trim(0);
}

} // namespace

class TestFaultsSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        core::limitMallocArenasForViewer(); // as the tessera executable does before its threads start
        qRegisterMetaType<ui::SlideView*>();
    }
    void twoHundredSlidesOpenAndCloseWithoutLeaks();
};

void TestFaultsSoak::twoHundredSlidesOpenAndCloseWithoutLeaks()
{
    core::SynthSpec normal = test::smallTumourSpec();
    normal.tumourCount = 0;
    normal.seed = 8;
    QStringList slides{test::smallTumourSlide(), test::synthSlide(normal, QStringLiteral("soak-normal"))};
    for (const QString& sample : {QStringLiteral("CMU-1-Small-Region.svs"), QStringLiteral("boxes.tiff")})
        if (const QString path = test::sampleSlide(sample); !path.isEmpty())
            slides << path;

    ui::MainWindow window;
    window.resize(1000, 700);
    window.show();
    const auto cycle = [&](int i) {
        ui::SlideView* view = test::openAndWait(window, slides[i % slides.size()]);
        QVERIFY2(view, "a slide did not open");
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        // Zoom in twice around different points, then out: new levels and tiles each time.
        view->zoomBy(2.0, QPointF(200 + 37 * (i % 7), 150 + 23 * (i % 5)));
        view->zoomBy(2.0, QPointF(500, 300));
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        view->zoomBy(0.25, QPointF(400, 300));
        QTRY_VERIFY_WITH_TIMEOUT(view->isFullyLoaded(), 20000);
        window.tabs()->closeTab(window.tabs()->currentIndex());
        QCOMPARE(window.slideCount(), 0);
    };

    // Warm up: caches, thread pools, fonts and OpenSlide's own buffers reach their steady size.
    for (int i = 0; i < 20; ++i) {
        cycle(i);
        if (QTest::currentTestFailed())
            return;
    }
    settle();
    const qint64 baselineRss = test::procStatusBytes("VmRSS:");
    const int baselineFds = openFileDescriptors();
    // TESSERA_SOAK_SLIDES=N soaks longer (a slow leak shows as growth that keeps rising).
    const int slidesInSoak = qEnvironmentVariableIntValue("TESSERA_SOAK_SLIDES") > 0
                                 ? qEnvironmentVariableIntValue("TESSERA_SOAK_SLIDES")
                                 : 200;
    for (int i = 20; i < 20 + slidesInSoak; ++i) {
        cycle(i);
        if (QTest::currentTestFailed())
            return;
    }
    settle();
    const qint64 rss = test::procStatusBytes("VmRSS:");
    const int fds = openFileDescriptors();
    qInfo("soak: RSS %.1f MiB after warm-up, %.1f MiB after %d more slides (%+.1f %%); %d → %d open files",
          baselineRss / 1048576.0, rss / 1048576.0, slidesInSoak,
          100.0 * double(rss - baselineRss) / double(baselineRss), baselineFds, fds);
    QVERIFY2(rss <= baselineRss * 11 / 10, "memory did not come back after closing the slides");
    QCOMPARE(fds, baselineFds);
}

QTEST_MAIN(TestFaultsSoak)
#include "tst_faults_soak.moc"
