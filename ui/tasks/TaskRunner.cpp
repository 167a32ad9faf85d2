#include "TaskRunner.h"

#include <QCoreApplication>

namespace tessera::ui {

void TaskControl::setProgress(double fraction, const QString& text) const
{
    TaskRunner* runner = &TaskRunner::instance();
    QMetaObject::invokeMethod(
        runner, [runner, id = m_id, fraction, text] { runner->progress(id, fraction, text); },
        Qt::QueuedConnection);
}

TaskRunner& TaskRunner::instance()
{
    static TaskRunner* runner = [] {
        auto* r = new TaskRunner;
        // Made on the GUI thread by the first task; goes with the application.
        r->moveToThread(QCoreApplication::instance()->thread());
        r->setParent(QCoreApplication::instance());
        return r;
    }();
    return *runner;
}

quint64 TaskRunner::add(const QObject* owner, const QString& name, std::shared_ptr<std::atomic<bool>> cancel)
{
    const quint64 id = ++m_nextId;
    // The owner's end cancels the task: a worker checks the flag at its next safe point.
    const QMetaObject::Connection ownerGone = connect(owner, &QObject::destroyed, this, [this, id] {
        if (const auto it = m_tasks.find(id); it != m_tasks.end()) {
            it->cancel->store(true);
            m_tasks.erase(it); // its result goes to no one
            Q_EMIT changed();
        }
    });
    m_tasks.insert(id, {{id, name, -1, {}}, owner, std::move(cancel), ownerGone});
    Q_EMIT changed();
    return id;
}

void TaskRunner::remove(quint64 id)
{
    if (const auto it = m_tasks.find(id); it != m_tasks.end()) {
        disconnect(it->ownerGone);
        m_tasks.erase(it);
        Q_EMIT changed();
    }
}

void TaskRunner::progress(quint64 id, double fraction, const QString& text)
{
    const auto it = m_tasks.find(id);
    if (it == m_tasks.end())
        return;
    it->info.progress = fraction;
    it->info.text = text;
    Q_EMIT changed();
}

void TaskRunner::cancel(quint64 id)
{
    if (const auto it = m_tasks.find(id); it != m_tasks.end())
        it->cancel->store(true);
}

void TaskRunner::cancelAll(const QObject* owner)
{
    for (Entry& entry : m_tasks)
        if (entry.owner == owner)
            entry.cancel->store(true);
}

QList<TaskInfo> TaskRunner::running() const
{
    QList<TaskInfo> tasks;
    for (const Entry& entry : m_tasks)
        tasks << entry.info;
    std::sort(tasks.begin(), tasks.end(), [](const TaskInfo& a, const TaskInfo& b) { return a.id < b.id; });
    return tasks;
}

} // namespace tessera::ui
