// What the training dialog asks for, checked against the project and turned into the jobs that
// do it: feature extraction first when the features do not exist yet, then the training, as
// tessera-cli command lines for the project's job queue. Every problem is reported against the
// setting it concerns, in words the dialog shows next to that field.
#pragma once

#include "common/Error.h"
#include "system/ComputeDevices.h"
#include "train/Trainer.h"

#include <QStringList>
#include <vector>

namespace tessera::core {

class Project;

struct TrainingRequest {
    TrainConfig config;
    QString runName;
    QString featureSet; // an existing feature set; empty: extract features first
    QString extractor = QStringLiteral("handcrafted"); // when extracting: a name or a TorchScript file
    int patchSize = 256;
    double magnification = 20;
    QString split = QStringLiteral("default"); // a project split; ignored when folds > 0
    int folds = 0;                             // > 0: k-fold cross-validation, one run per fold
    QString parentRun;                         // fine-tune from this run (its name); empty: afresh
    int processes = 1; // > 1: data-parallel worker processes (one per GPU), tessera-cli train --nproc
};

struct PlannedJob {
    QString kind; // extract | train
    QString title;
    QStringList arguments; // tessera-cli's
    QString device;
    QString log;
    bool afterPrevious = false; // starts once the job planned before it has finished
};

class TrainingPlan {
public:
    // `devices`: the machine's (availableComputeDevices(), which can take seconds where GPUs
    // are); probed on first need when not given.
    explicit TrainingPlan(Project& project, std::vector<ComputeDeviceInfo> devices = {});

    // Problems by setting key: the TrainConfig's (epochs, lr, w_gen …) and name, feature_set,
    // extractor, labels, split, folds, init_from, device.
    std::vector<FieldProblem> problems(const TrainingRequest& request) const;
    // The jobs, in order. Call when problems() is empty.
    std::vector<PlannedJob> jobs(const TrainingRequest& request) const;
    // The run folder the request trains into.
    QString runFolder(const TrainingRequest& request) const;
    // The training as shell commands to copy to a cluster: on one node (--nproc), under torchrun
    // and as a SLURM batch script (--distributed), one process per GPU of a node. Assumes the
    // features exist.
    QString clusterCommands(const TrainingRequest& request, int gpusPerNode) const;

private:
    const std::vector<ComputeDeviceInfo>& devices() const;

    Project& m_project;
    mutable std::vector<ComputeDeviceInfo> m_devices;
};

} // namespace tessera::core
