#include "AnnotationStore.h"

#include "Project.h"
#include "SqliteAdvice.h"
#include "annotations/AnnotationFiles.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QSqlDriver>

#include <sqlite3.h>

namespace tessera::core {

namespace {

const char* const kUpsert =
    "INSERT INTO annotations (uuid, slide_id, geometry, shape, class_name, name, color, author, detection, "
    "locked, "
    "created_at, modified_at, origin) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT(uuid) DO UPDATE SET slide_id = excluded.slide_id, geometry = excluded.geometry, "
    "shape = excluded.shape, class_name = excluded.class_name, name = excluded.name, color = excluded.color, "
    "author = excluded.author, detection = excluded.detection, locked = excluded.locked, "
    "modified_at = excluded.modified_at, origin = excluded.origin";

// The rows go through SQLite's C API on the connection Qt opened (inside its transaction): Qt's
// per-row QVariant binding costs twice the insert itself, and a QuPath export of 100 000 cells is
// to be saved in about a second.
void writeRows(ProjectDatabase& db, qint64 slideId, const std::vector<Annotation>& rows)
{
    const QVariant v = db.db().driver()->handle();
    sqlite3* handle = v.isValid() && qstrcmp(v.typeName(), "sqlite3*") == 0
                          ? *static_cast<sqlite3* const*>(v.constData())
                          : nullptr;
    if (!handle)
        throw Error(QStringLiteral("%1: no SQLite connection").arg(db.path()));
    sqlite3_stmt* statement = nullptr;
    const auto fail = [&](const char* what) {
        const QString advice = sqliteAdvice(sqlite3_extended_errcode(handle));
        const QString reason = QString::fromUtf8(sqlite3_errmsg(handle)) +
                               (advice.isEmpty() ? QString() : QStringLiteral(" — ") + advice);
        sqlite3_finalize(statement);
        throw Error(QObject::tr("%1: the annotations could not be saved (%2: %3)")
                        .arg(db.path(), QLatin1String(what), reason));
    };
    // A large import touches the UUID index all over: give SQLite room to keep it in memory.
    if (rows.size() > 10000)
        sqlite3_exec(handle, "PRAGMA cache_size = -131072", nullptr, nullptr, nullptr); // 128 MiB
    if (sqlite3_prepare_v2(handle, kUpsert, -1, &statement, nullptr) != SQLITE_OK)
        fail("prepare");
    const auto text = [&](int column, const QByteArray& value) {
        if (value.isNull())
            sqlite3_bind_null(statement, column);
        else
            sqlite3_bind_text(statement, column, value.constData(), int(value.size()), SQLITE_TRANSIENT);
    };
    const QByteArray now = isoUtc(QDateTime::currentDateTimeUtc());
    for (const Annotation& a : rows) {
        sqlite3_reset(statement);
        text(1, a.id.toByteArray(QUuid::WithoutBraces));
        sqlite3_bind_int64(statement, 2, slideId);
        const QByteArray blob = geometryToBlob(a.geometry);
        sqlite3_bind_blob(statement, 3, blob.constData(), int(blob.size()), SQLITE_TRANSIENT);
        text(4, shapeKindName(a.geometry.kind).toLatin1());
        text(5, a.className.isEmpty() ? QByteArray() : a.className.toUtf8());
        text(6, a.name.isEmpty() ? QByteArray() : a.name.toUtf8());
        text(7, a.color.isValid() ? a.color.name().toLatin1() : QByteArray());
        const QByteArray author = a.author.toUtf8();
        text(8, author.isNull() ? QByteArray("") : author); // NOT NULL: empty, not null
        sqlite3_bind_int(statement, 9, a.detection ? 1 : 0);
        sqlite3_bind_int(statement, 10, a.locked ? 1 : 0);
        text(11, a.created.isValid() ? isoUtc(a.created) : now);
        text(12, a.modified.isValid() ? isoUtc(a.modified) : now);
        text(13, a.origin.isEmpty() ? QByteArray() : a.origin.toJson());
        if (sqlite3_step(statement) != SQLITE_DONE)
            fail("insert");
    }
    sqlite3_finalize(statement);
    if (rows.size() > 10000)
        sqlite3_exec(handle, "PRAGMA cache_size = -2000", nullptr, nullptr, nullptr); // SQLite's default
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
        throw Error(QObject::tr("%1 could not be added to the project").arg(path));
    return record->id;
}

std::vector<Annotation> AnnotationStore::load(qint64 slideId) const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery q = db.prepare(QStringLiteral(
        "SELECT uuid, geometry, shape, class_name, name, color, author, detection, locked, "
        "created_at, modified_at, id, origin FROM annotations WHERE slide_id = ? ORDER BY id"));
    q.addBindValue(slideId);
    db.run(q);
    std::vector<Annotation> out;
    while (q.next()) {
        Annotation a;
        a.id = QUuid::fromString(q.value(0).toString());
        if (a.id.isNull()) // rows written before schema 3 have no UUID
            a.id = QUuid::createUuid();
        const ShapeKind kind = shapeKindFromName(q.value(2).toString()).value_or(ShapeKind::Polygon);
        const QByteArray stored = q.value(1).toByteArray();
        if (auto blob = geometryFromBlob(stored, kind)) {
            a.geometry = std::move(*blob);
        } else { // GeoJSON text
            try {
                a.geometry = geometryFromGeoJson(QJsonDocument::fromJson(stored).object(), kind);
            } catch (const Error& e) {
                throw Error(QObject::tr("%1: annotation %2 cannot be read: %3")
                                .arg(db.path())
                                .arg(q.value(11).toLongLong())
                                .arg(e.message()));
            }
        }
        a.className = q.value(3).toString();
        a.name = q.value(4).toString();
        if (!q.value(5).isNull())
            a.color = QColor::fromString(q.value(5).toString());
        a.author = q.value(6).toString();
        a.detection = q.value(7).toBool();
        a.locked = q.value(8).toBool();
        a.created = parseIsoUtc(q.value(9).toString());
        a.modified = parseIsoUtc(q.value(10).toString());
        if (!q.value(12).isNull())
            a.origin = AnnotationOrigin::fromJson(q.value(12).toByteArray());
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

int AnnotationStore::renewIdsTakenElsewhere(qint64 slideId, std::vector<Annotation>& annotations) const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery q = db.prepare(QStringLiteral("SELECT uuid FROM annotations WHERE slide_id != ?"));
    q.addBindValue(slideId);
    db.run(q);
    QSet<QString> taken;
    while (q.next())
        taken.insert(q.value(0).toString());
    int renewed = 0;
    for (Annotation& a : annotations)
        if (taken.contains(a.id.toString(QUuid::WithoutBraces))) {
            a.id = QUuid::createUuid();
            ++renewed;
        }
    return renewed;
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
    if (!upserts.empty())
        writeRows(db, slideId, upserts);
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
