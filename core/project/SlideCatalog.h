// The slides of a project with their labels and splits: added by file or folder (a slide already
// there is recognised by its fingerprint, also after a move), labels and CLAM splits imported from
// and exported to CSV, and what the rest of the project knows about each slide.
#pragma once

#include "Fingerprint.h"
#include "train/Dataset.h"

#include <QStringList>
#include <optional>
#include <vector>

namespace tessera::core {

class Project;

struct SlideRecord {
    qint64 id = 0;
    QString key;  // CLAM's slide_id: the file's base name, unique in the project
    QString path; // absolute
    Fingerprint fingerprint;
    QString label;          // empty when unlabelled
    QString part;           // in the split asked for: train, val, test, or empty
    bool missing = false;   // the file is not where the project says (moved, deleted, unmounted)
    int featureSets = 0;    // feature sets holding this slide
    int predictions = 0;    // runs that predicted it
    int unlikeTraining = 0; // of those, predictions flagged as unlike their run's training data
};

struct AddReport {
    QStringList added;     // slide keys
    QStringList present;   // already in the project (same fingerprint)
    QStringList relocated; // already in the project, found at a new path: the path was updated
    QStringList failed;    // "path: reason" (unreadable, a key taken by another file)
};

struct ImportReport {
    int applied = 0;
    QStringList unknown; // slide ids the project does not have (not imported)
};

class SlideCatalog {
public:
    static const QStringList kSlideSuffixes;

    explicit SlideCatalog(Project& project);

    // Files, or folders searched recursively for slide files; all in one transaction.
    AddReport add(const QStringList& paths);
    std::vector<SlideRecord> list(const QString& split = QStringLiteral("default")) const;
    std::optional<SlideRecord> find(const QString& key) const;
    int count() const;
    // Sets (or with an empty label, removes) a slide's label; Error for an unknown slide.
    void setLabel(const QString& key, const QString& label);

    // CLAM labels CSV (slide_id,label or case_id,slide_id,label); rows of slides the project does
    // not have are reported, not imported. All or nothing: a malformed file changes nothing.
    ImportReport importLabels(const QString& csvPath);
    void exportLabels(const QString& csvPath) const; // slide_id,label, atomic
    // CLAM split CSV (,train,val,test) under `name`, replacing an earlier split of that name.
    ImportReport importSplit(const QString& csvPath, const QString& name = QStringLiteral("default"));
    void exportSplit(const QString& name, const QString& csvPath) const;
    void setSplit(const QString& name, const Split& split);
    QStringList splitNames() const;

    // What training reads: the labelled slides, and a split by name (Error if absent).
    LabelTable labelTable() const;
    Split split(const QString& name) const;

private:
    Project& m_project;
};

} // namespace tessera::core
