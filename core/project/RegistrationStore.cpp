#include "RegistrationStore.h"

#include "Project.h"
#include "common/AtomicFile.h"
#include "common/Error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>

namespace tessera::core {

namespace {

QString storeFile(const Project& project)
{
    return QDir(project.folder()).filePath(QString::fromLatin1(kRegistrationsFile));
}

QJsonArray readAll(const QString& path)
{
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        throw Error(QCoreApplication::translate("tessera::core::RegistrationStore",
                                                "Cannot read the slide registrations %1: %2")
                        .arg(path, file.errorString()));
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError ||
        !document.object().value(QStringLiteral("pairs")).isArray())
        throw Error(QCoreApplication::translate("tessera::core::RegistrationStore",
                                                "The slide registrations %1 are damaged (%2)")
                        .arg(path, error.error != QJsonParseError::NoError
                                       ? error.errorString()
                                       : QStringLiteral("no list of pairs")));
    return document.object().value(QStringLiteral("pairs")).toArray();
}

bool isPair(const QJsonObject& entry, const QString& fixed, const QString& moving)
{
    return entry.value(QStringLiteral("fixed")).toString() == fixed &&
           entry.value(QStringLiteral("moving")).toString() == moving;
}

} // namespace

std::vector<PointPair> readRegistration(const Project& project, const QString& fixed, const QString& moving)
{
    const QString path = storeFile(project);
    const QString fixedKey = project.toStored(fixed), movingKey = project.toStored(moving);
    std::vector<PointPair> pairs;
    for (const QJsonValue& value : readAll(path)) {
        const QJsonObject entry = value.toObject();
        if (!isPair(entry, fixedKey, movingKey))
            continue;
        for (const QJsonValue& point : entry.value(QStringLiteral("points")).toArray()) {
            const QJsonArray p = point.toArray();
            if (p.size() != 4 ||
                !std::all_of(p.begin(), p.end(), [](const QJsonValue& v) { return v.isDouble(); }))
                throw Error(
                    QCoreApplication::translate("tessera::core::RegistrationStore",
                                                "The slide registrations %1 are damaged (a point pair "
                                                "without 4 numbers)")
                        .arg(path));
            pairs.push_back(
                {QPointF(p[0].toDouble(), p[1].toDouble()), QPointF(p[2].toDouble(), p[3].toDouble())});
        }
    }
    return pairs;
}

void writeRegistration(const Project& project, const QString& fixed, const QString& moving,
                       const std::vector<PointPair>& pairs)
{
    const QString path = storeFile(project);
    const QString fixedKey = project.toStored(fixed), movingKey = project.toStored(moving);
    QJsonArray kept;
    for (const QJsonValue& value : readAll(path))
        if (!isPair(value.toObject(), fixedKey, movingKey))
            kept.append(value);
    if (!pairs.empty()) {
        QJsonArray points;
        for (const PointPair& pair : pairs)
            points.append(QJsonArray{pair.from.x(), pair.from.y(), pair.to.x(), pair.to.y()});
        kept.append(QJsonObject{{QStringLiteral("fixed"), fixedKey},
                                {QStringLiteral("moving"), movingKey},
                                {QStringLiteral("points"), points}});
    }
    writeFileAtomically(path, QJsonDocument(QJsonObject{{QStringLiteral("pairs"), kept}}).toJson());
}

} // namespace tessera::core
