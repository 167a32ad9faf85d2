// How fast the Review dock moves on: from an answer (here a skip, the same path as a key) to the
// next proposal centred on its slide with its outline, and the repaint that shows it — when the
// proposal is on the slide already open, and when its slide has to open in a new tab. The
// reference in the same run is a bare pan of the same view to the same place (setView + repaint).
// Target (issue #31): the next proposal within 100 ms.
//   bench_review [--proposals 40]
#include "MainWindow.h"
#include "project/ProjectController.h"
#include "review/ReviewQueue.h"
#include "review/ReviewWorkbench.h"
#include "viewer/SlideView.h"

#include <QApplication>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>

using namespace tessera;

namespace {

void summary(const char* what, std::vector<double> ms)
{
    if (ms.empty()) {
        std::printf("  %-44s none\n", what);
        return;
    }
    std::sort(ms.begin(), ms.end());
    std::printf("  %-44s n %3zu  median %7.2f ms  max %7.2f ms\n", what, ms.size(), ms[ms.size() / 2],
                ms.back());
}

// Runs the event loop until `done` or `ms` pass; returns whether `done`.
template <typename Done> bool waitFor(Done done, int ms)
{
    QElapsedTimer clock;
    clock.start();
    while (!done() && clock.elapsed() < ms)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    return done();
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const qsizetype at = args.indexOf(QStringLiteral("--proposals"));
    const int count = at >= 0 && at + 1 < args.size() ? args[at + 1].toInt() : 40;
    qputenv("TESSERA_CLI", QByteArrayLiteral(TESSERA_BENCH_CLI));
    QTemporaryDir dir;
    const QString project = dir.filePath(QStringLiteral("demo"));
    if (QProcess::execute(QStringLiteral(TESSERA_BENCH_CLI),
                          {QStringLiteral("demo-data"), QStringLiteral("--out"), project,
                           QStringLiteral("--slides"), QStringLiteral("6"), QStringLiteral("--epochs"),
                           QStringLiteral("8")}) != 0) {
        std::fprintf(stderr, "bench_review: demo-data failed\n");
        return 1;
    }
    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    if (!window.openProject(project))
        return 1;
    ui::ReviewWorkbench* review = window.reviewWorkbench();
    review->dock()->raise();
    int ready = -1, shown = -1;
    QObject::connect(review, &ui::ReviewWorkbench::proposalsReady, [&](int n, const QString&) { ready = n; });
    QObject::connect(review, &ui::ReviewWorkbench::proposalShown, [&](int index) { shown = index; });
    QElapsedTimer clock;
    clock.start();
    review->ask(QStringLiteral("demo-srmil"), QStringLiteral("disagreement"), count);
    if (!waitFor([&] { return ready >= 0; }, 120000) || ready == 0)
        return 1;
    const double askMs = double(clock.nsecsElapsed()) / 1e6;
    waitFor([&] { return shown == 0; }, 30000);
    waitFor([] { return false; }, 500); // first tiles in
    std::vector<double> sameSlide, newTab, paintSame, pan;
    QString lastSlide = review->queue()->items()[0].slidePath;
    while (review->queue()->current() >= 0 &&
           review->queue()->current() + 1 < int(review->queue()->items().size())) {
        const int next = review->queue()->current() + 1;
        const bool opensTab = review->queue()->items()[std::size_t(next)].slidePath != lastSlide && [&] {
            for (ui::SlideView* v : window.findChildren<ui::SlideView*>())
                if (QFileInfo(v->slide()->path()).absoluteFilePath() ==
                    review->queue()->items()[std::size_t(next)].slidePath)
                    return false;
            return true;
        }();
        clock.restart();
        review->skip();
        waitFor([&] { return shown == next; }, 30000);
        const double toShown = double(clock.nsecsElapsed()) / 1e6;
        clock.restart();
        window.currentView()->repaint();
        const double paint = double(clock.nsecsElapsed()) / 1e6;
        (opensTab ? newTab : sameSlide).push_back(toShown + paint);
        if (!opensTab)
            paintSame.push_back(paint);
        // The reference: the same view panned to the same place, without the dock.
        ui::SlideView* view = window.currentView();
        const QPointF centre = view->centre();
        view->centreOn(centre + QPointF(500, 0));
        view->repaint();
        clock.restart();
        view->centreOn(centre);
        view->repaint();
        pan.push_back(double(clock.nsecsElapsed()) / 1e6);
        lastSlide = review->queue()->items()[std::size_t(next)].slidePath;
        waitFor([] { return false; }, 50);
    }
    std::printf(
        "bench_review: %d proposals over the demo project's tumour training slides, 1600 × 1000 window\n",
        ready);
    std::printf("  Ask (proposals computed, crops read)          %7.0f ms\n", askMs);
    summary("next proposal on an open slide (shown+painted)", sameSlide);
    summary("  of which the repaint", paintSame);
    summary("next proposal, its slide opens in a new tab", newTab);
    summary("reference: pan + repaint of the same view", pan);
    return 0;
}
