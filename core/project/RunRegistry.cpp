#include "RunRegistry.h"

#include "Project.h"
#include "common/Error.h"
#include "jobs/JobLogReader.h"
#include "jobs/ProcessProbe.h"
#include "slide/DicomSeries.h"
#include "slide/SlideKey.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

namespace tessera::core {

namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QDateTime timeOf(const QVariant& v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
}

QVariant number(double v)
{
    return std::isnan(v) ? QVariant() : QVariant(v);
}

double numberOf(const QVariant& v)
{
    return v.isNull() ? std::nan("") : v.toDouble();
}

QString jsonText(const QJsonObject& o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
}

QJsonObject jsonObject(const QVariant& v)
{
    return QJsonDocument::fromJson(v.toString().toUtf8()).object();
}

} // namespace

QString endingReason(const QString& logPath, qint64 offset)
{
    // Only the last attempt counts: a resumed job's log holds the endings of earlier ones.
    QString reason;
    for (const ProgressEvent& e : JobLogReader(logPath, offset).readNew()) {
        if (e.kind == EventKind::Started)
            reason.clear();
        else if (e.kind == EventKind::Failed)
            reason = e.message;
    }
    if (!reason.isEmpty())
        return reason;
    return QCoreApplication::translate(
        "RunRegistry", "the job's process ended without reporting why (killed, out of memory or crashed)");
}

RunRegistry::RunRegistry(Project& project) : m_project(project) {}

QString RunRegistry::nameOf(const QString& folder) const
{
    // runs/srmil-1 → "srmil-1", runs/cv/fold_0 → "cv/fold_0"; a folder elsewhere keeps its path.
    const QString stored = m_project.toStored(folder);
    const QString runs = QStringLiteral("runs/");
    return stored.startsWith(runs) ? stored.mid(runs.size()) : stored;
}

qint64 RunRegistry::recordFeatureSet(const QString& folder, const QString& extractor, int patchSize,
                                     double magnification)
{
    ProjectDatabase& db = m_project.database();
    const QString stored = m_project.toStored(folder);
    QSqlQuery upsert = db.prepare(QStringLiteral(
        "INSERT INTO feature_sets (name, extractor, patch_size, magnification, folder, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET extractor = excluded.extractor,"
        " patch_size = excluded.patch_size, magnification = excluded.magnification"));
    upsert.addBindValue(stored);
    upsert.addBindValue(extractor);
    upsert.addBindValue(patchSize);
    upsert.addBindValue(magnification);
    upsert.addBindValue(stored);
    upsert.addBindValue(now());
    db.run(upsert);
    return db.scalar(QStringLiteral("SELECT id FROM feature_sets WHERE name = ?"), {stored}).toLongLong();
}

qint64 RunRegistry::slideIdFor(const QString& given)
{
    // A DICOM series folder is known by its largest image's file.
    const QString entry = QFileInfo(given).isDir() ? dicomSeriesEntry(given) : QString();
    const QString slidePath = entry.isEmpty() ? given : entry;
    const QString key = slideKey(slidePath);
    ProjectDatabase& db = m_project.database();
    QVariant id = db.scalar(QStringLiteral("SELECT id FROM slides WHERE slide_key = ?"), {key});
    if (!id.isValid() && QFileInfo(slidePath).isFile() &&
        SlideCatalog::kSlideSuffixes.contains(QFileInfo(slidePath).suffix().toLower())) {
        m_project.slides().add({slidePath});
        id = db.scalar(QStringLiteral("SELECT id FROM slides WHERE slide_key = ?"), {key});
    }
    if (!id.isValid())
        throw Error(QStringLiteral("The project %1 has no slide '%2' (and %3 is not a slide file to add)")
                        .arg(m_project.folder(), key, slidePath));
    return id.toLongLong();
}

void RunRegistry::recordSlideFeatures(qint64 featureSet, const QString& slidePath, const QString& file,
                                      int patches, int dimension)
{
    const qint64 slide = slideIdFor(slidePath);
    ProjectDatabase& db = m_project.database();
    QSqlQuery upsert = db.prepare(QStringLiteral("INSERT INTO slide_features (feature_set_id, slide_id, "
                                                 "file, patches, dimension) VALUES (?, ?, ?, ?, ?)"
                                                 " ON CONFLICT(feature_set_id, slide_id) DO UPDATE SET file "
                                                 "= excluded.file, patches = excluded.patches,"
                                                 " dimension = excluded.dimension"));
    upsert.addBindValue(featureSet);
    upsert.addBindValue(slide);
    upsert.addBindValue(m_project.toStored(file));
    upsert.addBindValue(patches);
    upsert.addBindValue(dimension);
    db.run(upsert);
}

std::vector<FeatureSetRecord> RunRegistry::featureSets() const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery query =
        db.prepare(QStringLiteral("SELECT f.id, f.name, f.folder, f.extractor, f.patch_size, f.magnification,"
                                  " (SELECT count(*) FROM slide_features s WHERE s.feature_set_id = f.id) "
                                  "FROM feature_sets f ORDER BY f.name"));
    db.run(query);
    std::vector<FeatureSetRecord> sets;
    while (query.next())
        sets.push_back({query.value(0).toLongLong(), query.value(1).toString(),
                        m_project.toAbsolute(query.value(2).toString()), query.value(3).toString(),
                        query.value(4).toInt(), query.value(5).toDouble(), query.value(6).toInt()});
    return sets;
}

std::optional<FeatureSetRecord> RunRegistry::featureSet(const QString& name) const
{
    for (const FeatureSetRecord& f : featureSets())
        if (f.name == name || f.folder == m_project.toAbsolute(name))
            return f;
    return std::nullopt;
}

qint64 RunRegistry::startRun(const RunStart& start)
{
    ProjectDatabase& db = m_project.database();
    const QString stored = m_project.toStored(start.folder);
    const QVariant parent = start.parentFolder.isEmpty()
                                ? QVariant()
                                : db.scalar(QStringLiteral("SELECT id FROM runs WHERE folder = ?"),
                                            {m_project.toStored(start.parentFolder)});
    const QVariant featureSet = start.featureSet.isEmpty()
                                    ? QVariant()
                                    : db.scalar(QStringLiteral("SELECT id FROM feature_sets WHERE name = ?"),
                                                {m_project.toStored(start.featureSet)});
    ProjectDatabase::Transaction transaction(db);
    QSqlQuery upsert = db.prepare(QStringLiteral(
        "INSERT INTO runs (name, folder, model, config, status, pid, device, created_at, started_at, "
        "parent_run_id,"
        " feature_set_id, split, command) VALUES (?, ?, ?, ?, 'running', ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT(name) DO UPDATE SET status = 'running', pid = excluded.pid, device = excluded.device,"
        " started_at = excluded.started_at, finished_at = NULL, message = NULL, config = excluded.config,"
        " command = excluded.command, split = excluded.split"));
    const QString name = nameOf(start.folder);
    upsert.addBindValue(name);
    upsert.addBindValue(stored);
    upsert.addBindValue(start.model);
    upsert.addBindValue(jsonText(start.config));
    upsert.addBindValue(start.pid);
    upsert.addBindValue(start.device);
    upsert.addBindValue(now());
    upsert.addBindValue(now());
    upsert.addBindValue(parent);
    upsert.addBindValue(featureSet);
    upsert.addBindValue(start.split);
    upsert.addBindValue(QString::fromUtf8(
        QJsonDocument(QJsonArray::fromStringList(start.command)).toJson(QJsonDocument::Compact)));
    db.run(upsert);
    const qint64 id = db.scalar(QStringLiteral("SELECT id FROM runs WHERE name = ?"), {name}).toLongLong();
    transaction.commit();
    return id;
}

void RunRegistry::recordEpoch(qint64 run, const EpochRecord& e)
{
    ProjectDatabase& db = m_project.database();
    QJsonObject terms;
    for (const auto& [name, value] : e.terms)
        terms[name] = value;
    QSqlQuery upsert = db.prepare(QStringLiteral(
        "INSERT OR REPLACE INTO epoch_metrics (run_id, epoch, lr, train_loss, val_loss, val_auc, "
        "val_accuracy,"
        " val_balanced_accuracy, val_f1, seconds, terms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const QVariant& v : {QVariant(run), QVariant(e.epoch), number(e.learningRate), number(e.trainLoss),
                              number(e.validationLoss), number(e.validationAuc), number(e.validationAccuracy),
                              number(e.validationBalancedAccuracy), number(e.validationF1), number(e.seconds),
                              QVariant(jsonText(terms))})
        upsert.addBindValue(v);
    db.run(upsert);
}

void RunRegistry::finishRun(qint64 run, const RunResult& result)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery update = db.prepare(QStringLiteral("UPDATE runs SET status = 'finished', finished_at = ?, "
                                                 "best_epoch = ?, val_auc = ?, test_auc = ?, seconds = ?,"
                                                 " result = ?, message = NULL WHERE id = ?"));
    update.addBindValue(now());
    update.addBindValue(result.bestEpoch);
    update.addBindValue(number(result.validation.macroAuc));
    update.addBindValue(result.test ? number(result.test->macroAuc) : QVariant());
    update.addBindValue(result.seconds);
    update.addBindValue(jsonText(result.toJson()));
    update.addBindValue(run);
    db.run(update);
}

void RunRegistry::stopRun(qint64 run, const QString& message, bool cancelled)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery update =
        db.prepare(QStringLiteral("UPDATE runs SET status = ?, finished_at = ?, message = ? WHERE id = ?"));
    update.addBindValue(cancelled ? RunStatus::kCancelled : RunStatus::kFailed);
    update.addBindValue(now());
    update.addBindValue(message);
    update.addBindValue(run);
    db.run(update);
}

std::vector<RunRecord> RunRegistry::list() const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery query = db.prepare(QStringLiteral(
        "SELECT r.id, r.name, r.folder, r.model, r.config, r.status, r.pid, r.device, r.created_at, "
        "r.started_at,"
        " r.finished_at, p.name, f.name, r.split, r.message, r.best_epoch, r.val_auc, r.test_auc, r.seconds,"
        " r.command, (SELECT count(*) FROM epoch_metrics e WHERE e.run_id = r.id), r.result"
        " FROM runs r LEFT JOIN runs p ON p.id = r.parent_run_id LEFT JOIN feature_sets f ON f.id = "
        "r.feature_set_id"
        " ORDER BY r.created_at, r.id"));
    db.run(query);
    std::vector<RunRecord> runs;
    std::vector<std::pair<qint64, QString>> backfill; // results read from run folders, to keep
    while (query.next()) {
        RunRecord r;
        r.id = query.value(0).toLongLong();
        r.name = query.value(1).toString();
        r.folder = m_project.toAbsolute(query.value(2).toString());
        r.model = query.value(3).toString();
        r.config = jsonObject(query.value(4));
        r.status = query.value(5).toString();
        r.pid = query.value(6).toLongLong();
        r.device = query.value(7).toString();
        r.created = timeOf(query.value(8));
        r.started = timeOf(query.value(9));
        r.finished = timeOf(query.value(10));
        r.parentName = query.value(11).toString();
        r.featureSet = query.value(12).toString();
        r.split = query.value(13).toString();
        r.message = query.value(14).toString();
        r.bestEpoch = query.value(15).toInt();
        r.validationAuc = numberOf(query.value(16));
        r.testAuc = numberOf(query.value(17));
        r.seconds = query.value(18).toDouble();
        for (const QJsonValue v : QJsonDocument::fromJson(query.value(19).toString().toUtf8()).array())
            r.command << v.toString();
        r.epochsDone = query.value(20).toInt();
        if (const QJsonObject result = jsonObject(query.value(21)); !result.isEmpty()) {
            r.result = RunResult::fromJson(result);
        } else if (r.status == RunStatus::kFinished) {
            // Finished before the database kept results (schema 4): read its result.json once
            // and keep it, so later listings need no file.
            try {
                r.result = RunFolder(r.folder).readResult();
            } catch (const Error&) {
                // unreadable: shown without, as before
            }
            if (r.result)
                backfill.emplace_back(r.id, jsonText(r.result->toJson()));
        }
        runs.push_back(std::move(r));
    }
    for (const auto& [id, result] : backfill) {
        QSqlQuery update =
            db.prepare(QStringLiteral("UPDATE runs SET result = ? WHERE id = ? AND result IS NULL"));
        update.addBindValue(result);
        update.addBindValue(id);
        db.run(update);
    }
    return runs;
}

std::optional<RunRecord> RunRegistry::find(const QString& nameOrFolder) const
{
    const QString folder = QFileInfo(nameOrFolder).absoluteFilePath();
    for (RunRecord& r : list())
        if (r.name == nameOrFolder || r.folder == folder)
            return std::move(r);
    return std::nullopt;
}

std::vector<EpochRecord> RunRegistry::epochs(qint64 run) const
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery query = db.prepare(QStringLiteral("SELECT epoch, lr, train_loss, val_loss, val_auc, "
                                                "val_accuracy, val_balanced_accuracy, val_f1, seconds, terms"
                                                " FROM epoch_metrics WHERE run_id = ? ORDER BY epoch"));
    query.addBindValue(run);
    db.run(query);
    std::vector<EpochRecord> rows;
    while (query.next()) {
        EpochRecord e;
        e.epoch = query.value(0).toInt();
        e.learningRate = numberOf(query.value(1));
        e.trainLoss = numberOf(query.value(2));
        e.validationLoss = numberOf(query.value(3));
        e.validationAuc = numberOf(query.value(4));
        e.validationAccuracy = numberOf(query.value(5));
        e.validationBalancedAccuracy = numberOf(query.value(6));
        e.validationF1 = numberOf(query.value(7));
        e.seconds = numberOf(query.value(8));
        const QJsonObject terms = jsonObject(query.value(9));
        for (auto it = terms.begin(); it != terms.end(); ++it)
            e.terms[it.key()] = it.value().toDouble();
        rows.push_back(std::move(e));
    }
    return rows;
}

void RunRegistry::remove(qint64 run)
{
    ProjectDatabase& db = m_project.database();
    QSqlQuery remove = db.prepare(QStringLiteral("DELETE FROM runs WHERE id = ?"));
    remove.addBindValue(run);
    db.run(remove);
}

namespace {

// An ensemble's result: its members' test and validation AUCs averaged (as cross-validation
// reports them), their training time summed, and their trust summaries merged (each member
// judges against its own training slides; the median member's verdict counts).
RunResult ensembleResult(const QStringList& members)
{
    RunResult merged;
    double validation = 0, test = 0, logTemperature = 0, eceBefore = 0, eceAfter = 0;
    int tested = 0, trusted = 0;
    for (const QString& member : members) {
        const RunResult r = *RunFolder(member).readResult();
        validation += r.validation.macroAuc;
        merged.validation.classes = r.validation.classes;
        merged.validation.samples += r.validation.samples;
        if (r.test) {
            test += r.test->macroAuc;
            ++tested;
            if (!merged.test)
                merged.test = ClassificationMetrics{};
            merged.test->classes = r.test->classes;
            merged.test->samples += r.test->samples;
        }
        merged.seconds += r.seconds;
        merged.epochsRun += r.epochsRun;
        if (!r.trust.isEmpty()) {
            ++trusted;
            logTemperature += std::log(r.trust[QStringLiteral("temperature")].toDouble(1));
            eceBefore += r.trust[QStringLiteral("ece_before")].toDouble(std::nan(""));
            eceAfter += r.trust[QStringLiteral("ece_after")].toDouble(std::nan(""));
        }
    }
    const double k = double(members.size());
    merged.validation.macroAuc = validation / k;
    if (merged.test)
        merged.test->macroAuc = tested == members.size() ? test / tested : std::nan("");
    if (trusted == members.size()) {
        const auto tr = [](const char* text) { return QCoreApplication::translate("RunRegistry", text); };
        merged.trust = QJsonObject{
            {QStringLiteral("members"), members.size()},
            {QStringLiteral("reference"),
             tr("each of %1 folds against its own training and validation slides").arg(members.size())},
            {QStringLiteral("threshold_rule"), tr("the median fold's verdict: flagged when at least half the "
                                                  "folds flag the slide")},
            {QStringLiteral("temperature"), std::exp(logTemperature / k)},
            {QStringLiteral("temperature_note"), tr("each fold's own temperature; the ensemble averages the "
                                                    "calibrated probabilities")}};
        if (std::isfinite(eceBefore) && std::isfinite(eceAfter)) {
            merged.trust[QStringLiteral("ece_before")] = eceBefore / k;
            merged.trust[QStringLiteral("ece_after")] = eceAfter / k;
        }
    }
    return merged;
}

} // namespace

qint64 RunRegistry::recordEnsemble(const QString& folder)
{
    const QStringList members = RunFolder::ensembleMembers(folder);
    if (members.size() < 2)
        throw Error(QCoreApplication::translate("RunRegistry",
                                                "%1 holds %2 finished fold(s): an ensemble needs at least 2")
                        .arg(folder)
                        .arg(members.size()));
    const RunResult result = ensembleResult(members); // before the row: a damaged fold adds none
    QJsonObject config = RunFolder(members.front()).readConfig();
    QJsonArray names;
    for (const QString& member : members)
        names.append(RunFolder(member).name());
    config[QStringLiteral("ensemble")] = names;
    RunStart start;
    start.folder = QFileInfo(folder).absoluteFilePath();
    start.model = config[QStringLiteral("model")].toString();
    start.config = config;
    start.split = QCoreApplication::translate("RunRegistry", "ensemble of %1 folds").arg(members.size());
    const qint64 id = startRun(start);
    finishRun(id, result);
    return id;
}

qint64 RunRegistry::ensureRegistered(const QString& folder)
{
    if (const auto known = find(QFileInfo(folder).absoluteFilePath()))
        return known->id;
    if (RunFolder::ensembleMembers(folder).size() >= 2)
        return recordEnsemble(folder);
    const RunFolder run(folder);
    const QJsonObject config = run.readConfig();
    RunStart start;
    start.folder = QFileInfo(folder).absoluteFilePath();
    start.model = config[QStringLiteral("model")].toString();
    start.config = config;
    start.parentFolder = config[QStringLiteral("init_from")].toString();
    const qint64 id = startRun(start);
    for (const EpochRecord& e : run.readMetrics())
        recordEpoch(id, e);
    if (const auto result = run.readResult())
        finishRun(id, *result);
    else
        stopRun(id,
                QCoreApplication::translate("RunRegistry", "registered from its folder before it finished"),
                false);
    return id;
}

int RunRegistry::reconcile()
{
    int marked = 0;
    for (const RunRecord& r : list()) {
        if (r.status != RunStatus::kRunning || isProcessRunning(r.pid, QStringLiteral("tessera-cli")))
            continue;
        stopRun(r.id, endingReason(RunFolder(r.folder).logPath()), false);
        ++marked;
    }
    return marked;
}

void RunRegistry::recordPrediction(qint64 run, const QString& slidePath, const QString& file,
                                   const Prediction& prediction)
{
    const QStringList& classes = prediction.classNames;
    const std::vector<float>& probabilities = prediction.probabilities;
    const qint64 slide = slideIdFor(slidePath);
    QJsonObject p;
    qsizetype best = 0;
    for (qsizetype c = 0; c < classes.size() && std::size_t(c) < probabilities.size(); ++c) {
        p[classes[c]] = double(probabilities[std::size_t(c)]);
        if (probabilities[std::size_t(c)] > probabilities[std::size_t(best)])
            best = c;
    }
    ProjectDatabase& db = m_project.database();
    QSqlQuery upsert = db.prepare(QStringLiteral("INSERT OR REPLACE INTO predictions (run_id, slide_id, "
                                                 "file, predicted, probabilities, created_at, ood,"
                                                 " ood_flag) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    upsert.addBindValue(run);
    upsert.addBindValue(slide);
    upsert.addBindValue(m_project.toStored(file));
    upsert.addBindValue(classes.value(best));
    upsert.addBindValue(jsonText(p));
    upsert.addBindValue(now());
    const OodVerdict& ood = prediction.ood;
    upsert.addBindValue(ood.isJudged() ? jsonText(ood.toJson()) : QVariant(QMetaType(QMetaType::QString)));
    upsert.addBindValue(ood.isJudged() ? QVariant(ood.flagged ? 1 : 0) : QVariant(QMetaType(QMetaType::Int)));
    db.run(upsert);
}

std::vector<PredictionRecord> RunRegistry::predictionsFor(const QString& slidePathOrKey) const
{
    const QFileInfo file(slidePathOrKey);
    const QString key = SlideCatalog::kSlideSuffixes.contains(file.suffix().toLower())
                            ? slideKey(slidePathOrKey)
                            : slidePathOrKey;
    ProjectDatabase& db = m_project.database();
    QSqlQuery query = db.prepare(
        QStringLiteral("SELECT p.run_id, r.name, r.model, p.file, p.predicted, p.created_at, r.val_auc, p.ood"
                       " FROM predictions p JOIN runs r ON r.id = p.run_id JOIN slides s ON s.id = p.slide_id"
                       " WHERE s.slide_key = ? ORDER BY p.created_at DESC, p.rowid DESC"));
    query.addBindValue(key);
    db.run(query);
    std::vector<PredictionRecord> records;
    while (query.next()) {
        PredictionRecord r;
        r.run = query.value(0).toLongLong();
        r.runName = query.value(1).toString();
        r.model = query.value(2).toString();
        r.file = m_project.toAbsolute(query.value(3).toString());
        r.predicted = query.value(4).toString();
        r.created = timeOf(query.value(5));
        r.validationAuc = numberOf(query.value(6));
        if (const QString ood = query.value(7).toString(); !ood.isEmpty())
            r.ood = OodVerdict::fromJson(QJsonDocument::fromJson(ood.toUtf8()).object());
        records.push_back(r);
    }
    return records;
}

} // namespace tessera::core
