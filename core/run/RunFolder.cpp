#include "RunFolder.h"

#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>

namespace tessera::core {

namespace {

// metrics.csv: fixed columns first, then one "term_<name>" column per loss term.
const QStringList kFixedColumns{QStringLiteral("epoch"),
                                QStringLiteral("lr"),
                                QStringLiteral("train_loss"),
                                QStringLiteral("val_loss"),
                                QStringLiteral("val_auc"),
                                QStringLiteral("val_accuracy"),
                                QStringLiteral("val_balanced_accuracy"),
                                QStringLiteral("val_f1"),
                                QStringLiteral("seconds")};
const QString kTermPrefix = QStringLiteral("term_");

QString number(double value)
{
    // The shortest text that reads back to the same double: a resumed run brings these rows into
    // the project's database, where they must equal what the progress events recorded.
    return std::isnan(value) ? QStringLiteral("nan")
                             : QString::number(value, 'g', QLocale::FloatingPointShortest);
}

QJsonObject readJsonObject(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(path, f.errorString()));
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &parse);
    if (parse.error != QJsonParseError::NoError || !doc.isObject())
        throw Error(QStringLiteral("%1 is not a valid JSON object (%2)")
                        .arg(path, parse.error != QJsonParseError::NoError
                                       ? parse.errorString()
                                       : QStringLiteral("not an object")));
    return doc.object();
}

} // namespace

QJsonObject RunResult::toJson() const
{
    return {{QStringLiteral("schema"), kSchemaVersion},
            {QStringLiteral("best_epoch"), bestEpoch},
            {QStringLiteral("epochs_run"), epochsRun},
            {QStringLiteral("stopped_early"), stoppedEarly},
            {QStringLiteral("seconds"), seconds},
            {QStringLiteral("val"), validation.toJson()},
            {QStringLiteral("test"), test ? QJsonValue(test->toJson()) : QJsonValue()},
            {QStringLiteral("trust"), trust.isEmpty() ? QJsonValue() : QJsonValue(trust)},
            {QStringLiteral("decision"), decision.isEmpty() ? QJsonValue() : QJsonValue(decision)},
            {QStringLiteral("candidates"), candidates.isEmpty() ? QJsonValue() : QJsonValue(candidates)}};
}

RunResult RunResult::fromJson(const QJsonObject& json)
{
    RunResult r;
    r.bestEpoch = json[QStringLiteral("best_epoch")].toInt();
    r.epochsRun = json[QStringLiteral("epochs_run")].toInt();
    r.stoppedEarly = json[QStringLiteral("stopped_early")].toBool();
    r.seconds = json[QStringLiteral("seconds")].toDouble();
    r.validation = ClassificationMetrics::fromJson(json[QStringLiteral("val")].toObject());
    if (json[QStringLiteral("test")].isObject())
        r.test = ClassificationMetrics::fromJson(json[QStringLiteral("test")].toObject());
    r.trust = json[QStringLiteral("trust")].toObject();
    r.decision = json[QStringLiteral("decision")].toObject();
    r.candidates = json[QStringLiteral("candidates")].toArray();
    return r;
}

RunFolder::RunFolder(const QString& dir) : m_dir(QDir::cleanPath(dir)) {}

QString RunFolder::file(const char* name) const
{
    return QDir(m_dir).filePath(QString::fromLatin1(name));
}

QString RunFolder::name() const
{
    return QFileInfo(m_dir).fileName();
}
QString RunFolder::configPath() const
{
    return file("config.json");
}
QString RunFolder::checkpointPath() const
{
    return file("checkpoint.pt");
}
QString RunFolder::bestWeightsPath() const
{
    return file("best.pt");
}
QString RunFolder::pendingBestWeightsPath(int epoch) const
{
    return QDir(m_dir).filePath(QStringLiteral("best.pt.epoch-%1").arg(epoch));
}
void RunFolder::commitBestWeights(int epoch) const
{
    replaceFile(pendingBestWeightsPath(epoch), bestWeightsPath());
    // Stamped now: results computed from the previous best.pt must look older than these weights
    // (inference reuses stored results by modification time), also when a resume commits them late.
    if (::utimensat(AT_FDCWD, QFile::encodeName(bestWeightsPath()).constData(), nullptr, 0) != 0)
        throw Error(QStringLiteral("Cannot update the time of %1: %2")
                        .arg(bestWeightsPath(), QString::fromLocal8Bit(std::strerror(errno))));
}
void RunFolder::settleBestWeights(int checkpointEpoch, int bestEpoch) const
{
    // Exactly "best.pt.epoch-N": an AtomicFile's temporary of such a file ("….partial-…") is
    // AtomicFile's to clean, and may belong to a process on another host.
    static const QRegularExpression pendingName(QStringLiteral("^best\\.pt\\.epoch-(\\d+)$"));
    for (const QString& name : QDir(m_dir).entryList(QDir::Files | QDir::Hidden)) {
        const QRegularExpressionMatch match = pendingName.match(name);
        if (!match.hasMatch())
            continue;
        const int epoch = match.captured(1).toInt();
        if (epoch == bestEpoch && epoch <= checkpointEpoch)
            commitBestWeights(epoch);
        else
            QFile::remove(QDir(m_dir).filePath(name));
    }
}
QString RunFolder::metricsPath() const
{
    return file("metrics.csv");
}
QString RunFolder::resultPath() const
{
    return file("result.json");
}
QString RunFolder::logPath() const
{
    return file("job.jsonl");
}

QString RunFolder::trustPath() const
{
    return file("trust.h5");
}

QString RunFolder::evaluationPath() const
{
    return file("evaluation.csv");
}

QStringList RunFolder::ensembleMembers(const QString& dir)
{
    if (RunFolder(dir).hasConfig())
        return {};
    static const QRegularExpression foldName(QStringLiteral("^fold_(\\d+)$"));
    std::vector<std::pair<int, QString>> folds;
    const QDir folder(dir);
    for (const QString& name : folder.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QRegularExpressionMatch m = foldName.match(name);
        const RunFolder fold(folder.absoluteFilePath(name));
        if (m.hasMatch() && fold.hasConfig() && fold.isFinished() && fold.hasBestWeights())
            folds.emplace_back(m.captured(1).toInt(), fold.path());
    }
    std::sort(folds.begin(), folds.end());
    QStringList members;
    for (const auto& [index, path] : folds)
        members << path;
    return members;
}

bool RunFolder::hasConfig() const
{
    return QFileInfo::exists(configPath());
}
bool RunFolder::hasCheckpoint() const
{
    return QFileInfo::exists(checkpointPath());
}
bool RunFolder::hasBestWeights() const
{
    return QFileInfo::exists(bestWeightsPath());
}
bool RunFolder::isFinished() const
{
    return QFileInfo::exists(resultPath());
}

QString RunFolder::projectFolder() const
{
    QDir dir(QFileInfo(m_dir).absoluteFilePath());
    for (int up = 0; up < 4 && dir.cdUp(); ++up)
        if (QFileInfo(dir.filePath(QLatin1String(kProjectDatabaseFile))).size() > 0)
            return dir.absolutePath();
    return QFileInfo(QFileInfo(m_dir).absoluteFilePath()).absolutePath();
}

void RunFolder::create() const
{
    if (!QDir().mkpath(m_dir))
        throw Error(QStringLiteral("Cannot create the run folder %1 (check the parent folder is writable)")
                        .arg(m_dir));
}

QJsonObject RunFolder::readConfig() const
{
    if (!hasConfig())
        throw Error(QStringLiteral("%1 is not a training run: %2 is missing").arg(m_dir, configPath()));
    return readJsonObject(configPath());
}

void RunFolder::writeConfig(const QJsonObject& config) const
{
    writeFileAtomically(configPath(), QJsonDocument(config).toJson());
}

RunDescription RunFolder::readDescription() const
{
    const QJsonObject json = readConfig();
    RunDescription d;
    d.model = ModelSpec::readFrom(json);
    d.featureDimension = json[QStringLiteral("feature_dimension")].toInt();
    for (const QJsonValue v : json[QStringLiteral("classes")].toArray())
        d.classNames << v.toString();
    d.extractor = json[QStringLiteral("extractor")].toString();
    d.patchSize = json[QStringLiteral("patch_size")].toInt();
    d.magnification = json[QStringLiteral("magnification")].toDouble();
    d.parentRun = json[QStringLiteral("init_from")].toString();
    if (d.featureDimension <= 0 || d.classNames.size() < 2)
        throw Error(QStringLiteral("%1 lacks the feature dimension or class names").arg(configPath()));
    return d;
}

std::vector<EpochRecord> RunFolder::readMetrics() const
{
    std::vector<EpochRecord> rows;
    QFile f(metricsPath());
    if (!f.exists())
        return rows;
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        throw Error(QStringLiteral("Cannot read %1: %2").arg(metricsPath(), f.errorString()));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    if (lines.isEmpty())
        return rows;
    const QStringList header = lines.first().trimmed().split(QLatin1Char(','));
    const qsizetype epochColumn = header.indexOf(QStringLiteral("epoch"));
    if (epochColumn < 0)
        throw Error(QStringLiteral("%1: the header has no 'epoch' column").arg(metricsPath()));
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QStringList cells = lines[i].trimmed().split(QLatin1Char(','));
        if (cells.size() != header.size())
            throw Error(QStringLiteral("%1, line %2: %3 values for %4 columns")
                            .arg(metricsPath())
                            .arg(i + 1)
                            .arg(cells.size())
                            .arg(header.size()));
        EpochRecord r;
        for (qsizetype c = 0; c < header.size(); ++c) {
            bool ok = false;
            const double v = cells[c].toDouble(&ok);
            const double value = ok ? v : std::nan("");
            const QString& column = header[c];
            if (column == QLatin1String("epoch"))
                r.epoch = int(value);
            else if (column == QLatin1String("lr"))
                r.learningRate = value;
            else if (column == QLatin1String("train_loss"))
                r.trainLoss = value;
            else if (column == QLatin1String("val_loss"))
                r.validationLoss = value;
            else if (column == QLatin1String("val_auc"))
                r.validationAuc = value;
            else if (column == QLatin1String("val_accuracy"))
                r.validationAccuracy = value;
            else if (column == QLatin1String("val_balanced_accuracy"))
                r.validationBalancedAccuracy = value;
            else if (column == QLatin1String("val_f1"))
                r.validationF1 = value;
            else if (column == QLatin1String("seconds"))
                r.seconds = value;
            else if (column.startsWith(kTermPrefix))
                r.terms[column.mid(kTermPrefix.size())] = value;
        }
        if (r.epoch < 1)
            throw Error(QStringLiteral("%1, line %2: no epoch number").arg(metricsPath()).arg(i + 1));
        rows.push_back(r);
    }
    return rows;
}

void RunFolder::writeMetrics(const std::vector<EpochRecord>& rows) const
{
    QStringList terms;
    for (const EpochRecord& r : rows)
        for (const auto& [name, value] : r.terms)
            if (!terms.contains(name))
                terms << name;
    terms.sort();
    QStringList header = kFixedColumns;
    for (const QString& t : terms)
        header << kTermPrefix + t;
    QStringList lines{header.join(QLatin1Char(','))};
    for (const EpochRecord& r : rows) {
        QStringList cells{QString::number(r.epoch),
                          number(r.learningRate),
                          number(r.trainLoss),
                          number(r.validationLoss),
                          number(r.validationAuc),
                          number(r.validationAccuracy),
                          number(r.validationBalancedAccuracy),
                          number(r.validationF1),
                          number(r.seconds)};
        for (const QString& t : terms) {
            const auto it = r.terms.find(t);
            cells << (it == r.terms.end() ? QStringLiteral("nan") : number(it->second));
        }
        lines << cells.join(QLatin1Char(','));
    }
    writeFileAtomically(metricsPath(), lines.join(QLatin1Char('\n')).toUtf8() + '\n');
}

std::optional<RunResult> RunFolder::readResult() const
{
    if (!isFinished())
        return std::nullopt;
    return RunResult::fromJson(readJsonObject(resultPath()));
}

void RunFolder::writeResult(const RunResult& result) const
{
    writeFileAtomically(resultPath(), QJsonDocument(result.toJson()).toJson());
}

} // namespace tessera::core
