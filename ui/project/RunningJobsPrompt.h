// What closing the window does while the project's jobs run: the user keeps them running (they
// are separate processes, found again when the project reopens), stops them, or cancels.
#pragma once

#include <QCoreApplication>

class QWidget;

namespace tessera::core {
class JobQueue;
}

namespace tessera::ui {

class RunningJobsPrompt {
    Q_DECLARE_TR_FUNCTIONS(RunningJobsPrompt)
public:
    // True when the window may close: no job runs, or the user chose Keep Running or Stop Jobs
    // (which stops them). Asks modally only while jobs run.
    static bool allowsClosing(core::JobQueue* jobs, QWidget* window);
};

} // namespace tessera::ui
