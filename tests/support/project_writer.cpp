// A helper process for the crash tests of the project database: writes one epoch row per
// transaction into run "writer" of the project given as argv[1], forever, and prints the number
// of the last committed row after each commit. With `annotations SLIDE` it saves annotations on
// that slide the way the viewer does (each edit its own save: a new annotation, then a move of the
// previous one) and prints how many are saved. The test kills it with SIGKILL. With `lock MS` it
// holds the database's write lock for MS milliseconds (the fault suite's other program).
#include "project/Project.h"

#include <QCoreApplication>
#include <QTextStream>
#include <QThread>

using namespace tessera::core;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    const auto project = Project::open(QString::fromLocal8Bit(argv[1]));
    if (argc >= 4 &&
        QByteArray(argv[2]) == "lock") { // hold the write lock for argv[3] ms, as another program might
        project->database().exec(QStringLiteral("BEGIN IMMEDIATE"));
        QTextStream(stdout) << "locked" << Qt::endl;
        QThread::msleep(QByteArray(argv[3]).toULong());
        project->database().exec(QStringLiteral("COMMIT"));
        return 0;
    }
    if (argc >= 4 && QByteArray(argv[2]) == "annotations") {
        const qint64 slide = project->annotations().slideIdFor(QString::fromLocal8Bit(argv[3]));
        QTextStream out(stdout);
        Annotation previous;
        for (int n = 1;; ++n) {
            Annotation a;
            a.id = QUuid::createUuid();
            a.geometry = Geometry::rectangle(QRectF(n * 10, n * 10, 50, 50));
            a.created = a.modified = QDateTime::currentDateTimeUtc();
            project->annotations().save(slide, {a}, {});
            if (n > 1) { // the edit after: the previous one moved by one pixel
                previous.geometry = previous.geometry.translated({1, 0});
                project->annotations().save(slide, {previous}, {});
            }
            previous = a;
            out << n << "\n";
            out.flush();
        }
    }
    RunStart start;
    start.folder = project->runsFolder() + QStringLiteral("/writer");
    start.model = QStringLiteral("abmil");
    const qint64 run = project->runs().startRun(start);
    QTextStream out(stdout);
    for (int epoch = 1;; ++epoch) {
        EpochRecord e;
        e.epoch = epoch;
        e.trainLoss = 1.0 / epoch;
        e.terms[QStringLiteral("ce")] = 1.0 / epoch;
        project->runs().recordEpoch(run, e);
        out << epoch << "\n";
        out.flush();
    }
}
