// `tessera-cli train --nproc N`: starts N copies of the command as ranks 0 … N-1 of one
// data-parallel group on this machine (torchrun's variables, a free loopback port), forwards
// rank 0's output, and stops them all when one fails or the job is cancelled.
#pragma once

#include "CliCommand.h"

#include <QStringList>

namespace tessera::cli {

// `arguments` is the train command line without the program and without --nproc; each worker
// gets it plus --distributed (and --threads split between the workers when it was 0).
int runLocalWorkers(const QStringList& arguments, int processes, int threads, CliContext& io);

} // namespace tessera::cli
