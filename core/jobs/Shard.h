// One of n disjoint parts of a cohort, for running extraction, inference or reports as many
// independent jobs (a SLURM array, a job queue): `--shard i/n`, i = 0 … n-1.
#pragma once

#include <QString>
#include <QStringList>

namespace tessera::core {

class Shard {
public:
    Shard() = default; // the whole cohort: 0/1
    // Parses "i/n" (0 ≤ i < n); throws Error naming the text and the rule.
    static Shard parse(const QString& text);

    int index() const { return m_index; }
    int count() const { return m_count; }
    bool isWhole() const { return m_count == 1; }
    QString toString() const { return QStringLiteral("%1/%2").arg(m_index).arg(m_count); }

    // Whether the slide belongs to this shard. It depends on the slide's ID alone (CLAM's
    // slide_id: the file name without its extension), not on the list it is in or on its
    // folder: every shard agrees even when they list the cohort differently, a rerun does the
    // same slides again (idempotent), and a slide's bag, prediction and report fall in the same
    // shard as the slide.
    bool containsSlideId(const QString& slideId) const;
    // For a slide file or its bag (<slide_id>.h5).
    bool contains(const QString& path) const;
    // The files of `paths` in this shard, in their order.
    QStringList select(const QStringList& paths) const;

private:
    Shard(int index, int count) : m_index(index), m_count(count) {}
    int m_index = 0;
    int m_count = 1;
};

} // namespace tessera::core
