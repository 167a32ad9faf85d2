// Records a training job in the project database as its events come: the run when it starts
// (or resumes), each epoch's metrics, the result when it finishes, the reason when it stops. A
// progress sink to chain in front of any other (the CLI's JSONL, the GUI).
#pragma once

#include "RunRegistry.h"
#include "jobs/ProgressEvent.h"

namespace tessera::core {

class Project;

class RunRecorder {
public:
    // `start` describes the run; its pid and device are filled in from this process and the
    // started event.
    RunRecorder(Project& project, RunStart start);

    void record(const ProgressEvent& event);
    // A sink that records, then passes the event on to `next` (may be empty).
    ProgressSink sink(ProgressSink next);
    qint64 runId() const { return m_run; }

    static EpochRecord epochRecordOf(const ProgressEvent& event);

private:
    Project& m_project;
    RunStart m_start;
    qint64 m_run = 0;
};

} // namespace tessera::core
