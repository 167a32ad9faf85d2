// `train --w-gen auto`: SR-MIL trained once per candidate reconstruction weight, each in its own
// folder inside the run, and the one with the better validation score kept as the run.
#pragma once

#include "Trainer.h"

namespace tessera::core {

class WGenSearch {
public:
    // `config.wGenAuto` is what asked for the search; every candidate trains with it off and its
    // own w_gen (kWGenCandidates), in `runDir`/w_gen-<w>/.
    WGenSearch(TrainConfig config, const MilDataset& data, QString runDir);
    void setProcessGroup(ProcessGroup* group) { m_group = group; }

    // Trains the candidates in turn (each resumes from its own checkpoint), then copies the
    // winner's config, weights, metrics, evaluation and trust reference into the run folder and
    // writes its result.json last, with every candidate under "candidates". Ties keep the
    // earlier candidate (the paper's 1.8). Progress is one job: the candidates' epochs are
    // numbered on from each other (epoch k·E + e of C·E), one start and one finish.
    TrainResult run(const ProgressSink& progress = {}, const std::atomic<bool>* cancel = nullptr);

    // Where candidate `wGen` of the run in `runDir` trains.
    static QString candidateFolder(const QString& runDir, double wGen);

private:
    void publish(const RunFolder& winner) const;

    TrainConfig m_config;
    const MilDataset& m_data;
    QString m_runDir;
    ProcessGroup* m_group = nullptr;
};

// A Trainer, or a WGenSearch when the config asks for one.
TrainResult trainRun(const TrainConfig& config, const MilDataset& data, const QString& runDir,
                     ProcessGroup* group, const ProgressSink& progress, const std::atomic<bool>* cancel);

} // namespace tessera::core
