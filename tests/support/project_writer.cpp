// A helper process for the crash tests of the project database: writes one epoch row per
// transaction into run "writer" of the project given as argv[1], forever, and prints the number
// of the last committed row after each commit. The test kills it with SIGKILL.
#include "project/Project.h"

#include <QCoreApplication>
#include <QTextStream>

using namespace tessera::core;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 2)
        return 2;
    const auto project = Project::open(QString::fromLocal8Bit(argv[1]));
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
