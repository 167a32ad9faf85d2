#include "Project.h"

#include "common/Error.h"

#include <QDir>
#include <QFileInfo>

namespace tessera::core {

namespace {
QString folderOf(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile() && info.fileName() == QLatin1String(Project::kDatabaseFile))
        return info.absolutePath();
    return info.absoluteFilePath();
}
} // namespace

Project::Project(const QString& folder, bool create)
    : m_folder(QDir::cleanPath(folderOf(folder))),
      m_database(
          std::make_unique<ProjectDatabase>(QDir(m_folder).filePath(QLatin1String(kDatabaseFile)), create)),
      m_slides(*this),
      m_runs(*this),
      m_jobs(*this),
      m_annotations(*this)
{
}

std::unique_ptr<Project> Project::create(const QString& folder)
{
    if (exists(folder))
        throw Error(QStringLiteral("%1 is already a Tessera project: open it instead").arg(folder));
    if (!QDir().mkpath(folder))
        throw Error(
            QStringLiteral("Cannot create the project folder %1 (check the parent folder is writable)")
                .arg(folder));
    return std::unique_ptr<Project>(new Project(folder, true));
}

std::unique_ptr<Project> Project::open(const QString& folder)
{
    const QString database = QDir(folderOf(folder)).filePath(QLatin1String(kDatabaseFile));
    if (!QFileInfo::exists(database))
        throw Error(QStringLiteral("%1 is not a Tessera project (there is no %2)").arg(folder, database));
    return std::unique_ptr<Project>(new Project(folder, false));
}

bool Project::exists(const QString& folder)
{
    return QFileInfo(QDir(folderOf(folder)).filePath(QLatin1String(kDatabaseFile))).size() > 0;
}

Project::~Project() = default;

QString Project::name() const
{
    return QFileInfo(m_folder).fileName();
}

QString Project::featuresFolder() const
{
    return QDir(m_folder).filePath(QStringLiteral("features"));
}

QString Project::runsFolder() const
{
    return QDir(m_folder).filePath(QStringLiteral("runs"));
}

QString Project::jobsFolder() const
{
    return QDir(m_folder).filePath(QStringLiteral("jobs"));
}

QString Project::toStored(const QString& path) const
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QString relative = QDir(m_folder).relativeFilePath(absolute);
    return relative.startsWith(QLatin1String("..")) ? absolute : relative;
}

QString Project::toAbsolute(const QString& stored) const
{
    return QDir::cleanPath(QDir(m_folder).absoluteFilePath(stored));
}

} // namespace tessera::core
