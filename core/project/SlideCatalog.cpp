#include "SlideCatalog.h"

#include "Project.h"
#include "common/AtomicFile.h"
#include "common/Error.h"
#include "slide/DicomSeries.h"
#include "slide/SlideKey.h"

#include <QDateTime>
#include <QDirIterator>
#include <QFileInfo>
#include <QSet>

#include <map>

namespace tessera::core {

namespace {

QString csvCell(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')))
        return text;
    return QLatin1Char('"') + QString(text).replace(QLatin1Char('"'), QStringLiteral("\"\"")) +
           QLatin1Char('"');
}

QStringList expand(const QStringList& paths)
{
    QStringList files;
    for (const QString& path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            files << path;
            continue;
        }
        QDirIterator it(path, QDir::Files, QDirIterator::Subdirectories);
        QStringList found;
        QSet<QString> dicomFolders; // a DICOM series is one slide, however many instances it has
        while (it.hasNext()) {
            const QString file = it.next();
            const QString suffix = QFileInfo(file).suffix().toLower();
            if (suffix == QLatin1String("dcm")) {
                const QString folder = QFileInfo(file).absolutePath();
                if (!dicomFolders.contains(folder)) {
                    dicomFolders.insert(folder);
                    if (const QString entry = dicomSeriesEntry(folder); !entry.isEmpty())
                        found << entry;
                }
            } else if (SlideCatalog::kSlideSuffixes.contains(suffix)) {
                found << file;
            }
        }
        found.sort();
        files << found;
    }
    return files;
}

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

const QStringList SlideCatalog::kSlideSuffixes{
    QStringLiteral("svs"), QStringLiteral("tif"),     QStringLiteral("tiff"), QStringLiteral("ndpi"),
    QStringLiteral("vms"), QStringLiteral("vmu"),     QStringLiteral("scn"),  QStringLiteral("mrxs"),
    QStringLiteral("bif"), QStringLiteral("svslide"), QStringLiteral("dcm")};

SlideCatalog::SlideCatalog(Project& project) : m_project(project) {}

AddReport SlideCatalog::add(const QStringList& paths)
{
    AddReport report;
    // The files are read first, outside any transaction: the write lock is held only for the
    // few milliseconds the rows take, not while a network share serves a thousand heads.
    std::vector<std::pair<QString, Fingerprint>> files;
    for (const QString& path : expand(paths)) {
        try {
            files.emplace_back(path, Fingerprint::of(path));
        } catch (const Error& error) {
            report.failed << error.message();
        }
    }
    ProjectDatabase& db = m_project.database();
    ProjectDatabase::Transaction transaction(db);
    // What is there already (read inside the transaction: another window may have added some).
    struct Known {
        qint64 id;
        QString path;
    };
    std::map<QString, Known> byKey;
    std::map<std::pair<qint64, QByteArray>, QString> byContent;
    QSqlQuery existing =
        db.prepare(QStringLiteral("SELECT id, slide_key, path, size, head_hash FROM slides"));
    db.run(existing);
    while (existing.next()) {
        byKey[existing.value(1).toString()] = {existing.value(0).toLongLong(), existing.value(2).toString()};
        byContent[{existing.value(3).toLongLong(), existing.value(4).toByteArray()}] =
            existing.value(1).toString();
    }
    QSqlQuery insert = db.prepare(QStringLiteral(
        "INSERT INTO slides (slide_key, path, size, mtime, head_hash, added_at) VALUES (?, ?, ?, ?, ?, ?)"));
    QSqlQuery relocate =
        db.prepare(QStringLiteral("UPDATE slides SET path = ?, mtime = ? WHERE slide_key = ?"));
    for (const auto& [path, f] : files) {
        const QString stored = m_project.toStored(path);
        const auto same = byContent.find({f.size, f.headHash});
        if (same != byContent.end()) {
            const QString key = same->second;
            if (m_project.toAbsolute(byKey[key].path) == m_project.toAbsolute(stored) ||
                QFileInfo::exists(m_project.toAbsolute(byKey[key].path))) {
                report.present << key;
            } else {
                relocate.addBindValue(stored);
                relocate.addBindValue(f.modifiedMs);
                relocate.addBindValue(key);
                db.run(relocate);
                byKey[key].path = stored;
                report.relocated << key;
            }
            continue;
        }
        const QString key = slideKey(path);
        if (byKey.count(key)) {
            report.failed << QStringLiteral(
                                 "%1: another slide with the id '%2' is already in the project (%3)")
                                 .arg(path, key, m_project.toAbsolute(byKey[key].path));
            continue;
        }
        insert.addBindValue(key);
        insert.addBindValue(stored);
        insert.addBindValue(f.size);
        insert.addBindValue(f.modifiedMs);
        insert.addBindValue(f.headHash);
        insert.addBindValue(now());
        db.run(insert);
        byKey[key] = {insert.lastInsertId().toLongLong(), stored};
        byContent[{f.size, f.headHash}] = key;
        report.added << key;
    }
    transaction.commit();
    return report;
}

std::vector<SlideRecord> SlideCatalog::list(const QString& split) const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery query = db.prepare(
        QStringLiteral("SELECT s.id, s.slide_key, s.path, s.size, s.mtime, s.head_hash, l.label, p.part,"
                       " (SELECT count(*) FROM slide_features f WHERE f.slide_id = s.id),"
                       " (SELECT count(*) FROM predictions r WHERE r.slide_id = s.id),"
                       " (SELECT count(*) FROM predictions r WHERE r.slide_id = s.id AND r.ood_flag = 1)"
                       " FROM slides s LEFT JOIN labels l ON l.slide_id = s.id"
                       " LEFT JOIN splits p ON p.slide_id = s.id AND p.split = ?"
                       " ORDER BY s.slide_key"));
    query.addBindValue(split);
    db.run(query);
    std::vector<SlideRecord> slides;
    while (query.next()) {
        SlideRecord r;
        r.id = query.value(0).toLongLong();
        r.key = query.value(1).toString();
        r.path = m_project.toAbsolute(query.value(2).toString());
        r.fingerprint.size = query.value(3).toLongLong();
        r.fingerprint.modifiedMs = query.value(4).toLongLong();
        r.fingerprint.headHash = query.value(5).toByteArray();
        r.label = query.value(6).toString();
        r.part = query.value(7).toString();
        r.featureSets = query.value(8).toInt();
        r.predictions = query.value(9).toInt();
        r.unlikeTraining = query.value(10).toInt();
        r.missing = !QFileInfo(r.path).isFile();
        slides.push_back(std::move(r));
    }
    return slides;
}

std::optional<SlideRecord> SlideCatalog::find(const QString& key) const
{
    for (SlideRecord& r : list())
        if (r.key == key)
            return std::move(r);
    return std::nullopt;
}

int SlideCatalog::count() const
{
    return m_project.database().scalar(QStringLiteral("SELECT count(*) FROM slides")).toInt();
}

void SlideCatalog::setLabel(const QString& key, const QString& label)
{
    ProjectDatabase& db = m_project.database();
    const QVariant id = db.scalar(QStringLiteral("SELECT id FROM slides WHERE slide_key = ?"), {key});
    if (!id.isValid())
        throw Error(QStringLiteral("The project has no slide '%1'").arg(key));
    QSqlQuery query =
        label.trimmed().isEmpty()
            ? db.prepare(QStringLiteral("DELETE FROM labels WHERE slide_id = ?"))
            : db.prepare(QStringLiteral("INSERT INTO labels (slide_id, label) VALUES (?, ?)"
                                        " ON CONFLICT(slide_id) DO UPDATE SET label = excluded.label"));
    query.addBindValue(id);
    if (!label.trimmed().isEmpty())
        query.addBindValue(label.trimmed());
    db.run(query);
}

ImportReport SlideCatalog::importLabels(const QString& csvPath)
{
    const LabelTable table = LabelTable::readCsv(csvPath); // a malformed file throws here, before any change
    ProjectDatabase& db = m_project.database();
    ImportReport report;
    ProjectDatabase::Transaction transaction(db);
    QSqlQuery upsert = db.prepare(
        QStringLiteral("INSERT INTO labels (slide_id, label) SELECT id, ? FROM slides WHERE slide_key = ?"
                       " ON CONFLICT(slide_id) DO UPDATE SET label = excluded.label"));
    for (qsizetype i = 0; i < table.slideIds.size(); ++i) {
        upsert.addBindValue(table.classNames[table.labels[std::size_t(i)]]);
        upsert.addBindValue(table.slideIds[i]);
        db.run(upsert);
        if (upsert.numRowsAffected() > 0)
            ++report.applied;
        else
            report.unknown << table.slideIds[i];
    }
    transaction.commit();
    return report;
}

void SlideCatalog::exportLabels(const QString& csvPath) const
{
    QSqlQuery query = m_project.database().prepare(QStringLiteral(
        "SELECT s.slide_key, l.label FROM labels l JOIN slides s ON s.id = l.slide_id ORDER BY s.slide_key"));
    m_project.database().run(query);
    QString text = QStringLiteral("slide_id,label\n");
    while (query.next())
        text += csvCell(query.value(0).toString()) + QLatin1Char(',') + csvCell(query.value(1).toString()) +
                QLatin1Char('\n');
    writeFileAtomically(csvPath, text.toUtf8());
}

ImportReport SlideCatalog::importSplit(const QString& csvPath, const QString& name)
{
    const Split split = Split::readClamCsv(csvPath);
    ImportReport report;
    const auto keys = [&] {
        QSet<QString> all;
        for (const SlideRecord& r : list())
            all.insert(r.key);
        return all;
    }();
    Split known;
    const auto keep = [&](const QStringList& from, QStringList& into) {
        for (const QString& id : from)
            (keys.contains(id) ? into : report.unknown) << id;
    };
    keep(split.train, known.train);
    keep(split.val, known.val);
    keep(split.test, known.test);
    report.applied = int(known.train.size() + known.val.size() + known.test.size());
    setSplit(name, known);
    return report;
}

void SlideCatalog::setSplit(const QString& name, const Split& split)
{
    ProjectDatabase& db = m_project.database();
    ProjectDatabase::Transaction transaction(db);
    QSqlQuery clear = db.prepare(QStringLiteral("DELETE FROM splits WHERE split = ?"));
    clear.addBindValue(name);
    db.run(clear);
    QSqlQuery insert = db.prepare(QStringLiteral(
        "INSERT INTO splits (split, slide_id, part) SELECT ?, id, ? FROM slides WHERE slide_key = ?"));
    const auto put = [&](const QStringList& ids, const QString& part) {
        for (const QString& id : ids) {
            insert.addBindValue(name);
            insert.addBindValue(part);
            insert.addBindValue(id);
            db.run(insert);
        }
    };
    put(split.train, QStringLiteral("train"));
    put(split.val, QStringLiteral("val"));
    put(split.test, QStringLiteral("test"));
    transaction.commit();
}

QStringList SlideCatalog::splitNames() const
{
    QSqlQuery query =
        m_project.database().prepare(QStringLiteral("SELECT DISTINCT split FROM splits ORDER BY split"));
    m_project.database().run(query);
    QStringList names;
    while (query.next())
        names << query.value(0).toString();
    return names;
}

Split SlideCatalog::split(const QString& name) const
{
    QSqlQuery query = m_project.database().prepare(QStringLiteral(
        "SELECT s.slide_key, p.part FROM splits p JOIN slides s ON s.id = p.slide_id WHERE p.split = ?"
        " ORDER BY s.slide_key"));
    query.addBindValue(name);
    m_project.database().run(query);
    Split split;
    while (query.next()) {
        const QString part = query.value(1).toString();
        (part == QLatin1String("train") ? split.train
         : part == QLatin1String("val") ? split.val
                                        : split.test)
            << query.value(0).toString();
    }
    if (split.train.isEmpty() && split.val.isEmpty() && split.test.isEmpty())
        throw Error(QStringLiteral("The project %1 has no split '%2'").arg(m_project.folder(), name));
    return split;
}

void SlideCatalog::exportSplit(const QString& name, const QString& csvPath) const
{
    const Split s = split(name);
    QString text = QStringLiteral(",train,val,test\n");
    const qsizetype rows = std::max({s.train.size(), s.val.size(), s.test.size()});
    for (qsizetype i = 0; i < rows; ++i)
        text += QStringLiteral("%1,%2,%3,%4\n")
                    .arg(i)
                    .arg(csvCell(s.train.value(i)), csvCell(s.val.value(i)), csvCell(s.test.value(i)));
    writeFileAtomically(csvPath, text.toUtf8());
}

LabelTable SlideCatalog::labelTable() const
{
    QSqlQuery query = m_project.database().prepare(QStringLiteral(
        "SELECT s.slide_key, l.label FROM labels l JOIN slides s ON s.id = l.slide_id ORDER BY s.slide_key"));
    m_project.database().run(query);
    QStringList ids, labels;
    while (query.next()) {
        ids << query.value(0).toString();
        labels << query.value(1).toString();
    }
    return LabelTable::fromLabels(ids, labels, QStringLiteral("The project %1").arg(m_project.folder()));
}

} // namespace tessera::core
