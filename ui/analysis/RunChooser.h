// Analysis ▸ Run Model on Slide…: which trained run to apply. The open project's finished runs
// come first — name, model, date and validation AUC, the best first — with a folder picker
// behind "Other Folder…" (and instead, when there is no project or it has no finished run).
#pragma once

#include <QDialog>

class QTableWidget;

namespace tessera::core {
class Project;
}

namespace tessera::ui {

class RunChooser : public QDialog {
    Q_OBJECT
public:
    RunChooser(core::Project& project, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QString chosenFolder() const; // the selected run's, or the folder picked
    bool isEmpty() const;         // no finished run to offer

    // Asks (the list, or straight away a folder picker) and returns the run folder; empty when
    // cancelled. `lastFolder` is where a folder picker starts.
    static QString choose(QWidget* parent, core::Project* project, const QString& lastFolder);

private:
    QTableWidget* m_table;
    QString m_otherFolder;
    QString m_lastFolder;
};

} // namespace tessera::ui
