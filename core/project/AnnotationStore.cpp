#include "AnnotationStore.h"

#include "Project.h"
#include "annotations/AnnotationFiles.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace tessera::core {

namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("tessera::core::AnnotationStore", text);
}

QString timestamp(const QDateTime& t)
{
    return (t.isValid() ? t : QDateTime::currentDateTimeUtc()).toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

AnnotationStore::AnnotationStore(Project& project) : m_project(project) {}

qint64 AnnotationStore::slideIdFor(const QString& path)
{
    const AddReport report = m_project.slides().add({path});
    if (!report.failed.isEmpty())
        throw Error(report.failed.front());
    QString key;
    for (const QStringList* keys : {&report.added, &report.present, &report.relocated})
        if (!keys->isEmpty())
            key = keys->front();
    const auto record = m_project.slides().find(key);
    if (!record)
        throw Error(tr("%1 could not be added to the project").arg(path));
    return record->id;
}

std::vector<Annotation> AnnotationStore::load(qint64 slideId) const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery q = db.prepare(
        QStringLiteral("SELECT uuid, geometry, shape, class_name, name, color, author, detection, locked, "
                       "created_at, modified_at, id FROM annotations WHERE slide_id = ? ORDER BY id"));
    q.addBindValue(slideId);
    db.run(q);
    std::vector<Annotation> out;
    while (q.next()) {
        Annotation a;
        a.id = QUuid::fromString(q.value(0).toString());
        if (a.id.isNull()) // rows written before schema 3 have no UUID
            a.id = QUuid::createUuid();
        const QJsonObject geometry = QJsonDocument::fromJson(q.value(1).toByteArray()).object();
        try {
            a.geometry = geometryFromGeoJson(
                geometry, shapeKindFromName(q.value(2).toString()).value_or(ShapeKind::Polygon));
        } catch (const Error& e) {
            throw Error(tr("%1: annotation %2 cannot be read: %3")
                            .arg(db.path())
                            .arg(q.value(11).toLongLong())
                            .arg(e.message()));
        }
        a.className = q.value(3).toString();
        a.name = q.value(4).toString();
        if (!q.value(5).isNull())
            a.color = QColor::fromString(q.value(5).toString());
        a.author = q.value(6).toString();
        a.detection = q.value(7).toBool();
        a.locked = q.value(8).toBool();
        a.created = QDateTime::fromString(q.value(9).toString(), Qt::ISODateWithMs);
        a.modified = QDateTime::fromString(q.value(10).toString(), Qt::ISODateWithMs);
        out.push_back(std::move(a));
    }
    return out;
}

int AnnotationStore::count(qint64 slideId) const
{
    return m_project.database()
        .scalar(QStringLiteral("SELECT COUNT(*) FROM annotations WHERE slide_id = ?"), {slideId})
        .toInt();
}

void AnnotationStore::save(qint64 slideId, const std::vector<Annotation>& upserts,
                           const QList<QUuid>& removals)
{
    ProjectDatabase& db = m_project.database();
    ProjectDatabase::Transaction transaction(db);
    if (!removals.isEmpty()) {
        QSqlQuery remove = db.prepare(QStringLiteral("DELETE FROM annotations WHERE uuid = ?"));
        for (const QUuid& id : removals) {
            remove.bindValue(0, id.toString(QUuid::WithoutBraces));
            db.run(remove);
        }
    }
    if (!upserts.empty()) {
        QSqlQuery upsert = db.prepare(QStringLiteral(
            "INSERT INTO annotations (uuid, slide_id, geometry, shape, class_name, name, color, author, "
            "detection, locked, created_at, modified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(uuid) DO UPDATE SET slide_id = excluded.slide_id, geometry = excluded.geometry, "
            "shape = excluded.shape, class_name = excluded.class_name, name = excluded.name, "
            "color = excluded.color, author = excluded.author, detection = excluded.detection, "
            "locked = excluded.locked, modified_at = excluded.modified_at"));
        for (const Annotation& a : upserts) {
            upsert.bindValue(0, a.id.toString(QUuid::WithoutBraces));
            upsert.bindValue(1, slideId);
            upsert.bindValue(2, QString::fromUtf8(geometryToGeoJson(a.geometry)));
            upsert.bindValue(3, shapeKindName(a.geometry.kind));
            upsert.bindValue(4, a.className.isEmpty() ? QVariant() : QVariant(a.className));
            upsert.bindValue(5, a.name.isEmpty() ? QVariant() : QVariant(a.name));
            upsert.bindValue(6, a.color.isValid() ? QVariant(a.color.name()) : QVariant());
            upsert.bindValue(7, a.author);
            upsert.bindValue(8, a.detection ? 1 : 0);
            upsert.bindValue(9, a.locked ? 1 : 0);
            upsert.bindValue(10, timestamp(a.created));
            upsert.bindValue(11, timestamp(a.modified));
            db.run(upsert);
        }
    }
    transaction.commit();
}

std::vector<AnnotationClass> AnnotationStore::classes() const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery q = db.prepare(
        QStringLiteral("SELECT name, color, visible FROM annotation_classes ORDER BY position, name"));
    db.run(q);
    std::vector<AnnotationClass> out;
    while (q.next())
        out.push_back(
            {q.value(0).toString(), QColor::fromString(q.value(1).toString()), q.value(2).toBool()});
    return out;
}

QStringList AnnotationStore::addClasses(const std::vector<AnnotationClass>& classes)
{
    ProjectDatabase& db = m_project.database();
    ProjectDatabase::Transaction transaction(db);
    std::vector<AnnotationClass> known = this->classes();
    QStringList added;
    QSqlQuery insert = db.prepare(QStringLiteral(
        "INSERT INTO annotation_classes (name, color, visible, position) VALUES (?, ?, ?, ?)"));
    for (AnnotationClass c : classes) {
        if (c.name.isEmpty() || findClass(known, c.name))
            continue;
        if (!c.color.isValid())
            c.color = suggestClassColor(known);
        insert.bindValue(0, c.name);
        insert.bindValue(1, c.color.name());
        insert.bindValue(2, c.visible ? 1 : 0);
        insert.bindValue(3, int(known.size()));
        db.run(insert);
        known.push_back(c);
        added << c.name;
    }
    transaction.commit();
    return added;
}

void AnnotationStore::saveClass(const AnnotationClass& c)
{
    ProjectDatabase& db = m_project.database();
    ProjectDatabase::Transaction transaction(db);
    const int position = db.scalar(QStringLiteral("SELECT COUNT(*) FROM annotation_classes")).toInt();
    QSqlQuery q = db.prepare(
        QStringLiteral("INSERT INTO annotation_classes (name, color, visible, position) VALUES (?, ?, ?, ?) "
                       "ON CONFLICT(name) DO UPDATE SET color = excluded.color, visible = excluded.visible"));
    q.addBindValue(c.name);
    q.addBindValue(c.color.isValid() ? c.color.name() : QStringLiteral("#c80000"));
    q.addBindValue(c.visible ? 1 : 0);
    q.addBindValue(position);
    db.run(q);
    transaction.commit();
}

} // namespace tessera::core
