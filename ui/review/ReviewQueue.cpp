#include "ReviewQueue.h"

#include <map>

namespace tessera::ui {

ReviewQueue::ReviewQueue(QObject* parent) : QObject(parent) {}

void ReviewQueue::reset(QString run, QStringList classes, std::vector<ReviewItem> items)
{
    m_run = std::move(run);
    m_classes = std::move(classes);
    m_items = std::move(items);
    m_current = m_items.empty() ? -1 : 0;
    Q_EMIT changed();
    Q_EMIT currentChanged();
}

void ReviewQueue::setCurrent(int index)
{
    if (index < -1 || index >= int(m_items.size()) || index == m_current)
        return;
    m_current = index;
    Q_EMIT currentChanged();
}

void ReviewQueue::answer(const QString& className)
{
    if (m_classes.contains(className))
        settle(ReviewItem::State::Answered, className);
}

void ReviewQueue::reject()
{
    settle(ReviewItem::State::Rejected, {});
}

void ReviewQueue::skip()
{
    settle(ReviewItem::State::Skipped, {});
}

void ReviewQueue::settle(ReviewItem::State state, const QString& answer)
{
    if (m_current < 0)
        return;
    ReviewItem& item = m_items[std::size_t(m_current)];
    item.state = state;
    item.answer = answer;
    Q_EMIT changed();
    // The next open item after this one, then from the start; none when all are settled.
    int next = -1;
    for (int step = 1; step <= int(m_items.size()) && next < 0; ++step) {
        const int i = (m_current + step) % int(m_items.size());
        if (m_items[std::size_t(i)].state == ReviewItem::State::Open)
            next = i;
    }
    m_current = next;
    Q_EMIT currentChanged();
}

int ReviewQueue::count(ReviewItem::State state) const
{
    return int(
        std::count_if(m_items.begin(), m_items.end(), [&](const ReviewItem& i) { return i.state == state; }));
}

QString ReviewQueue::summary() const
{
    std::map<QString, int> perClass;
    for (const ReviewItem& i : m_items)
        if (i.state == ReviewItem::State::Answered)
            ++perClass[i.answer];
    QStringList classes;
    for (const auto& [name, n] : perClass)
        classes << QStringLiteral("%1 %2").arg(name).arg(n);
    QString answered = tr("%n answered", nullptr, count(ReviewItem::State::Answered));
    if (!classes.isEmpty())
        answered += QStringLiteral(" (%1)").arg(classes.join(QStringLiteral(", ")));
    return tr("%1, %2 rejected, %3 skipped, %4 open")
        .arg(answered)
        .arg(count(ReviewItem::State::Rejected))
        .arg(count(ReviewItem::State::Skipped))
        .arg(count(ReviewItem::State::Open));
}

} // namespace tessera::ui
