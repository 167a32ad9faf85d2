#include "ViewLayout.h"

#include "common/AtomicFile.h"
#include "common/Error.h"
#include "heatmap/ScoreMap.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <array>

namespace tessera::core {

namespace {

constexpr std::array kModes{SplitMode::Single, SplitMode::Two, SplitMode::Four, SplitMode::Swipe};

} // namespace

QString splitModeName(SplitMode mode)
{
    switch (mode) {
    case SplitMode::Single:
        return QStringLiteral("single");
    case SplitMode::Two:
        return QStringLiteral("two");
    case SplitMode::Four:
        return QStringLiteral("four");
    case SplitMode::Swipe:
        return QStringLiteral("swipe");
    }
    return QStringLiteral("single");
}

int ViewLayout::paneCount(SplitMode mode)
{
    return mode == SplitMode::Four ? 4 : mode == SplitMode::Single ? 1 : 2;
}

ViewLayout readViewLayout(const QString& projectFolder)
{
    const QString path = QDir(projectFolder).filePath(QString::fromLatin1(kViewLayoutFile));
    QFile file(path);
    if (!file.exists())
        return {};
    if (!file.open(QIODevice::ReadOnly))
        throw Error(
            QCoreApplication::translate("tessera::core::ViewLayout", "Cannot read the view layout %1: %2")
                .arg(path, file.errorString()));
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &parseError);
    const auto broken = [&path](const QString& why) {
        return Error(QCoreApplication::translate(
                         "tessera::core::ViewLayout",
                         "The view layout %1 is damaged (%2); the views stay single until it is saved "
                         "again")
                         .arg(path, why));
    };
    if (parseError.error != QJsonParseError::NoError)
        throw broken(parseError.errorString());
    const QJsonObject root = document.object();
    const QString modeName = root.value(QStringLiteral("mode")).toString();
    const auto mode =
        std::find_if(kModes.begin(), kModes.end(), [&](SplitMode m) { return splitModeName(m) == modeName; });
    if (mode == kModes.end())
        throw broken(
            QCoreApplication::translate("tessera::core::ViewLayout", "unknown split '%1'").arg(modeName));
    ViewLayout layout;
    layout.mode = *mode;
    layout.swipePosition = std::clamp(root.value(QStringLiteral("swipe")).toDouble(0.5), 0.0, 1.0);
    for (const QJsonValue& value : root.value(QStringLiteral("panes")).toArray()) {
        const QJsonObject pane = value.toObject();
        PaneLayout read{pane.value(QStringLiteral("run")).toString(),
                        pane.value(QStringLiteral("map")).toString(),
                        pane.value(QStringLiteral("difference")).toBool(false),
                        pane.value(QStringLiteral("linked")).toBool(true)};
        if (!read.map.isEmpty() && !scoreMapFromName(read.map))
            throw broken(
                QCoreApplication::translate("tessera::core::ViewLayout", "unknown map '%1'").arg(read.map));
        layout.panes.push_back(read);
    }
    return layout;
}

void writeViewLayout(const QString& projectFolder, const ViewLayout& layout)
{
    QJsonArray panes;
    for (const PaneLayout& pane : layout.panes)
        panes.append(QJsonObject{{QStringLiteral("run"), pane.run},
                                 {QStringLiteral("map"), pane.map},
                                 {QStringLiteral("difference"), pane.difference},
                                 {QStringLiteral("linked"), pane.linked}});
    const QJsonObject root{{QStringLiteral("mode"), splitModeName(layout.mode)},
                           {QStringLiteral("swipe"), layout.swipePosition},
                           {QStringLiteral("panes"), panes}};
    writeFileAtomically(QDir(projectFolder).filePath(QString::fromLatin1(kViewLayoutFile)),
                        QJsonDocument(root).toJson());
}

} // namespace tessera::core
