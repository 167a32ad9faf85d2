// Project database and job benchmarks, each against a reference measured in the same run:
//  1. adding 10 000 slides to a project vs only fingerprinting the same files (the I/O floor);
//  2. opening a project with 1 000 runs and 100 000 epoch rows, and listing what the docks show,
//     vs a bare SQLite open and count;
//  3. the GUI's event-loop stalls while a 2-thread SR-MIL job trains in a child process, vs the
//     same window with no job.
//   bench_project [--slides 10000] [--seconds 60]
#include "MainWindow.h"
#include "jobs/JobMonitor.h"
#include "project/Fingerprint.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "project/TrainingPlan.h"
#include "support/BenchSlide.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace tessera;

namespace {

double percentile(std::vector<double> v, double p)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

void importSlides(int count)
{
    QTemporaryDir dir;
    const QString slides = dir.filePath(QStringLiteral("slides"));
    QDir().mkpath(slides);
    QByteArray block(64 * 1024, '\0');
    for (int i = 0; i < count; ++i) {
        QFile f(QStringLiteral("%1/slide_%2.svs").arg(slides).arg(i, 5, 10, QLatin1Char('0')));
        f.open(QIODevice::WriteOnly);
        std::memcpy(block.data(), &i, sizeof i); // each file its own content
        f.write(block);
    }
    QStringList files;
    for (const QFileInfo& f : QDir(slides).entryInfoList(QDir::Files))
        files << f.filePath();
    QElapsedTimer timer;
    timer.start();
    for (const QString& f : files)
        core::Fingerprint::of(f);
    const double floorMs = double(timer.nsecsElapsed()) / 1e6;
    const auto project = core::Project::create(dir.filePath(QStringLiteral("p")));
    timer.restart();
    const core::AddReport report = project->slides().add({slides});
    const double addMs = double(timer.nsecsElapsed()) / 1e6;
    timer.restart();
    const auto again = project->slides().add({slides});
    const double againMs = double(timer.nsecsElapsed()) / 1e6;
    std::printf(
        "import: %lld slides of 64 KiB added in %.0f ms (target < 2000 ms); fingerprinting them alone "
        "%.0f ms (ratio %.2f); adding them again (all recognised) %.0f ms\n",
        qlonglong(report.added.size()), addMs, floorMs, addMs / floorMs, againMs);
    (void)again;
}

void openLargeProject()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("p"));
    {
        const auto project = core::Project::create(folder);
        core::ProjectDatabase& db = project->database();
        core::ProjectDatabase::Transaction t(db);
        for (int r = 0; r < 1000; ++r) {
            core::RunStart start;
            start.folder = project->runsFolder() + QStringLiteral("/run-%1").arg(r);
            start.model = QStringLiteral("srmil");
            start.config = QJsonObject{{QStringLiteral("lr"), 5e-4}, {QStringLiteral("w_gen"), 1.0}};
            const qint64 id = project->runs().startRun(start);
            for (int e = 1; e <= 100; ++e) {
                core::EpochRecord epoch;
                epoch.epoch = e;
                epoch.trainLoss = 1.0 / e;
                epoch.terms = {{QStringLiteral("ce_masked"), 0.5},
                               {QStringLiteral("ce_full"), 0.4},
                               {QStringLiteral("sce"), 0.3}};
                project->runs().recordEpoch(id, epoch);
            }
            core::RunResult result;
            result.bestEpoch = 60;
            project->runs().finishRun(id, result);
        }
        t.commit();
    }
    std::vector<double> opens, bare;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer timer;
        timer.start();
        {
            const auto project = core::Project::open(folder);
            project->runs().reconcile();
            project->jobs().reconcile();
            const auto runs = project->runs().list();
            const auto slides = project->slides().list();
            if (runs.size() != 1000)
                std::printf("unexpected: %zu runs\n", runs.size());
        }
        opens.push_back(double(timer.nsecsElapsed()) / 1e6);
        timer.restart();
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("bare"));
            db.setDatabaseName(folder + QStringLiteral("/project.sqlite"));
            db.open();
            QSqlQuery q(db);
            q.exec(QStringLiteral("SELECT count(*) FROM epoch_metrics"));
            q.next();
            q.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("bare"));
        bare.push_back(double(timer.nsecsElapsed()) / 1e6);
    }
    std::printf("open: a project with 1000 runs and 100 000 epoch rows opened, settled and listed in %.1f ms "
                "(median of 5; target < 200 ms); a bare SQLite open + count %.1f ms\n",
                percentile(opens, 0.5), percentile(bare, 0.5));
}

// Lateness of a 10 ms timer in the window's event loop, in ms, over `seconds`.
std::vector<double> stalls(double seconds)
{
    std::vector<double> late;
    QElapsedTimer clock, total;
    clock.start();
    total.start();
    QTimer tick;
    tick.setTimerType(Qt::PreciseTimer);
    tick.setInterval(10);
    QObject::connect(&tick, &QTimer::timeout, [&] {
        late.push_back(std::max(0.0, double(clock.nsecsElapsed()) / 1e6 - 10.0));
        clock.restart();
    });
    tick.start();
    while (total.elapsed() < seconds * 1000)
        QApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    return late;
}

void responsivenessWhileTraining(double seconds)
{
    QTemporaryDir dir;
    const QString bags = dir.filePath(QStringLiteral("bags"));
    QProcess::execute(QStringLiteral(TESSERA_BENCH_CLI),
                      {QStringLiteral("synth-bags"), QStringLiteral("--out"), bags,
                       QStringLiteral("--slides"), QStringLiteral("40"), QStringLiteral("--dim"),
                       QStringLiteral("128")});
    const QString folder = dir.filePath(QStringLiteral("p"));
    {
        const auto project = core::Project::create(folder);
        QStringList slides;
        for (const QString& bag :
             QDir(bags + QStringLiteral("/features")).entryList({QStringLiteral("*.h5")})) {
            const QString slide = folder + QStringLiteral("/slides/") + QFileInfo(bag).completeBaseName() +
                                  QStringLiteral(".svs");
            QDir().mkpath(QFileInfo(slide).absolutePath());
            QFile f(slide);
            f.open(QIODevice::WriteOnly);
            f.write(bag.toUtf8().repeated(100));
            slides << slide;
        }
        project->slides().add(slides);
        project->slides().importLabels(bags + QStringLiteral("/labels.csv"));
        project->slides().setSplit(QStringLiteral("default"),
                                   core::Split::kFold(project->slides().labelTable(), 5, 1)[0]);
        const qint64 set = project->runs().recordFeatureSet(bags + QStringLiteral("/features"),
                                                            QStringLiteral("synthetic"), 256, 20);
        for (const QString& slide : slides)
            project->runs().recordSlideFeatures(set, slide,
                                                bags + QStringLiteral("/features/") +
                                                    QFileInfo(slide).completeBaseName() +
                                                    QStringLiteral(".h5"),
                                                1000, 128);
    }
    qputenv("TESSERA_CLI", QByteArrayLiteral(TESSERA_BENCH_CLI));
    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.openProject(folder);
    const std::vector<double> idle = stalls(seconds / 3);
    core::TrainingRequest request;
    request.config.model.name = QStringLiteral("srmil");
    request.config.epochs = 1000;
    request.config.threads = 2;
    request.config.device = QStringLiteral("cpu");
    request.runName = QStringLiteral("busy");
    request.featureSet = bags + QStringLiteral("/features");
    const std::vector<qint64> jobs = window.projectController()->submit(
        core::TrainingPlan(*window.projectController()->project()).jobs(request));
    const std::vector<double> busy = stalls(seconds);
    window.projectController()->jobs()->cancel(jobs.back());
    std::printf(
        "responsiveness: event-loop stall of a 10 ms timer while a 2-thread SR-MIL job trains (nice 10): "
        "p50 %.1f ms, p99 %.1f ms, max %.1f ms (target p99 < 50 ms); idle window: p50 %.1f, p99 %.1f, max "
        "%.1f ms\n",
        percentile(busy, 0.5), percentile(busy, 0.99), *std::max_element(busy.begin(), busy.end()),
        percentile(idle, 0.5), percentile(idle, 0.99), *std::max_element(idle.begin(), idle.end()));
    stalls(3); // let the job report its cancellation
}

} // namespace

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments();
    importSlides(bench::intArgument(arguments, "--slides", 10000));
    openLargeProject();
    responsivenessWhileTraining(bench::intArgument(arguments, "--seconds", 60));
    return 0;
}
