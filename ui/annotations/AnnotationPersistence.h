// Keeps one document's annotations in the open project: loads the slide's annotations and the
// project's classes when attached, and writes every edit (undo and redo included) in its own
// transaction, in order, off the GUI thread, so a crash loses nothing that was reported saved.
#pragma once

#include <QList>
#include <QObject>
#include <QUuid>
#include <memory>
#include <vector>

namespace tessera::core {
class Project;
struct Annotation;
} // namespace tessera::core

namespace tessera::ui {

class SlideDocument;

class AnnotationPersistence : public QObject {
    Q_OBJECT
public:
    // Throws core::Error when the slide cannot be added to the project or its annotations read.
    AnnotationPersistence(SlideDocument& document, core::Project& project, QObject* parent = nullptr);

    core::Project& project() const { return m_project; }
    qint64 slideId() const { return m_slideId; }
    int savedCount() const { return m_saved; }
    bool isSaving() const { return m_pending > 0; } // edits on their way to the database

Q_SIGNALS:
    void saved(int annotations); // how many the slide has in the project now
    void failed(const QString& message);

private:
    void save(std::shared_ptr<const std::vector<core::Annotation>> upserts, const QList<QUuid>& removed);

    SlideDocument& m_document;
    core::Project& m_project;
    qint64 m_slideId = 0;
    int m_saved = 0;
    int m_pending = 0;
};

} // namespace tessera::ui
