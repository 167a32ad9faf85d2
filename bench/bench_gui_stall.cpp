// How late the GUI thread gets while long tasks run: a 1-ms QTimer heartbeat is measured over
// each task's whole run (lateness = time between beats − 1 ms). Each task is run the way the GUI
// runs it now (in the background, through TaskRunner) and, as the reference in the same run, the
// way it ran before (the same work called on the GUI thread), whose one stall is its duration.
//   report   — export a slide report (gather, preview, PDF) from the report dialog
//   import   — import 100 000 annotations (QuPath GeoJSON) onto an open slide, and save them
//   results  — open stored results (an .h5 of the slide's patches)
//   folder   — add a folder of 1 000 slides to a project
//   devices  — open the training dialog while nvidia-smi takes 3 s (a stand-in, CUDA forced)
// Targets (wave 3): p99 < 16 ms and max < 100 ms for every task.
//   bench_gui_stall [--annotations 100000] [--slides 1000]
#include "MainWindow.h"
#include "annotations/AnnotationFiles.h"
#include "annotations/AnnotationPanel.h"
#include "annotations/AnnotationSet.h"
#include "annotations/AnnotationWorkbench.h"
#include "document/SlideDocument.h"
#include "infer/Predictor.h"
#include "project/Project.h"
#include "project/ProjectController.h"
#include "report/ReportContent.h"
#include "report/ReportDialog.h"
#include "support/BenchSlide.h"
#include "synth/SyntheticSlideGenerator.h"
#include "system/ComputeDevices.h"
#include "tasks/ComputeDeviceCache.h"
#include "training/TrainingDialog.h"
#include "viewer/SlideView.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>

using namespace tessera;

namespace {

struct Stalls {
    std::vector<double> lateMs;
    double seconds = 0;
    double percentile(double p) const
    {
        if (lateMs.empty())
            return 0;
        std::vector<double> v = lateMs;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
    }
    double max() const { return lateMs.empty() ? 0 : *std::max_element(lateMs.begin(), lateMs.end()); }
};

// Runs `start` on the GUI thread, then the event loop until `finished()` holds, with a 1-ms
// heartbeat whose lateness is recorded throughout (the call of `start` included).
Stalls measure(const std::function<void()>& start, const std::function<bool()>& finished,
               int timeoutMs = 600000)
{
    Stalls stalls;
    QElapsedTimer clock, beat;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(1);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        stalls.lateMs.push_back(std::max(0.0, beat.nsecsElapsed() / 1e6 - 1.0));
        beat.restart();
    });
    // Settle first: nothing pending from the previous task counts against this one.
    QCoreApplication::processEvents();
    clock.start();
    beat.start();
    heartbeat.start();
    QCoreApplication::processEvents(); // a first beat before the work starts
    start();
    while (!finished() && clock.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 5);
    // The beat that comes after the end closes the last interval.
    QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    heartbeat.stop();
    stalls.seconds = clock.nsecsElapsed() / 1e9;
    if (!finished())
        std::printf("  (timed out)\n");
    return stalls;
}

void report(const char* task, const Stalls& now, const Stalls& before)
{
    std::printf("%-8s | %6.1f | %6.2f | %6.2f | %7.1f | %7.1f | %8.0f | %5.0f× | %s\n", task, now.seconds,
                now.percentile(0.5), now.percentile(0.99), now.max(), before.seconds * 1000, before.max(),
                before.max() / std::max(now.max(), 0.01),
                now.percentile(0.99) < 16 && now.max() < 100 ? "met" : "MISSED");
    std::fflush(stdout);
}

std::vector<core::Annotation> cells(int count, QSizeF extent)
{
    QRandomGenerator random(2026);
    std::vector<core::Annotation> out;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < count; ++i) {
        const double radius = 10 + random.bounded(20.0);
        const QPointF c(radius + random.bounded(extent.width() - 2 * radius),
                        radius + random.bounded(extent.height() - 2 * radius));
        QPolygonF ring;
        for (int k = 0; k < 12; ++k)
            ring << c + QPointF(radius * std::cos(k * M_PI / 6), radius * std::sin(k * M_PI / 6));
        core::Annotation a;
        a.id = QUuid::createUuid();
        a.geometry = core::Geometry::polygon(ring);
        a.className = i % 2 ? QStringLiteral("Tumor") : QStringLiteral("Stroma");
        a.created = a.modified = now;
        out.push_back(std::move(a));
    }
    return out;
}

// A prediction over the whole slide, one 256-px patch each, as `infer` writes it.
core::Prediction wholeSlidePrediction(QSize size)
{
    core::Prediction p;
    p.run = QStringLiteral("/runs/bench");
    p.model = QStringLiteral("srmil");
    p.classNames = {QStringLiteral("normal"), QStringLiteral("tumour")};
    p.probabilities = {0.3f, 0.7f};
    p.patchStep = 256;
    QRandomGenerator random(7);
    for (int y = 0; y + 256 <= size.height(); y += 256)
        for (int x = 0; x + 256 <= size.width(); x += 256) {
            p.coords.insert(p.coords.end(), {x, y});
            p.attention.push_back(float(random.generateDouble()));
            p.consistency.push_back(float(random.generateDouble()));
        }
    return p;
}

} // namespace

int main(int argc, char** argv)
{
    qputenv("QT_QPA_PLATFORM",
            qgetenv("QT_QPA_PLATFORM").isEmpty() ? "offscreen" : qgetenv("QT_QPA_PLATFORM"));
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("tessera-bench"));
    const QStringList args = QCoreApplication::arguments();
    const int annotationCount = bench::intArgument(args, "--annotations", 100000);
    const int slideCount = bench::intArgument(args, "--slides", 1000);
    QTemporaryDir dir;

    // The slide, its project, a stored prediction, the annotation file and the folder of slides.
    std::printf("Preparing (slide, project, %d annotations, %d slide files)…\n", annotationCount, slideCount);
    std::fflush(stdout);
    core::SynthSpec spec;
    spec.width = 16000;
    spec.height = 12000;
    spec.tumourCount = 2;
    const QString slide = dir.filePath(QStringLiteral("case-1.tiff"));
    core::SyntheticSlideGenerator(spec).write(slide);
    const QString folder = dir.filePath(QStringLiteral("project"));
    const QString results = dir.filePath(QStringLiteral("case-1.h5"));
    {
        const auto project = core::Project::create(folder);
        project->slides().add({slide});
        const core::Prediction p = wholeSlidePrediction(QSize(spec.width, spec.height));
        p.write(results);
        core::RunStart start;
        start.folder = folder + QStringLiteral("/runs/bench");
        start.model = p.model;
        const qint64 run = project->runs().startRun(start);
        project->runs().finishRun(run, {});
        project->runs().recordPrediction(run, slide, results, p);
    }
    const QString geojson = dir.filePath(QStringLiteral("cells.geojson"));
    core::exportAnnotations(geojson, cells(annotationCount, QSizeF(spec.width, spec.height)),
                            {{QStringLiteral("Tumor"), QColor(200, 0, 0), true},
                             {QStringLiteral("Stroma"), QColor(0, 150, 0), true}});
    const QString slides = dir.filePath(QStringLiteral("slides"));
    QDir().mkpath(slides);
    for (int i = 0; i < slideCount; ++i) { // distinct heads, as distinct scans have
        QFile f(slides + QStringLiteral("/s%1.svs").arg(i, 4, 10, QLatin1Char('0')));
        f.open(QIODevice::WriteOnly);
        QByteArray bytes(64 * 1024, '\0');
        for (qsizetype b = 0; b < bytes.size(); b += 4)
            *reinterpret_cast<quint32*>(bytes.data() + b) = QRandomGenerator::global()->generate();
        f.write(bytes);
    }
    // The stand-in nvidia-smi: 3 s, then two GPUs.
    const QString bin = dir.filePath(QStringLiteral("bin"));
    QDir().mkpath(bin);
    {
        QFile smi(bin + QStringLiteral("/nvidia-smi"));
        smi.open(QIODevice::WriteOnly);
        smi.write("#!/bin/sh\nsleep 3\necho '0, Stand-in GPU, 1000'\necho '1, Stand-in GPU, 2000'\n");
        smi.setPermissions(smi.permissions() | QFileDevice::ExeOwner);
    }
    qputenv("PATH", (bin + QLatin1Char(':')).toUtf8() + qgetenv("PATH"));
    qputenv("TESSERA_TEST_CUDA_DEVICES", "2");

    ui::MainWindow window;
    window.resize(1600, 1000);
    window.show();
    window.openProject(folder);
    {
        bool opened = false;
        QObject::connect(&window, &ui::MainWindow::slideOpened, [&] { opened = true; });
        window.openSlide(slide);
        while (!opened)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
        // Its stored prediction opens on its own: let it land first.
        QElapsedTimer settle;
        settle.start();
        while (settle.elapsed() < 3000)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }

    std::printf("\nGUI heartbeat lateness while each task runs (ms); 'before' = the same work on the GUI "
                "thread, as it ran until wave 3\n");
    std::printf("task     | now s  | p50    | p99    | max     | before  | before   | max    | target\n");
    std::printf("         |        |        |        |         | ms      | max      | ratio  |\n");

    // Report export from the dialog.
    {
        core::Project& project = *window.projectController()->project();
        std::unique_ptr<ui::ReportDialog> dialog;
        bool exported = false, started = false;
        const Stalls now = measure(
            [&] {
                dialog = std::make_unique<ui::ReportDialog>(project, slide, core::HeatmapSettings(), &window);
                dialog->pdfEdit()->setText(dir.filePath(QStringLiteral("report.pdf")));
                QObject::connect(dialog.get(), &ui::ReportDialog::exported, [&] { exported = true; });
                dialog->show();
            },
            [&] {
                if (!started && !dialog->isBusy()) { // the preview is up: the user presses Export
                    started = true;
                    dialog->startExport();
                }
                return exported;
            });
        dialog.reset();
        const Stalls before = measure(
            [&] {
                ui::ReportDialog sync(project, slide, core::HeatmapSettings(), &window);
                sync.pdfEdit()->setText(dir.filePath(QStringLiteral("report-sync.pdf")));
                (void)core::gatherReport(project, sync.request()); // what the constructor did
                sync.exportReport();
            },
            [] { return true; });
        report("report", now, before);
    }

    // 100 000 annotations imported onto the open slide, and saved.
    {
        ui::AnnotationWorkbench* bench = window.annotationWorkbench();
        bool imported = false;
        QObject::connect(bench, &ui::AnnotationWorkbench::importFinished, [&] { imported = true; });
        const Stalls now =
            measure([&] { bench->startImport(geojson); },
                    [&] {
                        return imported &&
                               window.currentView()->document()->annotations().size() >= annotationCount &&
                               bench->panel()->saveStatus().contains(QString::number(annotationCount));
                    });
        // Before: parse, add and save on the GUI thread (the save through the project's own
        // connection, as AnnotationPersistence did).
        const Stalls before = measure(
            [&] {
                core::AnnotationImport in = core::importAnnotations(geojson);
                core::Project& project = *window.projectController()->project();
                const qint64 id = project.annotations().slideIdFor(slide);
                project.annotations().save(id, in.annotations, {});
            },
            [] { return true; });
        report("import", now, before);
        window.currentView()->document()->undoStack()->undo(); // the slide as it was
    }

    // Stored results opened.
    {
        bool ready = false;
        QObject::connect(&window, &ui::MainWindow::analysisReady, [&] { ready = true; });
        const Stalls now = measure([&] { window.openResults(results); }, [&] { return ready; });
        const Stalls before = measure([&] { (void)core::Prediction::read(results); }, [] { return true; });
        report("results", now, before);
    }

    // A folder of 1 000 slides added.
    {
        bool added = false;
        const Stalls now = measure(
            [&] {
                window.projectController()->addSlidesInBackground(
                    {slides}, [&](const core::AddReport&, const QString&) { added = true; });
            },
            [&] { return added; });
        const auto other = core::Project::create(dir.filePath(QStringLiteral("other")));
        const Stalls before = measure([&] { other->slides().add({slides}); }, [] { return true; });
        report("folder", now, before);
    }

    // The training dialog while nvidia-smi takes 3 s.
    {
        std::unique_ptr<ui::TrainingDialog> dialog;
        const Stalls now = measure(
            [&] {
                dialog =
                    std::make_unique<ui::TrainingDialog>(*window.projectController()->project(), &window);
                dialog->show();
            },
            [&] { return ui::ComputeDeviceCache::instance().isReady(); });
        const Stalls before = measure([] { (void)core::availableComputeDevices(); }, [] { return true; });
        report("devices", now, before);
    }
    return 0;
}
