// The one way the GUI runs work off its thread. A task has a name, a progress and a cancel flag;
// it belongs to an owner QObject: when the owner goes (a tab closed, a dialog shut), its tasks
// are cancelled and their results dropped, never delivered to a dead object. The result comes
// back on the owner's (GUI) thread, with any core::Error or other exception turned into words.
// TaskRunner::instance() lists what runs, for the status bar and for tests.
#pragma once

#include "common/Error.h"

#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QThreadPool>
#include <QtConcurrent>
#include <atomic>
#include <memory>
#include <optional>
#include <type_traits>
#include <variant>

namespace tessera::ui {

// What a running task sees: whether to stop, and where to say how far it got.
class TaskControl {
public:
    TaskControl(quint64 id, std::shared_ptr<std::atomic<bool>> cancel) : m_id(id), m_cancel(std::move(cancel))
    {
    }
    bool isCancelled() const { return m_cancel->load(); }
    // For core functions that take a cancel flag; valid while the task runs.
    const std::atomic<bool>* cancelFlag() const { return m_cancel.get(); }
    // From any thread; shown by the status bar. fraction in [0, 1], or < 0 when unknown.
    void setProgress(double fraction, const QString& text = {}) const;

private:
    quint64 m_id;
    std::shared_ptr<std::atomic<bool>> m_cancel;
};

// What a task hands back: its value, or why there is none.
template <typename T> struct TaskResult {
    std::optional<T> value;
    QString error;          // the exception's message when the work threw
    bool cancelled = false; // cancelled before it finished (value may still be set)
    bool ok() const { return value.has_value() && error.isEmpty(); }
};

struct TaskInfo {
    quint64 id = 0;
    QString name;
    double progress = -1;
    QString text;
};

class TaskRunner : public QObject {
    Q_OBJECT
public:
    static TaskRunner& instance(); // lives on the GUI thread

    // Runs `work(TaskControl&)` on `pool` (default: the runner's own, so that a task that waits
    // never takes the global pool Qt's parallel image code needs) and calls `done(TaskResult)`
    // on the owner's thread, unless the owner is gone by then. Returns the task's id.
    template <typename Work, typename Done>
    quint64 run(QObject* owner, const QString& name, Work work, Done done, QThreadPool* pool = nullptr);

    void cancel(quint64 id);
    void cancelAll(const QObject* owner);
    bool isRunning(quint64 id) const { return m_tasks.contains(id); }
    QList<TaskInfo> running() const;
    // Blocks until every task on the runner's own pool has ended, cancelled ones included (tests
    // and leak checks that need the application at rest; never on a path a user waits on).
    bool waitForDone(int milliseconds = -1) { return m_pool.waitForDone(milliseconds); }
    int count() const { return int(m_tasks.size()); }

Q_SIGNALS:
    void changed(); // a task started, progressed or ended

private:
    struct Entry {
        TaskInfo info;
        const QObject* owner;
        std::shared_ptr<std::atomic<bool>> cancel;
        QMetaObject::Connection ownerGone;
    };
    friend class TaskControl;
    quint64 add(const QObject* owner, const QString& name, std::shared_ptr<std::atomic<bool>> cancel);
    void remove(quint64 id);
    void progress(quint64 id, double fraction, const QString& text);

    QHash<quint64, Entry> m_tasks;
    quint64 m_nextId = 0;
    QThreadPool m_pool;
};

template <typename Work, typename Done>
quint64 TaskRunner::run(QObject* owner, const QString& name, Work work, Done done, QThreadPool* pool)
{
    using Returned = std::invoke_result_t<Work, TaskControl&>;
    using Value = std::conditional_t<std::is_void_v<Returned>, std::monostate, Returned>;
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    const quint64 id = add(owner, name, cancel);
    auto* watcher = new QFutureWatcher<TaskResult<Value>>(owner);
    connect(watcher, &QFutureWatcher<TaskResult<Value>>::finished, owner,
            [this, id, watcher, cancel, done = std::move(done)]() mutable {
                watcher->deleteLater();
                remove(id);
                // Taken, not copied: a result can be 100 000 annotations.
                TaskResult<Value> result = watcher->future().takeResult();
                result.cancelled = result.cancelled || cancel->load();
                done(std::move(result));
            });
    TaskControl control(id, cancel);
    watcher->setFuture(QtConcurrent::run(pool ? pool : &m_pool,
                                         [work = std::move(work), control]() mutable -> TaskResult<Value> {
                                             TaskResult<Value> result;
                                             if (control.isCancelled()) {
                                                 result.cancelled = true; // before it started
                                                 return result;
                                             }
                                             try {
                                                 if constexpr (std::is_void_v<Returned>) {
                                                     work(control);
                                                     result.value = std::monostate{};
                                                 } else {
                                                     result.value = work(control);
                                                 }
                                             } catch (const core::Error& error) {
                                                 result.error = error.message();
                                             } catch (const std::exception& error) {
                                                 result.error = QString::fromUtf8(error.what());
                                             }
                                             return result;
                                         }));
    return id;
}

} // namespace tessera::ui
