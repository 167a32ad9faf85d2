// tessera: the desktop application. Opens the slides named on the command line.
#include "MainWindow.h"
#include "Translations.h"
#include "viewer/OverviewWidget.h"
#include "viewer/SlideView.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Tessera"));
    QApplication::setOrganizationName(QStringLiteral("Tessera"));
    QApplication::setApplicationVersion(QStringLiteral(TESSERA_VERSION));
    tessera::ui::installTranslation(QLocale());

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Tessera whole-slide viewer"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption screenshot(
        QStringLiteral("screenshot"),
        QStringLiteral("Save a PNG of the window once the first screen is complete, then quit."),
        QStringLiteral("file"));
    parser.addOption(screenshot);
    const QCommandLineOption tissue(QStringLiteral("tissue"), QStringLiteral("Show the tissue mask layer."));
    parser.addOption(tissue);
    parser.addPositionalArgument(QStringLiteral("slides"), QStringLiteral("Slides to open."),
                                 QStringLiteral("[slides…]"));
    parser.process(app);

    tessera::ui::MainWindow window;
    window.show();
    for (const QString& path : parser.positionalArguments())
        window.openSlide(path);
    if (parser.isSet(tissue))
        window.setTissueMaskVisible(true);

    if (parser.isSet(screenshot)) {
        // Poll until the visible tiles and the minimap are in, then grab and quit.
        const QString out = parser.value(screenshot);
        auto* poll = new QTimer(&app);
        int waited = 0;
        QObject::connect(poll, &QTimer::timeout, &app, [&, out, poll]() mutable {
            waited += 100;
            auto* view = window.currentView();
            const bool ready =
                !view || (view->isFullyLoaded() && !window.overview()->thumbnail().isNull() &&
                          (!parser.isSet(tissue) || view->hasOverlay(QStringLiteral("tissue"))));
            if (!ready && waited < 30000)
                return;
            poll->stop();
            const bool ok = window.grab().save(out, "PNG");
            QApplication::exit(ok ? 0 : 1);
        });
        poll->start(100);
    }
    return QApplication::exec();
}
