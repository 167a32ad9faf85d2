// A project's annotations, per slide, and its annotation classes. Every save is one transaction
// (WAL): a crash or SIGKILL keeps each change that was committed and none half-written.
#pragma once

#include "annotations/Annotation.h"

#include <QList>
#include <QUuid>

namespace tessera::core {

class Project;

class AnnotationStore {
public:
    explicit AnnotationStore(Project& project);

    // The project's row for the slide file at `path`, adding the slide when it is not there yet.
    // Throws Error when the file cannot be added (unreadable, a key taken by another file).
    qint64 slideIdFor(const QString& path);

    std::vector<Annotation> load(qint64 slideId) const;
    int count(qint64 slideId) const;
    // Gives new ids to those of `annotations` whose ids belong to another slide of the project:
    // saved as they are, they would move off that slide (an id is the project's, not a slide's).
    // Returns how many were renewed. For imports of files exported from another slide.
    int renewIdsTakenElsewhere(qint64 slideId, std::vector<Annotation>& annotations) const;
    // Writes `upserts` (by UUID) and deletes `removals`, in one transaction.
    void save(qint64 slideId, const std::vector<Annotation>& upserts, const QList<QUuid>& removals);

    std::vector<AnnotationClass> classes() const; // in the project's order
    // Adds the classes that are not there yet (by name); returns the names added.
    QStringList addClasses(const std::vector<AnnotationClass>& classes);
    void saveClass(const AnnotationClass& annotationClass); // adds or updates colour and visibility

private:
    Project& m_project;
};

} // namespace tessera::core
