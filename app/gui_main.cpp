// tessera: the desktop application. Opens the slides named on the command line.
#include "MainWindow.h"
#include "Translations.h"
#include "analysis/AnalysisPanel.h"
#include "document/SlideDocument.h"
#include "project/Project.h"
#include "system/RuntimeEnvironment.h"
#include "viewer/OverviewWidget.h"
#include "viewer/SlideView.h"

#include <QApplication>
#include <QCheckBox>
#include <QCommandLineParser>
#include <QTimer>

namespace {

// The viewer's command line. Described once, read twice: without a display for --help, --version
// and mistakes, then by the GUI.
struct ViewerOptions {
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window once the first screen is complete, then quit."),
        QStringLiteral("file")};
    QCommandLineOption tissue{QStringLiteral("tissue"), QStringLiteral("Show the tissue mask layer.")};
    QCommandLineOption run{QStringLiteral("run"),
                           QStringLiteral("Apply this training run to the slide and show its heatmaps."),
                           QStringLiteral("dir")};
    QCommandLineOption project{
        QStringLiteral("project"),
        QStringLiteral(
            "Open this project (its slides, runs and jobs); also where features and results of --run "
            "go (default: the run's project)."),
        QStringLiteral("dir")};
    QCommandLineOption results{QStringLiteral("results"),
                               QStringLiteral("Show stored results (.h5) over the slide."),
                               QStringLiteral("file")};
    QCommandLineOption consistency{QStringLiteral("consistency"),
                                   QStringLiteral("Show the consistency map instead of attention.")};

    void addTo(QCommandLineParser& parser) const
    {
        parser.setApplicationDescription(QStringLiteral("Tessera whole-slide viewer"));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions({screenshot, tissue, run, project, results, consistency});
        parser.addPositionalArgument(QStringLiteral("slides"), QStringLiteral("Slides to open."),
                                     QStringLiteral("[slides…]"));
    }
};

void nameApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("Tessera"));
    QCoreApplication::setOrganizationName(QStringLiteral("Tessera"));
    QCoreApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
}

// Help and the version are printed, and end the program, before the GUI starts: they work without
// a display (a QApplication aborts without one). Anything else, Qt's own options such as -platform
// and mistakes too, is the GUI's to read.
void answerHelpAndVersion(int argc, char* argv[])
{
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    QCommandLineParser parser;
    const ViewerOptions options;
    options.addTo(parser);
    parser.parse(arguments);
    const bool help = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"));
    if (!help && !parser.isSet(QStringLiteral("version")))
        return;
    QCoreApplication app(argc, argv);
    nameApplication();
    if (help)
        parser.showHelp(0); // both exit
    parser.showVersion();
}

} // namespace

int main(int argc, char* argv[])
{
    tessera::core::restartWithRuntimeSettings(argv);
    tessera::core::limitMallocArenasForViewer();
    answerHelpAndVersion(argc, argv);
    QApplication app(argc, argv);
    nameApplication();
    tessera::ui::installTranslation(QLocale());

    QCommandLineParser parser;
    const ViewerOptions options;
    options.addTo(parser);
    parser.process(app);
    const QCommandLineOption& screenshot = options.screenshot;
    const QCommandLineOption& tissue = options.tissue;
    const QCommandLineOption& run = options.run;
    const QCommandLineOption& project = options.project;
    const QCommandLineOption& results = options.results;
    const QCommandLineOption& consistency = options.consistency;

    tessera::ui::MainWindow window;
    window.show();
    if (parser.isSet(project) && tessera::core::Project::exists(parser.value(project)))
        window.openProject(parser.value(project));
    // Slides open on worker threads: the tissue layer and the model go on the first one to open.
    bool analysisDone = !parser.isSet(run) && !parser.isSet(results);
    bool firstOpened = false;
    bool openFailed = false;
    QObject::connect(&window, &tessera::ui::MainWindow::errorShown, &app, [&] { openFailed = true; });
    QObject::connect(&window, &tessera::ui::MainWindow::slideOpened, &app, [&](tessera::ui::SlideView*) {
        if (firstOpened)
            return;
        firstOpened = true;
        if (parser.isSet(tissue))
            window.setTissueMaskVisible(true);
        if (parser.isSet(run))
            window.runModel(parser.value(run), parser.value(project));
        else if (parser.isSet(results))
            window.openResults(parser.value(results));
    });
    for (const QString& path : parser.positionalArguments())
        window.openSlide(path);
    QObject::connect(&window, &tessera::ui::MainWindow::analysisReady, &app, [&](tessera::ui::SlideView*) {
        if (parser.isSet(consistency)) {
            window.analysisPanel()->attentionBox()->setChecked(false);
            window.analysisPanel()->consistencyBox()->setChecked(true);
        }
        analysisDone = true;
    });
    QObject::connect(&window, &tessera::ui::MainWindow::analysisFailed, &app, [&] { analysisDone = true; });

    if (parser.isSet(screenshot)) {
        // Poll until the visible tiles and the minimap are in, then grab and quit.
        const QString out = parser.value(screenshot);
        auto* poll = new QTimer(&app);
        int waited = 0;
        QObject::connect(poll, &QTimer::timeout, &app, [&, out, poll]() mutable {
            waited += 100;
            auto* view = window.currentView();
            const bool opening = !parser.positionalArguments().isEmpty() && !firstOpened && !openFailed;
            const bool ready =
                !opening &&
                (!view || (view->isFullyLoaded() && !window.overview()->thumbnail().isNull() &&
                           (!parser.isSet(tissue) || view->document()->isTissueDetected()) &&
                           (analysisDone || openFailed) && window.analysisPanel()->thumbnailsLoaded()));
            if (!ready && waited < 120000)
                return;
            poll->stop();
            const bool ok = window.grab().save(out, "PNG");
            QApplication::exit(ok ? 0 : 1);
        });
        poll->start(100);
    }
    return QApplication::exec();
}
