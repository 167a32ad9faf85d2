#include "RunningJobsPrompt.h"

#include "project/JobQueue.h"

#include <QMessageBox>
#include <QPushButton>

namespace tessera::ui {

bool RunningJobsPrompt::allowsClosing(core::JobQueue* jobs, QWidget* window)
{
    if (!jobs || jobs->runningCount() == 0)
        return true;
    QMessageBox box(QMessageBox::Question, tr("Jobs Are Running"),
                    tr("%n job(s) of this project are still running.", nullptr, jobs->runningCount()),
                    QMessageBox::NoButton, window);
    box.setInformativeText(
        tr("They run on their own: keep them running and see them again when you reopen the "
           "project, or stop them (training stops after its current epoch and can be resumed)."));
    QPushButton* keep = box.addButton(tr("Keep Running"), QMessageBox::AcceptRole);
    QPushButton* stop = box.addButton(tr("Stop Jobs"), QMessageBox::DestructiveRole);
    box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(keep);
    box.exec();
    if (box.clickedButton() == stop)
        jobs->stopAll();
    return box.clickedButton() == keep || box.clickedButton() == stop;
}

} // namespace tessera::ui
