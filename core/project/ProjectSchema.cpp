#include "ProjectSchema.h"

#include "common/Error.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>

#include <vector>

namespace tessera::core {

namespace {

// Each migration is a list of statements. Never edit a released one: add the next.
const std::vector<QStringList>& migrations()
{
    static const std::vector<QStringList> all{
        // 1: slides, labels, splits, feature sets, runs, epoch metrics, predictions.
        {
            QStringLiteral("CREATE TABLE slides ("
                           " id INTEGER PRIMARY KEY,"
                           " slide_key TEXT NOT NULL UNIQUE," // CLAM's slide_id: the file's base name
                           " path TEXT NOT NULL,"             // relative to the project folder when inside it
                           " size INTEGER NOT NULL,"
                           " mtime INTEGER NOT NULL,"
                           " head_hash TEXT NOT NULL,"
                           " added_at TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX slides_fingerprint ON slides(size, head_hash)"),
            QStringLiteral("CREATE TABLE labels ("
                           " slide_id INTEGER PRIMARY KEY REFERENCES slides(id) ON DELETE CASCADE,"
                           " label TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE splits ("
                           " split TEXT NOT NULL,"
                           " slide_id INTEGER NOT NULL REFERENCES slides(id) ON DELETE CASCADE,"
                           " part TEXT NOT NULL CHECK (part IN ('train', 'val', 'test')),"
                           " PRIMARY KEY (split, slide_id))"),
            QStringLiteral("CREATE TABLE feature_sets ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " extractor TEXT NOT NULL,"
                           " patch_size INTEGER,"
                           " magnification REAL,"
                           " folder TEXT NOT NULL,"
                           " created_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE slide_features ("
                           " feature_set_id INTEGER NOT NULL REFERENCES feature_sets(id) ON DELETE CASCADE,"
                           " slide_id INTEGER NOT NULL REFERENCES slides(id) ON DELETE CASCADE,"
                           " file TEXT NOT NULL,"
                           " patches INTEGER,"
                           " dimension INTEGER,"
                           " PRIMARY KEY (feature_set_id, slide_id))"),
            QStringLiteral("CREATE TABLE runs ("
                           " id INTEGER PRIMARY KEY,"
                           " name TEXT NOT NULL UNIQUE,"
                           " folder TEXT NOT NULL,"
                           " model TEXT NOT NULL,"
                           " config TEXT NOT NULL,"
                           " status TEXT NOT NULL,"
                           " pid INTEGER,"
                           " device TEXT,"
                           " created_at TEXT NOT NULL,"
                           " started_at TEXT,"
                           " finished_at TEXT,"
                           " parent_run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
                           " feature_set_id INTEGER REFERENCES feature_sets(id) ON DELETE SET NULL,"
                           " split TEXT,"
                           " message TEXT)"),
            QStringLiteral("CREATE TABLE epoch_metrics ("
                           " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                           " epoch INTEGER NOT NULL,"
                           " lr REAL, train_loss REAL, val_loss REAL, val_auc REAL, val_accuracy REAL,"
                           " val_balanced_accuracy REAL, val_f1 REAL, seconds REAL,"
                           " terms TEXT," // JSON object: every loss term
                           " PRIMARY KEY (run_id, epoch))"),
            QStringLiteral("CREATE TABLE predictions ("
                           " run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
                           " slide_id INTEGER NOT NULL REFERENCES slides(id) ON DELETE CASCADE,"
                           " file TEXT NOT NULL,"
                           " predicted TEXT,"
                           " probabilities TEXT NOT NULL," // JSON object: class → probability
                           " created_at TEXT NOT NULL,"
                           " PRIMARY KEY (run_id, slide_id))"),
        },
        // 2: run results and the command that made a run; the GUI's job queue; tables for
        // annotations and reports (filled by later features).
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN best_epoch INTEGER"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN val_auc REAL"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN test_auc REAL"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN seconds REAL"),
            QStringLiteral("ALTER TABLE runs ADD COLUMN command TEXT"),
            QStringLiteral("CREATE INDEX runs_status ON runs(status)"),
            QStringLiteral(
                "CREATE TABLE jobs ("
                " id INTEGER PRIMARY KEY,"
                " kind TEXT NOT NULL," // extract | train | infer
                " title TEXT NOT NULL,"
                " arguments TEXT NOT NULL," // JSON array: tessera-cli's arguments
                " device TEXT NOT NULL,"    // cpu or cuda:N: one job per device at a time
                " status TEXT NOT NULL,"    // queued | running | finished | failed | cancelled
                " pid INTEGER,"
                " log TEXT NOT NULL,"                     // JSONL progress events, relative to the project
                " log_offset INTEGER NOT NULL DEFAULT 0," // where this attempt's events start
                " run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
                " after_job INTEGER REFERENCES jobs(id) ON DELETE SET NULL," // starts once that one finished
                " created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT,"
                " message TEXT)"),
            QStringLiteral("CREATE TABLE annotations ("
                           " id INTEGER PRIMARY KEY,"
                           " slide_id INTEGER NOT NULL REFERENCES slides(id) ON DELETE CASCADE,"
                           " geometry TEXT NOT NULL,"
                           " class_name TEXT,"
                           " author TEXT,"
                           " created_at TEXT NOT NULL,"
                           " modified_at TEXT NOT NULL)"),
            QStringLiteral("CREATE TABLE reports ("
                           " id INTEGER PRIMARY KEY,"
                           " slide_id INTEGER REFERENCES slides(id) ON DELETE SET NULL,"
                           " run_id INTEGER REFERENCES runs(id) ON DELETE SET NULL,"
                           " file TEXT NOT NULL,"
                           " findings TEXT,"
                           " created_at TEXT NOT NULL)"),
        },
        // 3: annotations as Tessera keeps them (UUIDs shared with QuPath's GeoJSON ids, the
        // shape drawn, own colour, detections read-only) and the project's annotation classes.
        {
            QStringLiteral("CREATE TABLE annotation_classes ("
                           " name TEXT PRIMARY KEY,"
                           " color TEXT NOT NULL," // #rrggbb
                           " visible INTEGER NOT NULL DEFAULT 1,"
                           " position INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("ALTER TABLE annotations ADD COLUMN uuid TEXT"),
            QStringLiteral("ALTER TABLE annotations ADD COLUMN shape TEXT NOT NULL DEFAULT 'polygon'"),
            QStringLiteral("ALTER TABLE annotations ADD COLUMN name TEXT"),
            QStringLiteral("ALTER TABLE annotations ADD COLUMN color TEXT"),
            QStringLiteral("ALTER TABLE annotations ADD COLUMN detection INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE annotations ADD COLUMN locked INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("CREATE UNIQUE INDEX annotations_uuid ON annotations(uuid)"),
            QStringLiteral("CREATE INDEX annotations_slide ON annotations(slide_id)"),
        },
        // 4: a finished run's whole result.json (validation n per class, AUC interval, loss).
        {
            QStringLiteral("ALTER TABLE runs ADD COLUMN result TEXT"),
        },
        // 5: whether the slide was like the run's training data (trust/OodVerdict: JSON, and
        // the flag 1 / 0, NULL when the run could not judge it).
        {
            QStringLiteral("ALTER TABLE predictions ADD COLUMN ood TEXT"),
            QStringLiteral("ALTER TABLE predictions ADD COLUMN ood_flag INTEGER"),
        },
        // 6: the run that proposed an annotation (annotations/Annotation.h AnnotationOrigin, JSON).
        {
            QStringLiteral("ALTER TABLE annotations ADD COLUMN origin TEXT"),
        },
    };
    return all;
}

void exec(QSqlDatabase& db, const QString& sql, const QString& path)
{
    QSqlQuery query(db);
    if (!query.exec(sql))
        throw Error(
            QStringLiteral("%1: the database refused an update (%2)").arg(path, query.lastError().text()));
}

} // namespace

int ProjectSchema::latestVersion()
{
    return int(migrations().size());
}

int ProjectSchema::versionOf(QSqlDatabase& db)
{
    QSqlQuery query(db);
    if (!query.exec(QStringLiteral("PRAGMA user_version")) || !query.next())
        return -1;
    return query.value(0).toInt();
}

void ProjectSchema::migrate(QSqlDatabase& db, int target, const QString& path)
{
    for (int version = versionOf(db); version < target; ++version) {
        exec(db, QStringLiteral("BEGIN IMMEDIATE"), path);
        try {
            for (const QString& statement : migrations()[std::size_t(version)])
                exec(db, statement, path);
            exec(db, QStringLiteral("PRAGMA application_id = %1").arg(kApplicationId), path);
            exec(db, QStringLiteral("PRAGMA user_version = %1").arg(version + 1), path);
            exec(db, QStringLiteral("COMMIT"), path);
        } catch (const Error&) {
            QSqlQuery(db).exec(QStringLiteral("ROLLBACK"));
            throw;
        }
    }
}

} // namespace tessera::core
