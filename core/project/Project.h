// A project: a folder with project.sqlite and what Tessera makes for it (features/, runs/,
// predictions/, reports/). Paths inside the database are relative to the folder where the file
// lies inside it, so a project can be moved or copied whole. Slides, runs and jobs are kept by
// their own classes over the same database.
#pragma once

#include "AnnotationStore.h"
#include "JobStore.h"
#include "ProjectDatabase.h"
#include "RunRegistry.h"
#include "SlideCatalog.h"

#include <QString>
#include <memory>

namespace tessera::core {

class Project {
public:
    static constexpr const char* kDatabaseFile = RunFolder::kProjectDatabaseFile;

    // Makes `folder` (and an empty database) a project; Error when it already is one.
    static std::unique_ptr<Project> create(const QString& folder);
    // Opens the project in `folder` (or the project.sqlite given directly), upgrading an older
    // schema. Throws Error when there is no project, or it is damaged, foreign or newer.
    static std::unique_ptr<Project> open(const QString& folder);
    static bool exists(const QString& folder);
    ~Project();

    const QString& folder() const { return m_folder; }
    QString name() const; // the folder's name
    ProjectDatabase& database() { return *m_database; }

    // Where the project keeps what it makes.
    QString featuresFolder() const; // features/ (feature set "default"); other sets beside it
    QString runsFolder() const;     // runs/<run>/
    QString jobsFolder() const;     // jobs/<id>.jsonl: logs of jobs that are not runs

    // Paths as stored: relative to the folder when inside it, absolute otherwise; and back.
    QString toStored(const QString& path) const;
    QString toAbsolute(const QString& stored) const;

    SlideCatalog& slides() { return m_slides; }
    RunRegistry& runs() { return m_runs; }
    JobStore& jobs() { return m_jobs; }
    AnnotationStore& annotations() { return m_annotations; }

private:
    Project(const QString& folder, bool create);

    QString m_folder;
    std::unique_ptr<ProjectDatabase> m_database;
    SlideCatalog m_slides;
    RunRegistry m_runs;
    JobStore m_jobs;
    AnnotationStore m_annotations;
};

} // namespace tessera::core
