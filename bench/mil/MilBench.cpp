#include "MilBench.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>

#include <cmath>
#include <cstdio>
#include <sys/resource.h>

namespace tessera::bench::mil {

QString dataDir(const QString& name)
{
    return QDir(qEnvironmentVariable("TESSERA_BENCH_DATA", QStringLiteral("/tmp/tessera-bench")))
        .filePath(name);
}

double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return 0;
    for (const QByteArray& line : status.readAll().split('\n'))
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    return 0;
}

void resetPeakMiB()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

CpuTimes cpuTimesNow()
{
    static QElapsedTimer clock;
    if (!clock.isValid())
        clock.start();
    rusage usage{};
    ::getrusage(RUSAGE_SELF, &usage);
    const auto seconds = [](const timeval& t) { return double(t.tv_sec) + double(t.tv_usec) / 1e6; };
    return {double(clock.nsecsElapsed()) / 1e9, seconds(usage.ru_utime), seconds(usage.ru_stime)};
}

QString runPythonReference(const QString& script, const QStringList& arguments)
{
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
                 QStringList{QStringLiteral(TESSERA_BENCH_SOURCE_DIR "/reference/") + script} + arguments);
    python.waitForFinished(-1);
    if (python.exitStatus() != QProcess::NormalExit || python.exitCode() != 0) {
        std::printf("  python reference %s failed: %s\n", qPrintable(script),
                    python.readAllStandardError().right(400).constData());
        return {};
    }
    return QString::fromUtf8(python.readAllStandardOutput()).trimmed();
}

QString runChild(const QStringList& arguments, const QStringList& environment)
{
    QProcess child;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString& entry : environment) {
        const qsizetype eq = entry.indexOf(QLatin1Char('='));
        if (entry.mid(eq + 1) == QLatin1String("-"))
            env.remove(entry.left(eq));
        else
            env.insert(entry.left(eq), entry.mid(eq + 1));
    }
    child.setProcessEnvironment(env);
    child.start(QCoreApplication::applicationFilePath(), arguments);
    child.waitForFinished(-1);
    if (child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
        std::printf("  child %s failed: %s\n", qPrintable(arguments.join(QLatin1Char(' '))),
                    child.readAllStandardError().right(400).constData());
        return {};
    }
    return QString::fromUtf8(child.readAllStandardOutput()).trimmed();
}

std::pair<double, double> meanSd(const std::vector<double>& values)
{
    if (values.empty())
        return {std::nan(""), std::nan("")};
    double mean = 0, ss = 0;
    for (const double x : values)
        mean += x / double(values.size());
    for (const double x : values)
        ss += (x - mean) * (x - mean);
    return {mean, values.size() > 1 ? std::sqrt(ss / double(values.size() - 1)) : 0.0};
}

} // namespace tessera::bench::mil
