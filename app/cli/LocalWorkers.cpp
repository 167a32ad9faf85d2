#include "LocalWorkers.h"

#include "Cancellation.h"
#include "CommandOptions.h"
#include "common/Error.h"
#include "train/ProcessGroup.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QThread>

#include <memory>
#include <vector>

namespace tessera::cli {

int runLocalWorkers(const QStringList& arguments, int processes, int threads, CliContext& io)
{
    const int port = core::freeLocalPort();
    const int perWorker = threads > 0 ? threads : std::max(1, QThread::idealThreadCount() / processes);
    std::vector<std::unique_ptr<QProcess>> workers;
    for (int rank = 0; rank < processes; ++rank) {
        auto worker = std::make_unique<QProcess>();
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("MASTER_ADDR"), QStringLiteral("127.0.0.1"));
        environment.insert(QStringLiteral("MASTER_PORT"), QString::number(port));
        environment.insert(QStringLiteral("RANK"), QString::number(rank));
        environment.insert(QStringLiteral("LOCAL_RANK"), QString::number(rank));
        environment.insert(QStringLiteral("WORLD_SIZE"), QString::number(processes));
        environment.insert(QStringLiteral("TESSERA_LAUNCH_COMMAND"),
                           QCoreApplication::arguments().mid(1).join(QChar(0x1f)));
        worker->setProcessEnvironment(environment);
        // Rank 0 speaks for the job; the others only report errors.
        worker->setProcessChannelMode(rank == 0 ? QProcess::ForwardedChannels
                                                : QProcess::ForwardedErrorChannel);
        // One job log: rank 0's.
        QStringList workerArguments = rank == 0 ? arguments : withoutOption(arguments, QStringLiteral("log"));
        workerArguments << QStringLiteral("--distributed") << QStringLiteral("--threads")
                        << QString::number(perWorker);
        worker->start(QCoreApplication::applicationFilePath(), workerArguments);
        if (!worker->waitForStarted())
            throw core::Error(
                QStringLiteral("Cannot start training worker %1: %2").arg(rank).arg(worker->errorString()));
        workers.push_back(std::move(worker));
    }
    const std::atomic<bool>& cancel = cancelOnSignals();
    bool forwardedCancel = false;
    int failedRank = -1;
    for (;;) {
        // Sleep on the first worker still running (not on one that has ended: that returns at once).
        for (auto& w : workers)
            if (w->state() != QProcess::NotRunning) {
                w->waitForFinished(100);
                break;
            }
        bool running = false;
        for (int rank = 0; rank < processes; ++rank) {
            QProcess& w = *workers[std::size_t(rank)];
            w.waitForFinished(0);
            if (w.state() != QProcess::NotRunning) {
                running = true;
                continue;
            }
            // The rank that was killed is the cause; the others then fail on the lost connection.
            const bool crashed = w.exitStatus() != QProcess::NormalExit;
            const bool failedHere = crashed || w.exitCode() != 0;
            if (failedHere &&
                (failedRank < 0 || (!forwardedCancel && crashed &&
                                    workers[std::size_t(failedRank)]->exitStatus() == QProcess::NormalExit)))
                failedRank = rank;
        }
        if (!running)
            break;
        // One rank down takes the group down: the others would wait for it until their timeout.
        if ((cancel || failedRank >= 0) && !forwardedCancel) {
            forwardedCancel = true;
            for (auto& w : workers)
                if (w->state() != QProcess::NotRunning)
                    w->terminate();
            QElapsedTimer grace;
            grace.start();
            for (auto& w : workers)
                if (!w->waitForFinished(int(std::max<qint64>(0, 30000 - grace.elapsed()))))
                    w->kill();
        }
    }
    if (cancel) {
        io.err << "tessera-cli train: cancelled; run the same command again to resume\n";
        return kCancelled;
    }
    if (failedRank >= 0) {
        const QProcess& w = *workers[std::size_t(failedRank)];
        io.err << QStringLiteral(
                      "tessera-cli train: rank %1 of %2 %3; the other ranks were stopped, the last "
                      "checkpoint is kept: run the same command again to resume\n")
                      .arg(failedRank)
                      .arg(processes)
                      .arg(w.exitStatus() == QProcess::NormalExit
                               ? QStringLiteral("failed (exit code %1)").arg(w.exitCode())
                               : QStringLiteral("was killed"));
        return kFailed;
    }
    return kOk;
}

} // namespace tessera::cli
