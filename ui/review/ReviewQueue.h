// The proposals a run made and what the pathologist answered, in order: the state of a review
// (the Review dock's), kept apart from the widgets so that it can be driven and tested alone.
#pragma once

#include "review/RunProposals.h"

#include <QImage>
#include <QObject>
#include <QUuid>
#include <vector>

namespace tessera::ui {

struct ReviewItem {
    core::Proposal proposal;
    QString slidePath;
    QImage crop; // the patch with some context around it, outlined
    enum class State { Open, Answered, Rejected, Skipped } state = State::Open;
    QString answer;   // the class given, when answered
    QUuid annotation; // the annotation the answer was saved as (a changed answer replaces it)
};

class ReviewQueue : public QObject {
    Q_OBJECT
public:
    explicit ReviewQueue(QObject* parent = nullptr);

    void reset(QString run, QStringList classes, std::vector<ReviewItem> items);
    const QString& run() const { return m_run; }
    const QStringList& classes() const { return m_classes; }
    const std::vector<ReviewItem>& items() const { return m_items; }
    int current() const { return m_current; } // -1 when there is nothing left to look at
    void setCurrent(int index);

    // The current item answered with a class of the run, rejected (not a region to learn from:
    // out of focus, fold, pen) or skipped (left for later); then the next open one is current.
    void answer(const QString& className);
    void reject();
    void skip();

    void setAnnotation(int index, const QUuid& id) { m_items[std::size_t(index)].annotation = id; }
    int count(ReviewItem::State state) const;
    QString summary() const; // "5 answered (tumour 2, normal 3), 1 rejected, 1 skipped, 13 open"

Q_SIGNALS:
    void changed();        // reset, or an item's state
    void currentChanged(); // another item is current (or none)

private:
    void settle(ReviewItem::State state, const QString& answer);

    QString m_run;
    QStringList m_classes;
    std::vector<ReviewItem> m_items;
    int m_current = -1;
};

} // namespace tessera::ui
