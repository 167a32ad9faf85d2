// bench_mil's parts (see bench_mil.cpp for the command line) and what they share.
#pragma once

#include <QString>
#include <QStringList>

#include <vector>

namespace tessera::bench::mil {

// $TESSERA_BENCH_DATA/<name> (default /tmp/tessera-bench): generated data, kept between runs.
QString dataDir(const QString& name);

// Peak resident set size of this process so far (Linux VmHWM), in MiB; resetPeakMiB() restarts
// it at the current resident size.
double peakMiB();
void resetPeakMiB();

// Wall, user and system seconds of this process so far (getrusage: all its threads).
struct CpuTimes {
    double wall = 0, user = 0, system = 0;
    CpuTimes operator-(const CpuTimes& o) const { return {wall - o.wall, user - o.user, system - o.system}; }
};
CpuTimes cpuTimesNow();

// Runs bench/reference/<script> with Debian's /usr/bin/python3; its standard output, or empty
// (with the reason printed) when it failed.
QString runPythonReference(const QString& script, const QStringList& arguments);

// Runs this benchmark again as a child with `arguments` (and `environment` on top of the
// current one; a value of "-" removes the variable); its standard output, or empty when it failed.
QString runChild(const QStringList& arguments, const QStringList& environment = {});

// Mean and sample standard deviation.
std::pair<double, double> meanSd(const std::vector<double>& values);

void speed(int threads);
void stepAgainstReference(int patches, int dim, int threads);
void stepChild(int patches, int dim, int threads, bool fused, int repeats);
void memory(int patches, int dim, int threads);
void cpuTime(int threads);
void cpuTimeChild(const QString& model, int threads);

struct QualitySpec {
    int bags = 200;
    int minPatches = 60, maxPatches = 160;
    int dim = 32;
    int seeds = 5;
    int firstSeed = 1;    // seeds firstSeed … firstSeed + seeds - 1 (to add seeds to an earlier sweep)
    int epochs = 0;       // 0: each model's default (TrainConfig::defaultsFor)
    double mimics = 0.05; // 0: the plain task (the tumour fraction alone tells the classes apart)
    std::vector<double> signals{0.15, 0.3, 0.6};
    QStringList models{QStringLiteral("srmil"), QStringLiteral("abmil"), QStringLiteral("transmil")};
    // SR-MIL's w_gen: empty = `--w-gen auto` (the product's search: every candidate trained, the
    // best on validation kept, each candidate also scored on test as a diagnostic); else fixed.
    std::vector<double> wGen;
    double maskRate = 0; // SR-MIL's training mask rate; 0 = the published default
    // One JSON line per trained (signal, seed, model), appended as each ends; a cell already in
    // the file is read back instead of trained again, and the summary covers every seed the file
    // holds for the task: a sweep is run in pieces and summed up at the end.
    QString results;
    bool summaryOnly = false; // --summary-only: train nothing, summarize what the file holds
};
void quality(int threads, const QualitySpec& spec);
void distributed(int repeats);
void consistencyMaskRate(int threads, const QualitySpec& spec);

} // namespace tessera::bench::mil
