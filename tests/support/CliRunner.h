// Runs tessera-cli in a child process and captures what it said (for end-to-end CLI tests).
#pragma once

#include <QProcess>
#include <QString>
#include <QStringList>

namespace tessera::test {

struct CliRun {
    int exitCode; // -1 if it crashed
    QString out;
    QString err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 300000,
                     const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QStringLiteral(TESSERA_CLI), arguments);
    process.waitForFinished(timeoutMs);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAllStandardOutput()),
            QString::fromUtf8(process.readAllStandardError())};
}

} // namespace tessera::test
