#include "RecentFiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace tessera::ui {

namespace {
const QString kKey = QStringLiteral("recentFiles");
}

RecentFiles::RecentFiles(QMenu* menu, QObject* parent) : QObject(parent), m_menu(menu)
{
    rebuildMenu();
}

QStringList RecentFiles::files() const
{
    return QSettings().value(kKey).toStringList();
}

void RecentFiles::add(const QString& path)
{
    QStringList recent = files();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaximum)
        recent.removeLast();
    QSettings().setValue(kKey, recent);
    rebuildMenu();
}

void RecentFiles::rebuildMenu()
{
    m_menu->clear();
    const QStringList recent = files();
    for (const QString& path : recent)
        m_menu->addAction(QFileInfo(path).fileName(), this, [this, path] { Q_EMIT openRequested(path); })
            ->setToolTip(path);
    m_menu->setEnabled(!recent.isEmpty());
}

} // namespace tessera::ui
