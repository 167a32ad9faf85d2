// Application preferences that a user may want to tune (stored with QSettings).
#pragma once

#include <QDialog>

class QSpinBox;

namespace tessera::ui {

struct Preferences {
    int tileCacheMiB = 512;

    static Preferences load();
    void save() const;
};

class PreferencesDialog : public QDialog {
    Q_OBJECT
public:
    explicit PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);
    Preferences preferences() const;
    QSpinBox* tileCacheSpinBox() const { return m_tileCache; }

private:
    QSpinBox* m_tileCache;
};

} // namespace tessera::ui
