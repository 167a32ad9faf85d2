// The most recently opened slides (kept in QSettings) and the File ▸ Open Recent menu.
#pragma once

#include <QObject>
#include <QStringList>

class QMenu;

namespace tessera::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaximum = 10;

    // Fills `menu` now and after every change.
    RecentFiles(QMenu* menu, QObject* parent = nullptr);

    QStringList files() const;
    void add(const QString& path); // to the top, once

Q_SIGNALS:
    void openRequested(const QString& path);

private:
    void rebuildMenu();
    QMenu* m_menu;
};

} // namespace tessera::ui
